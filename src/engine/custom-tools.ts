/**
 * Inline custom tools (`LOCAL_*`): checked and echoed with their prefixed slugs. The
 * service does not persist them, so neither does the mock (reference 3.5).
 */
import type { CustomToolEcho, CustomToolkitEcho } from './types.js';

const SLUG_PATTERN = /^[A-Za-z0-9_-]+$/;
const MAX_FINAL_SLUG = 60;

export interface CustomToolInput {
  slug: string;
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
  output_schema?: Record<string, unknown>;
  extends_toolkit?: string;
  preload?: boolean;
}

export interface CustomToolkitInput {
  slug: string;
  name: string;
  description: string;
  preload?: boolean;
  tools: Omit<CustomToolInput, 'extends_toolkit'>[];
}

export interface CustomsInput {
  custom_tools?: CustomToolInput[];
  custom_toolkits?: CustomToolkitInput[];
}

export interface CustomsEcho {
  custom_tools?: CustomToolEcho[];
  custom_toolkits?: CustomToolkitEcho[];
}

/**
 * `LOCAL_<SLUG>` or, inside a toolkit, `LOCAL_<TOOLKIT>_<SLUG>`, upper case.
 *
 * @example
 * finalCustomSlug('grep', 'dev_tools'); // 'LOCAL_DEV_TOOLS_GREP'
 */
export function finalCustomSlug(slug: string, toolkit?: string): string {
  return toolkit ? `LOCAL_${toolkit.toUpperCase()}_${slug.toUpperCase()}` : `LOCAL_${slug.toUpperCase()}`;
}

function checkSlug(slug: string, where: string, errors: string[]): void {
  if (!SLUG_PATTERN.test(slug)) errors.push(`${where}/slug: "${slug}" may contain only letters, digits, "_" and "-"`);
  if (/^(LOCAL_|COMPOSIO_)/i.test(slug)) errors.push(`${where}/slug: "${slug}" must not start with LOCAL_ or COMPOSIO_ (reserved prefixes)`);
}

function checkTool(tool: Omit<CustomToolInput, 'extends_toolkit'>, toolkit: string | undefined, where: string, errors: string[]): void {
  checkSlug(tool.slug, where, errors);
  const final = finalCustomSlug(tool.slug, toolkit);
  if (final.length > MAX_FINAL_SLUG) {
    errors.push(`${where}/slug: final slug "${final}" is ${final.length} characters; at most ${MAX_FINAL_SLUG} are allowed`);
  }
  const schema = tool.input_schema;
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) {
    errors.push(`${where}/input_schema: must have type "object" and a "properties" object`);
  }
}

function echoTool(tool: CustomToolInput, toolkit: string | undefined): CustomToolEcho {
  const echo: CustomToolEcho = {
    slug: finalCustomSlug(tool.slug, toolkit),
    name: tool.name,
    description: tool.description,
    input_schema: tool.input_schema,
    original_slug: tool.slug,
  };
  if (tool.output_schema) echo.output_schema = tool.output_schema;
  if (tool.extends_toolkit) echo.extends_toolkit = tool.extends_toolkit;
  return echo;
}

/**
 * Checks inline customs and returns their echo, or the list of violations.
 *
 * @example
 * const result = checkCustoms({ custom_tools: [tool] }, (slug) => slug === 'gmail', '/experimental');
 * if (result.errors.length === 0) response.experimental = result.echo;
 */
export function checkCustoms(
  input: CustomsInput | undefined,
  isCatalogToolkit: (slug: string) => boolean,
  pointer: string,
): { echo: CustomsEcho; errors: string[] } {
  const errors: string[] = [];
  const echo: CustomsEcho = {};
  if (!input) return { echo, errors };
  const seen = new Set<string>();
  const claim = (slug: string, where: string) => {
    if (seen.has(slug)) errors.push(`${where}/slug: final slug "${slug}" is defined twice`);
    seen.add(slug);
  };

  if (input.custom_tools) {
    echo.custom_tools = input.custom_tools.map((tool, i) => {
      const where = `${pointer}/custom_tools/${i}`;
      if (tool.extends_toolkit !== undefined && !isCatalogToolkit(tool.extends_toolkit)) {
        errors.push(`${where}/extends_toolkit: "${tool.extends_toolkit}" is not a Composio toolkit`);
      }
      checkTool(tool, tool.extends_toolkit, where, errors);
      const out = echoTool(tool, tool.extends_toolkit);
      claim(out.slug, where);
      return out;
    });
  }
  if (input.custom_toolkits) {
    echo.custom_toolkits = input.custom_toolkits.map((toolkit, i) => {
      const where = `${pointer}/custom_toolkits/${i}`;
      checkSlug(toolkit.slug, where, errors);
      if (isCatalogToolkit(toolkit.slug)) {
        errors.push(`${where}/slug: "${toolkit.slug}" clashes with a Composio toolkit of the same slug`);
      }
      return {
        slug: toolkit.slug,
        name: toolkit.name,
        description: toolkit.description,
        tools: toolkit.tools.map((tool, j) => {
          checkTool(tool, toolkit.slug, `${where}/tools/${j}`, errors);
          const out = echoTool(tool, toolkit.slug);
          claim(out.slug, `${where}/tools/${j}`);
          return out;
        }),
      };
    });
  }
  return { echo, errors };
}
