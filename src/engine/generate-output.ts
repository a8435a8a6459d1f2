/**
 * Deterministic, realistic data from a tool's output JSON Schema: the `data` of a mocked
 * execution.
 *
 * Determinism: one seed is derived from `hashString(`${seed}|${context}|${stableStringify(args)}`)`,
 * and every node of the output re-seeds a private faker from that seed plus the node's JSON
 * pointer. So the same inputs give deep-equal output in any process, and adding a property to a
 * schema does not reshuffle the values of its siblings. Times hang off `now` (a fixed instant when
 * omitted), never off the wall clock.
 *
 * Echo rule: when `args` has an own key equal to a property name of the top-level output object,
 * or of an object that is the direct value of a top-level property (depth 1), and the argument
 * fits that property's schema (its JSON type is allowed, or the property has no `type`; plus
 * `enum`/`const`, string lengths, `pattern`, numeric bounds, and for arrays and objects their
 * items, sizes, `required` and known properties), the argument is used verbatim (a copy). Never
 * inside arrays, never deeper than depth 1.
 *
 * Value choice for a leaf, first that fits wins: `const` → `enum` (one at random) → `format` →
 * property-name heuristics (generate-by-name.ts) → first of `examples` → `default` → a simple
 * `pattern` → a plain value of the type. Objects get ALL their properties, required or not.
 *
 * Limits (documented gaps, not bugs):
 * - `$ref` is not supported: a `$ref` node (or an `allOf` member with one) generates `null`.
 * - `oneOf`/`anyOf` take the first branch that is not `{type: 'null'}`; a value may then match
 *   several `oneOf` branches. `allOf` is merged (properties, required, type intersection).
 * - `not`, `if`/`then`/`else`, `patternProperties`, `prefixItems`, `contains`, `minProperties`
 *   and `additionalProperties` are ignored; `format` is not re-checked for examples or defaults.
 * - Only simple patterns are satisfied (see `fromSimplePattern`); others fall back to a word.
 * - Bounded on purpose: depth 6 (deeper objects are `{}`, arrays `[]`), at most 10 items per
 *   array (1–3 by default), string padding at most 1000 characters, 2000 nodes per call (past
 *   that, optional properties are left out and required ones get minimal values such as `''`).
 *   Schemas demanding more (`minItems: 50`, required properties below depth 6) do not validate.
 * - Fractional `multipleOf` is best effort: some multiples fail `value / step` in floating point.
 */
import type { Faker } from '@faker-js/faker';
import type { JsonSchema } from './catalog-types.js';
import { fromSimplePattern, valueByFormat, valueByName, type LeafType } from './generate-by-name.js';
import { hashString, Random } from './random.js';
import { stableStringify } from './stable-stringify.js';

/**
 * Inputs of {@link generateFromSchema}.
 *
 * @example
 * const options: GenerateOptions = { seed: 42, context: 'SLACK_SEND_MESSAGE', args: { text: 'hi' }, now: clock.now() };
 */
export interface GenerateOptions {
  /** The mock's seed (session or server seed). */
  seed: number | string;
  /** What is being generated, e.g. the tool slug: separates streams of one seed. */
  context: string;
  /** The tool's arguments: mixed into the seed and echoed into matching output properties. */
  args?: Record<string, unknown>;
  /** Reference for generated times (all within the 30 days before it). */
  now?: Date;
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 10;
const MAX_NODES = 2000;
const MAX_PADDING = 1000;
const MAX_RESOLVE_STEPS = 8;
const DEFAULT_NOW = new Date('2026-01-01T00:00:00.000Z');

interface Context {
  faker: Faker;
  seed: number;
  now: Date;
  args: Record<string, unknown>;
  nodes: number;
}

interface Frame {
  path: string;
  depth: number;
  name?: string;
  /** How many object levels below may still echo arguments: 2 at the root, 0 inside arrays. */
  echoLevels: number;
}

// Module-private and re-seeded at every node, so sharing it across calls leaks no state and
// nobody else's use of the global faker can disturb it (generation is synchronous).
let sharedFaker: Faker | undefined;

let englishFaker: Faker | undefined;

/**
 * Loads faker's English data, which generation needs. Loaded on the first execution rather
 * than at start (~150 ms), and only the English entry: the main entry loads every locale.
 *
 * @example
 * await loadFaker();
 * generateFromSchema(schema, { seed: 1, context: 'X' });
 */
export async function loadFaker(): Promise<void> {
  englishFaker ??= (await import('@faker-js/faker/locale/en')).faker;
}

/**
 * Faker's own generator (a Mersenne Twister) spends most of a generation re-seeding, since every
 * node re-seeds; the project's sfc32 re-seeds in O(1) and is just as deterministic.
 */
function fastRandomizer(): { next(): number; seed(seed: number | number[]): void } {
  let random = new Random(0);
  return {
    next: () => random.next(),
    seed: (seed) => {
      random = new Random(typeof seed === 'number' ? seed : hashString(seed.join(',')));
    },
  };
}

/** A faker of our own with the English definitions (never the shared instance others may seed). */
function privateFaker(): Faker {
  if (!englishFaker) throw new Error('generateFromSchema needs loadFaker() to have resolved first');
  const FakerClass = englishFaker.constructor as new (options: { locale: Faker['rawDefinitions']; randomizer: ReturnType<typeof fastRandomizer> }) => Faker;
  return new FakerClass({ locale: englishFaker.rawDefinitions, randomizer: fastRandomizer() });
}

/**
 * Generates data that validates against `schema`, deterministic in (seed, context, args, schema,
 * now). See the module comment for the echo rule and limits.
 *
 * @example
 * const schema = {
 *   type: 'object',
 *   properties: { id: { type: 'string' }, title: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
 * };
 * generateFromSchema(schema, { seed: 42, context: 'GITHUB_CREATE_AN_ISSUE', args: { title: 'Bug' } });
 * // { id: 'q3Xk9…', title: 'Bug', created_at: '2025-12-19T04:11:52.301Z' }
 */
export function generateFromSchema(schema: JsonSchema, options: GenerateOptions): unknown {
  const args = options.args ?? {};
  const context: Context = {
    faker: (sharedFaker ??= privateFaker()),
    seed: hashString(`${options.seed}|${options.context}|${stableStringify(args)}`),
    now: options.now ?? DEFAULT_NOW,
    args,
    nodes: 0,
  };
  return generate(schema, context, { path: '', depth: 0, echoLevels: 2 });
}

function generate(raw: unknown, context: Context, frame: Frame): unknown {
  const schema = resolve(raw);
  if (!schema) return null;
  if (++context.nodes > MAX_NODES) return minimal(schema);
  context.faker.seed(hashString(`${context.seed}|${frame.path}`));
  if ('const' in schema) return structuredClone(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return structuredClone(context.faker.helpers.arrayElement(schema.enum));
  }
  const type = pickType(schema);
  if (type === 'object') return generateObject(schema, context, frame);
  if (type === 'array') return generateArray(schema, context, frame);
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
    return generateLeaf(schema, type, context, frame.name);
  }
  return null;
}

function generateObject(schema: JsonSchema, context: Context, frame: Frame): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (frame.depth >= MAX_DEPTH) return out;
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key) => typeof key === 'string') : [];
  // Required keys without a property schema still have to exist for the output to validate.
  const extra = isSchema(schema.additionalProperties) ? schema.additionalProperties : {};
  for (const key of new Set([...Object.keys(properties), ...required])) {
    const sub = Object.hasOwn(properties, key) ? properties[key] : extra;
    if (sub === false || (context.nodes > MAX_NODES && !required.includes(key))) continue;
    const echoed = frame.echoLevels > 0 ? echo(key, sub, context.args) : undefined;
    const value = echoed
      ? echoed.value
      : generate(sub, context, {
          path: `${frame.path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          depth: frame.depth + 1,
          name: key,
          echoLevels: frame.echoLevels - 1,
        });
    // defineProperty, so a property named `__proto__` is data rather than a prototype swap.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function generateArray(schema: JsonSchema, context: Context, frame: Frame): unknown[] {
  if (frame.depth >= MAX_DEPTH || schema.items === false) return [];
  const max = Math.min(count(schema.maxItems) ?? MAX_ITEMS, MAX_ITEMS);
  const min = Math.min(Math.max(count(schema.minItems) ?? 0, 1), max);
  const length = context.faker.number.int({ min, max: Math.max(min, Math.min(max, 3)) });
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0; items.length < length && i < length * 3; i++) {
    const item = generate(schema.items ?? {}, context, {
      path: `${frame.path}/${i}`,
      depth: frame.depth + 1,
      name: frame.name,
      echoLevels: 0,
    });
    if (schema.uniqueItems === true) {
      const key = stableStringify(item);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    items.push(item);
  }
  return items;
}

function generateLeaf(schema: JsonSchema, type: LeafType, context: Context, name?: string): unknown {
  const { faker, now } = context;
  const candidates: Array<() => unknown> = [
    () => (typeof schema.format === 'string' ? valueByFormat(schema.format, faker, now) : undefined),
    () => {
      const value = name === undefined ? undefined : valueByName(name, type, faker, now);
      return typeof value === 'string' ? fitLength(value, schema, faker) : value;
    },
    () => (Array.isArray(schema.examples) ? schema.examples[0] : undefined),
    () => schema.default,
    () => (typeof schema.pattern === 'string' ? fromSimplePattern(schema.pattern, faker) : undefined),
  ];
  for (const candidate of candidates) {
    const value = candidate();
    if (value !== undefined && fits(value, schema)) return value;
  }
  if (type === 'boolean') return faker.datatype.boolean();
  if (type === 'string') return fitLength(faker.word.noun(), schema, faker);
  return numberInRange(schema, type === 'integer', faker);
}

/** Past the node budget: the cheapest value of the right type, no faker involved. */
function minimal(schema: JsonSchema): unknown {
  if ('const' in schema) return structuredClone(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return structuredClone(schema.enum[0]);
  const type = pickType(schema);
  if (type === 'object') return {};
  if (type === 'array') return [];
  if (type === 'string') return '';
  if (type === 'number' || type === 'integer') return finite(schema.minimum) ?? 0;
  return type === 'boolean' ? false : null;
}

function numberInRange(schema: JsonSchema, integer: boolean, faker: Faker): number {
  const exclusiveMin = finite(schema.exclusiveMinimum);
  const exclusiveMax = finite(schema.exclusiveMaximum);
  // For integers an exclusive bound becomes the nearest inclusive one; for numbers the midpoint
  // fallback below keeps the value off the bound.
  const above = exclusiveMin === undefined ? -Infinity : integer ? Math.floor(exclusiveMin) + 1 : exclusiveMin;
  const below = exclusiveMax === undefined ? Infinity : integer ? Math.ceil(exclusiveMax) - 1 : exclusiveMax;
  let lo = Math.max(finite(schema.minimum) ?? -Infinity, above);
  let hi = Math.min(finite(schema.maximum) ?? Infinity, below);
  // Unbounded sides get a small, plausible span instead of ±1e308.
  if (lo === -Infinity) lo = hi === Infinity || hi >= 0 ? 0 : hi - 1000;
  if (hi === Infinity) hi = lo + 1000;
  lo = Math.max(integer ? Math.ceil(lo) : lo, -Number.MAX_SAFE_INTEGER);
  hi = Math.min(integer ? Math.floor(hi) : hi, Number.MAX_SAFE_INTEGER);
  if (lo > hi) return lo;
  const step = finite(schema.multipleOf);
  if (step !== undefined && step > 0) {
    const [kLo, kHi] = [Math.ceil(lo / step), Math.floor(hi / step)];
    if (kLo > kHi) return lo;
    // Validators test `value / step` for integrality, which 0.14 / 0.01 fails in floating point:
    // a few draws usually find a multiple that survives the round trip.
    let value = lo;
    for (let attempt = 0; attempt < 20; attempt++) {
      value = Number((faker.number.int({ min: kLo, max: kHi }) * step).toPrecision(12));
      if (Number.isInteger(value / step)) break;
    }
    return value;
  }
  if (integer) return faker.number.int({ min: lo, max: hi });
  const value = Math.round((lo + faker.number.float() * (hi - lo)) * 100) / 100;
  return fits(value, schema) ? value : (lo + hi) / 2;
}

function fitLength(value: string, schema: JsonSchema, faker: Faker): string {
  const chars = [...value];
  const max = count(schema.maxLength);
  const min = Math.min(count(schema.minLength) ?? 0, MAX_PADDING);
  const cut = max !== undefined && chars.length > max ? chars.slice(0, max).join('') : value;
  const missing = min - [...cut].length;
  return missing > 0 ? cut + faker.string.alpha(missing) : cut;
}

/** Echo candidate: an own argument of that name that fits the property's schema. */
function echo(key: string, sub: unknown, args: Record<string, unknown>): { value: unknown } | undefined {
  if (!Object.hasOwn(args, key)) return undefined;
  const schema = resolve(sub);
  const value = args[key];
  return schema && fits(value, schema) ? { value: structuredClone(value) } : undefined;
}

/** Whether `value` satisfies the keywords this module handles (not `format`). */
function fits(value: unknown, schema: JsonSchema, depth = 0): boolean {
  const type = jsonType(value);
  if (type === undefined || depth > MAX_DEPTH) return false;
  const same = (other: unknown) => stableStringify(other) === stableStringify(value);
  if ('const' in schema && !same(schema.const)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some(same)) return false;
  const types = typeList(schema.type);
  if (types.length > 0 && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return false;
  const inRange = (n: number, keyword: string, ok: (n: number, limit: number) => boolean) => {
    const limit = finite(schema[keyword]);
    return limit === undefined || ok(n, limit);
  };
  if (typeof value === 'string') {
    const length = [...value].length;
    return (
      inRange(length, 'minLength', (n, l) => n >= l) &&
      inRange(length, 'maxLength', (n, l) => n <= l) &&
      (typeof schema.pattern !== 'string' || safeTest(schema.pattern, value))
    );
  }
  if (typeof value === 'number') {
    return (
      inRange(value, 'minimum', (n, l) => n >= l) &&
      inRange(value, 'maximum', (n, l) => n <= l) &&
      inRange(value, 'exclusiveMinimum', (n, l) => n > l) &&
      inRange(value, 'exclusiveMaximum', (n, l) => n < l) &&
      inRange(value, 'multipleOf', (n, l) => l <= 0 || Number.isInteger(n / l))
    );
  }
  if (Array.isArray(value)) {
    const items = schema.items === undefined ? {} : resolve(schema.items);
    return (
      inRange(value.length, 'minItems', (n, l) => n >= l) &&
      inRange(value.length, 'maxItems', (n, l) => n <= l) &&
      value.every((item) => items !== undefined && fits(item, items, depth + 1))
    );
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    return (
      required.every((key) => typeof key === 'string' && Object.hasOwn(object, key)) &&
      Object.keys(properties).every((key) => {
        if (!Object.hasOwn(object, key)) return true;
        const sub = resolve(properties[key]);
        return sub !== undefined && fits(object[key], sub, depth + 1);
      })
    );
  }
  return true;
}

/**
 * Flattens `allOf` (merged) and `oneOf`/`anyOf` (first non-null branch) into one plain schema;
 * `undefined` for `$ref` and `false`. Bounded steps so nested combinators cannot loop long.
 */
function resolve(raw: unknown): JsonSchema | undefined {
  let schema: unknown = raw === true ? {} : raw;
  for (let step = 0; isSchema(schema); step++) {
    if ('$ref' in schema) return undefined;
    const { allOf, oneOf, anyOf, ...rest } = schema;
    if (step >= MAX_RESOLVE_STEPS) return rest;
    if (Array.isArray(allOf)) {
      schema = allOf.reduce<JsonSchema>(merge, { ...rest, ...(oneOf ? { oneOf } : {}), ...(anyOf ? { anyOf } : {}) });
    } else if (Array.isArray(oneOf ?? anyOf)) {
      const branches = (oneOf ?? anyOf) as unknown[];
      const pick = branches.find((branch) => isSchema(branch) && branch.type !== 'null') ?? branches[0];
      schema = merge({ ...rest, ...(oneOf && anyOf ? { anyOf } : {}) }, pick);
    } else {
      return schema;
    }
  }
  return undefined;
}

function merge(into: JsonSchema, part: unknown): JsonSchema {
  if (!isSchema(part)) return into;
  const out: JsonSchema = { ...into, ...part };
  if (isSchema(into.properties) && isSchema(part.properties)) {
    const properties: JsonSchema = { ...into.properties };
    for (const [key, sub] of Object.entries(part.properties)) {
      properties[key] = Object.hasOwn(properties, key) ? { allOf: [properties[key], sub] } : sub;
    }
    out.properties = properties;
  }
  if (Array.isArray(into.required) && Array.isArray(part.required)) {
    out.required = [...new Set([...into.required, ...part.required])];
  }
  if (Array.isArray(into.allOf) && Array.isArray(part.allOf)) out.allOf = [...into.allOf, ...part.allOf];
  if (into.type !== undefined && part.type !== undefined) {
    const [a, b] = [typeList(into.type), typeList(part.type)];
    const allowed = (type: string, other: string[]) =>
      other.includes(type) || (type === 'integer' && other.includes('number'));
    const both = [...new Set([...a.filter((t) => allowed(t, b)), ...b.filter((t) => allowed(t, a))])];
    if (both.length > 0) out.type = both;
  }
  return out;
}

/** The type to generate: the first non-null declared type, else one inferred from keywords. */
function pickType(schema: JsonSchema): string {
  const declared = typeList(schema.type);
  const concrete = declared.find((type) => type !== 'null');
  if (concrete) return concrete;
  if (declared.includes('null')) return 'null';
  const has = (...keywords: string[]) => keywords.some((keyword) => keyword in schema);
  if (has('properties', 'required', 'additionalProperties')) return 'object';
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return 'array';
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return 'number';
  const sample = schema.default ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
  return (sample !== undefined && jsonType(sample)) || 'string';
}

function jsonType(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value;
  return undefined;
}

function typeList(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function count(value: unknown): number | undefined {
  const n = finite(value);
  return n === undefined ? undefined : Math.max(0, Math.floor(n));
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
