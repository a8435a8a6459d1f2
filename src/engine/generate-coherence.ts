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

/**
 * Which rules can apply to objects of one schema, worked out once per schema so objects with
 * nothing to reconcile cost nothing.
 *
 * @example
 * const shape = coherenceShape(new Map([['created_at', { type: 'string', format: 'date-time' }]]));
 * shape.times; // true
 */
export interface CoherenceShape {
  keys: string[];
  tokensOf: Map<string, string[]>;
  times: boolean;
  ranges: boolean;
  totals: boolean;
  records: boolean;
  urls: boolean;
  /** Any rule at all. */
  any: boolean;
}

const TIME_WORDS = new Set(['at', 'on', 'date', 'time', 'datetime', 'timestamp', 'created', 'updated', 'modified', 'edited', 'start', 'end', 'due', 'deadline', 'dt', 'ts', 'min', 'max', 'closedate', 'txt']);

/**
 * The {@link CoherenceShape} of an object schema's properties.
 *
 * @example
 * coherenceShape(new Map([['temp_min', { type: 'number' }], ['temp_max', { type: 'number' }]])).ranges; // true
 */
export function coherenceShape(schemas: ReadonlyMap<string, JsonSchema | undefined>): CoherenceShape {
  const keys = [...schemas.keys()];
  const tokensOf = new Map(keys.map((key) => [key, nameTokens(key)] as const));
  const some = (test: (tokens: string[], key: string, schema: JsonSchema | undefined) => boolean) =>
    keys.some((key) => test(tokensOf.get(key) ?? [], key, schemas.get(key)));
  const isArray = (schema: JsonSchema | undefined) => schema?.type === 'array' || (schema !== undefined && 'items' in schema);
  const times = some((tokens, _key, schema) =>
    schema?.format === 'date-time' || schema?.format === 'date' || tokens.some((token) => TIME_WORDS.has(token)) ||
    (schema !== undefined && typeof schema.properties === 'object' && schema.properties !== null && ('dateTime' in schema.properties || 'date' in schema.properties)));
  const ranges = some((tokens) => tokens.includes('min') || tokens.includes('low'));
  const totals = some((_t, _k, schema) => isArray(schema)) && some((tokens) => tokens.some((token) => TOTAL_WORDS.includes(token)));
  const records = keys.some((key) => ['key', 'identifier', 'path', 'full_name'].includes(key) || key.toLowerCase().replace(/[^a-z]/g, '') === 'mimetype');
  const urls = some((_tokens, key, schema) =>
    URL_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, '')) ||
    (Array.isArray(schema?.examples) && schema.examples.some((example) => typeof example === 'string' && example.includes('{'))));
  return { keys, tokensOf, times, ranges, totals, records, urls, any: times || ranges || totals || records || urls };
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
 * Adjusts `out` in place (see the module comment).
 *
 * @example
 * const issue = { state: 'open', created_at: '2026-01-05T00:00:00Z', closed_at: '2026-01-02T00:00:00Z' };
 * harmonize(issue, input);
 * issue.closed_at; // null (when the schema allows null)
 */
export function harmonize(out: Record<string, unknown>, shape: CoherenceShape, input: HarmonizeInput): void {
  if (!shape.any) return;
  const { keys } = shape;
  const { tokensOf } = shape;
  const set = (key: string, value: unknown): boolean => {
    const schema = input.schemas.get(key);
    if (isPinned(key, out, input) || !schema || !input.fits(value, schema)) return false;
    out[key] = value;
    return true;
  };
  if (shape.times) harmonizeTimes(out, keys, tokensOf, set, input);
  if (shape.ranges) harmonizeRanges(out, keys, tokensOf, set);
  if (shape.totals) harmonizeTotals(out, keys, tokensOf, set, input.faker);
  if (shape.records) harmonizeKeys(out, set, input.hints);
  if (shape.urls) harmonizeUrls(out, keys, set, input);
}

function harmonizeTimes(
  out: Record<string, unknown>,
  keys: string[],
  tokensOf: Map<string, string[]>,
  set: (key: string, value: unknown) => boolean,
  input: HarmonizeInput,
): void {
  const { faker, now } = input;
  const nowMs = now.getTime();
  const times = new Map<string, TimeValue>();
  for (const key of keys) {
    const time = readTime(out[key], input.schemas.get(key));
    if (time) times.set(key, time);
  }
  if (times.size === 0) return;
  const write = (key: string, ms: number, like?: string) => {
    const time = times.get(key)!;
    if (set(key, writeTime(out[key], time.kind, ms, like === undefined ? undefined : offsetOf(out[like])))) times.set(key, { ms, kind: time.kind });
  };
  const has = (key: string, words: string[]) => (tokensOf.get(key) ?? []).some((token) => words.includes(token));

  // The record's birth: `created_at`, else a plain `timestamp` / `sent_at` (a message's).
  const created =
    keys.find((key) => times.has(key) && has(key, ['created', 'creation'])) ??
    keys.find((key) => times.has(key) && /^(timestamp|sent_?at|posted_?at|ts)$/i.test(key));
  if (created && input.creates && input.topLevel) write(created, nowMs - faker.number.int({ min: 1, max: 90 }) * 1000);
  const createdMs = created ? times.get(created)?.ms : undefined;
  const after = (base: number, maxGap: number) => base + Math.floor(faker.number.float() * Math.max(0, maxGap));

  for (const key of keys) {
    const time = times.get(key);
    if (!time || createdMs === undefined || key === created) continue;
    if (has(key, UPDATED_WORDS) && (time.ms < createdMs || (input.creates && input.topLevel))) {
      write(key, input.creates && input.topLevel ? createdMs : after(createdMs, nowMs - createdMs));
    } else if (has(key, DUE_WORDS) && time.ms < createdMs) {
      write(key, createdMs + faker.number.int({ min: 1, max: 30 }) * DAY);
    }
  }

  for (const key of keys) {
    const stem = CLOSED_STEMS.find((word) => (tokensOf.get(key) ?? []).includes(word));
    if (!stem || !(times.has(key) || out[key] === null)) continue;
    const closed = isClosed(out, keys, tokensOf, stem);
    if (closed === false) {
      const schema = input.schemas.get(key);
      if (schema && (schema.nullable === true || typeList(schema.type).includes('null'))) set(key, null);
    } else if (closed === true && createdMs !== undefined) {
      const time = times.get(key);
      if (time && (time.ms < createdMs || time.ms > nowMs)) write(key, after(createdMs, nowMs - createdMs));
    }
  }

  // An all-day `date` next to a `dateTime` (calendar events) is the same day.
  const dateTime = keys.find((key) => /^date_?time$/i.test(key) && typeof out[key] === 'string');
  if (dateTime && typeof out.date === 'string' && times.has(dateTime)) set('date', (out[dateTime] as string).slice(0, 10));

  // `dt_txt` spells out `dt` (OpenWeather): the text follows the time.
  for (const key of keys) {
    const tokens = tokensOf.get(key) ?? [];
    const last = tokens.at(-1);
    if ((last !== 'txt' && last !== 'text') || typeof out[key] !== 'string') continue;
    const base = tokens.slice(0, -1).join('_');
    const source = keys.find((other) => other !== key && (tokensOf.get(other) ?? []).join('_') === base && times.has(other));
    if (source) set(key, new Date(times.get(source)!.ms).toISOString().slice(0, 19).replace('T', ' '));
  }

  for (const key of keys) {
    const tokens = tokensOf.get(key) ?? [];
    const pairs: Array<[string, string]> = [['start', 'end'], ['begin', 'end'], ['min', 'max'], ['from', 'to'], ['oldest', 'latest']];
    for (const [low, high] of pairs) {
      if (!tokens.includes(low)) continue;
      const partner = keys.find((other) => other !== key && sameExcept(tokensOf.get(other) ?? [], tokens, low, high));
      const start = times.get(key);
      const end = partner === undefined ? undefined : times.get(partner);
      if (!partner || !start || !end) continue;
      const span = low === 'min' || low === 'oldest' ? faker.number.int({ min: 1, max: 14 }) * DAY : input.hints.durationMs ?? faker.number.int({ min: 2, max: 6 }) * 15 * MINUTE;
      if (!isPinned(partner, out, input)) write(partner, start.ms + span, key);
      else if (!isPinned(key, out, input) && end.ms <= start.ms) write(key, end.ms - span, partner);
      copyZone(out, key, partner, input);
    }
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
function isClosed(out: Record<string, unknown>, keys: string[], tokensOf: Map<string, string[]>, stem: string): boolean | undefined {
  for (const key of keys) {
    const tokens = tokensOf.get(key) ?? [];
    if (typeof out[key] === 'boolean' && tokens.includes(stem)) return out[key] as boolean;
  }
  for (const key of keys) {
    const tokens = tokensOf.get(key) ?? [];
    if (!(tokens.includes('state') || tokens.includes('status')) || tokens.length > 1) continue;
    const value = out[key];
    const text = typeof value === 'string' ? value : isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
    if (text !== undefined) return CLOSED_STATE.test(text);
  }
  return undefined;
}

/** Numeric `x_min`/`x_max` (and `low`/`high`) pairs in order, with a plain `x` between them. */
function harmonizeRanges(
  out: Record<string, unknown>,
  keys: string[],
  tokensOf: Map<string, string[]>,
  set: (key: string, value: unknown) => boolean,
): void {
  for (const key of keys) {
    const tokens = tokensOf.get(key) ?? [];
    const low = tokens.includes('min') ? 'min' : tokens.includes('low') ? 'low' : undefined;
    if (!low || typeof out[key] !== 'number') continue;
    const high = low === 'min' ? 'max' : 'high';
    const partner = keys.find((other) => other !== key && sameExcept(tokensOf.get(other) ?? [], tokens, low, high));
    if (!partner || typeof out[partner] !== 'number') continue;
    const baseTokens = tokens.filter((token) => token !== low).join('_');
    const base = keys.find((other) => (tokensOf.get(other) ?? []).join('_') === baseTokens && typeof out[other] === 'number');
    let lo = out[key] as number;
    let hi = out[partner] as number;
    if (lo > hi) [lo, hi] = [hi, lo];
    if (base !== undefined) {
      lo = Math.min(lo, out[base] as number);
      hi = Math.max(hi, out[base] as number);
    }
    const [oldLo, oldHi] = [out[key], out[partner]];
    if (!(set(key, lo) && set(partner, hi))) [out[key], out[partner]] = [oldLo, oldHi];
  }
}

/** A `total` next to a list counts at least the listed items. */
function harmonizeTotals(
  out: Record<string, unknown>,
  keys: string[],
  tokensOf: Map<string, string[]>,
  set: (key: string, value: unknown) => boolean,
  faker: Faker,
): void {
  const list = keys.find((key) => Array.isArray(out[key]));
  if (list === undefined) return;
  const length = (out[list] as unknown[]).length;
  for (const key of keys) {
    const tokens = tokensOf.get(key) ?? [];
    if (typeof out[key] !== 'number' || !tokens.some((token) => TOTAL_WORDS.includes(token))) continue;
    if ((out[key] as number) < length) set(key, length + faker.number.int({ min: 0, max: 20 }));
  }
}

/** `ABC-123` issue keys take their prefix from the project (argument, filter or nested `project.key`). */
function harmonizeKeys(out: Record<string, unknown>, set: (key: string, value: unknown) => boolean, hints: ArgHints): void {
  for (const key of ['key', 'identifier']) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    const match = /^[A-Z][A-Z0-9_]*-(\d+)$/.exec(value);
    if (!match) continue;
    const prefix = hints.projectKey ?? nestedProjectKey(out);
    if (prefix) set(key, `${prefix}-${match[1]}`);
  }
  // A file's extension agrees with its MIME type.
  const mimeKey = Object.keys(out).find((key) => key.toLowerCase().replace(/[^a-z]/g, '') === 'mimetype' && typeof out[key] === 'string');
  const fileKey = ['filename', 'file_name', 'fileName', 'name', 'title'].find((key) => typeof out[key] === 'string');
  if (mimeKey && fileKey) {
    const renamed = withExtension(out[fileKey] as string, out[mimeKey] as string);
    if (renamed !== undefined) set(fileKey, renamed);
  }
  // A file's name is the last segment of its path.
  if (typeof out.path === 'string' && typeof out.name === 'string' && /[/.]/.test(out.path)) {
    const base = out.path.split('/').filter(Boolean).at(-1);
    if (base) set('name', base);
  }
  if (typeof out.full_name === 'string' && typeof out.name === 'string' && isRecord(out.owner) && typeof out.owner.login === 'string') {
    set('full_name', `${out.owner.login}/${out.name}`);
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
function harmonizeUrls(out: Record<string, unknown>, keys: string[], set: (key: string, value: unknown) => boolean, input: HarmonizeInput): void {
  for (const key of keys) {
    const schema = input.schemas.get(key);
    if (!schema || typeof out[key] !== 'string') continue;
    const template = Array.isArray(schema.examples) ? schema.examples.find((example) => typeof example === 'string' && example.includes('{')) : undefined;
    let url: string | undefined;
    if (typeof template === 'string') url = fillTemplate(template, out, input);
    else if (input.hosts && URL_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''))) url = hostUrl(key, schema, out, input, input.hosts);
    if (url && /^https?:\/\/[^\s{}<>"]+$/.test(url)) set(key, url);
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

function fillTemplate(template: string, out: Record<string, unknown>, input: HarmonizeInput): string {
  return template.replace(/\{([A-Za-z0-9_.]+)\}/g, (_match, name: string) => {
    let value: unknown = out;
    for (const part of name.split('.')) value = isRecord(value) ? value[part] : undefined;
    if (value === undefined || value === null || typeof value === 'object') value = input.hints.byName.get(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
    if (typeof value !== 'string' && typeof value !== 'number') {
      value = /number|id$/i.test(name) ? input.faker.number.int({ min: 1, max: 9999 }) : input.faker.word.noun().toLowerCase();
    }
    return encodeURIComponent(String(value)).replace(/%2F/g, '/');
  });
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
