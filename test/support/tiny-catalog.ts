/** A two-toolkit catalog for engine unit tests that must not depend on the fixtures. */
import { buildCatalog, type Catalog } from '../../src/engine/catalog.js';
import type { CatalogTool, CatalogToolkit } from '../../src/engine/catalog-types.js';

function tool(slug: string, tags: string[]): CatalogTool {
  return {
    slug,
    name: slug.toLowerCase().replace(/_/g, ' '),
    description: `Does ${slug}`,
    tags,
    scopes: [],
    input_parameters: { type: 'object', properties: { title: { type: 'string' } }, required: [] },
    output_parameters: { type: 'object', properties: { id: { type: 'string' } } },
    version: '1',
    available_versions: ['1'],
  };
}

function toolkit(slug: string, tools: CatalogTool[], isNoAuth = false): CatalogToolkit {
  return {
    slug,
    name: slug,
    description: slug,
    logo: `https://logos.example/${slug}`,
    categories: [],
    is_no_auth: isNoAuth,
    composio_managed_auth_schemes: isNoAuth ? [] : ['OAUTH2'],
    base_url: `https://api.${slug}.example`,
    tools,
  };
}

/**
 * @example
 * const catalog = tinyCatalog();
 * catalog.getTool('GITHUB_CREATE_ISSUE')?.toolkit; // 'github'
 */
export function tinyCatalog(): Catalog {
  return buildCatalog([
    toolkit('github', [tool('GITHUB_CREATE_ISSUE', ['openWorldHint']), tool('GITHUB_LIST_ISSUES', ['readOnlyHint']), tool('GITHUB_DELETE_REPO', ['destructiveHint'])]),
    toolkit('gmail', [tool('GMAIL_SEND_EMAIL', ['openWorldHint']), tool('GMAIL_FETCH_EMAILS', ['readOnlyHint'])]),
    toolkit('hackernews', [tool('HACKERNEWS_GET_TOP_STORIES', ['readOnlyHint'])], true),
  ]);
}
