/**
 * Which connected account a session uses for a toolkit (reference 4): pinned accounts first,
 * else the user's own ACTIVE private accounts; with several, an explicit choice by id or alias,
 * the multi-account rules, or the most recent one.
 */
import type { ConnectedAccountRecord, ProjectState } from './store.js';
import type { SessionRecord, StoredConfig } from './types.js';

export type AccountResolution = { account: ConnectedAccountRecord } | { error: string; accounts: ConnectedAccountRecord[] };

/**
 * Newest first. Under a frozen clock several accounts share a `created_at`, so ties go to
 * the one created later (the project's map keeps creation order), never to the random id.
 */
function newestFirst(project: ProjectState, accounts: ConnectedAccountRecord[]): ConnectedAccountRecord[] {
  const order = new Map<string, number>();
  let i = 0;
  for (const id of project.connectedAccounts.keys()) order.set(id, i++);
  return accounts.sort((a, b) => b.created_at.localeCompare(a.created_at) || (order.get(b.id) ?? 0) - (order.get(a.id) ?? 0));
}

function describe(accounts: readonly ConnectedAccountRecord[]): string {
  return accounts.map((a) => (a.alias ? `${a.id} (alias "${a.alias}")` : a.id)).join(', ');
}

/**
 * The accounts a session may use for a toolkit, newest first: its pins if the config pins
 * any, otherwise the session user's own usable private accounts.
 *
 * @example
 * usableAccounts(project, session, 'github').map((a) => a.id);
 */
export function usableAccounts(project: ProjectState, session: SessionRecord, toolkit: string): ConnectedAccountRecord[] {
  const slug = toolkit.toLowerCase();
  const pins = session.config.connected_accounts?.[slug];
  const pinned = pins && pins.length > 0 ? pins : undefined;
  const all = [...project.connectedAccounts.values()].filter((a) => a.toolkit === slug && a.status === 'ACTIVE' && !a.is_disabled);
  const usable = pinned
    ? all.filter((a) => pinned.includes(a.id))
    : all.filter((a) => a.user_id === session.user_id && a.account_type === 'PRIVATE');
  return newestFirst(project, usable);
}

/**
 * The account a toolkit tool runs with, or an error an agent can act on (in-band).
 *
 * @example
 * const choice = resolveAccount(project, session, 'github', 'work');
 * if ('error' in choice) return { data: {}, error: choice.error };
 */
export function resolveAccount(project: ProjectState, session: SessionRecord, toolkit: string, selector?: string): AccountResolution {
  const accounts = usableAccounts(project, session, toolkit);
  if (accounts.length === 0) {
    return {
      accounts,
      error:
        `No active connected account for toolkit "${toolkit}" and user "${session.user_id}". ` +
        `Connect it first: call COMPOSIO_MANAGE_CONNECTIONS with {"toolkits": ["${toolkit}"]} and ask the user to open the link, ` +
        `or use session.authorize("${toolkit}").`,
    };
  }
  if (selector !== undefined) {
    const chosen = accounts.find((a) => a.id === selector) ?? accounts.find((a) => a.alias === selector);
    if (chosen) return { account: chosen };
    return { accounts, error: `Connected account "${selector}" is not usable for toolkit "${toolkit}" in this session. Available: ${describe(accounts)}.` };
  }
  const multi = session.config.multi_account;
  if (accounts.length > 1 && multi?.enable === true && multi.require_explicit_selection === true) {
    return {
      accounts,
      error: `Several connected accounts exist for toolkit "${toolkit}"; choose one with "account" (id or alias): ${describe(accounts)}.`,
    };
  }
  return { account: accounts[0]! };
}

/**
 * The account the toolkits listing shows: the one execution would use, else the newest
 * not-yet-active one (a pending link), else none.
 *
 * @example
 * shownAccount(project, session, 'github')?.status; // 'ACTIVE' | 'INITIATED' | ...
 */
export function shownAccount(project: ProjectState, session: SessionRecord, toolkit: string): ConnectedAccountRecord | undefined {
  const usable = usableAccounts(project, session, toolkit);
  if (usable.length > 0) return usable[0];
  const slug = toolkit.toLowerCase();
  return newestFirst(
    project,
    [...project.connectedAccounts.values()].filter((a) => a.toolkit === slug && a.user_id === session.user_id && !a.is_disabled),
  )[0];
}

/** `multi_account.max_accounts_per_toolkit` when multi-account is on and no cap is given (reference 2.2). */
export const DEFAULT_MULTI_ACCOUNT_CAP = 5;

/**
 * How many live accounts of one type a user may hold per toolkit under a session config:
 * `max_accounts_per_toolkit` (default 5) with multi-account enabled, else 1.
 *
 * @example
 * accountCap({ multi_account: { enable: true } } as StoredConfig); // 5
 */
export function accountCap(config: StoredConfig): number {
  if (config.multi_account?.enable !== true) return 1;
  return config.multi_account.max_accounts_per_toolkit ?? DEFAULT_MULTI_ACCOUNT_CAP;
}

/**
 * The user's ACTIVE, enabled accounts of one type for a toolkit: what the cap counts.
 * Pending (INITIATED) links do not count.
 *
 * @example
 * countLiveAccounts(project, 'u1', 'github', 'PRIVATE'); // 1
 */
export function countLiveAccounts(project: ProjectState, userId: string, toolkit: string, accountType: 'PRIVATE' | 'SHARED'): number {
  let count = 0;
  for (const a of project.connectedAccounts.values()) {
    if (a.user_id === userId && a.toolkit === toolkit && a.account_type === accountType && a.status === 'ACTIVE' && !a.is_disabled) count += 1;
  }
  return count;
}
