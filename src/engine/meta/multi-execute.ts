import { ApiError } from '../errors.js';
import { type ExecutionScope, runAppTool, type ToolOutcome } from '../execute.js';
import { isMetaToolSlug } from '../meta-tools.js';

interface BatchItem {
  tool_slug: string;
  arguments?: Record<string, unknown>;
  account?: string;
}

/**
 * COMPOSIO_MULTI_EXECUTE_TOOL: each item runs on its own; a failing item (even one the
 * single execute would answer with a 403/404) becomes that item's error and the others
 * still run. Results keep request order with 0-based `index` (as @composio/core merges them).
 *
 * @example
 * multiExecute(scope, { tools: [{ tool_slug: 'HACKERNEWS_GET_TOP_STORIES', arguments: {} }] }).data.success_count; // 1
 */
export function multiExecute(scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  const items = args.tools as BatchItem[];
  const results = items.map((item, index) => {
    let outcome: ToolOutcome;
    if (isMetaToolSlug(item.tool_slug.toUpperCase())) {
      outcome = { data: {}, error: `${item.tool_slug} is a meta tool; call it directly, not inside COMPOSIO_MULTI_EXECUTE_TOOL.` };
    } else {
      try {
        outcome = runAppTool(scope, item.tool_slug, item.arguments ?? {}, item.account);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        outcome = { data: {}, error: error.message };
      }
    }
    return {
      response: { successful: outcome.error === null, data: outcome.data, ...(outcome.error ? { error: outcome.error } : {}) },
      tool_slug: item.tool_slug,
      index,
      ...(outcome.error ? { error: outcome.error } : {}),
    };
  });
  const errorCount = results.filter((r) => r.error).length;
  return {
    data: { results, total_count: results.length, success_count: results.length - errorCount, error_count: errorCount },
    error: errorCount > 0 ? `${errorCount} out of ${results.length} tools failed` : null,
  };
}
