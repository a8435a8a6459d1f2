import { usableAccounts } from '../accounts.js';
import { ApiError } from '../errors.js';
import type { ExecutionScope, ToolOutcome } from '../execute.js';
import { createLink, removeConnection } from '../links.js';

interface ToolkitResult {
  toolkit: string;
  status: 'active' | 'initiated' | 'removed' | 'no_auth_required' | 'error';
  message: string;
  connected_account_id?: string;
  redirect_url?: string;
}

function connect(scope: ExecutionScope, slug: string, reinitiate: boolean): ToolkitResult {
  const toolkit = scope.engine.catalog.getToolkit(slug);
  if (!toolkit) return { toolkit: slug, status: 'error', message: `Unknown toolkit "${slug}".` };
  if (toolkit.is_no_auth) return { toolkit: toolkit.slug, status: 'no_auth_required', message: `${toolkit.name} needs no connection.` };
  const active = usableAccounts(scope.project, scope.session, toolkit.slug)[0];
  if (active && !reinitiate) {
    return { toolkit: toolkit.slug, status: 'active', connected_account_id: active.id, message: `${toolkit.name} is connected.` };
  }
  const callback = scope.session.config.manage_connections?.callback_url;
  const link = createLink(scope.engine, scope.ctx, scope.session.session_id, { toolkit: toolkit.slug, ...(callback ? { callback_url: callback } : {}) });
  return {
    toolkit: toolkit.slug,
    status: 'initiated',
    connected_account_id: link.connected_account_id,
    redirect_url: link.redirect_url,
    message: `Ask the user to open ${link.redirect_url} to connect ${toolkit.name}.`,
  };
}

function remove(scope: ExecutionScope, slug: string): ToolkitResult {
  const removed = removeConnection(scope.engine, scope.ctx, scope.session.session_id, slug);
  return { toolkit: slug, status: 'removed', message: `Removed ${removed.map((a) => a.id).join(', ')}.` };
}

/**
 * COMPOSIO_MANAGE_CONNECTIONS: per toolkit, reports an active connection or starts an auth
 * link (its URL in `redirect_url`); with `action: "remove"`, disconnects. One toolkit's
 * failure is reported in its own entry; `error` is set when any failed.
 *
 * @example
 * manageConnections(scope, { toolkits: ['github'] }).data.results; // { github: { status: 'initiated', redirect_url: ... } }
 */
export function manageConnections(scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  const results: Record<string, ToolkitResult> = {};
  for (const raw of args.toolkits as string[]) {
    const slug = raw.trim().toLowerCase();
    try {
      results[slug] = args.action === 'remove' ? remove(scope, slug) : connect(scope, slug, args.reinitiate_all === true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results[slug] = { toolkit: slug, status: 'error', message: error.message };
    }
  }
  const entries = Object.values(results);
  const failed = entries.filter((r) => r.status === 'error');
  const pending = entries.filter((r) => r.status === 'initiated').map((r) => r.toolkit);
  return {
    data: {
      results,
      summary: pending.length
        ? `Waiting for the user to connect: ${pending.join(', ')}.`
        : failed.length === entries.length
          ? 'Nothing was connected.'
          : 'All requested toolkits are ready.',
    },
    error: failed.length ? `${failed.length} out of ${entries.length} toolkits failed: ${failed.map((r) => `${r.toolkit}: ${r.message}`).join('; ')}` : null,
  };
}
