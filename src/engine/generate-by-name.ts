/**
 * Leaf-value hints for `generateFromSchema`: what a property's name, a `format` or a simple
 * `pattern` suggests. Each helper proposes a candidate or `undefined`; the caller checks the
 * candidate against the schema's constraints and moves on to the next hint when it does not fit,
 * so these helpers may be loose.
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
 * Lower-case words of a property name, from snake, kebab or camel case.
 *
 * @example
 * nameTokens('htmlURL'); // ['html', 'url']
 * nameTokens('created_at'); // ['created', 'at']
 */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A value a property of this name and type would realistically hold, or `undefined` when the
 * name says nothing. Array items are asked under the array's name, so `tags` items are words and
 * `to` items are emails.
 *
 * @example
 * valueByName('html_url', 'string', faker, now); // 'https://quick-slate.info/brave-otter'
 * valueByName('comment_count', 'integer', faker, now); // 17
 * valueByName('zzz', 'string', faker, now); // undefined
 */
export function valueByName(name: string, type: LeafType, faker: Faker, now: Date): unknown {
  const tokens = nameTokens(name);
  const full = tokens.join('_');
  const last = tokens.at(-1) ?? '';
  const has = (...words: string[]) => words.some((word) => tokens.includes(word));
  const is = (...names: string[]) => names.includes(full);
  const isTime = last === 'at' || has('timestamp', 'date', 'time', 'datetime') || has('start', 'end', 'deadline', 'due');

  if (type === 'integer' || type === 'number') {
    if (isTime) return Math.floor(recent(faker, now).getTime() / 1000);
    if (has('id', 'ids')) return faker.number.int({ min: 1, max: 9_999_999 });
    if (has('count', 'total', 'number', 'size', 'length', 'quantity', 'page', 'pages', 'limit', 'position', 'index')) {
      return faker.number.int({ min: 0, max: 100 });
    }
    if (has('price', 'amount', 'balance', 'cost')) return faker.number.int({ min: 1, max: 1000 });
    return undefined;
  }
  if (type !== 'string') return undefined;

  if (is('channel', 'channel_id', 'channels', 'channel_ids')) {
    return `C0${faker.string.alphanumeric({ length: 9, casing: 'upper' })}`;
  }
  if (has('uuid', 'guid')) return faker.string.uuid();
  if (last === 'id' || last === 'ids') return faker.string.alphanumeric(16);
  if (has('email', 'emails') || is('from', 'to', 'cc', 'bcc', 'sender', 'recipient', 'recipients', 'reply_to')) {
    return faker.internet.email();
  }
  if (has('phone', 'mobile')) return faker.phone.number();
  if (has('url', 'urls', 'uri', 'link', 'links', 'href', 'website', 'homepage', 'avatar')) return httpsUrl(faker);
  if (isTime) return recent(faker, now).toISOString();
  if (has('sha')) return faker.git.commitSha();
  if (is('first_name', 'given_name')) return faker.person.firstName();
  if (is('last_name', 'family_name', 'surname')) return faker.person.lastName();
  if (is('login', 'username', 'user_name', 'handle', 'screen_name', 'user')) return faker.internet.username();
  if (is('name', 'full_name', 'display_name', 'real_name', 'author', 'owner', 'assignee')) return faker.person.fullName();
  if (is('file_name', 'filename')) return faker.system.fileName();
  if (has('title', 'subject', 'headline', 'summary')) return faker.company.catchPhrase();
  if (has('body', 'text', 'content', 'markdown', 'html')) return paragraph(faker);
  if (has('description', 'message', 'comment', 'note', 'snippet', 'bio', 'reason')) return faker.hacker.phrase();
  if (has('status', 'state')) return faker.helpers.arrayElement(['open', 'active', 'pending', 'closed']);
  if (has('city')) return faker.location.city();
  if (is('country_code')) return faker.location.countryCode();
  if (has('country')) return faker.location.country();
  if (has('address', 'street')) return faker.location.streetAddress();
  if (has('zip', 'postal', 'postcode')) return faker.location.zipCode();
  if (has('color', 'colour')) return faker.color.rgb();
  if (has('hostname', 'host', 'domain')) return faker.internet.domainName();
  if (has('ip')) return faker.internet.ipv4();
  if (has('currency')) return faker.finance.currencyCode();
  if (has('tag', 'tags', 'label', 'labels', 'keyword', 'keywords', 'topic', 'topics', 'category', 'categories')) {
    return faker.word.noun();
  }
  // Any other `*_name` (repo_name, team_name) names a thing, not a person.
  if (last === 'name') return faker.helpers.slugify(faker.word.words(2));
  return undefined;
}

/**
 * A string in a JSON Schema `format`, or `undefined` for formats this mock does not produce
 * (then the name and the plain fallbacks apply). Times lie within the 30 days before `now`.
 *
 * @example
 * valueByFormat('date-time', faker, new Date('2026-01-01T00:00:00Z')); // '2025-12-17T08:21:44.120Z'
 * valueByFormat('email', faker, now); // 'Ava.Lind@hotmail.com'
 */
export function valueByFormat(format: string, faker: Faker, now: Date): string | undefined {
  switch (format) {
    case 'date-time':
      return recent(faker, now).toISOString();
    case 'date':
      return recent(faker, now).toISOString().slice(0, 10);
    case 'time':
      return `${recent(faker, now).toISOString().slice(11, 19)}Z`;
    case 'email':
    case 'idn-email':
      return faker.internet.email();
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

function httpsUrl(faker: Faker): string {
  return `https://${faker.internet.domainName()}/${faker.helpers.slugify(faker.word.words(2)).toLowerCase()}`;
}

function paragraph(faker: Faker): string {
  const count = faker.number.int({ min: 2, max: 3 });
  return Array.from({ length: count }, () => faker.hacker.phrase()).join(' ');
}
