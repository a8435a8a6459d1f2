/**
 * The shape of catalog fixtures (mocks/fixtures/toolkits/<slug>.json), one toolkit per file.
 * Users add their own with `--fixtures DIR` in the same format.
 */

/** MCP-style behaviour hints the API exposes as tool tags. */
export type ToolTag = 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint';

/** A JSON Schema object as stored in fixtures (draft 2020-12 vocabulary plus `nullable` and Composio annotations; see mocks/fixtures/README.md). */
export type JsonSchema = Record<string, unknown>;

/** One tool of a toolkit, as the catalog holds it. */
export interface CatalogTool {
  /** `GITHUB_CREATE_AN_ISSUE`: upper snake case, prefixed with the toolkit slug in upper case. */
  slug: string;
  name: string;
  /** What an agent reads to decide; searchable. */
  description: string;
  /** Optional longer text for people. */
  human_description?: string;
  /** Free tags: hint tags (`readOnlyHint`, ...) plus topical ones (`issues`, `email`). */
  tags: string[];
  /** OAuth scopes the tool needs (empty for no-auth toolkits). */
  scopes: string[];
  /** JSON Schema, `type: "object"`, with `properties` and `required`. */
  input_parameters: JsonSchema;
  /** JSON Schema, `type: "object"`: the `data` the tool returns. */
  output_parameters: JsonSchema;
  version: string;
  available_versions: string[];
  is_deprecated?: boolean;
}

/** One toolkit (app) of the catalog. */
export interface CatalogToolkit {
  /** Lower-case slug: `github`. */
  slug: string;
  name: string;
  description: string;
  logo: string;
  categories: string[];
  /** True when no connected account is needed to execute its tools. */
  is_no_auth: boolean;
  /** Auth schemes Composio manages for this toolkit (`OAUTH2`, `API_KEY`, ...); empty when no-auth. */
  composio_managed_auth_schemes: string[];
  /** Upstream API base URL, used by proxy_execute to resolve relative endpoints. */
  base_url: string;
  tools: CatalogTool[];
}
