/**
 * Which toolkits and tools a session config lets an agent use (reference 3.1 and 4):
 * the toolkit filter first, then an explicit per-toolkit list, which beats tags, then
 * the per-toolkit tags, then the global tags.
 */
import type { StoredConfig, TagFilter } from './types.js';

/** The parts of a catalog tool the access rules read. */
export interface ToolFacts {
  slug: string;
  toolkit: string;
  tags: readonly string[];
}

/**
 * @example
 * isToolkitAllowed({ toolkits: { enabled: ['github'] } } as StoredConfig, 'gmail'); // false
 */
export function isToolkitAllowed(config: StoredConfig, toolkit: string): boolean {
  const slug = toolkit.toLowerCase();
  const filter = config.toolkits;
  if (!filter) return true;
  if ('enabled' in filter) return filter.enabled.includes(slug);
  return !filter.disabled.includes(slug);
}

function passesTags(filter: TagFilter | undefined, tags: readonly string[]): boolean {
  if (!filter) return true;
  if (filter.enabled && filter.enabled.length > 0 && !filter.enabled.some((t) => tags.includes(t))) return false;
  if (filter.disabled && filter.disabled.some((t) => tags.includes(t))) return false;
  return true;
}

/**
 * @example
 * isToolAllowed(config, { slug: 'GITHUB_CREATE_AN_ISSUE', toolkit: 'github', tags: ['openWorldHint'] });
 */
export function isToolAllowed(config: StoredConfig, tool: ToolFacts): boolean {
  if (!isToolkitAllowed(config, tool.toolkit)) return false;
  const own = config.tools?.[tool.toolkit.toLowerCase()];
  const slug = tool.slug.toUpperCase();
  if (own && 'enabled' in own) return own.enabled.includes(slug);
  if (own && 'disabled' in own) return !own.disabled.includes(slug);
  if (own && 'tags' in own) return passesTags(own.tags, tool.tags);
  return passesTags(config.tags, tool.tags);
}

/**
 * True when the config names what it allows (a toolkit allowlist, a per-toolkit tool
 * allowlist or enabled tags): `preload: "all"` is refused without one, so "all" never
 * means the whole catalog.
 *
 * @example
 * hasPositiveAllowlist({ toolkits: { enabled: ['github'] } } as StoredConfig); // true
 */
export function hasPositiveAllowlist(config: StoredConfig): boolean {
  if (config.toolkits && 'enabled' in config.toolkits && config.toolkits.enabled.length > 0) return true;
  for (const filter of Object.values(config.tools ?? {})) {
    if ('enabled' in filter && filter.enabled.length > 0) return true;
    if ('tags' in filter && (filter.tags.enabled?.length ?? 0) > 0) return true;
  }
  return (config.tags?.enabled?.length ?? 0) > 0;
}

const allowedCache = new WeakMap<StoredConfig, Map<readonly ToolFacts[], ReadonlySet<string>>>();

/**
 * Every tool slug of `tools` the config allows, computed once per config object (a config is
 * never changed in place: a PATCH stores a new one), so hot paths such as search test
 * membership instead of re-running the rules for each candidate.
 *
 * @example
 * allowedToolSlugs(session.config, catalog.tools).has('GITHUB_CREATE_AN_ISSUE');
 */
export function allowedToolSlugs(config: StoredConfig, tools: readonly ToolFacts[]): ReadonlySet<string> {
  let byCatalog = allowedCache.get(config);
  if (!byCatalog) allowedCache.set(config, (byCatalog = new Map()));
  let allowed = byCatalog.get(tools);
  if (!allowed) {
    allowed = new Set(tools.filter((tool) => isToolAllowed(config, tool)).map((tool) => tool.slug));
    byCatalog.set(tools, allowed);
  }
  return allowed;
}
