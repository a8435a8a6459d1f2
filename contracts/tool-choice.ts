/**
 * Choosing what to execute from the target's own listings (never a hard-coded catalog slug a
 * real account might lack), and building arguments from a tool's input schema: the smallest
 * valid set, and a deliberately invalid one for the in-band error check.
 */
import { loadToolRouterSpec } from '../src/spec/load-spec.js';

type Schema = Record<string, any>;

/** A tool as the tools listing returns it (the fields the choice reads). */
export interface ListedTool {
  slug: string;
  tags?: string[];
  no_auth?: boolean;
  toolkit?: { slug?: string };
  input_parameters?: Schema;
}

/**
 * The meta-tool slugs, read from the document's `MetaToolSlug` enum.
 *
 * @example
 * metaToolSlugs().includes('COMPOSIO_SEARCH_TOOLS'); // true
 */
export function metaToolSlugs(): string[] {
  const schema = loadToolRouterSpec().components.schemas.MetaToolSlug as { enum: string[] };
  return [...schema.enum];
}

/**
 * True for a tool the suite may run without `--allow-writes`: tagged `readOnlyHint` and not
 * `destructiveHint`. With writes allowed, any tool.
 *
 * @example
 * isSafeToExecute({ slug: 'X', tags: ['readOnlyHint'] }, false); // true
 */
export function isSafeToExecute(tool: ListedTool, allowWrites: boolean): boolean {
  if (allowWrites) return true;
  const tags = tool.tags ?? [];
  return tags.includes('readOnlyHint') && !tags.includes('destructiveHint');
}

function requiredOf(schema: Schema | undefined): string[] {
  return Array.isArray(schema?.required) ? schema.required.filter((r: unknown): r is string => typeof r === 'string') : [];
}

function firstType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t: unknown) => t !== 'null') ?? schema.type[0];
  if (schema.properties) return 'object';
  return undefined;
}

/**
 * A value that satisfies a property schema, preferring what the schema itself offers
 * (`default`, `examples`, `enum`, `const`).
 *
 * @example
 * sampleValue({ type: 'integer', minimum: 5 }); // 5
 */
export function sampleValue(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 6) return 'contract';
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const option = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (option) return sampleValue(option, depth + 1);
  switch (firstType(schema)) {
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
      return typeof schema.maximum === 'number' ? Math.min(min, schema.maximum) : min;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => sampleValue(schema.items, depth + 1));
    }
    case 'object':
      return minimalArguments(schema, depth + 1);
    default: {
      const format: string | undefined = schema.format;
      const text =
        format === 'email' ? 'contract@example.com' : format === 'uri' || format === 'url' ? 'https://example.com/' : format === 'date-time' ? new Date().toISOString() : format === 'date' ? new Date().toISOString().slice(0, 10) : 'contract';
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      return text.length >= min ? text : text.padEnd(min, 'x');
    }
  }
}

/**
 * The required properties of an input schema, each with a sample value.
 *
 * @example
 * minimalArguments({ type: 'object', properties: { q: { type: 'string' } }, required: ['q'] }); // { q: 'contract' }
 */
export function minimalArguments(schema: Schema | undefined, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of requiredOf(schema)) out[name] = sampleValue(schema?.properties?.[name], depth);
  return out;
}

/**
 * Arguments the schema refuses, and what is wrong with them: a required property left out,
 * else a declared property of the wrong type. `undefined` when the schema accepts anything.
 *
 * @example
 * invalidArguments({ type: 'object', properties: { n: { type: 'integer' } } }); // { args: { n: 'not-a-number' }, what: '"n" of the wrong type' }
 */
export function invalidArguments(schema: Schema | undefined): { args: Record<string, unknown>; what: string } | undefined {
  const required = requiredOf(schema);
  if (required.length > 0) {
    const args = minimalArguments(schema);
    delete args[required[0]!];
    return { args, what: `without the required "${required[0]}"` };
  }
  for (const [name, property] of Object.entries<Schema>(schema?.properties ?? {})) {
    const type = firstType(property);
    const wrong = type === 'string' ? 12345 : type === 'integer' || type === 'number' ? 'not-a-number' : type === 'boolean' ? 'not-a-boolean' : type === 'array' || type === 'object' ? 42 : undefined;
    if (wrong !== undefined) return { args: { ...minimalArguments(schema), [name]: wrong }, what: `"${name}" of the wrong type` };
  }
  return undefined;
}

/**
 * The app tools of a listing the suite may execute, easiest first (fewest required arguments).
 *
 * @example
 * executableTools(page.items, false)[0]?.slug;
 */
export function executableTools(tools: readonly ListedTool[], allowWrites: boolean): ListedTool[] {
  const meta = new Set(metaToolSlugs());
  const readOnlyFirst = (t: ListedTool) => (isSafeToExecute(t, false) ? 0 : 1);
  return tools
    .filter((t) => !meta.has(t.slug) && isSafeToExecute(t, allowWrites))
    .sort((a, b) => readOnlyFirst(a) - readOnlyFirst(b) || requiredOf(a.input_parameters).length - requiredOf(b.input_parameters).length);
}
