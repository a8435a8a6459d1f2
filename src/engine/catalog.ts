/**
 * The tool catalog: toolkits and tools loaded from JSON fixtures (mocks/fixtures/toolkits/*.json
 * plus any `--fixtures DIR`), validated once at start, with case-insensitive lookups and
 * lazily compiled argument validators for execute.
 *
 * Loading collects every problem of every file and throws them together as one `CatalogError`
 * (prism's habit: report all violations, each with where it is).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { markShared } from './shared-json.js';
import type { CatalogTool, CatalogToolkit, JsonSchema } from './catalog-types.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives either as the function or wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** The built-in fixtures directory, resolved relative to this module. */
export const BUILTIN_FIXTURES_DIR = fileURLToPath(new URL('../../mocks/fixtures/toolkits/', import.meta.url));
const FIXTURE_SCHEMA_PATH = fileURLToPath(new URL('../../mocks/fixtures/toolkit.schema.json', import.meta.url));

/** A catalog tool together with the slug of its toolkit. */
export type CatalogToolWithToolkit = CatalogTool & { readonly toolkit: string };

/** Checks tool arguments against the tool's input schema; returns violations (`/owner: is required`), empty when valid. */
export type InputValidator = (args: unknown) => string[];

/** The loaded catalog. Built once at start; read-only afterwards. */
export interface Catalog {
  /** Toolkits in load order: built-in ones by file name, user-added ones after them. */
  readonly toolkits: readonly CatalogToolkit[];
  /** Every tool of every toolkit, in toolkit order, each with its toolkit slug. */
  readonly tools: readonly CatalogToolWithToolkit[];
  /** A toolkit by slug (case-insensitive). */
  getToolkit(slug: string): CatalogToolkit | undefined;
  /** A tool by slug (case-insensitive). */
  getTool(slug: string): CatalogToolWithToolkit | undefined;
  /** The toolkit a tool belongs to (case-insensitive tool slug). */
  toolkitOfTool(slug: string): CatalogToolkit | undefined;
  /** A validator for the tool's input schema, compiled on first use and cached; undefined for an unknown tool. */
  getInputValidator(slug: string): InputValidator | undefined;
}

/** Options of {@link loadCatalog}. */
export interface LoadCatalogOptions {
  /** Extra directories whose `*.json` files add toolkits or replace built-in ones with the same slug (`--fixtures DIR`). */
  fixtureDirs?: readonly string[];
  /** Replace the built-in directory (tests). Default: mocks/fixtures/toolkits next to this package. */
  builtinDir?: string | null;
}

/**
 * Every problem found while loading fixtures, one line each: `file: /json/pointer: message`.
 *
 * @example
 * try { loadCatalog({ fixtureDirs: ['./my-fixtures'] }); }
 * catch (e) { if (e instanceof CatalogError) console.error(e.problems.join('\n')); }
 */
export class CatalogError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid toolkit fixtures (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

// Keywords an input/output schema may use. Anything else is refused at load (fail loudly on typos
// such as `requried`), the same rule strict Ajv applies when the schema is compiled later.
const SCHEMA_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', 'definitions', '$comment', '$anchor',
  'type', 'enum', 'const', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly',
  'properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties',
  'dependentRequired', 'dependentSchemas', 'unevaluatedProperties',
  'items', 'prefixItems', 'contains', 'minItems', 'maxItems', 'uniqueItems', 'minContains', 'maxContains', 'unevaluatedItems',
  'minLength', 'maxLength', 'pattern', 'format', 'contentMediaType', 'contentEncoding',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', 'nullable',
  ...COMPOSIO_KEYWORDS(),
]);

/** Non-standard annotations Composio's own tool schemas carry. */
function COMPOSIO_KEYWORDS(): string[] {
  return ['file_uploadable', 'file_downloadable', 'human_parameter_name', 'human_parameter_description', 'x-composio'];
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const SUBSCHEMA_ARRAYS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];

let fixtureValidator: ValidateFunction | undefined;

/**
 * Strict Ajv with formats and Composio's annotation keywords. `validateSchema: false`: schemas
 * reaching it were checked already (our fixture schema by the test suite, tool schemas by
 * `checkSchema`), and compiling the 2020-12 meta-schema would cost ~90 ms at start.
 */
function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateSchema: false });
  addFormats(ajv);
  for (const keyword of COMPOSIO_KEYWORDS()) ajv.addKeyword({ keyword, schemaType: ['boolean', 'string', 'object'] });
  return ajv;
}

function getFixtureValidator(): ValidateFunction {
  if (!fixtureValidator) {
    const schema = JSON.parse(readFileSync(FIXTURE_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    fixtureValidator = newAjv().compile(schema);
  }
  return fixtureValidator;
}

/** Display a file path relative to the working directory when it is inside it. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One Ajv error as `/pointer: message`, naming the missing or extra property where Ajv keeps it in params. */
export function formatAjvError(error: ErrorObject, prefix = ''): string {
  const at = `${prefix}${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${at}/${escapePointer(String(params.missingProperty))}: is required`;
    case 'additionalProperties':
      return `${at}/${escapePointer(String(params.additionalProperty))}: is not allowed`;
    case 'enum':
      return `${at || '/'}: must be one of ${JSON.stringify(params.allowedValues)}`;
    default:
      return `${at || '/'}: ${error.message ?? error.keyword}`;
  }
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const COUNT_KEYWORDS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains'];
const STRING_KEYWORDS = ['title', 'description', '$comment', '$ref', '$id', '$schema', 'contentMediaType', 'contentEncoding'];
/** ajv-formats' formats: an unknown format would make strict Ajv refuse the schema at execute time. */
const KNOWN_FORMATS = new Set([
  'date', 'time', 'date-time', 'iso-time', 'iso-date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'url',
  'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid', 'json-pointer', 'json-pointer-uri-fragment', 'relative-json-pointer',
  'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary',
]);

/**
 * A structural check of one input or output schema, walking every subschema: unknown keywords,
 * wrong keyword value types, unknown formats, bad regexes, `required` names missing from
 * `properties`. It covers what Ajv's meta-schema check and strict mode would refuse, without
 * paying for compiling the 2020-12 meta-schema at start; the schema itself is compiled on the
 * tool's first execute.
 */
function checkSchema(schema: unknown, pointer: string, problems: string[]): void {
  if (typeof schema === 'boolean') return;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    problems.push(`${pointer}: must be a JSON Schema object`);
    return;
  }
  const node = schema as Record<string, unknown>;
  const bad = (key: string, message: string) => problems.push(`${pointer}/${escapePointer(key)}: ${message}`);
  for (const key of Object.keys(node)) {
    if (!SCHEMA_KEYWORDS.has(key)) bad(key, `unknown JSON Schema keyword "${key}"`);
  }
  if ('type' in node) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.length === 0 || !types.every((t) => typeof t === 'string' && JSON_TYPES.has(t))) {
      bad('type', `must be one of ${[...JSON_TYPES].join(', ')} (or an array of them)`);
    }
  }
  for (const key of STRING_KEYWORDS) if (key in node && typeof node[key] !== 'string') bad(key, 'must be a string');
  for (const key of NUMBER_KEYWORDS) if (key in node && typeof node[key] !== 'number') bad(key, 'must be a number');
  for (const key of COUNT_KEYWORDS) {
    if (key in node && !(Number.isInteger(node[key]) && (node[key] as number) >= 0)) bad(key, 'must be a non-negative integer');
  }
  for (const key of ['nullable', 'uniqueItems', 'deprecated', 'readOnly', 'writeOnly']) {
    if (key in node && typeof node[key] !== 'boolean') bad(key, 'must be a boolean');
  }
  if ('enum' in node && !(Array.isArray(node.enum) && node.enum.length > 0)) bad('enum', 'must be a non-empty array');
  if ('examples' in node && !Array.isArray(node.examples)) bad('examples', 'must be an array');
  if ('format' in node && !(typeof node.format === 'string' && KNOWN_FORMATS.has(node.format))) {
    bad('format', `unknown format ${JSON.stringify(node.format)}`);
  }
  if ('pattern' in node) {
    try {
      new RegExp(String(node.pattern), 'u');
      if (typeof node.pattern !== 'string') bad('pattern', 'must be a string');
    } catch {
      bad('pattern', 'must be a valid regular expression');
    }
  }
  if ('required' in node) {
    const required = node.required;
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string') || new Set(required).size !== required.length) {
      bad('required', 'must be an array of unique strings');
    } else if (node.properties && typeof node.properties === 'object') {
      required.forEach((name, i) => {
        if (!Object.hasOwn(node.properties as object, name)) {
          problems.push(`${pointer}/required/${i}: "${name}" is required but not in properties`);
        }
      });
    }
  }
  for (const key of SUBSCHEMA_MAPS) {
    if (!(key in node)) continue;
    const map = node[key];
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      bad(key, 'must be an object of schemas');
      continue;
    }
    for (const [name, sub] of Object.entries(map)) checkSchema(sub, `${pointer}/${key}/${escapePointer(name)}`, problems);
  }
  for (const key of SUBSCHEMA_SINGLE) if (key in node) checkSchema(node[key], `${pointer}/${key}`, problems);
  for (const key of SUBSCHEMA_ARRAYS) {
    if (!(key in node)) continue;
    const list = node[key];
    if (!Array.isArray(list) || list.length === 0) bad(key, 'must be a non-empty array of schemas');
    else list.forEach((sub, i) => checkSchema(sub, `${pointer}/${key}/${i}`, problems));
  }
}

/** Semantic checks beyond the fixture schema, for one toolkit already valid against it. */
function checkToolkit(toolkit: CatalogToolkit, problems: string[]): void {
  const prefix = `${toolkit.slug.toUpperCase()}_`;
  if (toolkit.is_no_auth && toolkit.composio_managed_auth_schemes.length > 0) {
    problems.push(`/composio_managed_auth_schemes: must be empty when is_no_auth is true`);
  }
  if (!toolkit.is_no_auth && toolkit.composio_managed_auth_schemes.length === 0) {
    problems.push(`/composio_managed_auth_schemes: must name at least one scheme when is_no_auth is false`);
  }
  const seen = new Set<string>();
  toolkit.tools.forEach((tool, i) => {
    const at = `/tools/${i}`;
    if (!tool.slug.startsWith(prefix) || tool.slug.length === prefix.length) {
      problems.push(`${at}/slug: "${tool.slug}" must start with "${prefix}" (the toolkit slug upper-cased)`);
    }
    if (seen.has(tool.slug)) problems.push(`${at}/slug: duplicate tool slug "${tool.slug}" in this toolkit`);
    seen.add(tool.slug);
    if (!tool.available_versions.includes(tool.version)) {
      problems.push(`${at}/version: "${tool.version}" must be one of available_versions ${JSON.stringify(tool.available_versions)}`);
    }
    for (const key of ['input_parameters', 'output_parameters'] as const) {
      const schema = tool[key];
      checkSchema(schema, `${at}/${key}`, problems);
    }
  });
}

interface LoadedFile {
  file: string;
  toolkit: CatalogToolkit;
}

/** Parse and validate every `*.json` of a directory; problems are pushed as `file: /pointer: message`. */
function loadDir(dir: string, problems: string[], trusted: boolean): LoadedFile[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      problems.push(`${displayPath(dir)}: not a directory`);
      return [];
    }
    entries = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push(`${displayPath(dir)}: cannot read fixtures directory (${(error as Error).message})`);
    return [];
  }
  // The built-in fixtures ship with the package and are validated by its tests; checking them
  // again at every start would cost ~100 ms of Ajv compilation. User fixtures are always checked.
  const validate = trusted ? undefined : getFixtureValidator();
  const loaded: LoadedFile[] = [];
  for (const name of entries) {
    const file = path.join(dir, name);
    const shown = displayPath(file);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${shown}: /: invalid JSON (${(error as Error).message})`);
      continue;
    }
    if (validate && !validate(data)) {
      for (const e of validate.errors ?? []) problems.push(`${shown}: ${formatAjvError(e)}`);
      continue;
    }
    const { $schema: _ignored, ...toolkit } = data as CatalogToolkit & { $schema?: string };
    const own: string[] = [];
    if (!trusted) checkToolkit(toolkit, own);
    for (const p of own) problems.push(`${shown}: ${p}`);
    if (own.length === 0) loaded.push({ file: shown, toolkit });
  }
  return loaded;
}

/**
 * Load the built-in catalog plus any user fixture directories, validate everything, and index it.
 * A user toolkit with the slug of a built-in one (or of one in an earlier directory) replaces it.
 *
 * @throws {CatalogError} listing every problem of every file.
 * @example
 * const catalog = loadCatalog({ fixtureDirs: ['./fixtures'] });
 * catalog.getTool('github_create_an_issue')?.toolkit; // 'github'
 * catalog.getInputValidator('GITHUB_CREATE_AN_ISSUE')?.({ owner: 'o' }); // ['/repo: is required', '/title: is required']
 */
export function loadCatalog(options: LoadCatalogOptions = {}): Catalog {
  const problems: string[] = [];
  const dirs = [
    ...(options.builtinDir === null ? [] : [{ dir: options.builtinDir ?? BUILTIN_FIXTURES_DIR, trusted: options.builtinDir === undefined }]),
    ...(options.fixtureDirs ?? []).map((dir) => ({ dir, trusted: false })),
  ];
  const bySlug = new Map<string, LoadedFile>();
  for (const { dir, trusted } of dirs) {
    const inThisDir = new Map<string, string>();
    for (const loaded of loadDir(dir, problems, trusted)) {
      const key = loaded.toolkit.slug;
      const earlier = inThisDir.get(key);
      if (earlier) {
        problems.push(`${loaded.file}: /slug: toolkit "${key}" is already defined by ${earlier}`);
        continue;
      }
      inThisDir.set(key, loaded.file);
      bySlug.set(key, loaded); // replaces a toolkit of an earlier directory; Map keeps the first position
    }
  }
  const owners = new Map<string, string>();
  for (const { file, toolkit } of bySlug.values()) {
    toolkit.tools.forEach((tool, i) => {
      const owner = owners.get(tool.slug);
      if (owner) problems.push(`${file}: /tools/${i}/slug: "${tool.slug}" is already defined by ${owner}`);
      else owners.set(tool.slug, file);
    });
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return buildCatalog([...bySlug.values()].map((l) => l.toolkit));
}

/**
 * Index already-validated toolkits (no file access). `loadCatalog` uses it; tests may too.
 *
 * @example
 * const catalog = buildCatalog([myToolkit]);
 */
export function buildCatalog(toolkitList: readonly CatalogToolkit[]): Catalog {
  const toolkits = Object.freeze([...toolkitList]);
  const toolkitIndex = new Map<string, CatalogToolkit>();
  const toolIndex = new Map<string, CatalogToolWithToolkit>();
  const tools: CatalogToolWithToolkit[] = [];
  for (const toolkit of toolkits) {
    toolkitIndex.set(toolkit.slug.toLowerCase(), toolkit);
    for (const tool of toolkit.tools) {
      const entry: CatalogToolWithToolkit = { ...tool, toolkit: toolkit.slug };
      // Search and meta tools show these schemas as they are: serialized once, then reused.
      markShared(tool.input_parameters);
      markShared(tool.output_parameters);
      tools.push(entry);
      toolIndex.set(tool.slug.toUpperCase(), entry);
    }
  }
  const validators = new Map<string, InputValidator>();
  let toolAjv: Ajv2020 | undefined;

  const getTool = (slug: string) => toolIndex.get(slug.toUpperCase());
  return {
    toolkits,
    tools: Object.freeze(tools),
    getToolkit: (slug) => toolkitIndex.get(slug.toLowerCase()),
    getTool,
    toolkitOfTool(slug) {
      const tool = getTool(slug);
      return tool ? toolkitIndex.get(tool.toolkit.toLowerCase()) : undefined;
    },
    getInputValidator(slug) {
      const tool = getTool(slug);
      if (!tool) return undefined;
      let validator = validators.get(tool.slug);
      if (!validator) {
        toolAjv ??= newAjv();
        validator = compileInputValidator(toolAjv, tool.input_parameters);
        validators.set(tool.slug, validator);
      }
      return validator;
    },
  };
}

function compileInputValidator(ajv: Ajv2020, schema: JsonSchema): InputValidator {
  const { $schema: _drop, $id: _id, ...rest } = schema; // several tools may share a $id; drafts are ours to pick
  const validate = ajv.compile(rest);
  return (args) => (validate(args) ? [] : (validate.errors ?? []).map((e) => formatAjvError(e)));
}
