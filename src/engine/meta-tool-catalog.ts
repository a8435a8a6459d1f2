/**
 * The meta tools as the tools listing returns them: their argument and result schemas are
 * the contract the mock implements (reference 5 leaves most of them unpublished; these are
 * the mock's documented choices, modelled on what agents send).
 */
import type { JsonSchema } from './catalog-types.js';
import type { MetaToolSlug } from './meta-tools.js';
import type { WireTool } from './wire-tool.js';

const COMPOSIO_TOOLKIT = { slug: 'composio', name: 'Composio', logo: 'https://logos.composio.dev/api/composio' };
const VERSION = '20250901_00';

const obj = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', properties, required });
const str = (description: string): JsonSchema => ({ type: 'string', description });
const strings = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });

interface MetaToolDefinition {
  name: string;
  description: string;
  tags: string[];
  input: JsonSchema;
  output: JsonSchema;
}

const DEFINITIONS: Record<MetaToolSlug, MetaToolDefinition> = {
  COMPOSIO_SEARCH_TOOLS: {
    name: 'Search tools',
    description:
      'Find the tools that can do a task. Give one query per task (use_case, optionally known_fields as "key:value" pairs). Returns the best tools per query, their schemas or a pointer to COMPOSIO_GET_TOOL_SCHEMAS, connection statuses of their toolkits and guidance.',
    tags: ['readOnlyHint', 'idempotentHint'],
    input: obj(
      {
        queries: {
          type: 'array',
          minItems: 1,
          description: 'One entry per task.',
          items: obj({ use_case: str('The task, in natural language (at most 1024 characters).'), known_fields: str('Known values, "key:value, key:value".') }, ['use_case']),
        },
        session: obj({ id: str('The session id from an earlier search, to keep context.'), generate_id: { type: 'boolean' } }),
        model: str('Model hint.'),
      },
      ['queries'],
    ),
    output: obj({ success: { type: 'boolean' }, results: { type: 'array', items: { type: 'object' } }, tool_schemas: { type: 'object' } }),
  },
  COMPOSIO_GET_TOOL_SCHEMAS: {
    name: 'Get tool schemas',
    description: 'Full input and output schemas of tools by slug, for tools that search listed without their schema.',
    tags: ['readOnlyHint', 'idempotentHint'],
    input: obj({ tool_slugs: { ...strings('Tool slugs.'), minItems: 1 } }, ['tool_slugs']),
    output: obj({ tool_schemas: { type: 'object' }, not_found: strings('Slugs that are not tools of this session.') }),
  },
  COMPOSIO_MULTI_EXECUTE_TOOL: {
    name: 'Execute several tools',
    description: 'Run several tool calls in one step. Each item succeeds or fails on its own; the result lists every item in order with counts.',
    tags: ['openWorldHint'],
    input: obj(
      {
        tools: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: obj({ tool_slug: str('Tool to run.'), arguments: { type: 'object' }, account: str('Connected account id or alias.') }, ['tool_slug']),
        },
        thought: str('Why these calls (logged only).'),
      },
      ['tools'],
    ),
    output: obj({
      results: { type: 'array', items: { type: 'object' } },
      total_count: { type: 'integer' },
      success_count: { type: 'integer' },
      error_count: { type: 'integer' },
    }),
  },
  COMPOSIO_MANAGE_CONNECTIONS: {
    name: 'Manage connections',
    description:
      'Check and create connections to apps. For each toolkit, reports an active connection or starts an auth link and returns its URL for the user to open. With action "remove", disconnects the toolkit (when the session allows removal).',
    tags: ['openWorldHint'],
    input: obj(
      {
        toolkits: { ...strings('Toolkit slugs.'), minItems: 1 },
        action: { type: 'string', enum: ['connect', 'remove'], default: 'connect' },
        reinitiate_all: { type: 'boolean', description: 'Start a new link even when a connection is active.' },
      },
      ['toolkits'],
    ),
    output: obj({ results: { type: 'object' }, summary: { type: 'string' } }),
  },
  COMPOSIO_WAIT_FOR_CONNECTIONS: {
    name: 'Wait for connections',
    description: 'Wait until the user finishes the auth links of the given toolkits, up to a timeout. Returns each toolkit\'s status.',
    tags: ['readOnlyHint'],
    input: obj(
      { toolkits: { ...strings('Toolkit slugs.'), minItems: 1 }, timeout_seconds: { type: 'number', minimum: 0, maximum: 60, default: 10 } },
      ['toolkits'],
    ),
    output: obj({ results: { type: 'object' }, all_active: { type: 'boolean' } }),
  },
  COMPOSIO_REMOTE_WORKBENCH: {
    name: 'Remote workbench',
    description: 'Run Python in the session sandbox (simulated by composio-mock: nothing is executed).',
    tags: ['openWorldHint', 'destructiveHint'],
    input: obj({ code_to_execute: str('Python code.'), thought: str('Why.') }, ['code_to_execute']),
    output: obj({ stdout: { type: 'string' }, stderr: { type: 'string' }, simulated: { type: 'boolean' } }),
  },
  COMPOSIO_REMOTE_BASH_TOOL: {
    name: 'Remote bash',
    description: 'Run a shell command in the session sandbox (simulated by composio-mock: nothing is executed).',
    tags: ['openWorldHint', 'destructiveHint'],
    input: obj({ command: str('Shell command.') }, ['command']),
    output: obj({ stdout: { type: 'string' }, stderr: { type: 'string' }, exit_code: { type: 'integer' }, simulated: { type: 'boolean' } }),
  },
};

/**
 * The wire `Tool` of a meta tool.
 *
 * @example
 * metaToolWire('COMPOSIO_SEARCH_TOOLS').toolkit.slug; // 'composio'
 */
export function metaToolWire(slug: MetaToolSlug): WireTool {
  const def = DEFINITIONS[slug];
  return {
    slug,
    name: def.name,
    description: def.description,
    toolkit: { ...COMPOSIO_TOOLKIT },
    input_parameters: structuredClone(def.input),
    output_parameters: structuredClone(def.output),
    no_auth: true,
    available_versions: [VERSION],
    version: VERSION,
    scopes: [],
    scope_requirements: null,
    tags: [...def.tags],
    is_deprecated: false,
    deprecated: { displayName: def.name, version: VERSION, available_versions: [VERSION], is_deprecated: false, toolkit: { logo: COMPOSIO_TOOLKIT.logo } },
  };
}
