import type { ExecutionScope, ToolOutcome } from '../execute.js';
import { isToolAllowed } from '../tool-access.js';

/**
 * COMPOSIO_GET_TOOL_SCHEMAS: full schemas of the session's tools by slug; slugs that are
 * not tools of the session are listed in `not_found` (an error only when none is found).
 *
 * @example
 * getToolSchemas(scope, { tool_slugs: ['GMAIL_SEND_EMAIL'] }).data.tool_schemas;
 */
export function getToolSchemas(scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  const tool_schemas: Record<string, unknown> = {};
  const not_found: string[] = [];
  for (const slug of args.tool_slugs as string[]) {
    const tool = scope.engine.catalog.getTool(slug);
    if (!tool || !isToolAllowed(scope.session.config, tool)) {
      not_found.push(slug);
      continue;
    }
    tool_schemas[tool.slug] = {
      toolkit: tool.toolkit,
      tool_slug: tool.slug,
      description: tool.description,
      input_schema: tool.input_parameters,
      output_schema: tool.output_parameters,
      hasFullSchema: true,
    };
  }
  const error = Object.keys(tool_schemas).length === 0 ? `None of the requested tools is available in this session: ${not_found.join(', ')}` : null;
  return { data: { tool_schemas, not_found }, error };
}
