/**
 * Dispatches a meta tool after checking its arguments against the schema the tools listing
 * publishes for it (meta-tool-catalog.ts). Argument errors are in-band.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ExecutionScope, ToolOutcome } from '../execute.js';
import { metaToolWire } from '../meta-tool-catalog.js';
import type { MetaToolSlug } from '../meta-tools.js';
import { getToolSchemas } from './get-tool-schemas.js';
import { manageConnections } from './manage-connections.js';
import { multiExecute } from './multi-execute.js';
import { searchTools } from './search-tools.js';
import { simulateBash, simulateWorkbench } from './sandbox.js';
import { waitForConnections } from './wait-for-connections.js';

type MetaRunner = (scope: ExecutionScope, args: Record<string, unknown>) => ToolOutcome | Promise<ToolOutcome>;

const RUNNERS: Record<MetaToolSlug, MetaRunner> = {
  COMPOSIO_SEARCH_TOOLS: searchTools,
  COMPOSIO_GET_TOOL_SCHEMAS: getToolSchemas,
  COMPOSIO_MULTI_EXECUTE_TOOL: multiExecute,
  COMPOSIO_MANAGE_CONNECTIONS: manageConnections,
  COMPOSIO_WAIT_FOR_CONNECTIONS: waitForConnections,
  COMPOSIO_REMOTE_WORKBENCH: simulateWorkbench,
  COMPOSIO_REMOTE_BASH_TOOL: simulateBash,
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map<MetaToolSlug, ValidateFunction>();

function argumentProblems(slug: MetaToolSlug, args: Record<string, unknown>): string[] {
  let check = validators.get(slug);
  if (!check) {
    check = ajv.compile(metaToolWire(slug).input_parameters);
    validators.set(slug, check);
  }
  if (check(args)) return [];
  return (check.errors ?? []).map((e) =>
    e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}: is required` : `${e.instancePath || '/'}: ${e.message ?? e.keyword}`,
  );
}

/**
 * @example
 * await runMetaTool(scope, 'COMPOSIO_GET_TOOL_SCHEMAS', { tool_slugs: ['GMAIL_SEND_EMAIL'] });
 */
export async function runMetaTool(scope: ExecutionScope, slug: MetaToolSlug, args: Record<string, unknown>): Promise<ToolOutcome> {
  const problems = argumentProblems(slug, args);
  if (problems.length > 0) return { data: {}, error: `Invalid arguments for ${slug}: ${problems.join('; ')}` };
  return RUNNERS[slug](scope, args);
}
