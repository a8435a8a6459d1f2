/**
 * Plain data the engine keeps and returns. Field names are the wire's (snake case, response
 * spellings), so serialising is `JSON.stringify` and nothing else.
 */
import type { Schemas } from '../openapi-types.js';

export type Tag = Schemas['ToolTag'];
export type SandboxSize = Schemas['SandboxSize'];
/** `tags` in the response spelling (`{enabled?, disabled?}`). */
export type TagFilter = Schemas['TagSelection'];
/** `tools[toolkit]` in the response spelling. */
export type PerToolkitToolFilter = Schemas['ToolSelection'];

/** The session config as the API returns it (reference 2.2): the document's `SessionConfig`. */
export type StoredConfig = Schemas['SessionConfig'];

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
export type CustomToolEcho = Schemas['CustomToolOutput'];
export type CustomToolkitEcho = Schemas['CustomToolkitOutput'];

/** The session envelope of create/get/patch/attach (reference 2.1): the document's `Session`. */
export type SessionView = Schemas['Session'];

/** Who is asking and where the mock is reachable, passed with every engine call. */
export interface CallContext {
  /** The caller's API key: each distinct key is its own project. */
  apiKey: string;
  /** The mock's own origin as the caller reached it (`http://127.0.0.1:4010`). */
  origin: string;
}
