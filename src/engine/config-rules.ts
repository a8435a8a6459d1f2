/**
 * The rules a session config must satisfy beyond its JSON shape (reference 3.1 and 3.3):
 * every named toolkit and tool exists, preload "all" has an allowlist, account pins are
 * real, usable and within the multi-account cap, `manage_connections.callback_url` is an
 * absolute http(s) URL. All violations are collected.
 */
import { callbackUrlProblem } from './callback-url.js';
import type { Catalog } from './catalog.js';
import type { ProjectState } from './store.js';
import { hasPositiveAllowlist, isToolAllowed } from './tool-access.js';
import type { StoredConfig } from './types.js';

const DEFAULT_MAX_ACCOUNTS = 5;

function checkToolkits(config: StoredConfig, catalog: Catalog, errors: string[]): void {
  const filter = config.toolkits;
  if (!filter) return;
  const [key, list] = 'enabled' in filter ? ['enable', filter.enabled] : ['disable', filter.disabled];
  list.forEach((slug, i) => {
    if (!catalog.getToolkit(slug)) errors.push(`/toolkits/${key}/${i}: unknown toolkit "${slug}"`);
  });
}

function checkTools(config: StoredConfig, catalog: Catalog, errors: string[]): void {
  for (const [toolkit, filter] of Object.entries(config.tools ?? {})) {
    if (!catalog.getToolkit(toolkit)) {
      errors.push(`/tools/${toolkit}: unknown toolkit "${toolkit}"`);
      continue;
    }
    const [key, list] = 'enabled' in filter ? ['enable', filter.enabled] : 'disabled' in filter ? ['disable', filter.disabled] : ['', []];
    list.forEach((slug, i) => {
      const tool = catalog.getTool(slug);
      if (!tool || tool.toolkit !== toolkit) errors.push(`/tools/${toolkit}/${key}/${i}: "${slug}" is not a tool of toolkit "${toolkit}"`);
    });
  }
}

function checkAuthConfigs(config: StoredConfig, catalog: Catalog, errors: string[]): void {
  for (const toolkit of Object.keys(config.auth_configs ?? {})) {
    if (!catalog.getToolkit(toolkit)) errors.push(`/auth_configs/${toolkit}: unknown toolkit "${toolkit}"`);
  }
}

function checkPreload(config: StoredConfig, catalog: Catalog, errors: string[]): void {
  const tools = config.preload.tools;
  if (typeof tools === 'string') {
    if (tools !== 'all') errors.push(`/preload/tools: "${tools}" is not a list of tool slugs or "all"`);
    else if (!hasPositiveAllowlist(config)) {
      errors.push('/preload/tools: "all" needs a positive allowlist (toolkits.enable, tools.<toolkit>.enable or enabled tags)');
    }
    return;
  }
  tools.forEach((slug, i) => {
    const tool = catalog.getTool(slug);
    if (slug.startsWith('LOCAL_')) errors.push(`/preload/tools/${i}: custom tool "${slug}" cannot be preloaded here; set preload on the custom tool`);
    else if (!tool) errors.push(`/preload/tools/${i}: unknown tool "${slug}"`);
    else if (!isToolAllowed(config, tool)) errors.push(`/preload/tools/${i}: "${slug}" is excluded by the session's toolkits, tools or tags config`);
  });
}

function checkMultiAccount(config: StoredConfig, errors: string[]): void {
  const max = config.multi_account?.max_accounts_per_toolkit;
  if (max !== undefined && (!Number.isInteger(max) || max < 2 || max > 10)) {
    errors.push(`/multi_account/max_accounts_per_toolkit: ${max} is outside 2..10`);
  }
}

function checkCallbackUrl(config: StoredConfig, errors: string[]): void {
  const callback = config.manage_connections?.callback_url;
  const problem = callback === undefined ? undefined : callbackUrlProblem(callback);
  if (problem !== undefined) errors.push(`/manage_connections/callback_url: ${problem}`);
}

function mayUseShared(account: NonNullable<ReturnType<ProjectState['connectedAccounts']['get']>>, userId: string): boolean {
  if (account.user_id === userId) return true;
  const acl = account.acl_config_for_shared;
  if (!acl) return false;
  if (acl.not_allowed_user_ids.includes(userId)) return false;
  return acl.allow_all_users || acl.allowed_user_ids.includes(userId);
}

function checkPins(config: StoredConfig, catalog: Catalog, project: ProjectState, errors: string[]): void {
  const multi = config.multi_account?.enable === true;
  const cap = multi ? config.multi_account?.max_accounts_per_toolkit ?? DEFAULT_MAX_ACCOUNTS : 1;
  for (const [toolkit, ids] of Object.entries(config.connected_accounts ?? {})) {
    if (!catalog.getToolkit(toolkit)) errors.push(`/connected_accounts/${toolkit}: unknown toolkit "${toolkit}"`);
    if (ids.length > cap) {
      errors.push(
        `/connected_accounts/${toolkit}: ${ids.length} accounts pinned; at most ${cap} ${multi ? '(multi_account.max_accounts_per_toolkit)' : 'without multi_account.enable'}`,
      );
    }
    let shared = 0;
    ids.forEach((id, i) => {
      const account = project.connectedAccounts.get(id);
      const where = `/connected_accounts/${toolkit}/${i}`;
      if (!account || account.is_disabled) return void errors.push(`${where}: connected account "${id}" not found`);
      if (account.toolkit !== toolkit) return void errors.push(`${where}: connected account "${id}" belongs to toolkit "${account.toolkit}"`);
      if (account.account_type === 'SHARED') {
        shared += 1;
        if (!mayUseShared(account, config.user_id)) errors.push(`${where}: shared connected account "${id}" is not accessible to user "${config.user_id}"`);
      } else if (account.user_id !== config.user_id) {
        errors.push(`${where}: connected account "${id}" belongs to another user`);
      }
    });
    if (shared > 1) errors.push(`/connected_accounts/${toolkit}: at most one SHARED account per toolkit per session`);
  }
}

/**
 * Every violation of the session rules, as `/json/pointer: message` lines (request
 * spellings in the pointers, so they point into what the caller sent).
 *
 * @example
 * const errors = checkSessionConfig(config, catalog, project);
 * if (errors.length) throw badRequest('Invalid session config', errors, { codeName: 'INVALID_SESSION_CONFIG' });
 */
export function checkSessionConfig(config: StoredConfig, catalog: Catalog, project: ProjectState): string[] {
  const errors: string[] = [];
  checkToolkits(config, catalog, errors);
  checkTools(config, catalog, errors);
  checkAuthConfigs(config, catalog, errors);
  checkPreload(config, catalog, errors);
  checkMultiAccount(config, errors);
  checkCallbackUrl(config, errors);
  checkPins(config, catalog, project, errors);
  return errors;
}
