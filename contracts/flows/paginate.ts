/**
 * Walking a cursor-paginated listing to its end, checking on the way that pages respect the
 * limit, that no item repeats, that the walk ends, and that `total_items` matches what was seen.
 */
import type { CheckContext } from '../check-context.js';

export interface WalkResult<T> {
  items: T[];
  pages: number;
  /** `total_items` of the first page, when the listing reports one. */
  total?: number;
  /** Exchange of the last page. */
  exchange: number;
}

export interface WalkOptions<T> {
  operationId: string;
  params: Record<string, string>;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  limit: number;
  key(item: T): string;
  /** Stop (with a violation) after this many pages. Default 60. */
  maxPages?: number;
  /** Check `total_items` against the items seen (default true; mount items have none). */
  checkTotal?: boolean;
}

/**
 * @example
 * const { items } = await walkPages(ctx, { operationId: 'listSessionTools', params: { session_id }, limit: 2, key: (t) => t.slug });
 */
export async function walkPages<T = any>(ctx: CheckContext, options: WalkOptions<T>): Promise<WalkResult<T>> {
  const items: T[] = [];
  const seen = new Map<string, number>();
  const cursors = new Set<string>();
  const maxPages = options.maxPages ?? 60;
  let cursor: string | undefined;
  let total: number | undefined;
  let exchange = -1;
  for (let page = 1; ; page++) {
    const res = await ctx.call(options.operationId, { params: options.params, query: { ...options.query, limit: options.limit, cursor } });
    exchange = res.exchange;
    const pageItems: T[] = Array.isArray(res.body?.items) ? res.body.items : [];
    if (page === 1 && typeof res.body?.total_items === 'number') total = res.body.total_items;
    ctx.expect(pageItems.length <= options.limit, `page ${page} holds ${pageItems.length} items with limit=${options.limit}`, res.exchange, '/items');
    for (const item of pageItems) {
      const key = options.key(item);
      if (seen.has(key)) ctx.expect(false, `${key} appears again on page ${page} (first on page ${seen.get(key)})`, res.exchange, '/items');
      else seen.set(key, page);
      items.push(item);
    }
    const next: unknown = res.body?.next_cursor;
    if (typeof next !== 'string' || next === '') {
      if (options.checkTotal !== false && total !== undefined) {
        ctx.expectEqual(items.length, total, `items walked vs total_items of ${options.operationId}`, res.exchange, '/total_items');
      }
      return { items, pages: page, ...(total !== undefined ? { total } : {}), exchange };
    }
    if (cursors.has(next)) {
      ctx.expect(false, `next_cursor ${JSON.stringify(next)} was already returned: the walk would never end`, res.exchange, '/next_cursor');
      return { items, pages: page, ...(total !== undefined ? { total } : {}), exchange };
    }
    if (page >= maxPages) {
      ctx.expect(false, `the listing did not end within ${maxPages} pages of ${options.limit}`, res.exchange, '/next_cursor');
      return { items, pages: page, ...(total !== undefined ? { total } : {}), exchange };
    }
    ctx.expect(pageItems.length > 0, `page ${page} is empty but has a next_cursor`, res.exchange, '/next_cursor');
    cursors.add(next);
    cursor = next;
  }
}
