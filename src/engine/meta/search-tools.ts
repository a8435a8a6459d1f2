import type { ExecutionScope, ToolOutcome } from '../execute.js';
import { type SearchInput, searchSession } from '../session-search.js';

/**
 * COMPOSIO_SEARCH_TOOLS: the same engine as POST .../search; `data` is that response.
 *
 * @example
 * searchTools(scope, { queries: [{ use_case: 'star a repo' }] }).data.results;
 */
export function searchTools(scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  const result = searchSession(scope.engine, scope.ctx, scope.session.session_id, args as unknown as SearchInput);
  return { data: result as unknown as Record<string, unknown>, error: result.error };
}
