/**
 * Session config in the request spellings (reference 2.3): `enable` in, `enabled` out.
 * The HTTP layer has already checked the shape against the OpenAPI document; these
 * functions translate and merge.
 */
import type { PerToolkitToolFilter, StoredConfig, Tag, TagFilter } from './types.js';

type TagsInput = Tag[] | { enable?: Tag[]; disable?: Tag[] };

export interface SessionConfigInput {
  toolkits?: { enable: string[] } | { disable: string[] };
  auth_configs?: Record<string, string>;
  connected_accounts?: Record<string, string[]> | null;
  manage_connections?: {
    enable?: boolean | null;
    callback_url?: string;
    enable_wait_for_connections?: boolean | null;
    enable_connection_removal?: boolean | null;
  } | null;
  tools?: Record<string, { enable: string[] } | { disable: string[] } | { tags: TagsInput }>;
  tags?: TagsInput;
  workbench?: {
    enable?: boolean;
    enable_proxy_execution?: boolean;
    auto_offload_threshold?: number;
    sandbox_size?: 'standard' | 'medium' | 'large' | 'xlarge';
  } | null;
  multi_account?: {
    enable?: boolean;
    max_accounts_per_toolkit?: number;
    require_explicit_selection?: boolean;
  } | null;
  preload?: { tools?: string[] | string };
  search?: { enable?: boolean };
  execute?: { enable_multi_execute?: boolean };
}

/** Keys of the config a PATCH may touch, in the order the response lists them. */
const CONFIG_KEYS = [
  'toolkits',
  'auth_configs',
  'manage_connections',
  'tools',
  'tags',
  'workbench',
  'multi_account',
  'preload',
  'connected_accounts',
  'search',
  'execute',
] as const;

function tagsOut(input: TagsInput): TagFilter {
  if (Array.isArray(input)) return { enabled: [...input] };
  const out: TagFilter = {};
  if (input.enable) out.enabled = [...input.enable];
  if (input.disable) out.disabled = [...input.disable];
  return out;
}

function toolkitSlugs(list: string[]): string[] {
  return list.map((slug) => slug.toLowerCase());
}

function toolFilterOut(input: NonNullable<SessionConfigInput['tools']>[string]): PerToolkitToolFilter {
  if ('enable' in input) return { enabled: input.enable.map((s) => s.toUpperCase()) };
  if ('disable' in input) return { disabled: input.disable.map((s) => s.toUpperCase()) };
  return { tags: tagsOut(input.tags) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Translates one supplied block to its stored spelling; `undefined` means "absent". */
function translateBlock(key: (typeof CONFIG_KEYS)[number], input: SessionConfigInput): unknown {
  switch (key) {
    case 'toolkits': {
      const t = input.toolkits;
      if (!t) return undefined;
      return 'enable' in t ? { enabled: toolkitSlugs(t.enable) } : { disabled: toolkitSlugs(t.disable) };
    }
    case 'auth_configs':
      return input.auth_configs
        ? Object.fromEntries(Object.entries(input.auth_configs).map(([tk, id]) => [tk.toLowerCase(), id]))
        : undefined;
    case 'connected_accounts':
      return input.connected_accounts
        ? Object.fromEntries(Object.entries(input.connected_accounts).map(([tk, ids]) => [tk.toLowerCase(), [...ids]]))
        : undefined;
    case 'manage_connections': {
      const m = input.manage_connections;
      if (!m) return undefined;
      return dropUndefined({
        enabled: m.enable ?? undefined,
        callback_url: m.callback_url,
        enable_wait_for_connections: m.enable_wait_for_connections ?? undefined,
        enable_connection_removal: m.enable_connection_removal ?? undefined,
      });
    }
    case 'tools':
      return input.tools
        ? Object.fromEntries(Object.entries(input.tools).map(([tk, f]) => [tk.toLowerCase(), toolFilterOut(f)]))
        : undefined;
    case 'tags':
      return input.tags ? tagsOut(input.tags) : undefined;
    case 'workbench': {
      const w = input.workbench;
      if (!w) return undefined;
      return dropUndefined({
        enable: w.enable,
        proxy_execution_enabled: w.enable_proxy_execution,
        auto_offload_threshold: w.auto_offload_threshold,
        sandbox_size: w.sandbox_size,
      });
    }
    case 'multi_account':
      return input.multi_account ? dropUndefined({ ...input.multi_account }) : undefined;
    case 'preload': {
      const tools = input.preload?.tools;
      if (input.preload === undefined) return undefined;
      if (tools === undefined) return { tools: [] };
      return { tools: typeof tools === 'string' ? tools : tools.map((s) => s.toUpperCase()) };
    }
    case 'search':
      return input.search ? { enable: input.search.enable ?? true } : undefined;
    case 'execute':
      return input.execute ? { enable_multi_execute: input.execute.enable_multi_execute ?? true } : undefined;
  }
}

/** The blocks every config carries, with the service's defaults. */
function withRequiredBlocks(partial: Partial<StoredConfig> & { user_id: string }): StoredConfig {
  return {
    ...partial,
    preload: partial.preload ?? { tools: [] },
    search: partial.search ?? { enable: true },
    execute: partial.execute ?? { enable_multi_execute: true },
  };
}

function ordered(config: StoredConfig): StoredConfig {
  const out: Record<string, unknown> = { user_id: config.user_id };
  for (const key of CONFIG_KEYS) if (config[key] !== undefined) out[key] = config[key];
  return out as unknown as StoredConfig;
}

/**
 * The stored config for a create request.
 *
 * @example
 * configFromCreate('u1', { toolkits: { enable: ['GitHub'] } }).toolkits; // { enabled: ['github'] }
 */
export function configFromCreate(userId: string, input: SessionConfigInput): StoredConfig {
  const partial: Record<string, unknown> = { user_id: userId };
  for (const key of CONFIG_KEYS) {
    const value = translateBlock(key, input);
    if (value !== undefined) partial[key] = value;
  }
  return ordered(withRequiredBlocks(partial as Partial<StoredConfig> & { user_id: string }));
}

/**
 * Applies a PATCH: a supplied block replaces the stored one, `null` clears it (required
 * blocks fall back to their defaults), an absent key leaves it as it was.
 *
 * @example
 * const next = mergePatch(current, { workbench: null, search: { enable: false } });
 */
export function mergePatch(current: StoredConfig, patch: SessionConfigInput): StoredConfig {
  const next: Record<string, unknown> = { ...current };
  for (const key of CONFIG_KEYS) {
    if (!(key in patch)) continue;
    const raw = (patch as Record<string, unknown>)[key];
    if (raw === null) {
      delete next[key];
      continue;
    }
    const value = translateBlock(key, patch);
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return ordered(withRequiredBlocks(next as Partial<StoredConfig> & { user_id: string }));
}
