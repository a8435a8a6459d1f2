/** A two-toolkit catalog for engine unit tests that must not depend on the fixtures. */
import type { CatalogLookup } from '../../src/engine/catalog-lookup.js';
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
export function tinyCatalog(): CatalogLookup {
  const toolkits = [
    toolkit('github', [tool('GITHUB_CREATE_ISSUE', ['openWorldHint']), tool('GITHUB_LIST_ISSUES', ['readOnlyHint']), tool('GITHUB_DELETE_REPO', ['destructiveHint'])]),
    toolkit('gmail', [tool('GMAIL_SEND_EMAIL', ['openWorldHint']), tool('GMAIL_FETCH_EMAILS', ['readOnlyHint'])]),
    toolkit('hackernews', [tool('HACKERNEWS_GET_TOP_STORIES', ['readOnlyHint'])], true),
  ];
  const tools = toolkits.flatMap((t) => t.tools);
  return {
    toolkits,
    tools,
    getToolkit: (slug) => toolkits.find((t) => t.slug === slug.toLowerCase()),
    getTool: (slug) => {
      const owner = toolkits.find((t) => t.tools.some((x) => x.slug === slug.toUpperCase()));
      const found = owner?.tools.find((x) => x.slug === slug.toUpperCase());
      return found && owner ? { ...found, toolkit: owner.slug } : undefined;
    },
  };
}
