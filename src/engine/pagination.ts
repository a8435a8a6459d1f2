/**
 * Page-number pagination as tools, toolkits and config_history use it: the cursor is
 * base64 of `page:limit` (the service describes it so), and pages are 1-based.
 */
import { badRequest } from './errors.js';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total_pages: number;
  current_page: number;
  total_items: number;
}

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * @example
 * encodeCursor(2, 20); // 'MjoyMA'
 */
export function encodeCursor(page: number, limit: number): string {
  return Buffer.from(`${page}:${limit}`).toString('base64url');
}

function decodeCursor(cursor: string): { page: number; limit: number } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([1-9]\d{0,8}):([1-9]\d{0,3})$/.exec(text);
  // Base64 decoding skips stray characters, so only the exact encoding this endpoint issues counts.
  if (!match || encodeCursor(Number(match[1]), Number(match[2])) !== cursor) {
    throw badRequest('Invalid cursor', [`/query/cursor: "${cursor.slice(0, 64)}" is not a cursor this endpoint issued`], {
      suggestedFix: 'Pass the next_cursor of the previous page unchanged, or omit cursor for the first page.',
    });
  }
  return { page: Number(match[1]), limit: Number(match[2]) };
}

/**
 * One page of `all`.
 *
 * @example
 * paginate(items, { limit: 10 }, { defaultLimit: 20, maxLimit: 100 }).next_cursor;
 */
export function paginate<T>(all: readonly T[], request: PageRequest, bounds: { defaultLimit: number; maxLimit: number }): Page<T> {
  const fromCursor = request.cursor ? decodeCursor(request.cursor) : undefined;
  const limit = Math.min(Math.max(request.limit ?? fromCursor?.limit ?? bounds.defaultLimit, 1), bounds.maxLimit);
  const page = Math.max(fromCursor?.page ?? 1, 1);
  const totalPages = Math.max(Math.ceil(all.length / limit), 1);
  const start = (page - 1) * limit;
  return {
    items: all.slice(start, start + limit),
    next_cursor: page < totalPages ? encodeCursor(page + 1, limit) : null,
    total_pages: totalPages,
    current_page: page,
    total_items: all.length,
  };
}
