/**
 * What a tool's arguments tell the output generator beyond plain echo: how many items a list
 * should hold, which values filter the listed items, who a search is about, which place, which
 * project, how long an event lasts. Read once per generation.
 */

/**
 * The argument facts {@link analyzeArgs} extracts.
 *
 * @example
 * const hints: ArgHints = analyzeArgs({ per_page: 1, state: 'closed' });
 * hints.listSize; // 1
 */
export interface ArgHints {
  /** Arguments by normalized name (`maxResults` and `max_results` are both `maxresults`). */
  byName: ReadonlyMap<string, unknown>;
  /** Upper bound for the length of the output's main array (a list-size argument). */
  listSize?: number;
  /** Values that filter listed items, by normalized name: scalar arguments and `key:value` / `key = value` terms of search arguments. */
  filters: ReadonlyMap<string, unknown>;
  /** An email a search is about (`from:boss@acme.com`, or a bare email in a query). */
  sender?: string;
  /** A place from a `location` / `city` argument: `Paris,FR` gives Paris and FR. */
  place?: { name: string; country?: string };
  /** An upper-case project key (`PROJ`) from a project argument or a search term. */
  projectKey?: string;
  /** An event length from duration arguments (`event_duration_hour`, `duration_minutes`). */
  durationMs?: number;
  /** An IANA time zone argument. */
  timeZone?: string;
}

/** Names of arguments that bound how many items a list returns (normalized). */
const LIST_SIZE_NAMES = new Set([
  'perpage', 'limit', 'maxresults', 'count', 'pagesize', 'top', 'n', 'num', 'numresults', 'size', 'first', 'cnt',
  'maxcount', 'resultsperpage', 'maxitems', 'max', 'days', 'hours', 'pagelimit', 'results',
]);
/** Arguments that hold a search expression whose terms may filter the results. */
const QUERY_NAMES = new Set(['query', 'q', 'jql', 'search', 'searchquery', 'filter', 'soql', 'querystring']);
const PLACE_NAMES = new Set(['location', 'city', 'place', 'cityname']);
const PROJECT_NAMES = new Set(['project', 'projectkey', 'projectid', 'teamkey']);
const ZONE_NAMES = new Set(['timezone', 'timezoneid', 'tz', 'timezonename']);
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/**
 * `maxResults`, `max_results` and `max-results` all become `maxresults`: argument and property
 * names are compared this way.
 *
 * @example
 * normalizeName('start_dateTime'); // 'startdatetime'
 */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Reads the arguments once. Explicit arguments win over terms parsed from a search expression.
 *
 * @example
 * const hints = analyzeArgs({ query: 'from:boss@acme.com is:unread', max_results: 2 });
 * hints.sender; // 'boss@acme.com'
 * hints.listSize; // 2
 * hints.filters.get('is'); // 'unread'
 */
export function analyzeArgs(args: Record<string, unknown>): ArgHints {
  const byName = new Map<string, unknown>();
  const filters = new Map<string, unknown>();
  const queryTerms = new Map<string, string>();
  const hints: ArgHints = { byName, filters };
  let bareEmail: string | undefined;
  let hours = 0;
  let minutes = 0;
  for (const [key, value] of Object.entries(args)) {
    const name = normalizeName(key);
    if (!byName.has(name)) byName.set(name, value);
    if (LIST_SIZE_NAMES.has(name) && typeof value === 'number' && Number.isInteger(value) && value > 0) {
      hints.listSize = Math.min(hints.listSize ?? Infinity, value);
      continue;
    }
    if (typeof value === 'string' && QUERY_NAMES.has(name)) {
      for (const [term, termValue] of parseSearchTerms(value)) if (!queryTerms.has(term)) queryTerms.set(term, termValue);
      bareEmail ??= EMAIL.exec(value)?.[0];
    }
    if (typeof value === 'string' && PLACE_NAMES.has(name) && value.trim() !== '') {
      const [place = '', country] = value.split(',').map((part) => part.trim());
      hints.place = { name: place, ...(country && /^[A-Za-z]{2}$/.test(country) ? { country: country.toUpperCase() } : {}) };
    }
    if (typeof value === 'string' && PROJECT_NAMES.has(name) && /^[A-Z][A-Z0-9_]{0,9}$/.test(value)) hints.projectKey = value;
    if (typeof value === 'string' && ZONE_NAMES.has(name) && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) hints.timeZone = value;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && name.includes('duration')) {
      if (name.includes('hour')) hours = value;
      else if (name.includes('min')) minutes = value;
    }
    if (value !== null && typeof value !== 'object') filters.set(name, value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) filters.set(name, value);
  }
  for (const [term, value] of queryTerms) {
    if (!filters.has(term)) filters.set(term, value);
  }
  const from = queryTerms.get('from');
  hints.sender = from && EMAIL.test(from) ? from : queryTerms.has('to') ? undefined : bareEmail;
  const project = queryTerms.get('project');
  if (!hints.projectKey && project && /^[A-Z][A-Z0-9_]{0,9}$/.test(project)) hints.projectKey = project;
  if (hours > 0 || minutes > 0) hints.durationMs = (hours * 60 + minutes) * 60_000;
  return hints;
}

/**
 * `key:value` (Gmail, GitHub, Slack search) and `key = value` / `key ~ "value"` (JQL, SOQL)
 * terms of a search expression, keys normalized, quotes removed.
 *
 * @example
 * parseSearchTerms('project = PROJ AND status = "In Progress"'); // [['project', 'PROJ'], ['status', 'In Progress']]
 */
export function parseSearchTerms(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const pattern = /([A-Za-z_][\w.]*)\s*(?::|==?|~)\s*("[^"]*"|'[^']*'|[^\s()]+)/g;
  for (const match of text.slice(0, 2000).matchAll(pattern)) {
    const [, key = '', raw = ''] = match;
    out.push([normalizeName(key), raw.replace(/^["']|["']$/g, '')]);
  }
  return out;
}
