/**
 * GET .../toolkits: the session's toolkits with their connection (reference 3.13).
 */
import { shownAccount } from './accounts.js';
import type { CatalogToolkit } from './catalog-types.js';
import type { Engine } from './engine.js';
import { badRequest } from './errors.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { requireSession } from './sessions.js';
import type { ConnectedAccountRecord } from './store.js';
import { isToolkitAllowed } from './tool-access.js';
import type { CallContext } from './types.js';

export interface ToolkitsQuery extends PageRequest {
  toolkits?: string[] | null | undefined;
  is_connected?: boolean | null | undefined;
  search?: string | undefined;
}

export interface SessionToolkitView {
  name: string;
  slug: string;
  enabled: boolean;
  is_no_auth: boolean;
  composio_managed_auth_schemes: string[];
  meta: { logo: string; description: string };
  connected_account: {
    id: string;
    user_id: string;
    status: string;
    created_at: string;
    auth_config: { id: string; auth_scheme: string; is_composio_managed: boolean };
  } | null;
}

function accountView(account: ConnectedAccountRecord | undefined): SessionToolkitView['connected_account'] {
  if (!account) return null;
  return { id: account.id, user_id: account.user_id, status: account.status, created_at: account.created_at, auth_config: { ...account.auth_config } };
}

function matchesSearch(toolkit: CatalogToolkit, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${toolkit.slug} ${toolkit.name} ${toolkit.description}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/**
 * Which toolkits are listed: the `toolkits` query when given (it overrides the session's
 * toolkit filter), else the session's allowlist, else the whole catalog with `enabled`
 * telling which ones the session allows.
 *
 * @example
 * listSessionToolkits(engine, ctx, 'trs_abc', { toolkits: ['github'], is_connected: true }).items;
 */
export function listSessionToolkits(engine: Engine, ctx: CallContext, sessionId: string, query: ToolkitsQuery): Page<SessionToolkitView> {
  const project = engine.store.project(ctx.apiKey);
  const session = requireSession(project, sessionId);
  let toolkits: CatalogToolkit[];
  if (query.toolkits && query.toolkits.length > 0) {
    const unknown = query.toolkits.filter((slug) => !engine.catalog.getToolkit(slug));
    if (unknown.length > 0) throw badRequest('Unknown toolkits', unknown.map((slug) => `/query/toolkits: unknown toolkit "${slug}"`));
    toolkits = [...new Set(query.toolkits.map((s) => s.toLowerCase()))].map((slug) => engine.catalog.getToolkit(slug)!);
  } else {
    const filter = session.config.toolkits;
    toolkits = filter && 'enabled' in filter ? filter.enabled.map((slug) => engine.catalog.getToolkit(slug)!).filter(Boolean) : [...engine.catalog.toolkits];
  }
  const views = toolkits
    .filter((toolkit) => (query.search ? matchesSearch(toolkit, query.search) : true))
    .map((toolkit): SessionToolkitView => ({
      name: toolkit.name,
      slug: toolkit.slug,
      enabled: isToolkitAllowed(session.config, toolkit.slug),
      is_no_auth: toolkit.is_no_auth,
      composio_managed_auth_schemes: [...toolkit.composio_managed_auth_schemes],
      meta: { logo: toolkit.logo, description: toolkit.description },
      connected_account: toolkit.is_no_auth ? null : accountView(shownAccount(project, session, toolkit.slug)),
    }))
    .filter((view) => (query.is_connected === true ? view.connected_account?.status === 'ACTIVE' : true));
  return paginate(views, query, { defaultLimit: 20, maxLimit: 50 });
}
