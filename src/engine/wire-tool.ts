/**
 * The wire shape of a tool, as `GET .../session/{id}/tools` and search's schemas return it
 * (reference 3.8, `ToolsPaginated.items[]`). One conversion, used by every listing.
 */
import type { Schemas } from '../openapi-types.js';
import type { CatalogTool, CatalogToolkit } from './catalog-types.js';

/** A tool as the API returns it: the document's `Tool` schema. */
export type WireTool = Schemas['Tool'];

/** The toolkit fields the conversion reads. */
export type WireToolkitSource = Pick<CatalogToolkit, 'slug' | 'name' | 'logo' | 'is_no_auth'>;

/**
 * Convert a catalog tool to the API's `Tool` object. Arrays and schemas are copied, so a caller
 * may mutate the result without touching the catalog.
 *
 * @example
 * const toolkit = catalog.getToolkit('github')!;
 * const wire = toWireTool(catalog.getTool('GITHUB_CREATE_AN_ISSUE')!, toolkit);
 * wire.toolkit; // { slug: 'github', name: 'GitHub', logo: 'https://logos.composio.dev/api/github' }
 */
export function toWireTool(tool: CatalogTool, toolkit: WireToolkitSource): WireTool {
  return wireShape(tool, toolkit, true);
}

/**
 * The same object as {@link toWireTool}, sharing the catalog's arrays and schemas instead of
 * copying them: for reading only (the start-up check validates 152 of these).
 *
 * @example
 * validate(wireToolView(tool, toolkit)); // nothing copied
 */
export function wireToolView(tool: CatalogTool, toolkit: WireToolkitSource): Readonly<WireTool> {
  return wireShape(tool, toolkit, false);
}

function wireShape(tool: CatalogTool, toolkit: WireToolkitSource, copy: boolean): WireTool {
  const isDeprecated = tool.is_deprecated ?? false;
  const list = <T>(items: readonly T[]): T[] => (copy ? [...items] : (items as T[]));
  return {
    slug: tool.slug,
    name: tool.name,
    description: tool.description,
    toolkit: { slug: toolkit.slug, name: toolkit.name, logo: toolkit.logo },
    input_parameters: copy ? structuredClone(tool.input_parameters) : tool.input_parameters,
    output_parameters: copy ? structuredClone(tool.output_parameters) : tool.output_parameters,
    no_auth: toolkit.is_no_auth,
    available_versions: list(tool.available_versions),
    version: tool.version,
    scopes: list(tool.scopes),
    scope_requirements: null,
    tags: list(tool.tags),
    ...(tool.human_description !== undefined ? { human_description: tool.human_description } : {}),
    is_deprecated: isDeprecated,
    deprecated: {
      displayName: tool.name,
      version: tool.version,
      available_versions: list(tool.available_versions),
      is_deprecated: isDeprecated,
      toolkit: { logo: toolkit.logo },
    },
  };
}
