/**
 * The session's meta tools and the config switches that expose them (reference 4 and 5).
 */
import type { StoredConfig } from './types.js';

export const META_TOOL_SLUGS = [
  'COMPOSIO_SEARCH_TOOLS',
  'COMPOSIO_GET_TOOL_SCHEMAS',
  'COMPOSIO_MULTI_EXECUTE_TOOL',
  'COMPOSIO_MANAGE_CONNECTIONS',
  'COMPOSIO_WAIT_FOR_CONNECTIONS',
  'COMPOSIO_REMOTE_WORKBENCH',
  'COMPOSIO_REMOTE_BASH_TOOL',
] as const;

export type MetaToolSlug = (typeof META_TOOL_SLUGS)[number];

/**
 * @example
 * isMetaToolSlug('COMPOSIO_SEARCH_TOOLS'); // true
 */
export function isMetaToolSlug(slug: string): slug is MetaToolSlug {
  return (META_TOOL_SLUGS as readonly string[]).includes(slug);
}

/**
 * Whether the config exposes a meta tool. Defaults follow the service: search,
 * multi-execute, connection management and the workbench are on unless switched off;
 * waiting for connections is off unless switched on. Tool schemas go with search.
 *
 * @example
 * isMetaToolEnabled(config, 'COMPOSIO_REMOTE_WORKBENCH'); // false when workbench.enable is false
 */
export function isMetaToolEnabled(config: StoredConfig, slug: MetaToolSlug): boolean {
  switch (slug) {
    case 'COMPOSIO_SEARCH_TOOLS':
    case 'COMPOSIO_GET_TOOL_SCHEMAS':
      return config.search.enable !== false;
    case 'COMPOSIO_MULTI_EXECUTE_TOOL':
      return config.execute.enable_multi_execute !== false;
    case 'COMPOSIO_MANAGE_CONNECTIONS':
      return config.manage_connections?.enabled !== false;
    case 'COMPOSIO_WAIT_FOR_CONNECTIONS':
      return config.manage_connections?.enabled !== false && config.manage_connections?.enable_wait_for_connections === true;
    case 'COMPOSIO_REMOTE_WORKBENCH':
    case 'COMPOSIO_REMOTE_BASH_TOOL':
      return config.workbench?.enable !== false;
  }
}

/**
 * The `tool_router_tools` of a session envelope.
 *
 * @example
 * enabledMetaTools(config); // ['COMPOSIO_SEARCH_TOOLS', ...]
 */
export function enabledMetaTools(config: StoredConfig): MetaToolSlug[] {
  return META_TOOL_SLUGS.filter((slug) => isMetaToolEnabled(config, slug));
}
