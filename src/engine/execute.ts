/**
 * POST .../execute and .../execute_meta (reference 3.9, 3.10). The mock's split between HTTP
 * errors and in-band errors:
 * - HTTP: the session is missing (404), the tool does not exist (404), the session does not
 *   expose it (403), a meta tool is switched off by the config (403): the request itself is wrong.
 * - In-band (200, `error` set, `data` {}): arguments that break the tool's input schema (nothing
 *   runs), no usable connected account, an account choice that is missing or ambiguous, and
 *   meta-tool argument errors: an agent can read these and correct itself.
 * Every call is recorded in the project's execution log (GET /_mock/state).
 */
import { resolveAccount } from './accounts.js';
import type { Engine } from './engine.js';
import { ApiError, notFound } from './errors.js';
import { generateFromSchema, loadFaker } from './generate-output.js';
import { runMetaTool } from './meta/run-meta-tool.js';
import { isMetaToolEnabled, isMetaToolSlug, type MetaToolSlug } from './meta-tools.js';
import { requireSession } from './sessions.js';
import { logExecution, type ProjectState } from './store.js';
import { isToolAllowed } from './tool-access.js';
import type { CallContext, SessionRecord } from './types.js';

/** Default workbench offload threshold in characters (reference 2.2). */
const OFFLOAD_THRESHOLD = 20_000;

export interface ExecuteInput {
  tool_slug: string;
  arguments?: Record<string, unknown>;
  account?: string;
  enable_auto_workbench_offload?: boolean;
}

export interface ExecuteMetaInput {
  slug: MetaToolSlug;
  arguments?: Record<string, unknown>;
}

/** What a tool run produces before it is logged. */
export interface ToolOutcome {
  data: Record<string, unknown>;
  error: string | null;
  account?: string;
}

export interface ExecuteResponse {
  data: Record<string, unknown>;
  error: string | null;
  log_id: string;
}

/** Everything a meta tool needs to act for a session. */
export interface ExecutionScope {
  engine: Engine;
  ctx: CallContext;
  project: ProjectState;
  session: SessionRecord;
}

function record(scope: ExecutionScope, slug: string, args: Record<string, unknown>, outcome: ToolOutcome): ExecuteResponse {
  const log_id = scope.project.random.id('log');
  logExecution(scope.project, {
    log_id,
    session_id: scope.session.session_id,
    tool_slug: slug,
    arguments: args,
    ...(outcome.account ? { account: outcome.account } : {}),
    error: outcome.error,
    executed_at: scope.engine.clock.now().toISOString(),
  });
  return { data: outcome.data, error: outcome.error, log_id };
}

function offload(scope: ExecutionScope, slug: string, data: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(data);
  const threshold = scope.session.config.workbench?.auto_offload_threshold ?? OFFLOAD_THRESHOLD;
  if (text.length <= threshold || scope.session.config.workbench?.enable === false) return data;
  return {
    offloaded_to_workbench: true,
    file_path: `/mnt/files/offload/${slug.toLowerCase()}-${scope.project.random.chars(8)}.json`,
    size_chars: text.length,
    preview: text.slice(0, 1000),
    message: `The result was larger than ${threshold} characters; read the file in COMPOSIO_REMOTE_WORKBENCH for the rest.`,
  };
}

/**
 * Runs one app tool for a session: access, arguments, account, then seeded output.
 * Throws for request errors; returns in-band errors.
 *
 * @example
 * runAppTool(scope, 'GITHUB_GET_THE_AUTHENTICATED_USER', {}, undefined).error; // null once connected
 */
export function runAppTool(scope: ExecutionScope, slug: string, args: Record<string, unknown>, accountSelector: string | undefined): ToolOutcome {
  const { engine, session, project } = scope;
  if (slug.toUpperCase().startsWith('LOCAL_')) {
    return { data: {}, error: `${slug} is a custom tool: the SDK runs it in your process; the server cannot execute it.` };
  }
  const tool = engine.catalog.getTool(slug);
  if (!tool) throw notFound('TOOL_NOT_FOUND', `Tool ${slug} not found`, 'Find tools with COMPOSIO_SEARCH_TOOLS or GET .../tools.');
  if (!isToolAllowed(session.config, tool)) {
    throw new ApiError(403, 'FORBIDDEN', `Tool ${tool.slug} is not enabled in session ${session.session_id}`, {
      suggestedFix: 'Enable its toolkit (toolkits.enable) or the tool (tools.<toolkit>.enable) in the session config.',
    });
  }
  const violations = engine.catalog.getInputValidator(tool.slug)!(args);
  if (violations.length > 0) {
    return { data: {}, error: `Invalid arguments for ${tool.slug}: ${violations.join('; ')}. Nothing was executed.` };
  }
  let account: string | undefined;
  const toolkit = engine.catalog.getToolkit(tool.toolkit)!;
  if (!toolkit.is_no_auth) {
    const choice = resolveAccount(project, session, toolkit.slug, accountSelector);
    if ('error' in choice) return { data: {}, error: choice.error };
    account = choice.account.id;
  }
  // The account is part of the context: two accounts of one user are two different people.
  const context = `${tool.slug}|${account ?? ''}`;
  const data = generateFromSchema(tool.output_parameters, { seed: engine.seed, context, args, now: engine.clock.now() });
  const object = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : { result: data };
  return { data: object, error: null, ...(account ? { account } : {}) };
}

function scopeOf(engine: Engine, ctx: CallContext, sessionId: string): ExecutionScope {
  const project = engine.store.project(ctx.apiKey);
  return { engine, ctx, project, session: requireSession(project, sessionId) };
}

async function runMeta(scope: ExecutionScope, slug: MetaToolSlug, args: Record<string, unknown>): Promise<ToolOutcome> {
  if (!isMetaToolEnabled(scope.session.config, slug)) {
    throw new ApiError(403, 'FORBIDDEN', `Meta tool ${slug} is disabled by the config of session ${scope.session.session_id}`, {
      suggestedFix: 'Enable it in the session config (search.enable, execute.enable_multi_execute, manage_connections or workbench).',
    });
  }
  return runMetaTool(scope, slug, args);
}

/**
 * POST .../execute: an app tool or a meta tool by slug.
 *
 * @example
 * await executeTool(engine, ctx, 'trs_abc', { tool_slug: 'HACKERNEWS_GET_TOP_STORIES', arguments: {} });
 */
export async function executeTool(engine: Engine, ctx: CallContext, sessionId: string, input: ExecuteInput): Promise<ExecuteResponse> {
  await loadFaker();
  const scope = scopeOf(engine, ctx, sessionId);
  const args = input.arguments ?? {};
  const slug = input.tool_slug.trim();
  if (isMetaToolSlug(slug.toUpperCase())) {
    const meta = slug.toUpperCase() as MetaToolSlug;
    return record(scope, meta, args, await runMeta(scope, meta, args));
  }
  const outcome = runAppTool(scope, slug, args, input.account);
  if (outcome.error === null && input.enable_auto_workbench_offload === true) outcome.data = offload(scope, slug, outcome.data);
  return record(scope, engine.catalog.getTool(slug)?.slug ?? slug, args, outcome);
}

/**
 * POST .../execute_meta.
 *
 * @example
 * await executeMetaTool(engine, ctx, 'trs_abc', { slug: 'COMPOSIO_GET_TOOL_SCHEMAS', arguments: { tool_slugs: ['GMAIL_SEND_EMAIL'] } });
 */
export async function executeMetaTool(engine: Engine, ctx: CallContext, sessionId: string, input: ExecuteMetaInput): Promise<ExecuteResponse> {
  await loadFaker();
  const scope = scopeOf(engine, ctx, sessionId);
  const args = input.arguments ?? {};
  return record(scope, input.slug, args, await runMeta(scope, input.slug, args));
}
