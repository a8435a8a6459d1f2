/**
 * A toolkit's connection status for a session, as search reports it in
 * `toolkit_connection_statuses` (reference 3.7).
 */
import { resolveAccount, usableAccounts } from './accounts.js';
import type { Catalog } from './catalog.js';
import type { ProjectState } from './store.js';
import type { SessionRecord } from './types.js';

export interface ToolkitConnectionStatus {
  toolkit: string;
  description: string;
  has_active_connection: boolean;
  status_message: string;
  connection_details?: Record<string, unknown>;
  account_type?: 'PRIVATE' | 'SHARED';
  accounts?: { id: string; alias?: string; status: string; created_at: string; is_default: boolean; account_type: 'PRIVATE' | 'SHARED' }[];
  account_selection?: 'required';
}

/**
 * @example
 * connectionStatus(catalog, project, session, 'github').has_active_connection;
 */
export function connectionStatus(catalog: Catalog, project: ProjectState, session: SessionRecord, toolkitSlug: string): ToolkitConnectionStatus {
  const toolkit = catalog.getToolkit(toolkitSlug);
  const description = toolkit?.description ?? toolkitSlug;
  if (toolkit?.is_no_auth) {
    return { toolkit: toolkitSlug, description, has_active_connection: true, status_message: `${toolkit.name} needs no authentication; its tools can run now.` };
  }
  const accounts = usableAccounts(project, session, toolkitSlug);
  if (accounts.length === 0) {
    return {
      toolkit: toolkitSlug,
      description,
      has_active_connection: false,
      status_message: `No active connection to ${toolkit?.name ?? toolkitSlug}. Call COMPOSIO_MANAGE_CONNECTIONS with toolkits ["${toolkitSlug}"] and ask the user to open the link.`,
    };
  }
  const choice = resolveAccount(project, session, toolkitSlug);
  const chosen = 'account' in choice ? choice.account : undefined;
  const status: ToolkitConnectionStatus = {
    toolkit: toolkitSlug,
    description,
    has_active_connection: true,
    status_message: chosen
      ? `Connected to ${toolkit?.name ?? toolkitSlug} as account ${chosen.id}.`
      : `Several ${toolkit?.name ?? toolkitSlug} accounts are connected; pass "account" (id or alias) when executing.`,
    account_type: (chosen ?? accounts[0]!).account_type,
  };
  if (chosen) status.connection_details = { connected_account_id: chosen.id, status: chosen.status, auth_scheme: chosen.auth_config.auth_scheme };
  if (accounts.length > 1) {
    status.accounts = accounts.map((a) => ({
      id: a.id,
      ...(a.alias ? { alias: a.alias } : {}),
      status: a.status.toLowerCase(),
      created_at: a.created_at,
      is_default: a.id === chosen?.id,
      account_type: a.account_type,
    }));
    if (!chosen) status.account_selection = 'required';
  }
  return status;
}
