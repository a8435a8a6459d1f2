/**
 * Plain data the engine keeps and returns. Field names are the wire's (snake case, response
 * spellings), so serialising is `JSON.stringify` and nothing else.
 */
import type { CustomToolInput } from './custom-tools.js';

export type Tag = 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint';
export type SandboxSize = 'standard' | 'medium' | 'large' | 'xlarge';

export interface TagFilter {
  enabled?: Tag[];
  disabled?: Tag[];
}

export type ToolkitFilter = { enabled: string[] } | { disabled: string[] };
export type PerToolkitToolFilter = { enabled: string[] } | { disabled: string[] } | { tags: TagFilter };

/** The session config as the API returns it (reference 2.2). */
export interface StoredConfig {
  user_id: string;
  toolkits?: ToolkitFilter;
  auth_configs?: Record<string, string>;
  manage_connections?: {
    enabled?: boolean;
    callback_url?: string;
    enable_wait_for_connections?: boolean;
    enable_connection_removal?: boolean;
  };
  tools?: Record<string, PerToolkitToolFilter>;
  tags?: TagFilter;
  workbench?: {
    enable?: boolean;
    proxy_execution_enabled?: boolean;
    auto_offload_threshold?: number;
    sandbox_size?: SandboxSize;
  };
  multi_account?: {
    enable?: boolean;
    max_accounts_per_toolkit?: number;
    require_explicit_selection?: boolean;
  };
  preload: { tools: string[] | 'all' };
  connected_accounts?: Record<string, string[]>;
  search: { enable?: boolean };
  execute: { enable_multi_execute?: boolean };
}

/** Session settings accepted on create/patch that the API does not echo through `config`. */
export interface SessionExperimental {
  permissions?: {
    default: 'allow_all' | 'ask_every_call' | 'ask_once_per_session';
    overrides?: Record<string, 'always_allow' | 'always_deny' | 'ask_once' | 'ask_always'>;
  };
  link_url_overwrite?: string;
  assistive_prompt_config?: { user_timezone?: string };
}

export interface ConfigVersion {
  version: number;
  /** When this version became current. */
  created_at: string;
  /** When a PATCH superseded it; absent for the live version. */
  superseded_at?: string;
  config: StoredConfig;
}

export interface SessionRecord {
  session_id: string;
  user_id: string;
  created_at: string;
  config: StoredConfig;
  config_version: number;
  /** Every version, oldest first; the last one is live. */
  versions: ConfigVersion[];
  experimental: SessionExperimental;
  deleted: boolean;
}

/** A custom tool as the API echoes it (prefixed slug plus the caller's original). */
export type CustomToolEcho = Omit<CustomToolInput, 'preload'> & { original_slug: string };

export interface CustomToolkitEcho {
  slug: string;
  name: string;
  description: string;
  tools: CustomToolEcho[];
}

/** The session envelope of create/get/patch/attach (reference 2.1). */
export interface SessionView {
  session_id: string;
  mcp: { type: 'http'; url: string };
  tool_router_tools: string[];
  config: StoredConfig;
  config_version: number;
  experimental?: {
    assistive_prompt?: string;
    custom_toolkits?: CustomToolkitEcho[];
    custom_tools?: CustomToolEcho[];
  };
  warnings?: { code: 'PRELOAD_TOOLS_HIGH_CONTEXT_USAGE'; message: string }[];
}

/** Who is asking and where the mock is reachable, passed with every engine call. */
export interface CallContext {
  /** The caller's API key: each distinct key is its own project. */
  apiKey: string;
  /** The mock's own origin as the caller reached it (`http://127.0.0.1:4010`). */
  origin: string;
}
