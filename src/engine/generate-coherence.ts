/**
 * Makes one generated object agree with itself, the way real records do: `updated_at` is not
 * before `created_at`, an event ends after it starts, `closed_at` is null while the state is
 * open, a low is not above its high, a total counts at least the listed items, an issue key
 * carries its project's key, and links point at the toolkit's own pages. Runs after the
 * object's properties are generated; never touches a property that echoes an argument (or an
 * object holding one), and only writes values that still fit their schema.
 */
import type { Faker } from '@faker-js/faker';
import type { JsonSchema } from './catalog-types.js';
import type { ArgHints } from './generate-args.js';
import { nameTokens } from './generate-by-name.js';
import type { ToolkitHosts } from './toolkit-hosts.js';

/**
 * What {@link harmonize} needs besides the object and its shape.
 *
 * @example
 * harmonize(out, shape, { schemas, pinnedKeys, pinnedOf, fits, faker, now, hints, hosts, creates: true, topLevel: true });
 */
export interface HarmonizeInput {
  /** The resolved schema of each property, `undefined` when it has none. */
  schemas: ReadonlyMap<string, JsonSchema | undefined>;
  /** Keys holding an echoed argument (or an object containing one): left alone. */
  pinnedKeys: ReadonlySet<string> | undefined;
  /** Pinned keys of the objects generated so far (a `start` object whose `timeZone` was echoed may still move in time). */
  pinnedOf: WeakMap<object, Set<string>>;
  /** Whether a value satisfies a schema (the generator's own check). */
  fits(value: unknown, schema: JsonSchema): boolean;
  faker: Faker;
  now: Date;
  hints: ArgHints;
  hosts?: ToolkitHosts;
  /** The tool creates what it returns: created times are "just now". */
  creates: boolean;
  /** The object is not inside an array (the record the tool acted on, or its parts). */
  topLevel: boolean;
}

type TimeKind = 'iso' | 'date' | 'unix' | 'event';
interface TimeValue {
  ms: number;
  kind: TimeKind;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const CLOSED_STEMS = ['closed', 'merged', 'completed', 'resolved', 'done', 'canceled', 'cancelled', 'finished'];
const CLOSED_STATE = /closed|done|complete|resolved|merged|cancel|archived|finished/i;
const UPDATED_WORDS = ['updated', 'modified', 'edited', 'pushed', 'changed'];
const DUE_WORDS = ['due', 'deadline', 'duedate', 'target', 'closedate'];
const TOTAL_WORDS = ['total', 'estimate', 'hits', 'totalsize'];
const URL_KEYS = new Set(['htmlurl', 'weburl', 'htmllink', 'webviewlink', 'permalink', 'permalinkurl', 'url', 'self', 'link', 'cloneurl']);
const ID_KEYS = ['number', 'key', 'identifier', 'id', 'gid', 'login'];

/**
 * Which rules apply to objects of one schema, and between which keys, worked out once per schema
 * so generating an object only does the per-value work.
 *
 * @example
 * const shape = coherenceShape(new Map([['created_at', { type: 'string', format: 'date-time' }]]));
 * shape.any; // true
 */
export interface CoherenceShape {
  keys: string[];
  /** Keys that may hold a time (by format or name); others are never read as times. */
  timeKeys: string[];
  createdKeys: string[];
  updatedKeys: string[];
  dueKeys: string[];
  /** `closed_at` and kin with the stem that names their state (`closed`, `merged`, ...). */
  closedKeys: Array<[key: string, stem: string]>;
  /** A boolean sibling named after a stem (`merged`), else state/status keys, decide closedness. */
  stemBooleans: Map<string, string>;
  stateKeys: string[];
  /** `start`/`end`, `timeMin`/`timeMax`, ...: [low key, high key, window-like]. */
  timePairs: Array<[low: string, high: string, window: boolean]>;
  /** `dt_txt` spelling out `dt`. */
  textTimes: Array<[text: string, source: string]>;
  /** `temp_min`/`temp_max` with an optional plain `temp`. */
  ranges: Array<[low: string, high: string, base: string | undefined]>;
  totals: string[];
  lists: string[];
  records: boolean;
  urls: Array<[key: string, template: string | undefined]>;
  /** Any rule at all. */
  any: boolean;
}

const TIME_WORDS = new Set(['at', 'on', 'date', 'time', 'datetime', 'timestamp', 'created', 'updated', 'modified', 'edited', 'start', 'end', 'begin', 'due', 'deadline', 'dt', 'ts', 'min', 'max', 'closedate', 'oldest', 'latest', 'from', 'to']);
const PAIRS: Array<[string, string]> = [['start', 'end'], ['begin', 'end'], ['min', 'max'], ['from', 'to'], ['oldest', 'latest']];

/**
 * The {@link CoherenceShape} of an object schema's properties.
 *
 * @example
 * coherenceShape(new Map([['temp_min', { type: 'number' }], ['temp_max', { type: 'number' }]])).ranges; // [['temp_min', 'temp_max', undefined]]
 */
export function coherenceShape(schemas: ReadonlyMap<string, JsonSchema | undefined>): CoherenceShape {
  const keys = [...schemas.keys()];
  const tokensOf = new Map(keys.map((key) => [key, nameTokens(key)] as const));
  const tokens = (key: string) => tokensOf.get(key) ?? [];
  const joined = (key: string) => tokens(key).join('_');
  const has = (key: string, words: readonly string[]) => tokens(key).some((token) => words.includes(token));
  const findPartner = (key: string, low: string, high: string) =>
    keys.find((other) => other !== key && sameExcept(tokens(other), tokens(key), low, high));
  const isArray = (schema: JsonSchema | undefined) => schema !== undefined && (schema.type === 'array' || 'items' in schema);

  const timeKeys = keys.filter((key) => {
    const schema = schemas.get(key);
    const properties = schema?.properties;
    return schema?.format === 'date-time' || schema?.format === 'date' || has(key, [...TIME_WORDS]) ||
      (typeof properties === 'object' && properties !== null && ('dateTime' in properties || 'date' in properties));
  });
  const timeSet = new Set(timeKeys);
  const createdKeys = [
    ...timeKeys.filter((key) => has(key, ['created', 'creation'])),
    ...timeKeys.filter((key) => /^(timestamp|sent_?at|posted_?at|ts)$/i.test(key)),
  ];
  const closedKeys: Array<[string, string]> = [];
  for (const key of keys) {
    const stem = CLOSED_STEMS.find((word) => tokens(key).includes(word));
    if (stem && timeSet.has(key)) closedKeys.push([key, stem]);
  }
  const stemBooleans = new Map<string, string>();
  for (const [, stem] of closedKeys) {
    const flag = keys.find((key) => !timeSet.has(key) && schemas.get(key)?.type === 'boolean' && tokens(key).includes(stem));
    if (flag) stemBooleans.set(stem, flag);
  }
  const timePairs: Array<[string, string, boolean]> = [];
  for (const key of timeKeys) {
    for (const [low, high] of PAIRS) {
      if (!tokens(key).includes(low)) continue;
      const partner = findPartner(key, low, high);
      if (partner && timeSet.has(partner)) timePairs.push([key, partner, low === 'min' || low === 'oldest']);
    }
  }
  const textTimes: Array<[string, string]> = [];
  for (const key of keys) {
    const last = tokens(key).at(-1);
    if (last !== 'txt' && last !== 'text') continue;
    const base = tokens(key).slice(0, -1).join('_');
    const source = timeKeys.find((other) => other !== key && joined(other) === base);
    if (source) textTimes.push([key, source]);
  }
  const ranges: Array<[string, string, string | undefined]> = [];
  for (const key of keys) {
    const low = tokens(key).includes('min') ? 'min' : tokens(key).includes('low') ? 'low' : undefined;
    if (!low) continue;
    const partner = findPartner(key, low, low === 'min' ? 'max' : 'high');
    if (!partner) continue;
    const baseName = tokens(key).filter((token) => token !== low).join('_');
    ranges.push([key, partner, keys.find((other) => joined(other) === baseName)]);
  }
  const lists = keys.filter((key) => isArray(schemas.get(key)));
  const totals = lists.length > 0 ? keys.filter((key) => has(key, TOTAL_WORDS)) : [];
  const records = keys.some((key) => ['key', 'identifier', 'path', 'full_name'].includes(key) || key.toLowerCase().replace(/[^a-z]/g, '') === 'mimetype');
  const urls: Array<[string, string | undefined]> = [];
  for (const key of keys) {
    const examples = schemas.get(key)?.examples;
    const template = Array.isArray(examples) ? examples.find((example): example is string => typeof example === 'string' && example.includes('{')) : undefined;
    if (template !== undefined || URL_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''))) urls.push([key, template]);
  }
  const shape: CoherenceShape = {
    keys,
    timeKeys,
    createdKeys,
    updatedKeys: timeKeys.filter((key) => has(key, UPDATED_WORDS)),
    dueKeys: timeKeys.filter((key) => has(key, DUE_WORDS)),
    closedKeys,
    stemBooleans,
    stateKeys: keys.filter((key) => tokens(key).length === 1 && has(key, ['state', 'status'])),
    timePairs,
    textTimes,
    ranges,
    totals,
    lists,
    records,
    urls,
    any: false,
  };
  shape.any = timeKeys.length > 0 || ranges.length > 0 || totals.length > 0 || records || urls.length > 0;
  return shape;
}

/**
 * Adjusts `out` in place (see the module comment).
 *
 * @example
 * const issue = { state: 'open', created_at: '2026-01-05T00:00:00Z', closed_at: '2026-01-02T00:00:00Z' };
 * harmonize(issue, shape, input);
 * issue.closed_at; // null (when the schema allows null)
 */
export function harmonize(out: Record<string, unknown>, shape: CoherenceShape, input: HarmonizeInput): void {
  if (!shape.any) return;
  if (shape.timeKeys.length > 0) harmonizeTimes(out, shape, input);
  if (shape.ranges.length > 0) harmonizeRanges(out, shape, input);
  if (shape.totals.length > 0) harmonizeTotals(out, shape, input);
  if (shape.records) harmonizeKeys(out, input);
  if (shape.urls.length > 0) harmonizeUrls(out, shape, input);
}

/** Writes a value unless the key is pinned or the value no longer fits its schema. */
function set(out: Record<string, unknown>, input: HarmonizeInput, key: string, value: unknown): boolean {
  const schema = input.schemas.get(key);
  if (isPinned(key, out, input) || !schema || !input.fits(value, schema)) return false;
  out[key] = value;
  return true;
}

function harmonizeTimes(out: Record<string, unknown>, shape: CoherenceShape, input: HarmonizeInput): void {
  const { faker, now } = input;
  const nowMs = now.getTime();
  const times = new Map<string, TimeValue>();
  for (const key of shape.timeKeys) {
    const time = readTime(out[key], input.schemas.get(key));
    if (time) times.set(key, time);
  }
  if (times.size === 0 && shape.closedKeys.length === 0) return;
  const write = (key: string, ms: number, like?: string): void => {
    const time = times.get(key);
    if (!time) return;
    const offset = like === undefined ? undefined : offsetOf(out[like]);
    if (set(out, input, key, writeTime(out[key], time.kind, ms, offset))) times.set(key, { ms, kind: time.kind });
  };
  const fresh = input.creates && input.topLevel;

  // The record's birth: `created_at`, else a plain `timestamp` / `sent_at` (a message's).
  const created = shape.createdKeys.find((key) => times.has(key));
  if (created && fresh) write(created, nowMs - faker.number.int({ min: 1, max: 90 }) * 1000);
  const createdMs = created === undefined ? undefined : times.get(created)?.ms;

  if (createdMs !== undefined) {
    for (const key of shape.updatedKeys) {
      const time = times.get(key);
      if (!time || key === created || !(time.ms < createdMs || fresh)) continue;
      write(key, fresh ? createdMs : createdMs + Math.floor(faker.number.float() * Math.max(0, nowMs - createdMs)));
    }
    for (const key of shape.dueKeys) {
      const time = times.get(key);
      if (time && key !== created && time.ms < createdMs) write(key, createdMs + faker.number.int({ min: 1, max: 30 }) * DAY);
    }
  }

  for (const [key, stem] of shape.closedKeys) {
    const closed = isClosed(out, shape, stem);
    if (closed === false) {
      const schema = input.schemas.get(key);
      if (schema && (schema.nullable === true || typeList(schema.type).includes('null'))) set(out, input, key, null);
    } else if (closed === true && createdMs !== undefined) {
      const time = times.get(key);
      if (time && (time.ms < createdMs || time.ms > nowMs)) write(key, createdMs + Math.floor(faker.number.float() * Math.max(0, nowMs - createdMs)));
    }
  }

  // An all-day `date` next to a `dateTime` (calendar events) is the same day.
  const dateTime = typeof out.dateTime === 'string' ? 'dateTime' : typeof out.date_time === 'string' ? 'date_time' : undefined;
  if (dateTime && typeof out.date === 'string' && times.has(dateTime)) set(out, input, 'date', (out[dateTime] as string).slice(0, 10));

  // `dt_txt` spells out `dt` (OpenWeather): the text follows the time.
  for (const [key, source] of shape.textTimes) {
    const time = times.get(source);
    if (time && typeof out[key] === 'string') set(out, input, key, new Date(time.ms).toISOString().slice(0, 19).replace('T', ' '));
  }

  for (const [key, partner, window] of shape.timePairs) {
    const start = times.get(key);
    const end = times.get(partner);
    if (!start || !end) continue;
    const span = window ? faker.number.int({ min: 1, max: 14 }) * DAY : input.hints.durationMs ?? faker.number.int({ min: 2, max: 6 }) * 15 * MINUTE;
    if (!isPinned(partner, out, input)) write(partner, start.ms + span, key);
    else if (!isPinned(key, out, input) && end.ms <= start.ms) write(key, end.ms - span, partner);
    copyZone(out, key, partner, input);
  }
}

/** For `start`/`end` objects (calendar events): the end's time zone follows the start's. */
function copyZone(out: Record<string, unknown>, from: string, to: string, input: HarmonizeInput): void {
  const source = out[from];
  const target = out[to];
  if (input.pinnedKeys?.has(to) || !isRecord(source) || !isRecord(target)) return;
  for (const zoneKey of ['timeZone', 'time_zone', 'timezone']) {
    if (typeof source[zoneKey] === 'string' && zoneKey in target) target[zoneKey] = source[zoneKey];
  }
}

/** Pinned for coherence: echoed, or an object whose time fields (not just its zone) were echoed. */
function isPinned(key: string, out: Record<string, unknown>, input: HarmonizeInput): boolean {
  if (!input.pinnedKeys?.has(key)) return false;
  const value = out[key];
  const inside = typeof value === 'object' && value !== null ? input.pinnedOf.get(value) : undefined;
  return inside === undefined || [...inside].some((name) => !/^time_?zone$/i.test(name));
}

function sameExcept(other: string[], tokens: string[], low: string, high: string): boolean {
  return other.length === tokens.length && other.every((token, i) => (tokens[i] === low ? token === high : token === tokens[i]));
}

/** Whether the record is in its closed/merged/completed state, from a boolean or a state sibling. */
function isClosed(out: Record<string, unknown>, shape: CoherenceShape, stem: string): boolean | undefined {
  const flag = shape.stemBooleans.get(stem);
  if (flag !== undefined && typeof out[flag] === 'boolean') return out[flag] as boolean;
  for (const key of shape.stateKeys) {
    const value = out[key];
    const text = typeof value === 'string' ? value : isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
    if (text !== undefined) return CLOSED_STATE.test(text);
  }
  return undefined;
}

/** Numeric `x_min`/`x_max` (and `low`/`high`) pairs in order, with a plain `x` between them. */
function harmonizeRanges(out: Record<string, unknown>, shape: CoherenceShape, input: HarmonizeInput): void {
  for (const [key, partner, base] of shape.ranges) {
    if (typeof out[key] !== 'number' || typeof out[partner] !== 'number') continue;
    let lo = out[key] as number;
    let hi = out[partner] as number;
    if (lo > hi) [lo, hi] = [hi, lo];
    if (base !== undefined && typeof out[base] === 'number') {
      lo = Math.min(lo, out[base] as number);
      hi = Math.max(hi, out[base] as number);
    }
    const [oldLo, oldHi] = [out[key], out[partner]];
    if (!(set(out, input, key, lo) && set(out, input, partner, hi))) [out[key], out[partner]] = [oldLo, oldHi];
  }
}

/** A `total` next to a list counts at least the listed items. */
function harmonizeTotals(out: Record<string, unknown>, shape: CoherenceShape, input: HarmonizeInput): void {
  const list = shape.lists.find((key) => Array.isArray(out[key]));
  if (list === undefined) return;
  const length = (out[list] as unknown[]).length;
  for (const key of shape.totals) {
    if (typeof out[key] === 'number' && (out[key] as number) < length) set(out, input, key, length + input.faker.number.int({ min: 0, max: 20 }));
  }
}

/**
 * Record-level facts: `ABC-123` issue keys take their project's key (argument, filter or nested
 * `project.key`), a file's extension follows its MIME type and its name its path, a repository's
 * `full_name` is `owner/name`.
 */
function harmonizeKeys(out: Record<string, unknown>, input: HarmonizeInput): void {
  for (const key of ['key', 'identifier']) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    const match = /^[A-Z][A-Z0-9_]*-(\d+)$/.exec(value);
    if (!match) continue;
    const prefix = input.hints.projectKey ?? nestedProjectKey(out);
    if (prefix) set(out, input, key, `${prefix}-${match[1]}`);
  }
  const mimeKey = Object.keys(out).find((key) => key.toLowerCase().replace(/[^a-z]/g, '') === 'mimetype' && typeof out[key] === 'string');
  const fileKey = ['filename', 'file_name', 'fileName', 'name', 'title'].find((key) => typeof out[key] === 'string');
  if (mimeKey && fileKey) {
    const renamed = withExtension(out[fileKey] as string, out[mimeKey] as string);
    if (renamed !== undefined) set(out, input, fileKey, renamed);
  }
  if (typeof out.path === 'string' && typeof out.name === 'string' && /[/.]/.test(out.path)) {
    const base = out.path.split('/').filter(Boolean).at(-1);
    if (base) set(out, input, 'name', base);
  }
  if (typeof out.full_name === 'string' && typeof out.name === 'string' && isRecord(out.owner) && typeof out.owner.login === 'string') {
    set(out, input, 'full_name', `${out.owner.login}/${out.name}`);
  }
}

const MIME_EXTENSIONS: Array<[RegExp, string]> = [
  [/spreadsheetml/, 'xlsx'], [/wordprocessingml/, 'docx'], [/presentationml/, 'pptx'], [/pdf$/, 'pdf'], [/png$/, 'png'],
  [/jpe?g$/, 'jpg'], [/gif$/, 'gif'], [/csv$/, 'csv'], [/text\/plain/, 'txt'], [/markdown/, 'md'], [/html/, 'html'],
  [/json/, 'json'], [/zip/, 'zip'], [/mp4/, 'mp4'], [/mpeg/, 'mp3'],
];

/** The file name with the extension its MIME type implies (none for Google-native files); `undefined` to leave it. */
function withExtension(name: string, mime: string): string | undefined {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  if (mime.startsWith('application/vnd.google-apps.')) return stem;
  const extension = MIME_EXTENSIONS.find(([pattern]) => pattern.test(mime))?.[1];
  return extension ? `${stem}.${extension}` : undefined;
}

function nestedProjectKey(out: Record<string, unknown>): string | undefined {
  for (const holder of [out, out.fields]) {
    if (!isRecord(holder)) continue;
    for (const name of ['project', 'team']) {
      const inner = holder[name];
      if (isRecord(inner) && typeof inner.key === 'string' && /^[A-Z][A-Z0-9_]*$/.test(inner.key)) return inner.key;
    }
  }
  return undefined;
}

/**
 * Links to the toolkit's own pages: a `{placeholder}` template from the property's `examples`
 * (filled from sibling values, then arguments), else the toolkit's host plus `owner`/`repo`
 * arguments and the record's number, key or id.
 */
function harmonizeUrls(out: Record<string, unknown>, shape: CoherenceShape, input: HarmonizeInput): void {
  for (const [key, template] of shape.urls) {
    const schema = input.schemas.get(key);
    if (!schema || typeof out[key] !== 'string') continue;
    let url: string | undefined;
    if (template !== undefined) url = fillTemplate(template, out, input);
    else if (input.hosts) url = hostUrl(key, schema, out, input, input.hosts);
    if (url && /^https?:\/\/[^\s{}<>"]+$/.test(url)) set(out, input, key, url);
  }
}

function hostUrl(key: string, schema: JsonSchema, out: Record<string, unknown>, input: HarmonizeInput, hosts: ToolkitHosts): string {
  const api = key === 'self' || (typeof schema.description === 'string' && /\bAPI\b/.test(schema.description));
  const pieces: string[] = [];
  const login = out.login;
  if (typeof login === 'string') {
    pieces.push(login);
  } else {
    for (const name of ['owner', 'repo']) {
      const value = input.hints.byName.get(name);
      if (typeof value === 'string' && value !== '') pieces.push(value);
    }
    const id = ID_KEYS.map((name) => out[name]).find((value) => typeof value === 'string' || typeof value === 'number');
    pieces.push(id === undefined ? input.faker.string.alphanumeric(10) : String(id));
  }
  return `${api ? hosts.api : hosts.web}/${pieces.map((piece) => encodeURIComponent(piece)).join('/')}`;
}

/** A `{placeholder}` URL template split once: literal text around each placeholder's path. */
interface CompiledTemplate {
  literals: string[];
  slots: Array<{ name: string; path: string[]; norm: string; numeric: boolean }>;
}

const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    const parts = template.split(/\{([A-Za-z0-9_.]+)\}/);
    compiled = { literals: [], slots: [] };
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) compiled.literals.push(parts[i]!);
      else {
        const name = parts[i]!;
        compiled.slots.push({ name, path: name.split('.'), norm: name.toLowerCase().replace(/[^a-z0-9]/g, ''), numeric: /number|id$/i.test(name) });
      }
    }
    // Templates come from the catalog's examples: a handful, but bounded all the same.
    if (compiledTemplates.size < 4096) compiledTemplates.set(template, compiled);
  }
  return compiled;
}

function fillTemplate(template: string, out: Record<string, unknown>, input: HarmonizeInput): string {
  const { literals, slots } = compileTemplate(template);
  let url = literals[0]!;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    let value: unknown = out;
    for (const part of slot.path) value = isRecord(value) ? value[part] : undefined;
    if (value === undefined || value === null || typeof value === 'object') value = input.hints.byName.get(slot.norm);
    if (typeof value !== 'string' && typeof value !== 'number') {
      value = slot.numeric ? input.faker.number.int({ min: 1, max: 9999 }) : input.faker.word.noun().toLowerCase();
    }
    url += encodeURIComponent(String(value)).replace(/%2F/g, '/') + literals[i + 1]!;
  }
  return url;
}

function readTime(value: unknown, schema: JsonSchema | undefined): TimeValue | undefined {
  if (!schema) return undefined;
  if (typeof value === 'number') {
    // Unix seconds of the last decades only: counts and ids are not times.
    return Number.isInteger(value) && value > 1_000_000_000 && value < 4_000_000_000 ? { ms: value * 1000, kind: 'unix' } : undefined;
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ms: Date.parse(`${value}T00:00:00Z`), kind: 'date' };
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : { ms, kind: 'iso' };
    }
    return undefined;
  }
  if (isRecord(value)) {
    const inner = value.dateTime ?? value.date_time ?? value.date;
    const time = typeof inner === 'string' ? readTime(inner, {}) : undefined;
    return time ? { ms: time.ms, kind: 'event' } : undefined;
  }
  return undefined;
}

/** The UTC offset a date-time (or an event's `dateTime`) is written with, e.g. `+01:00`. */
function offsetOf(value: unknown): string | undefined {
  const text = isRecord(value) ? value.dateTime ?? value.date_time : value;
  return typeof text === 'string' ? /[+-]\d{2}:\d{2}$/.exec(text)?.[0] : undefined;
}

function writeTime(previous: unknown, kind: TimeKind, ms: number, offset?: string): unknown {
  let iso = new Date(ms).toISOString();
  if (offset && (kind === 'iso' || kind === 'event')) {
    const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    iso = `${new Date(ms + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
  }
  if (kind === 'unix') return Math.floor(ms / 1000);
  if (kind === 'date') return iso.slice(0, 10);
  if (kind === 'iso') return iso;
  const copy = { ...(previous as Record<string, unknown>) };
  for (const key of ['dateTime', 'date_time']) if (typeof copy[key] === 'string') copy[key] = iso;
  if (typeof copy.date === 'string') copy.date = iso.slice(0, 10);
  return copy;
}

function typeList(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
