import type { ExecutionScope, ToolOutcome } from '../execute.js';
import { type SearchInput, searchSession } from '../session-search.js';

/**
 * COMPOSIO_SEARCH_TOOLS: the same engine as POST .../search; `data` is that response.
 *
 * @example
 * searchTools(scope, { queries: [{ use_case: 'star a repo' }] }).data.results;
 */
export function searchTools(scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  // Only what the meta tool's schema declares (and runMetaTool checked): an undeclared
  // `toolkits` or `experimental` from an agent is not the SDK's request field of that name.
  const input: SearchInput = { queries: args.queries as SearchInput['queries'], ...(typeof args.model === 'string' ? { model: args.model } : {}) };
  const result = searchSession(scope.engine, scope.ctx, scope.session.session_id, input);
  return { data: result as unknown as Record<string, unknown>, error: result.error };
}
