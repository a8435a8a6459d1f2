/**
 * Connected accounts outside a session: the `getConnectedAccount` view that
 * `connectionRequest.waitForConnection()` polls, the auth config an account carries, and
 * direct creation of ACTIVE accounts for the control plane (tests skip the Connect page).
 */
import type { CatalogToolkit } from './catalog-types.js';
import type { Engine } from './engine.js';
import { badRequest, notFound } from './errors.js';
import { assertAliasFree, type SharedAcl } from './links.js';
import { Random } from './random.js';
import type { ConnectedAccountRecord, ProjectState } from './store.js';
import type { CallContext } from './types.js';

/** The `getConnectedAccount` response (document schema `ConnectedAccount`). */
export interface ConnectedAccountView {
  id: string;
  word_id: string | null;
  alias: string | null;
  user_id: string;
  status: ConnectedAccountRecord['status'];
  status_reason: string | null;
  is_disabled: boolean;
  created_at: string;
  updated_at: string;
  toolkit: { slug: string };
  auth_config: { id: string; auth_scheme: string; is_composio_managed: boolean; is_disabled: boolean };
  state: { authScheme: string; val: Record<string, unknown> };
  data: Record<string, unknown>;
  params: Record<string, unknown>;
  experimental: { account_type: 'PRIVATE' | 'SHARED'; acl_config_for_shared?: SharedAcl };
}

const WORD_ADJECTIVES = ['red', 'blue', 'quiet', 'brisk', 'amber', 'lucky', 'silver', 'gentle', 'bold', 'misty', 'sunny', 'clever'];
const WORD_NOUNS = ['castle', 'river', 'falcon', 'meadow', 'harbor', 'comet', 'forest', 'lantern', 'summit', 'canyon', 'garden', 'island'];

/**
 * The auth config an account is created under: the session's pinned `auth_configs[toolkit]`
 * (not Composio-managed), else a Composio-managed config with an id stable per project and
 * toolkit. The scheme is the toolkit's first Composio-managed scheme.
 *
 * @example
 * authConfigFor(engine, 'key', catalog.getToolkit('github')!, undefined);
 * // { id: 'ac_…', auth_scheme: 'OAUTH2', is_composio_managed: true }
 */
export function authConfigFor(engine: Engine, apiKey: string, toolkit: CatalogToolkit, pinned: string | undefined): ConnectedAccountRecord['auth_config'] {
  const auth_scheme = toolkit.composio_managed_auth_schemes.find((s) => STATE_SCHEMES.has(s)) ?? (toolkit.is_no_auth ? 'NO_AUTH' : 'OAUTH2');
  if (pinned) return { id: pinned, auth_scheme, is_composio_managed: false };
  const id = Random.derive(engine.seed, `auth-config:${apiKey}:${toolkit.slug}`).id('ac', 10);
  return { id, auth_scheme, is_composio_managed: true };
}

function wordId(account: ConnectedAccountRecord): string {
  const random = Random.derive(account.id, 'word-id');
  return `${account.toolkit}_${WORD_ADJECTIVES[random.int(0, WORD_ADJECTIVES.length - 1)]}-${WORD_NOUNS[random.int(0, WORD_NOUNS.length - 1)]}`;
}

function redirectUrlOf(project: ProjectState, accountId: string): string {
  for (const link of project.links.values()) if (link.account_id === accountId) return link.redirect_url;
  return '';
}

/**
 * Schemes whose connection `state` the document models. An account takes the toolkit's first
 * one of these (a toolkit listing only others is connected as OAUTH2).
 */
const STATE_SCHEMES = new Set(['OAUTH2', 'API_KEY', 'NO_AUTH']);
/** Credential schemes whose state has no failed/expired/revoked form in the API types. */
const NO_FAILURE_STATE = new Set(['API_KEY']);

function stateOf(project: ProjectState, account: ConnectedAccountRecord): ConnectedAccountView['state'] {
  const authScheme = account.auth_config.auth_scheme;
  // The top-level `status` keeps the real status; the scheme's state says INACTIVE instead.
  const status = NO_FAILURE_STATE.has(authScheme) && ['FAILED', 'EXPIRED', 'REVOKED'].includes(account.status) ? 'INACTIVE' : account.status;
  if (status === 'INITIATED') return { authScheme, val: { status, redirectUrl: redirectUrlOf(project, account.id) } };
  if (authScheme === 'OAUTH2' && (status === 'ACTIVE' || status === 'INACTIVE')) {
    // A fake token that is stable per account and obviously not a real credential.
    return { authScheme, val: { status, access_token: `mock_${account.toolkit}_token_${account.id.slice(3)}` } };
  }
  return { authScheme, val: { status } };
}

/**
 * An account as `GET /api/v3.1/connected_accounts/{id}` returns it.
 *
 * @example
 * connectedAccountView(project, account).auth_config.is_disabled; // false
 */
export function connectedAccountView(project: ProjectState, account: ConnectedAccountRecord): ConnectedAccountView {
  return {
    id: account.id,
    word_id: wordId(account),
    alias: account.alias ?? null,
    user_id: account.user_id,
    status: account.status,
    status_reason: account.status_reason,
    is_disabled: account.is_disabled,
    created_at: account.created_at,
    updated_at: account.updated_at,
    toolkit: { slug: account.toolkit },
    auth_config: { ...account.auth_config, is_disabled: false },
    state: stateOf(project, account),
    data: {},
    params: {},
    experimental: {
      account_type: account.account_type,
      ...(account.acl_config_for_shared ? { acl_config_for_shared: structuredClone(account.acl_config_for_shared) } : {}),
    },
  };
}

/**
 * One of the caller's project's accounts, with expired links settled first, or 404 (code
 * 1803) for an unknown id or another project's account.
 *
 * @example
 * getConnectedAccount(engine, ctx, 'ca_abc').status; // 'INITIATED' | 'ACTIVE' | ...
 */
export function getConnectedAccount(engine: Engine, ctx: CallContext, id: string): ConnectedAccountView {
  const project = engine.store.project(ctx.apiKey);
  const account = project.connectedAccounts.get(id);
  if (!account) throw notFound('CONNECTED_ACCOUNT_NOT_FOUND', `Connected account ${id} not found`, 'Use the connected_account_id returned by the link call.');
  return connectedAccountView(project, account);
}

export interface CreateAccountInput {
  user_id: string;
  toolkit: string;
  alias?: string;
}

/**
 * Creates an ACTIVE private account directly (control plane `POST /_mock/connected_accounts`):
 * the toolkit must exist (404) and need auth (400), the alias must be non-empty and free (400). No session
 * is involved, so no session rule (toolkit filter, account cap) applies.
 *
 * @example
 * createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'work' }).status; // 'ACTIVE'
 */
export function createActiveAccount(engine: Engine, ctx: CallContext, input: CreateAccountInput): ConnectedAccountView {
  const project = engine.store.project(ctx.apiKey);
  const toolkit = engine.catalog.getToolkit(input.toolkit.trim());
  if (!toolkit) throw notFound('TOOLKIT_NOT_FOUND', `Toolkit ${input.toolkit} not found`);
  if (toolkit.is_no_auth) {
    throw badRequest(`Toolkit ${toolkit.slug} does not need authentication`, ['/body/toolkit: toolkit does not need authentication']);
  }
  assertAliasFree(project, input.user_id, toolkit.slug, input.alias);
  const now = engine.clock.now().toISOString();
  const account: ConnectedAccountRecord = {
    id: project.random.id('ca'),
    user_id: input.user_id,
    toolkit: toolkit.slug,
    status: 'ACTIVE',
    status_reason: null,
    ...(input.alias !== undefined ? { alias: input.alias } : {}),
    account_type: 'PRIVATE',
    auth_config: authConfigFor(engine, ctx.apiKey, toolkit, undefined),
    created_at: now,
    updated_at: now,
    is_disabled: false,
  };
  project.connectedAccounts.set(account.id, account);
  return connectedAccountView(project, account);
}
