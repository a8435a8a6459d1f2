/**
 * Deterministic, realistic data from a tool's output JSON Schema: the `data` of a mocked
 * execution.
 *
 * Determinism: one seed is derived from `hashString(`${seed}|${context}|${stableStringify(args)}`)`,
 * and every node of the output re-seeds a private faker from that seed plus the node's JSON
 * pointer. So the same inputs give deep-equal output in any process, and adding a property to a
 * schema does not reshuffle the values of its siblings. Times hang off the whole second of `now`
 * (a fixed instant when omitted), never off the wall clock, so calls within one second agree and
 * repeated inputs are answered from a memo (see `outputMemo`). `context` is `TOOL_SLUG` or `TOOL_SLUG|anything` (execute
 * passes `slug|account id`, so two accounts see two different users); the slug part names the
 * toolkit (its web host, see toolkit-hosts.ts) and the verb (a `CREATE`/`SEND`/... tool returns
 * a new record: initial state, created just now).
 *
 * Echo rules (an argument is used only when it fits the property's schema: JSON type, `enum`/
 * `const`, lengths, `pattern`, bounds, common `format`s, items and known properties). Names are
 * compared normalized (`max_results` = `maxResults`), and `<object><key>` matches too
 * (`start_datetime` → `start.dateTime`, `state_name` → `state.name`):
 * - object levels: properties of the root object and of objects up to two levels below it (not
 *   inside arrays; `data.properties.email`) take the argument of their name. A scalar argument
 *   naming an object property goes into that object's name/key/id/email (`owner: 'acme'` →
 *   `owner.login`), an object argument is merged into it, and an array of strings naming an array
 *   of objects becomes one item per string (`labels: ['bug']` → `[{ name: 'bug', ... }]`).
 * - list size: `per_page`, `limit`, `max_results`, `count`, `page_size`, `top`, `n`, `first`...
 *   bound the length of the main array (the first array of objects, breadth first, at most three
 *   levels down: `data`, `data.messages`, `data.messages.matches`), within its own min/maxItems.
 * - filters: scalar arguments (and string arrays) not echoed at object levels, plus `key:value`
 *   and `key = value` terms of a search argument (`query`, `q`, `jql`...), are echoed into every
 *   item of the main array whose property has that name (`state: 'closed'`; JQL `project = PROJ`
 *   → `fields.project.key`), never into an item's own id; `from:<email>` (or a bare email in the
 *   query) goes into `sender`/`from`; a `location`/`city` argument names place-like objects.
 *
 * Value choice for a leaf, first that fits wins: `const` → `enum` (one at random; the first for
 * a state of a newly created record) → `format` → one of `examples` (at random; a `{placeholder}`
 * URL example is a template filled later) → name and context heuristics (generate-by-name.ts:
 * a `name` inside `labels` is a label, inside `assignee` a person, one person per object so name,
 * email and login agree) → `default` → a simple `pattern` → a plain value of the type. Objects
 * get ALL their properties, required or not, then generate-coherence.ts makes each object agree
 * with itself (times in order, `closed_at` null while open, min ≤ max, totals, issue keys, links
 * on the toolkit's host).
 *
 * Limits (documented gaps, not bugs):
 * - `$ref` is not supported: a `$ref` node (or an `allOf` member with one) generates `null`.
 * - `oneOf`/`anyOf` take the first branch that is not `{type: 'null'}`; a value may then match
 *   several `oneOf` branches. `allOf` is merged (properties, required, type intersection).
 * - `not`, `if`/`then`/`else`, `patternProperties`, `prefixItems`, `contains`, `minProperties`
 *   and `additionalProperties` are ignored; formats other than date-time, date, email, uri and
 *   uuid are not re-checked for examples, defaults or echoed arguments.
 * - Only simple patterns are satisfied (see `fromSimplePattern`); others fall back to a word.
 * - Bounded on purpose: depth 6 (deeper objects are `{}`, arrays `[]`), at most 10 items per
 *   array (1–3 by default), string padding at most 1000 characters, 2000 nodes per call (past
 *   that, optional properties are left out and required ones get minimal values such as `''`).
 *   Schemas demanding more (`minItems: 50`, required properties below depth 6) do not validate.
 * - Fractional `multipleOf` is best effort: some multiples fail `value / step` in floating point.
 */
import type { Faker } from '@faker-js/faker';
import type { JsonSchema } from './catalog-types.js';
import { analyzeArgs, type ArgHints, normalizeName } from './generate-args.js';
import {
  fromSimplePattern, type Identity, isGenericWord, makeIdentity, nameKind, type NameKind, nameTokens, valueByFormat,
  valueByName, type LeafType,
} from './generate-by-name.js';
import { type CoherenceShape, coherenceShape, harmonize, type HarmonizeInput } from './generate-coherence.js';
import { hashString, Random } from './random.js';
import { RecentMap } from './recent-map.js';
import { stableStringify } from './stable-stringify.js';
import { hostsForTool, type ToolkitHosts } from './toolkit-hosts.js';

/**
 * Inputs of {@link generateFromSchema}.
 *
 * @example
 * const options: GenerateOptions = { seed: 42, context: 'SLACK_SEND_MESSAGE|ca_123', args: { text: 'hi' }, now: clock.now() };
 */
export interface GenerateOptions {
  /** The mock's seed (session or server seed). */
  seed: number | string;
  /** What is being generated: the tool slug, optionally followed by `|` and anything (the account). Separates streams of one seed. */
  context: string;
  /** The tool's arguments: mixed into the seed, echoed into matching output properties. */
  args?: Record<string, unknown>;
  /** Reference for generated times (all within the 30 days before it). */
  now?: Date;
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 10;
const MAX_NODES = 2000;
const MAX_PADDING = 1000;
const MAX_RESOLVE_STEPS = 8;
/** Object levels that take arguments by name: the root, its objects and theirs. */
const ECHO_LEVELS = 3;
/** Object levels inside a main-array item that take filter values (`item.fields.status`). */
const FILTER_LEVELS = 3;
/** How far down (object levels) the main array is looked for. */
const MAIN_ARRAY_DEPTH = 3;
const DEFAULT_NOW = new Date('2026-01-01T00:00:00.000Z');

const CREATE_VERBS = new Set(['create', 'insert', 'send', 'post', 'upload', 'copy', 'reply', 'schedule', 'quick', 'draft']);
const SLUG_STOP_WORDS = new Set(['for', 'by', 'from', 'to', 'in', 'with', 'on', 'using', 'of']);
/** Booleans a newly created record has off. */
const NEW_RECORD_FALSE = new Set(['archived', 'deleted', 'trashed', 'completed', 'merged', 'closed', 'done', 'locked', 'resolved']);
/** An item's own identifiers: a filter never writes the same value into every item's. */
const ITEM_ID_KEYS = new Set(['id', 'sha', 'gid', 'uuid', 'ts', 'key', 'number', 'identifier', 'nodeid', 'objectid', 'messageid', 'threadid']);
const SENDER_KEYS = new Set(['sender', 'from', 'fromemail', 'fromaddress', 'senderemail']);
const PERSON_KEY = /name$|email|login|handle/i;
const PLACE_KEYS = new Set(['coord', 'coords', 'coordinates', 'lat', 'lon', 'latitude', 'longitude', 'country']);
const CHILD_TARGETS = ['name', 'login', 'username', 'displayname', 'title', 'key', 'ref', 'value', 'id', 'gid'];

interface ToolInfo {
  slug: string;
  /** Slug words that may name what the tool returns, head noun first. */
  words: string[];
  creates: boolean;
  hosts?: ToolkitHosts;
}

interface SchemaPlan {
  /** JSON pointer of the main array (the list a list-size argument bounds), if any. */
  mainPath?: string;
  /** Normalized property names (and `<object><key>` compounds) that take arguments at object levels. */
  objectNames: Set<string>;
}

interface Context {
  faker: Faker;
  seed: number;
  now: Date;
  args: Record<string, unknown>;
  hints: ArgHints;
  tool: ToolInfo;
  plan: SchemaPlan;
  /** Per generated object, its keys that hold an echoed argument (or an object holding one): coherence leaves them alone. */
  pinned: WeakMap<object, Set<string>>;
  /** Whether any argument hint exists (else echo lookups are skipped). */
  echoing: boolean;
  /** The coherence pass's input, reused for every object (its per-object fields are reset). */
  harmony: HarmonizeInput;
  nodes: number;
}

interface Frame {
  path: string;
  depth: number;
  /** The property's name; array items carry the array's name. */
  name?: string;
  /** The name of the object the property sits in. */
  parent?: string | undefined;
  /** How many object levels below may still echo arguments: 3 at the root, 0 inside arrays. */
  echoLevels: number;
  /** How many object levels below take filter values: 3 in a main-array item, else 0. */
  filterLevels: number;
  inArray: boolean;
  /** What the enclosing object is. */
  kind?: NameKind | undefined;
  /** The person the enclosing object (or an ancestor) describes. */
  identity?: Identity | undefined;
}

type Echo = { mode: 'value'; value: unknown } | { mode: 'child'; value: unknown } | { mode: 'list'; value: string[]; union: boolean };

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
  const random = new Random(0);
  return {
    next: () => random.next(),
    seed: (seed) => random.reseedMixed(typeof seed === 'number' ? seed : hashString(seed.join(','))),
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
 * now). See the module comment for the echo rules and limits.
 *
 * @example
 * const schema = {
 *   type: 'object',
 *   properties: { id: { type: 'string' }, title: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
 * };
 * generateFromSchema(schema, { seed: 42, context: 'GITHUB_CREATE_AN_ISSUE', args: { title: 'Bug' } });
 * // { id: 'q3Xk9…', title: 'Bug', created_at: '2025-12-31T23:59:12.000Z' }
 */
export function generateFromSchema(schema: JsonSchema, options: GenerateOptions): unknown {
  const args = options.args ?? {};
  const now = wholeSecond(options.now ?? DEFAULT_NOW);
  const stream = `${options.seed}|${options.context}|${stableStringify(args)}`;
  const memoKey = `${stream}|${now.getTime()}`;
  const remembered = recall(schema, memoKey);
  if (remembered !== undefined) return JSON.parse(remembered);
  const faker = (sharedFaker ??= privateFaker());
  const hints = analyzeArgs(args);
  const tool = toolInfo(options.context.split('|')[0] ?? '');
  const pinned = new WeakMap<object, Set<string>>();
  const context: Context = {
    faker,
    seed: hashString(stream),
    now,
    args,
    hints,
    tool,
    plan: planFor(schema),
    pinned,
    echoing: hints.byName.size > 0,
    harmony: {
      schemas: new Map(),
      pinnedKeys: undefined,
      pinnedOf: pinned,
      fits,
      faker,
      now,
      hints,
      ...(tool.hosts ? { hosts: tool.hosts } : {}),
      creates: tool.creates,
      topLevel: true,
    },
    nodes: 0,
  };
  const value = generate(schema, context, { path: '', depth: 0, echoLevels: ECHO_LEVELS, filterLevels: 0, inArray: false });
  // Kept as text, so a caller changing the value it got cannot change what the next caller gets.
  remember(schema, memoKey, value);
  return value;
}

/** Times are generated at whole seconds (as most APIs report them), so one second's calls share a memo. */
function wholeSecond(now: Date): Date {
  const ms = now.getTime();
  return ms % 1000 === 0 ? now : new Date(ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Recent outputs per schema, as JSON text, most recent last. Generation is a pure function of
 * (schema, seed, context, args, second), and an agent or a test repeating a call within a
 * second gets the same bytes anyway. An output is kept from the second time its inputs are seen
 * (a one-off call leaves nothing behind to collect), and only the 16 most recent per schema.
 */
interface SchemaMemo {
  seen: RecentMap<string, true>;
  texts: RecentMap<string, string>;
}

const outputMemo = new WeakMap<object, SchemaMemo>();
const MEMO_PER_SCHEMA = 16;

function recall(schema: JsonSchema, key: string): string | undefined {
  return typeof schema === 'object' && schema !== null ? outputMemo.get(schema)?.texts.get(key) : undefined;
}

function remember(schema: JsonSchema, key: string, value: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  let memo = outputMemo.get(schema);
  if (!memo) outputMemo.set(schema, (memo = { seen: new RecentMap(4 * MEMO_PER_SCHEMA), texts: new RecentMap(MEMO_PER_SCHEMA) }));
  if (memo.seen.get(key)) memo.texts.set(key, JSON.stringify(value));
  else memo.seen.set(key, true);
}

const toolCache = new Map<string, ToolInfo>();

function toolInfo(slug: string): ToolInfo {
  let info = toolCache.get(slug);
  if (!info) {
    const tokens = /^[A-Z][A-Z0-9_]*$/.test(slug) ? nameTokens(slug) : [];
    const stop = tokens.findIndex((token, i) => i > 1 && SLUG_STOP_WORDS.has(token));
    // Head noun last in English ("LIST_REPOSITORY_ISSUES" lists issues): read backwards.
    const words = (stop < 0 ? tokens : tokens.slice(0, stop)).slice(1).reverse();
    const hosts = hostsForTool(slug);
    info = { slug, words, creates: tokens.some((token) => CREATE_VERBS.has(token)), ...(hosts ? { hosts } : {}) };
    if (toolCache.size < 2000) toolCache.set(slug, info);
  }
  return info;
}

const planCache = new WeakMap<object, SchemaPlan>();

/** Where the main array is and which names take arguments: once per schema. */
function planFor(schema: JsonSchema): SchemaPlan {
  const cached = planCache.get(schema);
  if (cached) return cached;
  const plan: SchemaPlan = { objectNames: new Set() };
  const root = resolve(schema);
  if (root && pickType(root) === 'array' && isObjectSchema(root.items)) plan.mainPath = '';
  const queue: Array<{ node: JsonSchema; path: string; depth: number; name?: string }> = root ? [{ node: root, path: '', depth: 0 }] : [];
  for (let i = 0; i < queue.length && i < 500; i++) {
    const { node, path, depth, name } = queue[i]!;
    if (pickType(node) !== 'object' || !isSchema(node.properties)) continue;
    for (const [key, raw] of Object.entries(node.properties)) {
      const sub = resolve(raw);
      if (!sub) continue;
      const childPath = `${path}/${escapePointer(key)}`;
      if (depth < ECHO_LEVELS) {
        plan.objectNames.add(normalizeName(key));
        if (name !== undefined) plan.objectNames.add(normalizeName(name) + normalizeName(key));
      }
      const type = pickType(sub);
      if (type === 'array' && plan.mainPath === undefined && isObjectSchema(sub.items)) plan.mainPath = childPath;
      else if (type === 'object' && depth + 1 < MAIN_ARRAY_DEPTH) queue.push({ node: sub, path: childPath, depth: depth + 1, name: key });
    }
  }
  planCache.set(schema, plan);
  return plan;
}

function isObjectSchema(raw: unknown): boolean {
  const schema = resolve(raw);
  return schema !== undefined && pickType(schema) === 'object';
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function generate(raw: unknown, context: Context, frame: Frame): unknown {
  const schema = resolve(raw);
  if (!schema) return null;
  if (++context.nodes > MAX_NODES) return minimal(schema);
  context.faker.seed(hashString(`${context.seed}|${frame.path}`));
  if ('const' in schema) return structuredClone(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    if (context.tool.creates && !frame.inArray && isStateName(frame)) return structuredClone(schema.enum[0]);
    return structuredClone(context.faker.helpers.arrayElement(schema.enum));
  }
  const type = pickType(schema);
  if (type === 'object') return generateObject(schema, context, frame);
  if (type === 'array') return generateArray(schema, context, frame);
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
    return generateLeaf(schema, type, context, frame);
  }
  return null;
}

const STATE_WORD = /(state|status|stage)$/;

/** `state`, `status`, `responseStatus`, `dealstage`, or the `name`/`type` of a `state` object. */
function isStateName(frame: Frame): boolean {
  const own = frame.name === undefined ? [] : nameTokens(frame.name);
  if (own.some((token) => STATE_WORD.test(token))) return true;
  const parent = frame.parent === undefined ? [] : nameTokens(frame.parent);
  return (frame.name === 'name' || frame.name === 'type') && parent.some((token) => STATE_WORD.test(token));
}

interface PropertyPlan {
  key: string;
  /** The property's schema as written (generation re-resolves it through the cache). */
  raw: unknown;
  sub: JsonSchema | undefined;
  norm: string;
  pointer: string;
  required: boolean;
}

/** What generation needs to know about an object schema, worked out once per schema. */
interface ObjectPlan {
  properties: PropertyPlan[];
  schemas: Map<string, JsonSchema | undefined>;
  shape: CoherenceShape;
  firstNameKey: boolean;
  personKey: boolean;
  placeKey: boolean;
}

const objectPlans = new WeakMap<object, ObjectPlan>();

function objectPlan(schema: JsonSchema): ObjectPlan {
  let plan = objectPlans.get(schema);
  if (plan) return plan;
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
  // Required keys without a property schema still have to exist for the output to validate.
  const extra = isSchema(schema.additionalProperties) ? schema.additionalProperties : {};
  const list: PropertyPlan[] = [];
  const schemas = new Map<string, JsonSchema | undefined>();
  for (const key of new Set([...Object.keys(properties), ...required])) {
    const raw = Object.hasOwn(properties, key) ? properties[key] : extra;
    if (raw === false) continue;
    const sub = resolve(raw);
    list.push({ key, raw, sub, norm: normalizeName(key), pointer: escapePointer(key), required: required.includes(key) });
    schemas.set(key, sub);
  }
  plan = {
    properties: list,
    schemas,
    shape: coherenceShape(schemas),
    firstNameKey: list.some((p) => /^(first_?name|given_?name)$/i.test(p.key)),
    personKey: list.some((p) => PERSON_KEY.test(p.key)),
    placeKey: list.some((p) => PLACE_KEYS.has(p.norm)),
  };
  objectPlans.set(schema, plan);
  return plan;
}

function generateObject(schema: JsonSchema, context: Context, frame: Frame): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (frame.depth >= MAX_DEPTH) return out;
  const plan = objectPlan(schema);
  const kind = objectKind(schema, frame, context.tool);
  let echoes: Map<string, Echo> | undefined;
  if (context.echoing && (frame.echoLevels > 0 || frame.filterLevels > 0 || context.hints.place || context.hints.sender)) {
    const placeLike = context.hints.place !== undefined && (kind === 'place' || plan.placeKey);
    for (const property of plan.properties) {
      const echo = property.sub ? findEcho(property, property.sub, context, frame, placeLike) : undefined;
      if (echo) (echoes ??= new Map()).set(property.key, echo);
    }
  }

  let identity = frame.identity;
  // A person's own record, not a page of them: it has name/email/login fields itself.
  if (!identity && (plan.firstNameKey || ((kind === 'person' || kind === 'handle') && plan.personKey))) {
    context.faker.seed(hashString(`${context.seed}|${frame.path}#who`));
    identity = makeIdentity(context.faker, identityEmail(echoes, context, frame));
  }

  let pinnedKeys: Set<string> | undefined;
  for (const property of plan.properties) {
    const { key } = property;
    if (context.nodes > MAX_NODES && !property.required) continue;
    const echo = echoes?.get(key);
    let value: unknown;
    if (echo?.mode === 'value') {
      value = echo.value;
    } else {
      const childFrame: Frame = {
        path: `${frame.path}/${property.pointer}`,
        depth: frame.depth + 1,
        name: key,
        parent: frame.name,
        echoLevels: frame.echoLevels - 1,
        filterLevels: frame.filterLevels > 0 ? frame.filterLevels - 1 : 0,
        inArray: frame.inArray,
        kind,
        identity,
      };
      value = echo?.mode === 'list' ? echoList(echo.value, echo.union, property.sub!, context, childFrame) : generate(property.raw, context, childFrame);
      if (echo?.mode === 'child' && isRecord(value)) echoIntoChild(value, echo.value, property.sub!);
    }
    if (echo || (typeof value === 'object' && value !== null && context.pinned.has(value))) (pinnedKeys ??= new Set()).add(key);
    // defineProperty, so a property named `__proto__` is data rather than a prototype swap.
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  if (pinnedKeys) context.pinned.set(out, pinnedKeys);
  if (plan.shape.any) {
    context.faker.seed(hashString(`${context.seed}|${frame.path}#fix`));
    context.harmony.schemas = plan.schemas;
    context.harmony.pinnedKeys = pinnedKeys;
    context.harmony.topLevel = !frame.inArray;
    harmonize(out, plan.shape, context.harmony);
  }
  return out;
}

/** An email the person of this object must have: echoed into it, or the tool's `email` argument. */
function identityEmail(echoes: Map<string, Echo> | undefined, context: Context, frame: Frame): string | undefined {
  for (const [key, echo] of echoes ?? []) {
    if (echo.mode === 'value' && typeof echo.value === 'string' && echo.value.includes('@') && nameTokens(key).some((t) => t.includes('email'))) {
      return echo.value;
    }
  }
  const email = context.hints.byName.get('email') ?? context.hints.byName.get('emailaddress');
  return frame.echoLevels > 0 && typeof email === 'string' && email.includes('@') ? email : undefined;
}

/** The echo (argument, filter, sender, place) a property takes, if any. */
function findEcho(property: PropertyPlan, sub: JsonSchema, context: Context, frame: Frame, placeLike: boolean): Echo | undefined {
  const { hints } = context;
  const { key, norm } = property;
  const compound = frame.name === undefined ? undefined : normalizeName(frame.name) + norm;
  if (frame.echoLevels > 0) {
    const found = Object.hasOwn(context.args, key)
      ? { value: context.args[key] }
      : lookup(hints.byName, norm, compound) ?? (norm === 'name' || norm === 'title' ? namedAfterTool(hints, norm, context.tool) : undefined);
    const echo = found && echoInto(found.value, sub, false, hints);
    if (echo) return echo;
  }
  if (frame.filterLevels > 0 && !ITEM_ID_KEYS.has(norm)) {
    const found = lookup(hints.filters, norm, compound);
    const echo = found && !context.plan.objectNames.has(found.name) ? echoInto(found.value, sub, true, hints) : undefined;
    if (echo) return echo;
  }
  if (hints.sender && SENDER_KEYS.has(norm) && (frame.filterLevels > 0 || frame.echoLevels > 0) && fits(hints.sender, sub)) {
    return { mode: 'value', value: hints.sender };
  }
  const place = hints.place;
  if (place && (norm === 'city' || norm === 'cityname' || (placeLike && norm === 'name')) && place.name && fits(place.name, sub)) {
    return { mode: 'value', value: place.name };
  }
  if (place?.country && placeLike && norm === 'country' && fits(place.country, sub)) return { mode: 'value', value: place.country };
  return undefined;
}

/** `folder_name` for the `name` of what GOOGLEDRIVE_CREATE_FOLDER returns: `<noun of the slug>_name`. */
function namedAfterTool(hints: ArgHints, norm: string, tool: ToolInfo): { name: string; value: unknown } | undefined {
  for (const word of tool.words) {
    const found = lookup(hints.byName, word + norm, undefined);
    if (found) return found;
  }
  return undefined;
}

function lookup(map: ReadonlyMap<string, unknown>, norm: string, compound: string | undefined): { name: string; value: unknown } | undefined {
  if (map.has(norm)) return { name: norm, value: map.get(norm) };
  if (compound !== undefined && map.has(compound)) return { name: compound, value: map.get(compound) };
  return undefined;
}

/** How an argument value goes into a property: verbatim, into the object it names, or as list items. */
function echoInto(raw: unknown, sub: JsonSchema, filter: boolean, hints: ArgHints): Echo | undefined {
  const type = pickType(sub);
  let value = typeof raw === 'string' && sub.format === 'date-time' ? withOffset(raw, hints.timeZone) : raw;
  // APIs that keep numbers as strings (HubSpot `amount: "1500"`) still show the number sent.
  if (typeof value === 'number' && type === 'string' && Number.isFinite(value)) value = String(value);
  if (type === 'array') {
    const strings = Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
      ? (value as string[])
      : filter && typeof value === 'string' && value.trim() !== ''
        ? value.split(',').map((part) => part.trim()).filter(Boolean)
        : undefined;
    if (strings) return { mode: 'list', value: strings, union: filter };
    return fits(value, sub) ? { mode: 'value', value: structuredClone(value) } : undefined;
  }
  if (fits(value, sub)) return { mode: 'value', value: structuredClone(value) };
  if (type === 'object' && value !== null && (typeof value === 'string' || typeof value === 'number' || isRecord(value))) {
    return { mode: 'child', value };
  }
  return undefined;
}

/** A naive local date-time argument (`2026-03-20T10:00:00`) gets its zone's offset (or `Z`) so it is a valid `date-time`. */
function withOffset(value: string, timeZone: string | undefined): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return value;
  const full = value.length === 16 ? `${value}:00` : value;
  if (!timeZone) return `${full}Z`;
  try {
    const at = new Date(`${full}Z`);
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const offset = /GMT([+-]\d{2}:\d{2})?/.exec(parts.find((part) => part.type === 'timeZoneName')?.value ?? '')?.[1];
    return `${full}${offset ?? 'Z'}`;
  } catch {
    return `${full}Z`;
  }
}

/** Puts a scalar into the property of `target` it most likely names, or merges an object's fitting keys. */
function echoIntoChild(target: Record<string, unknown>, value: unknown, schema: JsonSchema): boolean {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const fitsKey = (key: string, candidate: unknown) => {
    const sub = Object.hasOwn(properties, key) ? resolve(properties[key]) : undefined;
    return sub !== undefined && fits(candidate, sub);
  };
  if (isRecord(value)) {
    let changed = false;
    for (const [key, candidate] of Object.entries(value)) {
      if (fitsKey(key, candidate)) {
        target[key] = structuredClone(candidate);
        changed = true;
      }
    }
    return changed;
  }
  const keys = Object.keys(target);
  const byNorm = new Map(keys.map((key) => [normalizeName(key), key] as const));
  const text = String(value);
  let order = CHILD_TARGETS;
  if (text.includes('@')) order = keys.filter((key) => normalizeName(key).includes('email')).map(normalizeName);
  else if (/^[A-Z][A-Z0-9_]+$/.test(text)) order = ['key', ...CHILD_TARGETS];
  else if (/^\d+$/.test(text) || (/^[A-Za-z0-9_-]{8,}$/.test(text) && /\d/.test(text))) order = ['id', 'gid', 'uuid', ...CHILD_TARGETS];
  for (const name of order) {
    const key = byNorm.get(name);
    if (key !== undefined && fitsKey(key, value)) {
      target[key] = value;
      return true;
    }
  }
  return false;
}

/** An array built from string arguments: verbatim (plus generated ones for filters) or one object per string. */
function echoList(strings: string[], union: boolean, schema: JsonSchema, context: Context, frame: Frame): unknown {
  const items = resolve(schema.items ?? {});
  const max = Math.min(count(schema.maxItems) ?? MAX_ITEMS, MAX_ITEMS);
  const itemFrame = (i: number): Frame => ({ ...frame, path: `${frame.path}/${i}`, depth: frame.depth + 1, echoLevels: 0, filterLevels: 0, inArray: true });
  let list: unknown[];
  if (items && pickType(items) === 'object') {
    list = strings.slice(0, max).map((text, i) => {
      const item = generate(items, context, itemFrame(i));
      if (isRecord(item)) echoIntoChild(item, text, items);
      return item;
    });
  } else {
    list = strings.slice(0, max);
    if (union) {
      const generated = generateArray(schema, context, frame);
      for (const item of generated) if (list.length < max && !list.includes(item as string)) list.push(item);
    }
  }
  return fits(list, schema) ? list : generateArray(schema, context, frame);
}

/** What an object is, from its own name, then its description, then the tool slug when the name is a wrapper. */
function objectKind(schema: JsonSchema, frame: Frame, tool: ToolInfo): NameKind | undefined {
  const own = frame.name === undefined ? undefined : nameKind(nameTokens(frame.name));
  if (own) return own;
  const described = describedKind(schema.description);
  if (described) return described;
  const name = frame.name === undefined ? undefined : nameTokens(frame.name).at(-1);
  return isGenericWord(name) ? nameKind(tool.words) : undefined;
}

const describedCache = new Map<string, NameKind | null>();

/** What a description's first words name, read head noun first ("An issue label" → label). */
function describedKind(description: unknown): NameKind | undefined {
  if (typeof description !== 'string') return undefined;
  let kind = describedCache.get(description);
  if (kind === undefined) {
    const words = description.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, 5).reverse();
    kind = nameKind(words) ?? null;
    if (describedCache.size < 5000) describedCache.set(description, kind);
  }
  return kind ?? undefined;
}

function generateArray(schema: JsonSchema, context: Context, frame: Frame): unknown[] {
  if (frame.depth >= MAX_DEPTH || schema.items === false) return [];
  const main = frame.path === context.plan.mainPath;
  let max = Math.min(count(schema.maxItems) ?? MAX_ITEMS, MAX_ITEMS);
  const min = Math.min(Math.max(count(schema.minItems) ?? 0, 1), max);
  if (main && context.hints.listSize !== undefined) max = Math.max(min, Math.min(max, context.hints.listSize));
  const length = context.faker.number.int({ min, max: Math.max(min, Math.min(max, 3)) });
  const itemSchema = resolve(schema.items ?? {});
  // Scalar lists (label ids, tags) read as fake with repeats: avoided unless the bounds force them.
  const unique = schema.uniqueItems === true || (itemSchema !== undefined && pickType(itemSchema) !== 'object' && pickType(itemSchema) !== 'array');
  const items: unknown[] = [];
  const seen = new Set<string>();
  const skipped: unknown[] = [];
  for (let i = 0; items.length < length && i < length * 3; i++) {
    const item = generate(schema.items ?? {}, context, {
      path: `${frame.path}/${i}`,
      depth: frame.depth + 1,
      ...(frame.name !== undefined ? { name: frame.name } : {}),
      ...(frame.parent !== undefined ? { parent: frame.parent } : {}),
      echoLevels: 0,
      filterLevels: main ? FILTER_LEVELS : 0,
      inArray: true,
      ...(frame.kind ? { kind: frame.kind } : {}),
      ...(frame.identity ? { identity: frame.identity } : {}),
    });
    if (unique || isRecord(item)) {
      const key = isRecord(item) ? identityKey(item) : stableStringify(item);
      if (seen.has(key)) {
        skipped.push(item);
        continue;
      }
      seen.add(key);
    }
    items.push(item);
  }
  if (schema.uniqueItems !== true) while (items.length < min && skipped.length > 0) items.push(skipped.shift());
  return items;
}

/** Two listed records with the same name (two `performance` labels) read as fake; ids already differ. */
function identityKey(item: Record<string, unknown>): string {
  for (const key of ['name', 'login', 'email', 'key', 'title', 'summary', 'id']) {
    const value = item[key];
    if (typeof value === 'string') return `${key}:${value}`;
  }
  return stableStringify(item);
}

function generateLeaf(schema: JsonSchema, type: LeafType, context: Context, frame: Frame): unknown {
  const { faker, now } = context;
  // A bare `value` says what it is through its object: `phoneNumbers[].value` is a phone number.
  const name = frame.name === 'value' && frame.parent !== undefined ? frame.parent : frame.name;
  if (type === 'boolean' && context.tool.creates && !frame.inArray && name !== undefined && nameTokens(name).some((t) => NEW_RECORD_FALSE.has(t))) {
    if (fits(false, schema)) return false;
  }
  // Candidates in order, the first that fits wins: format, examples, name, default, pattern.
  const examples = Array.isArray(schema.examples) ? schema.examples : undefined;
  if (typeof schema.format === 'string') {
    // A `{placeholder}` URL example is filled by the coherence pass: no random URL to throw away.
    const value = examples?.some(isTemplate) ? 'https://example.com/' : valueByFormat(schema.format, faker, now, frame.identity);
    if (value !== undefined && fits(value, schema)) return value;
  }
  if (examples) {
    const plain = examples.some(isTemplate) ? examples.filter((example) => !isTemplate(example)) : examples;
    if (plain.length > 0) {
      const value = structuredClone(faker.helpers.arrayElement(plain));
      if (fits(value, schema)) return value;
    }
  }
  if (name !== undefined) {
    const kind = describedKind(schema.description) ?? frame.kind;
    let value = valueByName(name, type, faker, now, { kind, identity: frame.identity });
    if (typeof value === 'string') value = fitLength(value, schema, faker);
    if (value !== undefined && fits(value, schema)) return value;
  }
  if (schema.default !== undefined && fits(schema.default, schema)) return structuredClone(schema.default);
  if (typeof schema.pattern === 'string') {
    const value = fromSimplePattern(schema.pattern, faker);
    if (value !== undefined && fits(value, schema)) return value;
  }
  if (type === 'boolean') return faker.datatype.boolean();
  if (type === 'string') return fitLength(faker.word.noun(), schema, faker);
  return numberInRange(schema, type === 'integer', faker);
}

function isTemplate(example: unknown): boolean {
  return typeof example === 'string' && example.includes('{');
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

/** Whether `value` satisfies the keywords this module handles (of `format`, the common ones only). */
function fits(value: unknown, schema: JsonSchema, depth = 0): boolean {
  const type = jsonType(value);
  if (type === undefined || depth > MAX_DEPTH) return false;
  // OpenAPI's `nullable: true`, which Ajv honours too.
  if (value === null && schema.nullable === true && !('const' in schema) && !Array.isArray(schema.enum)) return true;
  if ('const' in schema && !sameJson(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !enumHas(schema.enum, value)) return false;
  const types = typeList(schema.type);
  if (types.length > 0 && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return false;
  // Plain comparisons rather than helper closures: this runs for every generated leaf.
  if (typeof value === 'string') {
    const min = finite(schema.minLength);
    const max = finite(schema.maxLength);
    if (min !== undefined || max !== undefined) {
      const length = [...value].length;
      if ((min !== undefined && length < min) || (max !== undefined && length > max)) return false;
    }
    if (typeof schema.pattern === 'string' && !safeTest(schema.pattern, value)) return false;
    const format = typeof schema.format === 'string' ? FORMAT_CHECKS[schema.format] : undefined;
    return format === undefined || format.test(value);
  }
  if (typeof value === 'number') {
    const minimum = finite(schema.minimum);
    const maximum = finite(schema.maximum);
    const exclusiveMinimum = finite(schema.exclusiveMinimum);
    const exclusiveMaximum = finite(schema.exclusiveMaximum);
    const multipleOf = finite(schema.multipleOf);
    return !(
      (minimum !== undefined && value < minimum) ||
      (maximum !== undefined && value > maximum) ||
      (exclusiveMinimum !== undefined && value <= exclusiveMinimum) ||
      (exclusiveMaximum !== undefined && value >= exclusiveMaximum) ||
      (multipleOf !== undefined && multipleOf > 0 && !Number.isInteger(value / multipleOf))
    );
  }
  if (Array.isArray(value)) {
    const minItems = finite(schema.minItems);
    const maxItems = finite(schema.maxItems);
    if ((minItems !== undefined && value.length < minItems) || (maxItems !== undefined && value.length > maxItems)) return false;
    const items = schema.items === undefined ? EMPTY_SCHEMA : resolve(schema.items);
    if (items === undefined) return value.length === 0;
    for (const item of value) if (!fits(item, items, depth + 1)) return false;
    return true;
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(schema.required)) {
      for (const key of schema.required) if (typeof key !== 'string' || !Object.hasOwn(object, key)) return false;
    }
    if (isSchema(schema.properties)) {
      for (const key of Object.keys(schema.properties)) {
        if (!Object.hasOwn(object, key)) continue;
        const sub = resolve(schema.properties[key]);
        if (sub === undefined || !fits(object[key], sub, depth + 1)) return false;
      }
    }
  }
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && stableStringify(a) === stableStringify(b);
}

function enumHas(values: unknown[], value: unknown): boolean {
  for (const candidate of values) if (sameJson(candidate, value)) return true;
  return false;
}

/**
 * Flattens `allOf` (merged) and `oneOf`/`anyOf` (first non-null branch) into one plain schema;
 * `undefined` for `$ref` and `false`. Bounded steps so nested combinators cannot loop long.
 */
const resolveCache = new WeakMap<object, JsonSchema | null>();
const EMPTY_SCHEMA: JsonSchema = {};

function resolve(raw: unknown): JsonSchema | undefined {
  if (raw === true) return EMPTY_SCHEMA;
  if (!isSchema(raw)) return undefined;
  if (!('$ref' in raw || 'allOf' in raw || 'oneOf' in raw || 'anyOf' in raw)) return raw;
  let cached = resolveCache.get(raw);
  if (cached === undefined) {
    cached = resolveCombinators(raw) ?? null;
    resolveCache.set(raw, cached);
  }
  return cached ?? undefined;
}

function resolveCombinators(raw: JsonSchema): JsonSchema | undefined {
  let schema: unknown = raw;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The formats echoed arguments and examples most often break; others are trusted.
const FORMAT_CHECKS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s{}<>"]*$/,
  url: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s{}<>"]*$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
};

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
