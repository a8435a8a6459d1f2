/**
 * Connect links (reference 3.11): `createLink` makes an INITIATED connected account and a
 * link token; the Connect page (src/http/connect-page.ts) completes it through
 * `approveLink` / `denyLink`. Also the connection-removal action of
 * COMPOSIO_MANAGE_CONNECTIONS (`removeConnection`).
 *
 * Choices where the real service's behaviour is unknown (docs/connections-and-files.md):
 * links live 10 minutes on the engine clock; an alias clash and the per-toolkit account cap
 * are 400 (not 409, which both clients retry); the cap is checked again at approval (over it
 * the account is FAILED and the page answers 409); a no-auth toolkit is 400; removal marks the
 * account REVOKED and disabled.
 */
import { accountCap, countLiveAccounts } from './accounts.js';
import { callbackUrlProblem } from './callback-url.js';
import { authConfigFor } from './connected-accounts.js';
import type { Engine } from './engine.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { requireSession } from './sessions.js';
import { sideSlot } from './side-state.js';
import type { ConnectedAccountRecord, ProjectState } from './store.js';
import { isToolkitAllowed } from './tool-access.js';
import type { CallContext } from './types.js';

/** How long a Connect link can be completed, in milliseconds (the mock's choice). */
export const LINK_TTL_MS = 10 * 60 * 1000;

/** The fragment @composio/core matches to raise `ComposioAclOnlyForSharedError`. */
export const ACL_ONLY_FOR_SHARED = 'acl_config_for_shared is only valid on SHARED';

export const PINNED_ACCOUNT_MESSAGE = 'a connected account is already defined for this toolkit in the session configuration';

export interface SharedAclInput {
  allow_all_users?: boolean;
  allowed_user_ids?: string[];
  not_allowed_user_ids?: string[];
}

export interface LinkInput {
  toolkit: string;
  alias?: string;
  callback_url?: string;
  experimental?: { account_type?: 'PRIVATE' | 'SHARED'; acl_config_for_shared?: SharedAclInput };
}

export interface SharedAcl {
  allow_all_users: boolean;
  allowed_user_ids: string[];
  not_allowed_user_ids: string[];
}

export interface LinkResult {
  link_token: string;
  redirect_url: string;
  connected_account_id: string;
  experimental?: { account_type: 'PRIVATE' | 'SHARED'; acl_config_for_shared?: SharedAcl };
}

/** A link token and what it completes. */
export interface LinkRecord {
  token: string;
  api_key: string;
  account_id: string;
  session_id: string;
  /** The URL handed out (`<origin or link_url_overwrite>/link/<token>`). */
  redirect_url: string;
  created_at: string;
  expires_at: string;
  /** Set once the page was approved or denied; a second use is 409. */
  used_at?: string;
}

/** Engine-wide settings of the connection flow. */
export interface ConnectionSettings {
  /** `serve --auto-connect`: new links are ACTIVE at once, no page needed. */
  autoConnect: boolean;
}

const settingsOf = sideSlot<Engine, ConnectionSettings>(() => ({ autoConnect: false }));
/** Which project a token belongs to: the Connect page carries no API key. */
const tokenIndex = sideSlot<Engine, Map<string, string>>(() => new Map());

/**
 * @example
 * configureConnections(engine, { autoConnect: true });
 */
export function configureConnections(engine: Engine, settings: Partial<ConnectionSettings>): void {
  Object.assign(settingsOf(engine), settings);
}

/**
 * @example
 * connectionSettings(engine).autoConnect; // false unless configured
 */
export function connectionSettings(engine: Engine): Readonly<ConnectionSettings> {
  return settingsOf(engine);
}

function normaliseAcl(acl: SharedAclInput | undefined): SharedAcl {
  return {
    allow_all_users: acl?.allow_all_users ?? false,
    allowed_user_ids: [...(acl?.allowed_user_ids ?? [])],
    not_allowed_user_ids: [...(acl?.not_allowed_user_ids ?? [])],
  };
}

/** Accounts that still count for alias uniqueness: not finished badly, not removed. */
function isLive(account: ConnectedAccountRecord): boolean {
  return !account.is_disabled && (account.status === 'ACTIVE' || account.status === 'INITIATED' || account.status === 'INITIALIZING');
}

/**
 * Throws 400 when `alias` is empty (or only whitespace) or already used by a live account of
 * the user for the toolkit. Links and control-plane accounts share it, so both refuse the same.
 *
 * @example
 * assertAliasFree(project, 'u1', 'github', 'work');
 */
export function assertAliasFree(project: ProjectState, userId: string, toolkit: string, alias: string | undefined): void {
  if (alias === undefined) return;
  if (alias.trim() === '') throw badRequest('Alias must not be empty', ['/body/alias: must not be empty']);
  const clash = [...project.connectedAccounts.values()].find(
    (a) => a.user_id === userId && a.toolkit === toolkit && a.alias === alias && isLive(a),
  );
  if (clash) {
    throw badRequest(`Alias "${alias}" is already used by connected account ${clash.id} for toolkit "${toolkit}" and user "${userId}"`, [
      `/body/alias: "${alias}" must be unique per user and toolkit`,
    ], { suggestedFix: 'Choose another alias, or remove the existing account first.' });
  }
}

function linkBase(ctx: CallContext, overwrite: string | undefined): string {
  return (overwrite ?? ctx.origin).replace(/\/+$/, '');
}

/**
 * Starts authorising a toolkit for the session's user: a new `ca_…` account in INITIATED
 * (ACTIVE at once with auto-connect) and a `lt_…` link token valid for `LINK_TTL_MS`.
 *
 * @example
 * const link = createLink(engine, ctx, 'trs_abc', { toolkit: 'github', alias: 'work' });
 * link.redirect_url; // 'http://127.0.0.1:4010/link/lt_…'
 */
export function createLink(engine: Engine, ctx: CallContext, sessionId: string, input: LinkInput): LinkResult {
  const project = engine.store.project(ctx.apiKey);
  const session = requireSession(project, sessionId);
  if (input.callback_url !== undefined) {
    const problem = callbackUrlProblem(input.callback_url);
    if (problem !== undefined) {
      throw badRequest(`Invalid callback_url: ${problem}`, [`/body/callback_url: ${problem}`], {
        suggestedFix: 'Pass an absolute http(s) URL of your application, e.g. https://app.example.com/callback.',
      });
    }
  }
  const slug = input.toolkit.trim().toLowerCase();
  const toolkit = engine.catalog.getToolkit(slug);
  if (!toolkit) {
    throw notFound('TOOLKIT_NOT_FOUND', `Toolkit ${input.toolkit} not found`, 'Use a toolkit slug from the session\'s toolkits listing.');
  }
  if (!isToolkitAllowed(session.config, slug)) {
    throw badRequest(`Toolkit ${slug} is not enabled in this session`, [`/body/toolkit: "${slug}" is excluded by the session's toolkits config`], {
      suggestedFix: 'Enable the toolkit in the session config (toolkits.enable) or remove it from toolkits.disable.',
    });
  }
  if (toolkit.is_no_auth) {
    throw badRequest(`Toolkit ${slug} does not need authentication`, [`/body/toolkit: toolkit does not need authentication`], {
      suggestedFix: 'Execute its tools directly; no connected account is needed.',
    });
  }
  if ((session.config.connected_accounts?.[slug]?.length ?? 0) > 0) {
    throw badRequest(PINNED_ACCOUNT_MESSAGE, [`/body/toolkit: "${slug}" has connected_accounts pinned in the session config`], {
      suggestedFix: 'Use the pinned account, or remove the pin with a session PATCH first.',
    });
  }
  const accountType = input.experimental?.account_type ?? 'PRIVATE';
  if (input.experimental?.acl_config_for_shared !== undefined && accountType !== 'SHARED') {
    throw badRequest(`experimental.${ACL_ONLY_FOR_SHARED} accounts`, [`/body/experimental/acl_config_for_shared: ${ACL_ONLY_FOR_SHARED} accounts`], {
      suggestedFix: 'Set experimental.account_type to "SHARED", or drop acl_config_for_shared.',
    });
  }
  const alias = input.alias;
  assertAliasFree(project, session.user_id, slug, alias);
  const cap = accountCap(session.config);
  const active = countLiveAccounts(project, session.user_id, slug, accountType);
  if (active >= cap) {
    const multi = session.config.multi_account?.enable === true;
    throw badRequest(
      `User "${session.user_id}" already has ${active} active ${accountType} connected account(s) for toolkit "${slug}"; the limit is ${cap}`,
      [`/body/toolkit: at most ${cap} active account(s) per toolkit ${multi ? '(multi_account.max_accounts_per_toolkit)' : 'without multi_account.enable'}`],
      { suggestedFix: multi ? 'Remove an account first (COMPOSIO_MANAGE_CONNECTIONS removal).' : 'Enable multi_account in the session config, or remove the existing account first.' },
    );
  }

  const now = engine.clock.now();
  const auto = settingsOf(engine).autoConnect;
  const id = project.random.id('ca');
  const token = project.random.id('lt');
  const callback = input.callback_url ?? session.config.manage_connections?.callback_url;
  const account: ConnectedAccountRecord = {
    id,
    user_id: session.user_id,
    toolkit: slug,
    status: auto ? 'ACTIVE' : 'INITIATED',
    status_reason: auto ? 'Connected automatically (--auto-connect)' : null,
    ...(alias !== undefined ? { alias } : {}),
    account_type: accountType,
    ...(accountType === 'SHARED' ? { acl_config_for_shared: normaliseAcl(input.experimental?.acl_config_for_shared) } : {}),
    auth_config: authConfigFor(engine, ctx.apiKey, toolkit, session.config.auth_configs?.[slug]),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    session_id: session.session_id,
    ...(callback !== undefined ? { callback_url: callback } : {}),
    is_disabled: false,
  };
  project.connectedAccounts.set(id, account);
  const redirectUrl = `${linkBase(ctx, session.experimental.link_url_overwrite)}/link/${token}`;
  const link: LinkRecord = {
    token,
    redirect_url: redirectUrl,
    api_key: ctx.apiKey,
    account_id: id,
    session_id: session.session_id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + LINK_TTL_MS).toISOString(),
    ...(auto ? { used_at: now.toISOString() } : {}),
  };
  project.links.set(token, link);
  tokenIndex(engine).set(token, ctx.apiKey);

  const result: LinkResult = {
    link_token: token,
    redirect_url: redirectUrl,
    connected_account_id: id,
    experimental: {
      account_type: accountType,
      ...(account.acl_config_for_shared ? { acl_config_for_shared: structuredClone(account.acl_config_for_shared) } : {}),
    },
  };
  return result;
}

/** A link token resolved to its project, link and account. */
export interface ResolvedLink {
  project: ProjectState;
  link: LinkRecord;
  account: ConnectedAccountRecord;
}

/**
 * The link behind a token, or 404 (unknown, or its project was reset).
 *
 * @example
 * const { account } = findLink(engine, 'lt_abc');
 */
export function findLink(engine: Engine, token: string): ResolvedLink {
  const apiKey = tokenIndex(engine).get(token);
  const project = apiKey === undefined ? undefined : engine.store.peek(apiKey);
  const link = project ? project.links.get(token) : undefined;
  const account = link && project ? project.connectedAccounts.get(link.account_id) : undefined;
  if (!project || !link || !account) {
    throw new ApiError(404, 'LINK_INVALID', 'This connection link does not exist', {
      suggestedFix: 'Ask the application for a new link (session.authorize or COMPOSIO_MANAGE_CONNECTIONS).',
    });
  }
  return { project, link, account };
}

function touch(engine: Engine, account: ConnectedAccountRecord, status: ConnectedAccountRecord['status'], reason: string | null): void {
  account.status = status;
  account.status_reason = reason;
  account.updated_at = engine.clock.now().toISOString();
}

/**
 * Marks INITIATED accounts whose link expired as EXPIRED (lazily: the engine's store runs it
 * whenever a project is read; nothing runs in the background). Returns the accounts it changed.
 *
 * @example
 * settleExpiredLinks(engine, project);
 */
export function settleExpiredLinks(engine: Engine, project: ProjectState): ConnectedAccountRecord[] {
  const changed: ConnectedAccountRecord[] = [];
  // Runs on every read of a project: most have no link at all.
  if (project.links.size === 0) return changed;
  const now = engine.clock.now().getTime();
  for (const link of project.links.values()) {
    if (link.used_at !== undefined || Date.parse(link.expires_at) >= now) continue;
    const account = project.connectedAccounts.get(link.account_id);
    if (account && account.status === 'INITIATED') {
      touch(engine, account, 'EXPIRED', 'The connection link expired before it was completed');
      changed.push(account);
    }
  }
  return changed;
}

/**
 * The link a Connect page may still complete: 404 unknown, 410 expired (the account
 * becomes EXPIRED), 409 already used or the account is no longer waiting.
 *
 * @example
 * const open = openLink(engine, 'lt_abc');
 * open.account.toolkit; // 'github'
 */
export function openLink(engine: Engine, token: string): ResolvedLink {
  const resolved = findLink(engine, token);
  const { link, account } = resolved;
  if (account.status === 'EXPIRED' && link.used_at === undefined) {
    throw new ApiError(410, 'LINK_EXPIRED', 'This connection link has expired', {
      suggestedFix: 'Ask the application for a new link.',
    });
  }
  if (link.used_at !== undefined || account.status !== 'INITIATED') {
    throw new ApiError(409, 'LINK_USED', 'This connection link was already used', {
      suggestedFix: 'Nothing left to do here; ask the application for a new link to connect again.',
    });
  }
  return resolved;
}

/** What completing a link did, for the page to answer with. */
export interface LinkOutcome {
  account: ConnectedAccountRecord;
  /** Where to send the browser (303), with `status` and `connected_account_id` appended; absent without a callback. */
  redirect?: string;
}

/** Percent-encodes non-ASCII text (a header value cannot carry it), leaving ASCII as written. */
const encodeNonAscii = (text: string) => text.replace(/[^\u0000-\u007f]+/g, (run) => encodeURIComponent(run));

/**
 * The callback with `status` and `connected_account_id` appended to its query as written:
 * existing parameters keep their exact spelling (a signed `state` stays valid), the fragment
 * stays last. A caller's own `status` is kept too, ahead of ours.
 */
function callbackWith(callback: string | undefined, status: 'success' | 'failed', accountId: string): string | undefined {
  // Validated when given; a value from elsewhere (an old state file) is dropped if unusable.
  if (callback === undefined || callbackUrlProblem(callback) !== undefined) return undefined;
  const hashAt = callback.indexOf('#');
  const head = hashAt === -1 ? callback : callback.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : callback.slice(hashAt);
  const [, authority = '', rest = ''] = /^(https?:\/\/[^/?#]*)(.*)$/i.exec(head) ?? [];
  // An internationalised host goes out in its ASCII (punycode) form.
  const origin = /[^\u0000-\u007f]/.test(authority) ? new URL(callback).origin : authority;
  const base = `${origin}${encodeNonAscii(rest)}`;
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}status=${status}&connected_account_id=${encodeURIComponent(accountId)}${encodeNonAscii(fragment)}`;
}

/**
 * The account cap again at approval: two pending links made while the user had no account
 * both passed `createLink`'s check. Over the cap the account becomes FAILED with the reason
 * and the page answers 409 instead of redirecting (docs/connections-and-files.md).
 */
function assertCapAtApproval(engine: Engine, project: ProjectState, link: LinkRecord, account: ConnectedAccountRecord): void {
  const config = project.sessions.get(link.session_id)?.config;
  const cap = config ? accountCap(config) : 1;
  const active = countLiveAccounts(project, account.user_id, account.toolkit, account.account_type);
  if (active < cap) return;
  const multi = config?.multi_account?.enable === true;
  const reason =
    `User "${account.user_id}" already has ${active} active ${account.account_type} connected account(s) for toolkit "${account.toolkit}"; ` +
    `the limit is ${cap} ${multi ? '(multi_account.max_accounts_per_toolkit)' : 'without multi_account.enable'}`;
  touch(engine, account, 'FAILED', reason);
  throw new ApiError(409, 'ACCOUNT_LIMIT_REACHED', reason, {
    suggestedFix: multi ? 'Remove an account first (COMPOSIO_MANAGE_CONNECTIONS removal), then ask the application for a new link.' : 'Remove the existing account first, or enable multi_account in the session config, then ask the application for a new link.',
  });
}

function complete(engine: Engine, token: string, approve: boolean): LinkOutcome {
  const { project, link, account } = openLink(engine, token);
  link.used_at = engine.clock.now().toISOString();
  if (approve) {
    assertCapAtApproval(engine, project, link, account);
    touch(engine, account, 'ACTIVE', null);
  } else touch(engine, account, 'FAILED', 'The user denied access on the Connect page');
  const redirect = callbackWith(account.callback_url, approve ? 'success' : 'failed', account.id);
  return { account, ...(redirect !== undefined ? { redirect } : {}) };
}

/**
 * The user approved on the Connect page: the account becomes ACTIVE, or FAILED with a 409
 * `ACCOUNT_LIMIT_REACHED` when the user reached the session's account cap since the link
 * was made (another link of theirs was approved first).
 *
 * @example
 * approveLink(engine, 'lt_abc').redirect; // 'https://app.example/cb?status=success&connected_account_id=ca_…'
 */
export function approveLink(engine: Engine, token: string): LinkOutcome {
  return complete(engine, token, true);
}

/**
 * The user denied on the Connect page: the account becomes FAILED with a reason.
 *
 * @example
 * denyLink(engine, 'lt_abc').account.status; // 'FAILED'
 */
export function denyLink(engine: Engine, token: string): LinkOutcome {
  return complete(engine, token, false);
}

/**
 * The removal action of COMPOSIO_MANAGE_CONNECTIONS: removes one account of the session's
 * user (by `ca_…` id) or all of that user's accounts for a toolkit (by slug), marking each
 * REVOKED and disabled, so it no longer shows or resolves anywhere and `waitForConnection`
 * fails on it. Throws 400 when the session disabled removal
 * (`manage_connections.enable_connection_removal: false`), 404 when nothing matches.
 *
 * @example
 * removeConnection(engine, ctx, 'trs_abc', 'github').map((a) => a.id); // ['ca_…']
 */
export function removeConnection(engine: Engine, ctx: CallContext, sessionId: string, accountIdOrToolkit: string): ConnectedAccountRecord[] {
  const project = engine.store.project(ctx.apiKey);
  const session = requireSession(project, sessionId);
  if (session.config.manage_connections?.enable_connection_removal === false) {
    throw badRequest('Connection removal is disabled for this session', ['manage_connections.enable_connection_removal is false'], {
      suggestedFix: 'Enable manage_connections.enable_connection_removal in the session config.',
    });
  }
  const target = accountIdOrToolkit.trim();
  const own = [...project.connectedAccounts.values()].filter((a) => a.user_id === session.user_id && !a.is_disabled);
  const byId = own.filter((a) => a.id === target);
  const matches = byId.length > 0 ? byId : own.filter((a) => a.toolkit === target.toLowerCase());
  if (matches.length === 0) {
    throw notFound('CONNECTED_ACCOUNT_NOT_FOUND', `No connected account "${target}" of user "${session.user_id}" to remove`);
  }
  for (const account of matches) {
    touch(engine, account, 'REVOKED', 'Removed through COMPOSIO_MANAGE_CONNECTIONS');
    account.is_disabled = true;
  }
  return matches;
}
