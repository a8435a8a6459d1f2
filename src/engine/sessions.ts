/**
 * The session lifecycle: create, get, patch (with config versions), delete, attach and
 * config history (reference 3.1 to 3.6).
 */
import type { Catalog } from './catalog.js';
import type { Clock } from './clock.js';
import { configFromCreate, mergePatch, type SessionConfigInput } from './config-input.js';
import { checkSessionConfig } from './config-rules.js';
import { checkCustoms, type CustomsEcho, type CustomsInput } from './custom-tools.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { enabledMetaTools } from './meta-tools.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import type { ProjectState, Store } from './store.js';
import { isToolAllowed } from './tool-access.js';
import type { CallContext, SessionExperimental, SessionRecord, SessionView, StoredConfig } from './types.js';

/** More preloaded tools than this and the session carries PRELOAD_TOOLS_HIGH_CONTEXT_USAGE (the mock's threshold). */
export const PRELOAD_WARNING_THRESHOLD = 40;
const PRELOAD_ALL_CAP = 1000;
const SESSION_ID_PATTERN = /^trs_[A-Za-z0-9_-]{1,64}$/;

export interface SessionDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
}

export interface CreateSessionInput extends SessionConfigInput {
  user_id: string;
  experimental?: SessionExperimental & CustomsInput;
}

export interface PatchSessionInput extends SessionConfigInput {
  experimental?: Pick<SessionExperimental, 'permissions' | 'link_url_overwrite'> | null;
}

export interface ConfigHistoryItem {
  version: number;
  created_at: string;
  config: StoredConfig;
  is_current: boolean;
}

/**
 * The caller's live session, or the API's 400/404.
 *
 * @example
 * const session = requireSession(project, 'trs_abc123');
 */
export function requireSession(project: ProjectState, sessionId: string): SessionRecord {
  if (!SESSION_ID_PATTERN.test(sessionId)) {
    throw badRequest('Invalid session id', [`/path/session_id: "${sessionId.slice(0, 80)}" is not a session id`], {
      suggestedFix: 'Pass the session_id returned by session create, in the trs_ prefix format.',
    });
  }
  const session = project.sessions.get(sessionId);
  if (!session || session.deleted) {
    throw notFound('SESSION_NOT_FOUND', `Tool router session ${sessionId} not found`, 'Create a session first, or check that it was not deleted.');
  }
  return session;
}

/** App tools the config preloads, in catalog order ("all" = everything allowed, capped). */
export function preloadedTools(config: StoredConfig, catalog: Catalog): string[] {
  const wanted = config.preload.tools;
  if (wanted === 'all') {
    const slugs: string[] = [];
    for (const toolkit of catalog.toolkits) {
      for (const tool of toolkit.tools) {
        if (isToolAllowed(config, { slug: tool.slug, toolkit: toolkit.slug, tags: tool.tags })) slugs.push(tool.slug);
      }
    }
    return slugs.slice(0, PRELOAD_ALL_CAP);
  }
  return wanted.filter((slug) => {
    const tool = catalog.getTool(slug);
    return tool !== undefined && isToolAllowed(config, { slug: tool.slug, toolkit: tool.toolkit, tags: tool.tags });
  });
}

function warningsFor(config: StoredConfig, catalog: Catalog): SessionView['warnings'] {
  const count = preloadedTools(config, catalog).length;
  if (count <= PRELOAD_WARNING_THRESHOLD) return undefined;
  return [
    {
      code: 'PRELOAD_TOOLS_HIGH_CONTEXT_USAGE',
      message: `${count} tools are preloaded; their schemas take a large share of the model's context. Prefer search, or preload fewer tools.`,
    },
  ];
}

function assistivePrompt(session: SessionRecord, catalog: Catalog): string {
  const filter = session.config.toolkits;
  const toolkits = filter && 'enabled' in filter ? filter.enabled : catalog.toolkits.map((t) => t.slug).filter((s) => !filter || !filter.disabled.includes(s));
  const zone = session.experimental.assistive_prompt_config?.user_timezone ?? 'UTC';
  return [
    `You can act in these apps for user "${session.user_id}": ${toolkits.join(', ')}.`,
    'Find the right tools with COMPOSIO_SEARCH_TOOLS before acting, then execute them; if an app is not connected, use COMPOSIO_MANAGE_CONNECTIONS and share the link with the user.',
    `The user's time zone is ${zone}.`,
  ].join(' ');
}

function viewOf(session: SessionRecord, deps: SessionDeps, ctx: CallContext, experimental?: SessionView['experimental']): SessionView {
  const view: SessionView = {
    session_id: session.session_id,
    mcp: { type: 'http', url: `${ctx.origin}/tool_router/v3.1/${session.session_id}/mcp` },
    tool_router_tools: enabledMetaTools(session.config),
    config: session.config,
    config_version: session.config_version,
  };
  if (experimental && Object.keys(experimental).length > 0) view.experimental = experimental;
  const warnings = warningsFor(session.config, deps.catalog);
  if (warnings) view.warnings = warnings;
  return view;
}

function customsOrThrow(input: CustomsInput | undefined, catalog: Catalog): CustomsEcho {
  const { echo, errors } = checkCustoms(input, (slug) => catalog.getToolkit(slug) !== undefined, '/experimental');
  if (errors.length > 0) throw badRequest('Invalid custom tools', errors, { codeName: 'INVALID_SESSION_CONFIG' });
  return echo;
}

function configOrThrow(config: StoredConfig, deps: SessionDeps, project: ProjectState): StoredConfig {
  const errors = checkSessionConfig(config, deps.catalog, project);
  if (errors.length > 0) {
    throw badRequest('Invalid session config', errors, {
      codeName: 'INVALID_SESSION_CONFIG',
      suggestedFix: 'Use toolkit and tool slugs from the catalog (GET .../toolkits) and fix each listed field.',
    });
  }
  return config;
}

function storedExperimental(input: CreateSessionInput['experimental']): SessionExperimental {
  const out: SessionExperimental = {};
  if (input?.permissions) out.permissions = input.permissions;
  if (input?.link_url_overwrite) out.link_url_overwrite = input.link_url_overwrite;
  if (input?.assistive_prompt_config) out.assistive_prompt_config = input.assistive_prompt_config;
  return out;
}

/**
 * POST /session: a new session at config version 1.
 *
 * @example
 * const view = createSession(deps, { apiKey: 'k', origin: 'http://127.0.0.1:4010' }, { user_id: 'u1' });
 * view.config_version; // 1
 */
export function createSession(deps: SessionDeps, ctx: CallContext, input: CreateSessionInput): SessionView {
  const project = deps.store.project(ctx.apiKey);
  const config = configOrThrow(configFromCreate(input.user_id, input), deps, project);
  const customs = customsOrThrow(input.experimental, deps.catalog);
  const now = deps.clock.now().toISOString();
  const session: SessionRecord = {
    session_id: project.random.id('trs'),
    user_id: input.user_id,
    created_at: now,
    config,
    config_version: 1,
    versions: [{ version: 1, created_at: now, config }],
    experimental: storedExperimental(input.experimental),
    deleted: false,
  };
  project.sessions.set(session.session_id, session);
  return viewOf(session, deps, ctx, { assistive_prompt: assistivePrompt(session, deps.catalog), ...customs });
}

/**
 * GET /session/{id}.
 *
 * @example
 * getSession(deps, ctx, 'trs_abc').config.user_id;
 */
export function getSession(deps: SessionDeps, ctx: CallContext, sessionId: string): SessionView {
  return viewOf(requireSession(deps.store.project(ctx.apiKey), sessionId), deps, ctx);
}

/**
 * PATCH /session/{id}: supplied blocks replace stored ones, `null` clears; every accepted
 * PATCH (even `{}`) archives the live config and makes version n+1 live (the mock's choice).
 *
 * @example
 * patchSession(deps, ctx, 'trs_abc', { search: { enable: false } }).config_version; // 2
 */
export function patchSession(deps: SessionDeps, ctx: CallContext, sessionId: string, input: PatchSessionInput): SessionView {
  const project = deps.store.project(ctx.apiKey);
  const session = requireSession(project, sessionId);
  const config = configOrThrow(mergePatch(session.config, input), deps, project);
  const now = deps.clock.now().toISOString();
  const live = session.versions[session.versions.length - 1];
  if (!live) throw new ApiError(500, 'INTERNAL', 'Session has no live config version');
  live.superseded_at = now;
  session.config_version += 1;
  session.config = config;
  session.versions.push({ version: session.config_version, created_at: now, config });
  if (input.experimental === null) {
    delete session.experimental.permissions;
    delete session.experimental.link_url_overwrite;
  } else if (input.experimental) {
    if (input.experimental.permissions !== undefined) session.experimental.permissions = input.experimental.permissions;
    if (input.experimental.link_url_overwrite !== undefined) session.experimental.link_url_overwrite = input.experimental.link_url_overwrite;
  }
  return viewOf(session, deps, ctx);
}

/**
 * DELETE /session/{id}: afterwards every operation on it is 404.
 *
 * @example
 * deleteSession(deps, ctx, 'trs_abc'); // { session_id: 'trs_abc', deleted: true }
 */
export function deleteSession(deps: SessionDeps, ctx: CallContext, sessionId: string): { session_id: string; deleted: true } {
  const session = requireSession(deps.store.project(ctx.apiKey), sessionId);
  session.deleted = true;
  return { session_id: session.session_id, deleted: true };
}

/**
 * POST /session/{id}/attach: the session with the supplied customs echoed; nothing stored.
 *
 * @example
 * attachSession(deps, ctx, 'trs_abc', { experimental: { custom_tools: [tool] } }).experimental?.custom_tools;
 */
export function attachSession(deps: SessionDeps, ctx: CallContext, sessionId: string, input: { experimental?: CustomsInput }): SessionView {
  const session = requireSession(deps.store.project(ctx.apiKey), sessionId);
  return viewOf(session, deps, ctx, customsOrThrow(input.experimental, deps.catalog));
}

/**
 * GET /session/{id}/config_history: newest first; the live version once, with `is_current`.
 * An archived row's `created_at` is when a PATCH superseded it.
 *
 * @example
 * listConfigHistory(deps, ctx, 'trs_abc', { limit: 10 }).items[0]?.is_current; // true
 */
export function listConfigHistory(deps: SessionDeps, ctx: CallContext, sessionId: string, page: PageRequest): Page<ConfigHistoryItem> {
  const session = requireSession(deps.store.project(ctx.apiKey), sessionId);
  const rows = [...session.versions].reverse().map((v): ConfigHistoryItem => ({
    version: v.version,
    created_at: v.superseded_at ?? v.created_at,
    config: v.config,
    is_current: v.version === session.config_version,
  }));
  return paginate(rows, page, { defaultLimit: 20, maxLimit: 100 });
}
