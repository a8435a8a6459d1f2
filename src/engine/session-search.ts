/**
 * POST .../search: ranked tools per query, limited to what the session allows (plus the inline
 * custom tools of the request), with schemas, connection statuses and guidance (reference 3.7).
 * COMPOSIO_SEARCH_TOOLS answers with the same. A query that no allowed tool answers gets empty
 * tool lists and guidance naming the session's toolkits, not an error.
 */
import { connectionStatus, type ToolkitConnectionStatus } from './connection-status.js';
import type { CustomsInput } from './custom-tools.js';
import type { Engine } from './engine.js';
import { customSearchTools, searchIndexFor, type SearchCustomTool } from './search-customs.js';
import { SELECTION_CANDIDATES, selectTools } from './search-select.js';
import { requireSession } from './sessions.js';
import { allowedToolSlugs } from './tool-access.js';
import type { CallContext } from './types.js';

const MAX_USE_CASE = 1024;
const MAX_KNOWN_FIELDS = 500;

export interface SearchQueryInput {
  use_case: string;
  known_fields?: string;
}

export interface SearchInput {
  queries: SearchQueryInput[];
  model?: string;
  /** Sent by @composio/core's session.search({ toolkits }); not in the v3.1 types. */
  toolkits?: string[];
  /** Inline custom tools, ranked with the catalog's (@composio/core sends the session's). */
  experimental?: CustomsInput;
}

interface SearchResultView {
  index: number;
  use_case: string;
  primary_tool_slugs: string[];
  related_tool_slugs: string[];
  toolkits: string[];
  execution_guidance?: string;
  difficulty?: string;
  error: string | null;
}

type ToolSchemaView = {
  toolkit: string;
  tool_slug: string;
  description?: string;
  input_schema?: Record<string, unknown>;
  output_schema?: Record<string, unknown>;
  hasFullSchema: boolean;
  schemaRef?: { tool: 'COMPOSIO_GET_TOOL_SCHEMAS'; args: { tool_slugs: string[] }; message: string };
};

export interface SearchResponse {
  success: boolean;
  error: string | null;
  results: SearchResultView[];
  toolkit_connection_statuses: ToolkitConnectionStatus[];
  tool_schemas: Record<string, ToolSchemaView>;
  time_info: { current_time_utc: string; current_time_utc_epoch_seconds: number; message: string };
  session: { id: string; generate_id: boolean; instructions: string };
  next_steps_guidance: string[];
}

function queryProblem(query: SearchQueryInput): string | undefined {
  if (query.use_case.trim() === '') return 'use_case is empty';
  if (query.use_case.length > MAX_USE_CASE) return `use_case is ${query.use_case.length} characters; at most ${MAX_USE_CASE} are allowed`;
  if ((query.known_fields?.length ?? 0) > MAX_KNOWN_FIELDS) return `known_fields is longer than ${MAX_KNOWN_FIELDS} characters`;
  return undefined;
}

function requiredParams(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.required) ? (schema.required as string[]) : [];
}

/** What search reads of a tool, catalog or custom. */
interface FoundTool {
  slug: string;
  toolkit: string;
  description: string;
  input: Record<string, unknown>;
  output?: Record<string, unknown>;
  /** Catalog tools and tools extending a catalog toolkit run with that toolkit's connection. */
  needsConnection: boolean;
  custom: boolean;
}

/** The tools one search request can answer with: the catalog's the session allows, and the request's customs. */
interface SearchScope {
  engine: Engine;
  customs: Map<string, SearchCustomTool>;
  allowed: ReadonlySet<string>;
}

function findTool(scope: SearchScope, slug: string): FoundTool {
  const custom = scope.customs.get(slug);
  if (custom) {
    return {
      slug,
      toolkit: custom.toolkit,
      description: custom.description,
      input: custom.input_schema,
      ...(custom.output_schema ? { output: custom.output_schema } : {}),
      needsConnection: custom.extendsCatalogToolkit,
      custom: true,
    };
  }
  const tool = scope.engine.catalog.getTool(slug)!;
  return { slug, toolkit: tool.toolkit, description: tool.description, input: tool.input_parameters, output: tool.output_parameters, needsConnection: true, custom: false };
}

function guidance(tools: FoundTool[]): string {
  return tools
    .map((tool) => {
      const required = requiredParams(tool.input);
      const call = required.length ? `Call ${tool.slug} with ${required.join(', ')}.` : `Call ${tool.slug}; it needs no required arguments.`;
      return tool.custom ? `${call} It is a custom tool: your SDK runs it in-process.` : call;
    })
    .join(' ');
}

/** The toolkits an agent can reach in this session: those of the allowed catalog tools, then the custom ones. */
function sessionToolkits(scope: SearchScope): string[] {
  const toolkits = new Set<string>();
  for (const slug of scope.allowed) toolkits.add(scope.engine.catalog.getTool(slug)!.toolkit);
  const catalogOnes = [...toolkits].sort();
  const customOnes = [...new Set([...scope.customs.values()].map((tool) => tool.toolkit))].filter((tk) => !toolkits.has(tk)).sort();
  return [...catalogOnes, ...customOnes];
}

function noMatchGuidance(scope: SearchScope): string {
  const toolkits = sessionToolkits(scope);
  return toolkits.length
    ? `No tool in this session matches this use case; the session's toolkits are ${toolkits.join(', ')}. Enable a toolkit that fits in the session config, or go on without a tool.`
    : 'No tool in this session matches this use case; the session allows no toolkit. Enable one in the session config, or go on without a tool.';
}

function rank(scope: SearchScope, query: SearchQueryInput, toolkits: string[] | undefined): { primary: string[]; related: string[] } {
  const text = query.known_fields ? `${query.use_case} ${query.known_fields.replace(/[:,]/g, ' ')}` : query.use_case;
  const index = searchIndexFor(scope.engine, [...scope.customs.values()]);
  const ranking = index.rank(text, {
    limit: SELECTION_CANDIDATES,
    allow: (slug) => scope.allowed.has(slug) || scope.customs.has(slug),
    ...(toolkits && toolkits.length ? { toolkits } : {}),
  });
  return selectTools(ranking, (slug) => findTool(scope, slug).toolkit);
}

function schemaView(tool: FoundTool, full: boolean): ToolSchemaView {
  // A custom tool's schema is only in this request: COMPOSIO_GET_TOOL_SCHEMAS could not return it.
  if (full || tool.custom) {
    return {
      toolkit: tool.toolkit,
      tool_slug: tool.slug,
      description: tool.description,
      input_schema: tool.input,
      ...(tool.output ? { output_schema: tool.output } : {}),
      hasFullSchema: true,
    };
  }
  return {
    toolkit: tool.toolkit,
    tool_slug: tool.slug,
    description: tool.description,
    hasFullSchema: false,
    schemaRef: { tool: 'COMPOSIO_GET_TOOL_SCHEMAS', args: { tool_slugs: [tool.slug] }, message: `Call COMPOSIO_GET_TOOL_SCHEMAS for the schema of ${tool.slug} before executing it.` },
  };
}

/**
 * Runs every query of a search for a session.
 *
 * @example
 * const out = searchSession(engine, ctx, 'trs_abc', { queries: [{ use_case: 'send an email' }] });
 * out.results[0]?.primary_tool_slugs; // ['GMAIL_SEND_EMAIL', ...]
 */
export function searchSession(engine: Engine, ctx: CallContext, sessionId: string, input: SearchInput): SearchResponse {
  const project = engine.store.project(ctx.apiKey);
  const session = requireSession(project, sessionId);
  const customs = new Map(customSearchTools(engine.catalog, input.experimental).map((tool) => [tool.slug, tool]));
  const scope: SearchScope = { engine, customs, allowed: allowedToolSlugs(session.config, engine.catalog.tools) };
  const schemas: Record<string, ToolSchemaView> = {};
  /** Toolkits needing a connection, in order of first use, and those of primary tools. */
  const usedToolkits: string[] = [];
  const primaryToolkits = new Set<string>();
  const failures: string[] = [];
  let unanswered = 0;

  const results = input.queries.map((query, i): SearchResultView => {
    const base = { index: i + 1, use_case: query.use_case };
    const problem = queryProblem(query);
    if (problem) {
      failures.push(`query ${i + 1}: ${problem}`);
      return { ...base, primary_tool_slugs: [], related_tool_slugs: [], toolkits: [], error: problem };
    }
    const { primary, related } = rank(scope, query, input.toolkits);
    const primaryTools = primary.map((slug) => findTool(scope, slug));
    const relatedTools = related.map((slug) => findTool(scope, slug));
    for (const tool of primaryTools) schemas[tool.slug] = schemaView(tool, true);
    for (const tool of relatedTools) if (!schemas[tool.slug]) schemas[tool.slug] = schemaView(tool, false);
    const toolkits = [...new Set([...primaryTools, ...relatedTools].map((tool) => tool.toolkit))];
    for (const tool of [...primaryTools, ...relatedTools]) {
      if (tool.needsConnection && !usedToolkits.includes(tool.toolkit)) usedToolkits.push(tool.toolkit);
    }
    for (const tool of primaryTools) if (tool.needsConnection) primaryToolkits.add(tool.toolkit);
    // One literal with every field, in wire order: cheaper than spreading `base` and adding to it.
    if (primary.length === 0) {
      unanswered++;
      return { index: i + 1, use_case: query.use_case, primary_tool_slugs: primary, related_tool_slugs: related, toolkits, error: null, execution_guidance: noMatchGuidance(scope) };
    }
    return {
      index: i + 1,
      use_case: query.use_case,
      primary_tool_slugs: primary,
      related_tool_slugs: related,
      toolkits,
      error: null,
      execution_guidance: guidance(primaryTools),
      difficulty: primary.length === 1 ? 'easy - one tool call' : `medium - ${primary.length} tool calls`,
    };
  });

  const statuses = usedToolkits.map((tk) => connectionStatus(engine.catalog, project, session, tk));
  const now = engine.clock.now();
  const unconnected = statuses.filter((s) => !s.has_active_connection && primaryToolkits.has(s.toolkit)).map((s) => s.toolkit);
  return {
    success: failures.length === 0,
    error: failures.length ? `${failures.length} out of ${input.queries.length} searches failed, reasons: ${failures.join('; ')}` : null,
    results,
    toolkit_connection_statuses: statuses,
    tool_schemas: schemas,
    time_info: {
      current_time_utc: now.toISOString(),
      current_time_utc_epoch_seconds: Math.floor(now.getTime() / 1000),
      message: 'Current time in UTC; convert to the user\'s time zone when you show it.',
    },
    session: {
      id: session.session_id,
      generate_id: false,
      instructions: `Pass session_id "${session.session_id}" in later meta-tool calls of this task.`,
    },
    next_steps_guidance: [
      ...(unconnected.length ? [`Connect ${unconnected.join(', ')} first with COMPOSIO_MANAGE_CONNECTIONS.`] : []),
      ...(unanswered > 0 ? [`${unanswered === 1 ? 'One use case has' : `${unanswered} use cases have`} no matching tool in this session (see execution_guidance): do not call a tool for it.`] : []),
      ...(results.some((r) => r.primary_tool_slugs.length > 0) ? ['Execute the primary tools with the arguments their input schemas require.'] : []),
      ...(Object.values(schemas).some((view) => view.schemaRef) ? ['For tools listed with schemaRef, fetch their schemas with COMPOSIO_GET_TOOL_SCHEMAS before executing.'] : []),
    ],
  };
}
