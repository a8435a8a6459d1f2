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
  const isDeprecated = tool.is_deprecated ?? false;
  return {
    slug: tool.slug,
    name: tool.name,
    description: tool.description,
    toolkit: { slug: toolkit.slug, name: toolkit.name, logo: toolkit.logo },
    input_parameters: structuredClone(tool.input_parameters),
    output_parameters: structuredClone(tool.output_parameters),
    no_auth: toolkit.is_no_auth,
    available_versions: [...tool.available_versions],
    version: tool.version,
    scopes: [...tool.scopes],
    scope_requirements: null,
    tags: [...tool.tags],
    ...(tool.human_description !== undefined ? { human_description: tool.human_description } : {}),
    is_deprecated: isDeprecated,
    deprecated: {
      displayName: tool.name,
      version: tool.version,
      available_versions: [...tool.available_versions],
      is_deprecated: isDeprecated,
      toolkit: { logo: toolkit.logo },
    },
  };
}
