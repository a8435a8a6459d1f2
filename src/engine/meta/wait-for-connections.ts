import { usableAccounts } from '../accounts.js';
import type { ExecutionScope, ToolOutcome } from '../execute.js';
import { requireSession } from '../sessions.js';

const POLL_MS = 100;
const DEFAULT_TIMEOUT_S = 10;

type WaitStatus = 'active' | 'pending' | 'failed' | 'expired' | 'not_started' | 'no_auth_required' | 'unknown_toolkit';

function statusOf(scope: ExecutionScope, slug: string): WaitStatus {
  const toolkit = scope.engine.catalog.getToolkit(slug);
  if (!toolkit) return 'unknown_toolkit';
  if (toolkit.is_no_auth) return 'no_auth_required';
  if (usableAccounts(scope.project, scope.session, slug).length > 0) return 'active';
  const latest = [...scope.project.connectedAccounts.values()]
    .filter((a) => a.toolkit === slug && a.user_id === scope.session.user_id && !a.is_disabled)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  if (!latest) return 'not_started';
  if (latest.status === 'INITIATED' || latest.status === 'INITIALIZING') return 'pending';
  return latest.status === 'EXPIRED' ? 'expired' : 'failed';
}

/**
 * COMPOSIO_WAIT_FOR_CONNECTIONS: polls (real time, every 100 ms) until every toolkit is
 * settled (no link still pending) or `timeout_seconds` (default 10, at most 60) passes.
 * Approvals made meanwhile through the Connect page are seen, since the server keeps
 * answering other requests while this one waits.
 *
 * @example
 * (await waitForConnections(scope, { toolkits: ['github'], timeout_seconds: 1 })).data.all_active;
 */
export async function waitForConnections(scope: ExecutionScope, args: Record<string, unknown>): Promise<ToolOutcome> {
  const toolkits = (args.toolkits as string[]).map((s) => s.trim().toLowerCase());
  const deadline = Date.now() + ((args.timeout_seconds as number | undefined) ?? DEFAULT_TIMEOUT_S) * 1000;
  let statuses: Record<string, WaitStatus>;
  for (;;) {
    // The session may be deleted while this waits: then the call ends as any call on it would.
    // Reading the project through the store applies link expiry as the clock moves on.
    requireSession(scope.engine.store.project(scope.ctx.apiKey), scope.session.session_id);
    statuses = Object.fromEntries(toolkits.map((slug) => [slug, statusOf(scope, slug)]));
    if (!Object.values(statuses).includes('pending') || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const ready = (s: WaitStatus) => s === 'active' || s === 'no_auth_required';
  const notReady = Object.entries(statuses).filter(([, s]) => !ready(s));
  return {
    data: { results: statuses, all_active: notReady.length === 0 },
    error: notReady.length ? `Not connected: ${notReady.map(([slug, s]) => `${slug} (${s})`).join(', ')}` : null,
  };
}
