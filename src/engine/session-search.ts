/**
 * POST .../search: ranked tools per query, limited to what the session allows, with schemas,
 * connection statuses and guidance (reference 3.7). COMPOSIO_SEARCH_TOOLS answers with the same.
 */
import { connectionStatus, type ToolkitConnectionStatus } from './connection-status.js';
import type { Engine } from './engine.js';
import { requireSession } from './sessions.js';
import { allowedToolSlugs } from './tool-access.js';
import type { CallContext, SessionRecord } from './types.js';

const MAX_USE_CASE = 1024;
const MAX_KNOWN_FIELDS = 500;
const MAX_PRIMARY = 3;
const MAX_RELATED = 5;
/** A hit counts as primary when it scores at least this share of the best hit. */
const PRIMARY_SHARE = 0.8;

export interface SearchQueryInput {
  use_case: string;
  known_fields?: string;
}

export interface SearchInput {
  queries: SearchQueryInput[];
  model?: string;
  /** Sent by @composio/core's session.search({ toolkits }); not in the v3.1 types. */
  toolkits?: string[];
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

function guidance(engine: Engine, primary: string[]): string {
  return primary
    .map((slug) => {
      const required = requiredParams(engine.catalog.getTool(slug)!.input_parameters);
      return required.length ? `Call ${slug} with ${required.join(', ')}.` : `Call ${slug}; it needs no required arguments.`;
    })
    .join(' ');
}

function rank(engine: Engine, session: SessionRecord, query: SearchQueryInput, toolkits: string[] | undefined): { primary: string[]; related: string[] } {
  const text = query.known_fields ? `${query.use_case} ${query.known_fields.replace(/[:,]/g, ' ')}` : query.use_case;
  const allowed = allowedToolSlugs(session.config, engine.catalog.tools);
  const hits = engine.searchIndex.search(text, {
    limit: MAX_PRIMARY + MAX_RELATED,
    allow: (slug) => allowed.has(slug),
    ...(toolkits && toolkits.length ? { toolkits } : {}),
  });
  const best = hits[0]?.score ?? 0;
  const primary = hits.filter((h, i) => i < MAX_PRIMARY && (i === 0 || h.score >= best * PRIMARY_SHARE)).map((h) => h.slug);
  const related = hits.map((h) => h.slug).filter((slug) => !primary.includes(slug)).slice(0, MAX_RELATED);
  return { primary, related };
}

function schemaView(engine: Engine, slug: string, full: boolean): ToolSchemaView {
  const tool = engine.catalog.getTool(slug)!;
  if (full) {
    return { toolkit: tool.toolkit, tool_slug: slug, description: tool.description, input_schema: tool.input_parameters, output_schema: tool.output_parameters, hasFullSchema: true };
  }
  return {
    toolkit: tool.toolkit,
    tool_slug: slug,
    description: tool.description,
    hasFullSchema: false,
    schemaRef: { tool: 'COMPOSIO_GET_TOOL_SCHEMAS', args: { tool_slugs: [slug] }, message: `Call COMPOSIO_GET_TOOL_SCHEMAS for the schema of ${slug} before executing it.` },
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
  const schemas: Record<string, ToolSchemaView> = {};
  const usedToolkits: string[] = [];
  const failures: string[] = [];

  const results = input.queries.map((query, i): SearchResultView => {
    const base = { index: i + 1, use_case: query.use_case };
    const problem = queryProblem(query);
    if (problem) {
      failures.push(`query ${i + 1}: ${problem}`);
      return { ...base, primary_tool_slugs: [], related_tool_slugs: [], toolkits: [], error: problem };
    }
    const { primary, related } = rank(engine, session, query, input.toolkits);
    for (const slug of primary) schemas[slug] = schemaView(engine, slug, true);
    for (const slug of related) if (!schemas[slug]) schemas[slug] = schemaView(engine, slug, false);
    const toolkits = [...new Set([...primary, ...related].map((slug) => engine.catalog.getTool(slug)!.toolkit))];
    for (const tk of toolkits) if (!usedToolkits.includes(tk)) usedToolkits.push(tk);
    const result: SearchResultView = { ...base, primary_tool_slugs: primary, related_tool_slugs: related, toolkits, error: null };
    if (primary.length > 0) {
      result.execution_guidance = guidance(engine, primary);
      result.difficulty = primary.length === 1 ? 'easy - one tool call' : `medium - ${primary.length} tool calls`;
    }
    return result;
  });

  const statuses = usedToolkits.map((tk) => connectionStatus(engine.catalog, project, session, tk));
  const now = engine.clock.now();
  const unconnected = statuses.filter((s) => !s.has_active_connection).map((s) => s.toolkit);
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
      'Execute the primary tools with the arguments their input schemas require.',
      'For tools listed with schemaRef, fetch their schemas with COMPOSIO_GET_TOOL_SCHEMAS before executing.',
    ],
  };
}
