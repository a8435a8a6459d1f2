/**
 * Inline custom tools in search: @composio/core's `session.search()` sends the session's custom
 * tools in `experimental` and relies on the server to rank them with the catalog (reference 3.7).
 * They are checked as on create (same 400), named by their final `LOCAL_…` slugs, and ranked in
 * one index with the catalog tools, so their scores compare with the catalog's.
 */
import type { Catalog } from './catalog.js';
import { checkCustoms, type CustomToolInput, type CustomsInput } from './custom-tools.js';
import type { Engine } from './engine.js';
import { badRequest } from './errors.js';
import { createSearchIndex, type SearchableTool, type SearchIndex } from './search-index.js';

/** The toolkit slug search reports for a standalone custom tool (no custom toolkit, no `extends_toolkit`). */
export const STANDALONE_CUSTOM_TOOLKIT = 'custom';

/** A custom tool as search answers it: its input's texts and schemas, with the final slug and its toolkit. */
export interface SearchCustomTool extends Pick<CustomToolInput, 'name' | 'description' | 'input_schema' | 'output_schema'> {
  /** Final slug, `LOCAL_…`. */
  slug: string;
  /** The custom toolkit's slug, the `extends_toolkit`, or {@link STANDALONE_CUSTOM_TOOLKIT}. */
  toolkit: string;
  /** True for a tool extending a Composio toolkit: it runs with that toolkit's connection. */
  extendsCatalogToolkit: boolean;
  /** Name and description of the custom toolkit holding the tool (searched like a catalog toolkit's). */
  customToolkit?: { name: string; description: string };
}

/**
 * The custom tools of a request's `experimental` block, checked; throws 400 listing every
 * violation, as session create does.
 *
 * @example
 * customSearchTools(catalog, { custom_tools: [{ slug: 'FIND_CUSTOMER', name: 'Find customer', description: '…', input_schema: { type: 'object', properties: {} } }] });
 * // [{ slug: 'LOCAL_FIND_CUSTOMER', toolkit: 'custom', … }]
 */
export function customSearchTools(catalog: Catalog, input: CustomsInput | undefined): SearchCustomTool[] {
  const { echo, errors } = checkCustoms(input, (slug) => catalog.getToolkit(slug) !== undefined, '/experimental');
  if (errors.length > 0) throw badRequest('Invalid custom tools', errors, { codeName: 'INVALID_SESSION_CONFIG' });
  const tools: SearchCustomTool[] = [];
  for (const tool of echo.custom_tools ?? []) {
    const extended = tool.extends_toolkit === undefined ? undefined : catalog.getToolkit(tool.extends_toolkit)!.slug;
    tools.push({ ...view(tool), toolkit: extended ?? STANDALONE_CUSTOM_TOOLKIT, extendsCatalogToolkit: extended !== undefined });
  }
  for (const toolkit of echo.custom_toolkits ?? []) {
    const customToolkit = { name: toolkit.name, description: toolkit.description };
    for (const tool of toolkit.tools) tools.push({ ...view(tool), toolkit: toolkit.slug, extendsCatalogToolkit: false, customToolkit });
  }
  return tools;
}

function view(tool: { slug: string; name: string; description: string; input_schema: Record<string, unknown>; output_schema?: Record<string, unknown> }) {
  return {
    slug: tool.slug,
    name: tool.name,
    description: tool.description,
    input_schema: tool.input_schema,
    ...(tool.output_schema ? { output_schema: tool.output_schema } : {}),
  };
}

/**
 * The catalog's tools as the search index reads them.
 *
 * @example
 * createSearchIndex(catalogSearchables(engine.catalog));
 */
export function catalogSearchables(catalog: Catalog): SearchableTool[] {
  return catalog.tools.map((tool) => {
    const toolkit = catalog.getToolkit(tool.toolkit)!;
    return { ...tool, toolkit: { slug: toolkit.slug, name: toolkit.name, description: toolkit.description } };
  });
}

/** Indexes over catalog + customs, per engine, by the customs' searchable text: the SDK sends the same customs on every search. */
const indexCache = new WeakMap<Engine, Map<string, SearchIndex>>();
const MAX_CACHED_INDEXES = 16;

/**
 * The engine's index when there are no custom tools, else an index over the catalog and the
 * custom tools (built once per distinct set of customs, a few milliseconds).
 *
 * @example
 * searchIndexFor(engine, customs).rank('find a customer in the CRM');
 */
export function searchIndexFor(engine: Engine, customs: readonly SearchCustomTool[]): SearchIndex {
  if (customs.length === 0) return engine.searchIndex;
  const searchables: SearchableTool[] = customs.map((tool) => {
    const catalogToolkit = tool.extendsCatalogToolkit ? engine.catalog.getToolkit(tool.toolkit) : undefined;
    const toolkit = catalogToolkit
      ? { slug: catalogToolkit.slug, name: catalogToolkit.name, description: catalogToolkit.description }
      : tool.customToolkit
        ? { slug: tool.toolkit, ...tool.customToolkit }
        : { slug: STANDALONE_CUSTOM_TOOLKIT, name: '' };
    return { slug: tool.slug, name: tool.name, description: tool.description, tags: [], toolkit };
  });
  const key = JSON.stringify(searchables);
  let byCustoms = indexCache.get(engine);
  if (!byCustoms) indexCache.set(engine, (byCustoms = new Map()));
  let index = byCustoms.get(key);
  if (!index) {
    index = createSearchIndex([...catalogSearchables(engine.catalog), ...searchables]);
    if (byCustoms.size >= MAX_CACHED_INDEXES) byCustoms.delete(byCustoms.keys().next().value!);
    byCustoms.set(key, index);
  }
  return index;
}
