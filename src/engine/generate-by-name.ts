/**
 * Leaf-value hints for `generateFromSchema`: what a property's name, its context (the object it
 * sits in, its description, the tool), a `format` or a simple `pattern` suggests. Each helper
 * proposes a candidate or `undefined`; the caller checks the candidate against the schema's
 * constraints and moves on to the next hint when it does not fit, so these helpers may be loose.
 */
import type { Faker } from '@faker-js/faker';

/**
 * The JSON types a leaf schema can resolve to.
 *
 * @example
 * const type: LeafType = 'integer';
 */
export type LeafType = 'string' | 'number' | 'integer' | 'boolean';

/**
 * What a `name`-like property names, read from its context: a `name` inside `labels` is a label,
 * inside `assignee` a person.
 *
 * @example
 * const kind: NameKind = 'channel';
 */
export type NameKind =
  | 'person' | 'handle' | 'label' | 'channel' | 'repo' | 'project' | 'team' | 'company' | 'place'
  | 'file' | 'folder' | 'event' | 'status' | 'task' | 'deal';

/**
 * One person's name parts, so the name, email and login of one user object agree.
 *
 * @example
 * const who: Identity = { first: 'Jane', last: 'Doe', domain: 'acme.com' };
 */
export interface Identity {
  first: string;
  last: string;
  domain: string;
  /** An email fixed by an argument; the other parts were derived from it. */
  email?: string;
}

/**
 * Context for {@link valueByName}, all optional.
 *
 * @example
 * const hints: NameHints = { kind: 'label', identity: undefined };
 */
export interface NameHints {
  /** What the enclosing object is, from {@link nameKind}. */
  kind?: NameKind | undefined;
  /** The person the enclosing object describes. */
  identity?: Identity | undefined;
}

// Words of a context (property names, description words, tool slug words) and what they name.
const KIND_WORDS: Record<string, NameKind> = Object.fromEntries(
  (
    [
      ['person', 'user users author authors owner owners assignee assignees reporter creator contact contacts member members sender recipient recipients lead organizer attendee attendees collaborator collaborators follower followers people person participant participants committer requester full display real given family first last names profile'],
      ['handle', 'handle username login'],
      ['label', 'label labels tag tags topic topics category categories keyword keywords'],
      ['channel', 'channel channels conversation conversations'],
      ['repo', 'repo repos repository repositories'],
      ['project', 'project projects board boards milestone milestones epic epics'],
      ['team', 'team teams group groups department departments'],
      ['company', 'company companies organization organizations org orgs workspace workspaces guild guilds server servers account accounts business'],
      ['place', 'city cities location locations place places town venue'],
      ['file', 'file files attachment attachments document documents blob image'],
      ['folder', 'folder folders directory directories'],
      ['event', 'event events meeting meetings'],
      ['status', 'status statuses state states transition transitions stage'],
      ['task', 'task tasks issue issues ticket tickets todo subtask subtasks story stories pull'],
      ['deal', 'deal deals opportunity opportunities'],
    ] as Array<[NameKind, string]>
  ).flatMap(([kind, words]) => words.split(' ').map((word) => [word, kind])),
);

/** Context words that say nothing about what an object is (wrappers of results). */
const GENERIC_WORDS = new Set(['data', 'items', 'item', 'results', 'result', 'records', 'record', 'values', 'value', 'list', 'entries', 'hits', 'nodes', 'edges', 'response', 'object']);

const LABELS = ['bug', 'enhancement', 'documentation', 'question', 'good first issue', 'help wanted', 'duplicate', 'wontfix', 'frontend', 'backend', 'performance', 'security', 'ui', 'p1', 'needs-triage'];
const CHANNELS = ['general', 'random', 'engineering', 'design', 'marketing', 'sales', 'support', 'announcements', 'dev-ops', 'product', 'eng-backend', 'eng-frontend', 'incidents', 'release-notes', 'team-social'];
const REPO_SUFFIXES = ['api', 'web', 'app', 'docs', 'cli', 'sdk', 'infra', 'dashboard', 'service', 'site', 'tools', 'mobile'];
const PROJECT_SUFFIXES = ['Redesign', 'Migration', 'Launch', 'Platform', 'Roadmap', 'Revamp', 'Integration', 'Onboarding'];
const TEAMS = ['Engineering', 'Design', 'Marketing', 'Sales', 'Support', 'Platform', 'Mobile', 'Infrastructure', 'Growth', 'Data', 'Security', 'Product'];
const FOLDERS = ['Reports', 'Invoices', 'Design Assets', 'Meeting Notes', 'Contracts', 'Drafts', 'Archive', 'Presentations', 'Q3 Planning', 'Shared'];
const MEETINGS = ['Weekly sync', 'Design review', '1:1', 'Sprint planning', 'Retrospective', 'Product demo', 'Customer call', 'Standup', 'Quarterly review', 'Interview', 'Lunch and learn', 'Roadmap review'];
const STATUSES = ['To Do', 'In Progress', 'In Review', 'Done', 'Backlog', 'Blocked'];
const TASK_VERBS = ['Fix', 'Add', 'Update', 'Remove', 'Refactor', 'Improve', 'Investigate', 'Document', 'Support', 'Migrate', 'Test', 'Clean up'];
const TIME_ZONES = ['America/New_York', 'America/Los_Angeles', 'America/Chicago', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Singapore', 'Australia/Sydney', 'America/Sao_Paulo', 'UTC'];
const MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'acme.com', 'example.com', 'globex.io', 'initech.com', 'hooli.com'];

const tokenCache = new Map<string, string[]>();

/**
 * Lower-case words of a property name, from snake, kebab or camel case. Cached: the same names
 * come back on every generation.
 *
 * @example
 * nameTokens('htmlURL'); // ['html', 'url']
 * nameTokens('created_at'); // ['created', 'at']
 */
export function nameTokens(name: string): string[] {
  let tokens = tokenCache.get(name);
  if (!tokens) {
    tokens = name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (tokenCache.size < 5000) tokenCache.set(name, tokens);
  }
  return tokens;
}

/**
 * What the words of a context name, the first word that says something winning; `undefined`
 * when none does. Pass the most specific words first (the description, then the enclosing
 * property, then its parent, then the tool slug).
 *
 * @example
 * nameKind(['label', 'name']); // 'label'
 * nameKind(['data', 'name']); // undefined
 */
export function nameKind(words: readonly string[]): NameKind | undefined {
  for (const word of words) {
    const kind = KIND_WORDS[word];
    if (kind) return kind;
  }
  return undefined;
}

/**
 * Whether a context word is only a wrapper (`data`, `items`, `results`), so the tool slug is the
 * better hint of what the objects are.
 *
 * @example
 * isGenericWord('data'); // true
 */
export function isGenericWord(word: string | undefined): boolean {
  return word === undefined || GENERIC_WORDS.has(word);
}

/**
 * A person's name parts, from an email when one is known (`jane.doe@acme.com` gives Jane Doe).
 *
 * @example
 * makeIdentity(faker, 'jane@acme.com'); // { first: 'Jane', last: 'Kuhn', domain: 'acme.com', email: 'jane@acme.com' }
 */
export function makeIdentity(faker: Faker, email?: string): Identity {
  const first = faker.person.firstName();
  const last = lastName(faker);
  const domain = faker.helpers.arrayElement(MAIL_DOMAINS);
  if (!email) return { first, last, domain };
  const [local = '', host = domain] = email.split('@');
  const parts = local.split(/[._+-]+/).filter((part) => /^[a-z]{2,}$/i.test(part));
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return { first: parts[0] ? cap(parts[0]) : first, last: parts[1] ? cap(parts[1]) : last, domain: host, email };
}

function identityEmail(who: Identity): string {
  return who.email ?? `${who.first}.${who.last}@${who.domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
}

function identityHandle(who: Identity): string {
  return `${who.first}${who.last}`.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A value a property of this name and type would realistically hold, or `undefined` when the
 * name says nothing. Array items are asked under the array's name, so `tags` items are words and
 * `to` items are emails. `hints` adds the context: what the enclosing object is and whose it is.
 *
 * @example
 * valueByName('html_url', 'string', faker, now); // 'https://quick-slate.info/brave-otter'
 * valueByName('comment_count', 'integer', faker, now); // 17
 * valueByName('name', 'string', faker, now, { kind: 'label' }); // 'enhancement'
 * valueByName('zzz', 'string', faker, now); // undefined
 */
export function valueByName(name: string, type: LeafType, faker: Faker, now: Date, hints: NameHints = {}): unknown {
  const tokens = nameTokens(name);
  const full = tokens.join('_');
  const last = tokens.at(-1) ?? '';
  const isZone = hasAny(tokens, 'tz', 'zone', 'timezone');
  const isTime =
    !isZone &&
    (last === 'at' || last === 'on' || isAny(full, 'dt', 'ts', 'created', 'updated', 'modified', 'edited') ||
      hasAny(tokens, 'timestamp', 'date', 'time', 'datetime', 'start', 'end', 'deadline', 'due'));

  if (type === 'integer' || type === 'number') return numberByName(tokens, full, isZone, isTime, type, faker, now);
  if (type !== 'string') return undefined;

  const who = hints.identity;
  if (isAny(full, 'channel', 'channel_id', 'channels', 'channel_ids')) {
    return `C0${faker.string.alphanumeric({ length: 9, casing: 'upper' })}`;
  }
  if (isAny(full, 'ts', 'thread_ts', 'event_ts', 'message_ts')) return slackTs(faker, now);
  if (hasAny(tokens, 'uuid', 'guid')) return faker.string.uuid();
  if (last === 'id' || last === 'ids') return faker.string.alphanumeric(16);
  if (hasAny(tokens, 'email', 'emails') || isAny(full, 'from', 'to', 'cc', 'bcc', 'sender', 'recipient', 'recipients', 'reply_to')) {
    return who ? identityEmail(who) : faker.internet.email();
  }
  if (hasAny(tokens, 'token', 'cursor') || isAny(full, 'after', 'before', 'offset')) return faker.string.alphanumeric(24);
  if (hasAny(tokens, 'phone', 'mobile')) return faker.phone.number();
  if (hasAny(tokens, 'url', 'urls', 'uri', 'link', 'links', 'href', 'website', 'homepage', 'avatar')) return httpsUrl(faker);
  if (isZone) return faker.helpers.arrayElement(TIME_ZONES);
  if (isTime) return recent(faker, now).toISOString();
  if (hasAny(tokens, 'sha')) return faker.git.commitSha();
  if (isAny(full, 'first_name', 'given_name', 'firstname', 'givenname')) return who?.first ?? faker.person.firstName();
  if (isAny(full, 'last_name', 'family_name', 'surname', 'lastname', 'familyname')) return who?.last ?? lastName(faker);
  if (isAny(full, 'login', 'username', 'user_name', 'handle', 'screen_name', 'user', 'by') || (isAny(full, 'name') && hints.kind === 'handle')) {
    return who ? identityHandle(who) : faker.internet.username().toLowerCase().replace(/[^a-z0-9_-]/g, '');
  }
  if (isAny(full, 'full_name', 'display_name', 'real_name', 'fullname', 'displayname', 'realname', 'global_name', 'author', 'authors', 'owner', 'assignee') ||
    (isAny(full, 'name') && (hints.kind === 'person' || hints.kind === undefined || who !== undefined))) {
    return who ? `${who.first} ${who.last}` : faker.person.fullName();
  }
  if (isAny(full, 'name')) return thingName(hints.kind, faker);
  if (isAny(full, 'file_name', 'filename')) return faker.system.commonFileName();
  if (isAny(full, 'job_title', 'jobtitle')) return faker.person.jobTitle();
  if (isAny(full, 'company', 'company_name', 'organization', 'organisation')) return faker.company.name();
  if (hasAny(tokens, 'title', 'subject', 'headline', 'summary')) {
    if (hints.kind === 'event') return faker.helpers.arrayElement(MEETINGS);
    if (hints.kind === 'task') return taskTitle(faker);
    return faker.company.catchPhrase();
  }
  if (hasAny(tokens, 'body', 'text', 'content', 'markdown', 'html')) return paragraph(faker);
  if (hasAny(tokens, 'description', 'message', 'comment', 'note', 'notes', 'snippet', 'bio', 'reason', 'about', 'purpose', 'topic')) return faker.hacker.phrase();
  if (hasAny(tokens, 'status', 'state')) return faker.helpers.arrayElement(['open', 'active', 'pending', 'closed']);
  if (hasAny(tokens, 'city')) return faker.location.city();
  if (isAny(full, 'country_code')) return faker.location.countryCode();
  if (hasAny(tokens, 'country')) return faker.location.country();
  if (hasAny(tokens, 'address', 'street')) return faker.location.streetAddress();
  if (hasAny(tokens, 'zip', 'postal', 'postcode')) return faker.location.zipCode();
  if (hasAny(tokens, 'color', 'colour')) return faker.color.rgb();
  if (hasAny(tokens, 'hostname', 'host', 'domain')) return faker.internet.domainName();
  if (hasAny(tokens, 'ip')) return faker.internet.ipv4();
  if (hasAny(tokens, 'currency')) return faker.finance.currencyCode();
  if (hasAny(tokens, 'locale', 'language', 'lang')) return faker.helpers.arrayElement(['en-US', 'en-GB', 'fr', 'de', 'es', 'ja']);
  if (hasAny(tokens, 'tag', 'tags', 'label', 'labels', 'keyword', 'keywords', 'topic', 'topics', 'category', 'categories')) {
    return faker.helpers.arrayElement(LABELS);
  }
  // Any other `*_name` (repo_name, team_name, dealname) names a thing, not a person.
  if (last === 'name') return thingName(nameKind(tokens) ?? hints.kind, faker) ?? faker.helpers.slugify(faker.word.words(2));
  if (full.length > 4 && full.endsWith('name')) {
    const kind = nameKind([full.slice(0, -4)]);
    if (kind === 'person') return who ? `${who.first} ${who.last}` : faker.person.fullName();
    if (kind) return thingName(kind, faker);
  }
  return undefined;
}

function numberByName(
  tokens: string[],
  full: string,
  isZone: boolean,
  isTime: boolean,
  type: 'integer' | 'number',
  faker: Faker,
  now: Date,
): number | undefined {
  if (isZone || isAny(full, 'timezone_offset', 'utc_offset', 'offset')) return faker.number.int({ min: -10, max: 12 }) * 3600;
  if (isTime) return Math.floor(recent(faker, now).getTime() / 1000);
  if (hasAny(tokens, 'lat', 'latitude')) return decimal(-60, 70, type, faker);
  if (hasAny(tokens, 'lon', 'lng', 'longitude')) return decimal(-180, 180, type, faker);
  if (isAny(full, 'number', 'issue_number', 'pull_number', 'pr_number')) return faker.number.int({ min: 1, max: 2500 });
  if (hasAny(tokens, 'id', 'ids', 'gid')) return faker.number.int({ min: 1, max: 9_999_999 });
  if (hasAny(tokens, 'humidity', 'percent', 'percentage', 'clouds', 'progress')) return decimal(0, 100, type, faker);
  if (hasAny(tokens, 'temp', 'temperature', 'feels')) return decimal(-5, 32, type, faker);
  if (hasAny(tokens, 'pressure')) return faker.number.int({ min: 980, max: 1040 });
  if (hasAny(tokens, 'deg', 'degrees', 'bearing', 'heading')) return faker.number.int({ min: 0, max: 359 });
  if (hasAny(tokens, 'speed', 'gust')) return decimal(0, 15, type, faker);
  if (hasAny(tokens, 'rating', 'stars') && !hasAny(tokens, 'count')) return decimal(1, 5, type, faker);
  if (hasAny(tokens, 'year')) return faker.number.int({ min: now.getUTCFullYear() - 15, max: now.getUTCFullYear() });
  if (hasAny(tokens, 'count', 'total', 'size', 'length', 'quantity', 'page', 'pages', 'limit', 'position', 'index')) {
    return faker.number.int({ min: 0, max: 100 });
  }
  if (hasAny(tokens, 'price', 'amount', 'balance', 'cost')) return faker.number.int({ min: 1, max: 1000 });
  return undefined;
}

function decimal(min: number, max: number, type: 'integer' | 'number', faker: Faker): number {
  return type === 'integer' ? faker.number.int({ min: Math.ceil(min), max: Math.floor(max) }) : Math.round(faker.number.float({ min, max }) * 100) / 100;
}

// Helpers rather than closures: valueByName runs for every generated leaf.
function hasAny(tokens: string[], ...words: string[]): boolean {
  for (const word of words) if (tokens.includes(word)) return true;
  return false;
}

function isAny(full: string, ...names: string[]): boolean {
  return names.includes(full);
}

function thingName(kind: NameKind | undefined, faker: Faker): string | undefined {
  switch (kind) {
    case 'label':
      return faker.helpers.arrayElement(LABELS);
    case 'channel':
      return faker.helpers.arrayElement(CHANNELS);
    case 'repo':
      return `${faker.word.noun().toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${faker.helpers.arrayElement(REPO_SUFFIXES)}`;
    case 'project':
      return `${capitalize(faker.word.noun())} ${faker.helpers.arrayElement(PROJECT_SUFFIXES)}`;
    case 'team':
      return faker.helpers.arrayElement(TEAMS);
    case 'company':
      return faker.company.name();
    case 'place':
      return faker.location.city();
    case 'file':
      return faker.system.commonFileName();
    case 'folder':
      return faker.helpers.arrayElement(FOLDERS);
    case 'event':
      return faker.helpers.arrayElement(MEETINGS);
    case 'status':
      return faker.helpers.arrayElement(STATUSES);
    case 'task':
      return taskTitle(faker);
    case 'deal':
      return `${faker.company.name()} - ${faker.helpers.arrayElement(['Annual renewal', 'Expansion', 'New business', 'Pilot'])}`;
    default:
      return undefined;
  }
}

function taskTitle(faker: Faker): string {
  return `${faker.helpers.arrayElement(TASK_VERBS)} ${faker.hacker.adjective()} ${faker.hacker.noun()}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A string in a JSON Schema `format`, or `undefined` for formats this mock does not produce
 * (then the name and the plain fallbacks apply). Times lie within the 30 days before `now`.
 *
 * @example
 * valueByFormat('date-time', faker, new Date('2026-01-01T00:00:00Z')); // '2025-12-17T08:21:44.120Z'
 * valueByFormat('email', faker, now); // 'Ava.Lind@hotmail.com'
 */
export function valueByFormat(format: string, faker: Faker, now: Date, identity?: Identity): string | undefined {
  switch (format) {
    case 'date-time':
      return recent(faker, now).toISOString();
    case 'date':
      return recent(faker, now).toISOString().slice(0, 10);
    case 'time':
      return `${recent(faker, now).toISOString().slice(11, 19)}Z`;
    case 'email':
    case 'idn-email':
      return identity ? identityEmail(identity) : faker.internet.email();
    case 'uri':
    case 'url':
    case 'iri':
    case 'uri-reference':
    case 'iri-reference':
      return httpsUrl(faker);
    case 'uuid':
      return faker.string.uuid();
    case 'hostname':
    case 'idn-hostname':
      return faker.internet.domainName();
    case 'ipv4':
      return faker.internet.ipv4();
    case 'ipv6':
      return faker.internet.ipv6();
    case 'byte':
      return btoa(faker.word.noun());
    case 'duration':
      return `PT${faker.number.int({ min: 1, max: 90 })}M`;
    default:
      return undefined;
  }
}

/**
 * A string for a *simple* regular expression: a sequence of literals, escapes (`\d`, `\w`,
 * `\.`), `.` and bracket classes without negation, each with an optional `?`, `*`, `+`, `{n}`,
 * `{m,}` or `{m,n}`, optionally anchored. Anything else (groups, alternation, lookarounds,
 * `\s`, `\p{…}`) gives `undefined`: satisfying arbitrary regexes is out of scope.
 *
 * @example
 * fromSimplePattern('^C[A-Z0-9]{8}$', faker); // 'C4QX0B1ZK'
 * fromSimplePattern('^(a|b)+$', faker); // undefined
 */
export function fromSimplePattern(pattern: string, faker: Faker): string | undefined {
  const source = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  let out = '';
  let i = 0;
  while (i < source.length) {
    const atom = readAtom(source, i);
    if (!atom) return undefined;
    const quantifier = /^(?:\?|\*|\+|\{(\d+)(,(\d*))?\})/.exec(source.slice(atom.end));
    let [min, max] = [1, 1];
    if (quantifier) {
      const [text, lo, comma, hi] = quantifier;
      if (text === '?') [min, max] = [0, 1];
      else if (text === '*') [min, max] = [0, 3];
      else if (text === '+') [min, max] = [1, 4];
      else [min, max] = [Number(lo), comma === undefined ? Number(lo) : hi ? Number(hi) : Number(lo) + 3];
    }
    // Quantifiers are capped so a hostile `{1000000}` cannot allocate megabytes.
    const count = Math.min(faker.number.int({ min: Math.min(min, max), max }), 256);
    for (let n = 0; n < count; n++) out += faker.helpers.arrayElement(atom.chars);
    i = atom.end + (quantifier?.[0].length ?? 0);
  }
  return out;
}

const DIGITS = '0123456789';
const WORD = `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}_`;
const ESCAPES: Record<string, string> = { d: DIGITS, w: WORD };

function readAtom(source: string, at: number): { chars: string[]; end: number } | undefined {
  const char = source[at] ?? '';
  if (char === '\\') {
    const next = source[at + 1] ?? '';
    if (ESCAPES[next]) return { chars: [...ESCAPES[next]], end: at + 2 };
    return /[^A-Za-z0-9]/.test(next) ? { chars: [next], end: at + 2 } : undefined;
  }
  if (char === '.') return { chars: [...WORD], end: at + 1 };
  if (char === '[') {
    const close = source.indexOf(']', at + 1);
    const body = source.slice(at + 1, close);
    if (close < 0 || body === '' || body.startsWith('^') || body.includes('\\') || body.includes('[')) return undefined;
    const chars: string[] = [];
    for (let k = 0; k < body.length; k++) {
      const from = body.charCodeAt(k);
      if (body[k + 1] === '-' && k + 2 < body.length) {
        if (body.charCodeAt(k + 2) - from > 1000) return undefined;
        for (let code = from; code <= body.charCodeAt(k + 2); code++) chars.push(String.fromCharCode(code));
        k += 2;
      } else chars.push(body[k] ?? '');
    }
    return chars.length > 0 ? { chars, end: close + 1 } : undefined;
  }
  return /[()|?*+{}^$\]]/.test(char) || char === '' ? undefined : { chars: [char], end: at + 1 };
}

function recent(faker: Faker, now: Date): Date {
  return faker.date.recent({ days: 30, refDate: now });
}

/** Slack's message timestamp: Unix seconds, a dot, six digits. */
function slackTs(faker: Faker, now: Date): string {
  return `${Math.floor(recent(faker, now).getTime() / 1000)}.${faker.string.numeric(6)}`;
}

function httpsUrl(faker: Faker): string {
  return `https://${faker.internet.domainName()}/${faker.helpers.slugify(faker.word.words(2)).toLowerCase()}`;
}

/**
 * `faker.person.lastName()` as its English pattern defines it (one in twenty double-barrelled),
 * without faker's template parser, which costs more than the rest of a person.
 */
function lastName(faker: Faker): string {
  const names = (faker.definitions.person.last_name as unknown as { generic: string[] }).generic;
  const one = faker.helpers.arrayElement(names);
  return faker.number.float() < 0.05 ? `${one}-${faker.helpers.arrayElement(names)}` : one;
}

function paragraph(faker: Faker): string {
  const count = faker.number.int({ min: 2, max: 3 });
  return Array.from({ length: count }, () => hackerPhrase(faker)).join(' ');
}

/** faker's hacker phrase templates, split once into literal text and the word list of each `{{hacker.x}}`. */
const phraseTemplates = new WeakMap<object, Array<{ literals: string[]; lists: string[][] }>>();

/**
 * `faker.hacker.phrase()` without re-parsing its template on every call (faker's `fake` costs
 * more than the rest of a generated object): same templates, same word lists.
 */
function hackerPhrase(faker: Faker): string {
  const hacker = faker.definitions.hacker as unknown as Record<string, string[]>;
  let templates = phraseTemplates.get(hacker);
  if (!templates) {
    templates = hacker.phrase!.map((template) => {
      const parts = template.split(/\{\{hacker\.([a-z]+)\}\}/);
      return { literals: parts.filter((_, i) => i % 2 === 0), lists: parts.filter((_, i) => i % 2 === 1).map((name) => hacker[name] ?? [name]) };
    });
    phraseTemplates.set(hacker, templates);
  }
  const { literals, lists } = faker.helpers.arrayElement(templates);
  let text = literals[0]!;
  for (let i = 0; i < lists.length; i++) text += faker.helpers.arrayElement(lists[i]!) + literals[i + 1]!;
  return text;
}
