/**
 * Tool search: BM25F over each tool's slug, name, description, topical tags and toolkit, with
 * light stemming, stop words, a small synonym map for common task words, a toolkit feature (a
 * query naming a toolkit boosts its tools) and a mild preference for tools whose slug verb
 * matches the query's verb. Built once at start; a search over ~150 tools takes well under 1 ms.
 *
 * Only general mechanisms live here: nothing maps a particular query to a particular tool.
 */

/** What the index reads of a tool. */
export interface SearchableTool {
  slug: string;
  name: string;
  description: string;
  tags: readonly string[];
  toolkit: { slug: string; name: string; description?: string };
}

/** Options of one search. */
export interface SearchOptions {
  /** Maximum hits (default 10). */
  limit?: number;
  /** Only tools for which this returns true (the session's allow rules). */
  allow?: (slug: string) => boolean;
  /** Only tools of these toolkits (case-insensitive slugs). */
  toolkits?: readonly string[];
}

/** One ranked tool. */
export interface SearchHit {
  slug: string;
  score: number;
}

/** A built index. */
export interface SearchIndex {
  /** Ranked tools for a natural-language query, best first; ties broken by slug. Empty for a query with no known words. */
  search(query: string, options?: SearchOptions): SearchHit[];
}

/** BM25 parameters. */
const K1 = 1.2;
const B = 0.75;

/** Field weights (BM25F): the words naming a tool count more than the prose describing it. */
const FIELD_WEIGHTS = {
  slug: 3,
  name: 2.5,
  tags: 1.5,
  description: 1,
  toolkit: 1.5,
  toolkitDescription: 0.25,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/** Weight of a word reached through a synonym rather than typed. */
const SYNONYM_WEIGHT = 0.5;
/** Score multiplier for the tools of a toolkit the query names. */
const TOOLKIT_BOOST = 1.6;
/** Score multipliers for verb agreement between query and slug. */
const VERB_MATCH = 1.2;
const VERB_CONFLICT = 0.85;

/** MCP hint tags describe behaviour, not topic: not searched. */
const HINT_TAGS = new Set(['readonlyhint', 'destructivehint', 'idempotenthint', 'openworldhint']);

const STOP_WORDS = new Set(
  (
    'a an the to for of in on at by with from and or is are was were be been being am my me i im our ours we us you your ' +
    'it its this that these those what whats which who whom whose do does did have has had can could will would should ' +
    'shall may might must please some any all about into onto up out so there their them they him her his she he as if ' +
    'then than want wanna need like just also via using use per let lets how when where why whether there here one via ' +
    'tool tools api app thing things something someone anything everything hey hi kindly quickly'
  ).split(/\s+/),
);

/**
 * Synonym groups for common task words, each a list of phrases (one or more words). A phrase
 * found in the query adds the other phrases' words at {@link SYNONYM_WEIGHT}.
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['email', 'mail', 'inbox', 'gmail message'],
  ['message', 'msg', 'chat', 'text', 'say', 'said', 'conversation', 'discussion', 'talk'],
  ['dm', 'direct message', 'private message'],
  ['calendar', 'event', 'meeting', 'schedule', 'appointment', 'agenda'],
  ['tomorrow', 'today', 'upcoming', 'next week', 'this week', 'event'],
  ['availability', 'free', 'busy', 'available', 'slot'],
  ['issue', 'ticket', 'bug', 'defect', 'incident', 'crash', 'error', 'broken'],
  ['task', 'todo', 'to do', 'action item', 'remind', 'reminder', 'follow up'],
  ['doc', 'document', 'page', 'note', 'wiki'],
  ['repo', 'repository', 'project', 'codebase'],
  ['pr', 'pull request', 'merge request'],
  ['folder', 'directory'],
  ['file', 'attachment', 'pdf', 'spreadsheet'],
  ['comment', 'reply', 'respond', 'answer'],
  ['contact', 'person', 'people', 'lead', 'customer'],
  ['deal', 'opportunity', 'sale', 'pipeline'],
  ['company', 'account', 'organization', 'org'],
  ['user', 'member', 'teammate', 'colleague', 'profile'],
  ['channel', 'group'],
  ['server', 'guild'],
  ['react', 'reaction', 'emoji'],
  ['weather', 'forecast', 'temperature', 'rain'],
  ['news', 'headline', 'article', 'story'],
  ['paper', 'research', 'scholar', 'academic'],
  ['stock', 'share price', 'ticker', 'market', 'finance', 'trading', 'trade', 'quote', 'price'],
  ['image', 'photo', 'picture'],
  ['web', 'internet', 'online'],
  ['create', 'make', 'add', 'new', 'open', 'file', 'start', 'book', 'set up', 'log', 'append', 'insert', 'write'],
  ['send', 'post', 'notify', 'tell', 'announce', 'shoot'],
  ['list', 'show', 'browse', 'view', 'see', 'display'],
  ['get', 'fetch', 'read', 'retrieve', 'check', 'look at', 'open'],
  ['find', 'search', 'look up', 'lookup', 'query', 'look for'],
  ['update', 'edit', 'change', 'modify', 'rename', 'reschedule', 'move', 'mark', 'set', 'fix', 'correct'],
  ['delete', 'remove', 'trash', 'erase', 'cancel', 'archive', 'discard'],
  ['invite', 'add people', 'uninvite'],
  ['share', 'give access', 'access', 'permission'],
  ['upload', 'save', 'store', 'back up'],
  ['download', 'export'],
  ['assign', 'hand', 'give'],
  ['close', 'resolve', 'done', 'complete', 'finish', 'transition', 'status'],
  ['star', 'bookmark'],
  ['hiring', 'job', 'career'],
  ['who am i', 'whoami', 'authenticated user', 'my profile', 'my account', 'logged in'],
];

/** Verb classes for the slug-verb preference (stems after analysis). */
const VERB_CLASSES: Record<string, readonly string[]> = {
  create: ['create', 'make', 'add', 'new', 'open', 'insert', 'start', 'book', 'quick', 'draft', 'file', 'log', 'append', 'write'],
  send: ['send', 'post', 'reply', 'comment', 'notify', 'tell', 'announce', 'schedule', 'share'],
  read: ['get', 'fetch', 'read', 'retrieve', 'list', 'show', 'view', 'see', 'browse', 'find', 'search', 'lookup', 'query', 'check', 'download', 'run'],
  update: ['update', 'edit', 'change', 'modify', 'rename', 'reschedule', 'move', 'mark', 'set', 'transition', 'assign', 'merge', 'close', 'fix', 'correct'],
  delete: ['delete', 'remove', 'trash', 'erase', 'cancel', 'archive', 'discard', 'uninvite'],
};

/**
 * Light stemmer: lower-case word in, stem out. Strips plural `s`/`es`/`ies`, `ing`, `ed` and a
 * final `e`, and undoubles a final consonant left by `ing`/`ed` (`getting` -> `get`), so that
 * `create`, `creates`, `created`, `creating` share a stem.
 *
 * @example
 * stem('meetings'); // 'meet'
 * stem('created') === stem('create'); // true
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) {
    // class, status, analysis: not plurals
  } else if (/(sses|shes|ches|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith('ing') && /[aeiouy]/.test(w.slice(0, -3)) && w.length - 3 >= 3) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && /[aeiouy]/.test(w.slice(0, -2)) && w.length - 2 >= 3) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Raw lower-case words of a text, splitting snake_case and punctuation (not camelCase: GitHub stays one word); email addresses and urls become words. */
function words(text: string): string[] {
  return text
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, ' email address ')
    .replace(/https?:\/\/\S+/g, ' url link ')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

/**
 * Analyze text into stems: split, lower-case, drop stop words, stem.
 *
 * @example
 * analyze('Creating new GitHub issues'); // ['creat', 'new', 'github', 'issu']
 */
export function analyze(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

interface Synonyms {
  /** Each phrase as stems (stop words kept, so `who am i` can match), with the searchable stems of every other phrase of its group. */
  phrases: { stems: string[]; expansions: Set<string> }[];
}

function buildSynonyms(): Synonyms {
  const phrases: Synonyms['phrases'] = [];
  for (const group of SYNONYM_GROUPS) {
    const analyzed = group.map((phrase) => words(phrase).map(stem));
    const searchable = group.map((phrase) => analyze(phrase));
    analyzed.forEach((stems, i) => {
      const expansions = new Set<string>();
      searchable.forEach((other, j) => {
        if (j !== i) for (const s of other) expansions.add(s);
      });
      for (const s of stems) expansions.delete(s);
      phrases.push({ stems, expansions });
    });
  }
  return { phrases };
}

const SYNONYMS = buildSynonyms();

const VERB_OF_STEM = (() => {
  const map = new Map<string, Set<string>>();
  for (const [verb, list] of Object.entries(VERB_CLASSES)) {
    for (const w of list) {
      const s = stem(w);
      if (!map.has(s)) map.set(s, new Set());
      map.get(s)!.add(verb);
    }
  }
  return map;
})();

/** A query opening with one of these asks for information: its intent is to read. */
const QUESTION_WORDS = new Set(['what', 'whats', 'which', 'who', 'when', 'where', 'how', 'is', 'are', 'do', 'does', 'did', 'any', 'will', 'was', 'were']);

/**
 * Query verbs whose tools also fit a slug verb of another class: posting a message creates it
 * (`DISCORD_CREATE_MESSAGE` answers "post ..."). One-directional: "draft ..." is not "send ...".
 */
const COMPATIBLE_VERBS: Record<string, readonly string[]> = { send: ['create'] };

/** Verb classes of a tool slug's words. */
function verbsOf(stems: readonly string[]): Set<string> {
  const verbs = new Set<string>();
  for (const s of stems) for (const v of VERB_OF_STEM.get(s) ?? []) verbs.add(v);
  return verbs;
}

/** Two-word verbs whose meaning differs from their first word's (`set up` is not `set`). */
const PHRASAL_VERBS: Record<string, string> = {
  'set up': 'create', 'look up': 'read', 'look for': 'read', 'look at': 'read', 'find out': 'read',
  'sign up': 'create', 'get rid': 'delete', 'clean up': 'delete', 'follow up': 'create',
};

/** The query's intent: `read` for a question, else the classes of its first verb word; empty when it has none. */
function queryIntent(raw: readonly string[]): Set<string> {
  if (raw.length > 0 && QUESTION_WORDS.has(raw[0]!)) return new Set(['read']);
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const phrasal = i + 1 < raw.length ? PHRASAL_VERBS[`${w} ${raw[i + 1]}`] : undefined;
    const verbs = phrasal ? new Set([phrasal]) : STOP_WORDS.has(w) ? undefined : VERB_OF_STEM.get(stem(w));
    if (verbs) {
      const intent = new Set(verbs);
      for (const v of verbs) for (const c of COMPATIBLE_VERBS[v] ?? []) intent.add(c);
      return intent;
    }
  }
  return new Set();
}

/** Query stems with weights: typed words 1, synonym words {@link SYNONYM_WEIGHT}. Phrases match on all words, stop words included. */
function expandQuery(stems: readonly string[], allStems: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const s of stems) weights.set(s, 1);
  for (const phrase of SYNONYMS.phrases) {
    const n = phrase.stems.length;
    if (n === 0) continue;
    for (let i = 0; i + n <= allStems.length; i++) {
      let match = true;
      for (let k = 0; k < n && match; k++) if (allStems[i + k] !== phrase.stems[k]) match = false;
      if (!match) continue;
      for (const e of phrase.expansions) if (!weights.has(e)) weights.set(e, SYNONYM_WEIGHT);
      break;
    }
  }
  return weights;
}

interface Doc {
  slug: string;
  toolkit: string;
  /** Verb classes of the slug's words. */
  verbs: Set<string>;
}

/**
 * Build the index over a tool list (the catalog's, or any subset).
 *
 * @example
 * const index = createSearchIndex(catalog.tools.map((t) => ({ ...t, toolkit: catalog.getToolkit(t.toolkit)! })));
 * index.search('open a bug in our repo', { limit: 5 }); // [{ slug: 'GITHUB_CREATE_AN_ISSUE', score: … }, …]
 */
export function createSearchIndex(tools: readonly SearchableTool[]): SearchIndex {
  const docs: Doc[] = [];
  const fieldStems: Record<Field, string[][]> = { slug: [], name: [], tags: [], description: [], toolkit: [], toolkitDescription: [] };

  const toolkitNames = new Map<string, { slugStem: string; nameStems: string[] }>();
  for (const tool of tools) {
    const toolkitSlug = tool.toolkit.slug.toLowerCase();
    const prefix = `${tool.toolkit.slug.toUpperCase()}_`;
    const ownSlug = tool.slug.toUpperCase().startsWith(prefix) ? tool.slug.slice(prefix.length) : tool.slug;
    const slugStems = analyze(ownSlug.replace(/_/g, ' '));
    fieldStems.slug.push(slugStems);
    fieldStems.name.push(analyze(tool.name));
    fieldStems.tags.push(analyze(tool.tags.filter((t) => !HINT_TAGS.has(t.toLowerCase())).join(' ')));
    fieldStems.description.push(analyze(tool.description));
    const toolkitStems = [...new Set([...analyze(tool.toolkit.name), stem(toolkitSlug.replace(/_/g, ''))])];
    fieldStems.toolkit.push(toolkitStems);
    fieldStems.toolkitDescription.push(analyze(tool.toolkit.description ?? ''));
    docs.push({ slug: tool.slug, toolkit: toolkitSlug, verbs: verbsOf(slugStems) });
    if (!toolkitNames.has(toolkitSlug)) {
      toolkitNames.set(toolkitSlug, { slugStem: stem(toolkitSlug.replace(/_/g, '')), nameStems: analyze(tool.toolkit.name) });
    }
  }

  // BM25F: per term and doc, the field-weighted, length-normalized term frequency.
  const avgLength = Object.fromEntries(
    FIELDS.map((f) => [f, fieldStems[f].reduce((sum, s) => sum + s.length, 0) / Math.max(1, docs.length) || 1]),
  ) as Record<Field, number>;
  const postings = new Map<string, Map<number, number>>();
  docs.forEach((_, d) => {
    for (const f of FIELDS) {
      const stems = fieldStems[f][d]!;
      if (stems.length === 0) continue;
      const norm = 1 - B + (B * stems.length) / avgLength[f];
      const counts = new Map<string, number>();
      for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
      for (const [s, tf] of counts) {
        let list = postings.get(s);
        if (!list) postings.set(s, (list = new Map()));
        list.set(d, (list.get(d) ?? 0) + (FIELD_WEIGHTS[f] * tf) / norm);
      }
    }
  });
  const n = docs.length;
  const idf = new Map<string, number>();
  const entries = new Map<string, [number, number][]>();
  for (const [s, list] of postings) {
    idf.set(s, Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5)));
    entries.set(s, [...list.entries()].map(([d, tf]) => [d, (tf * (K1 + 1)) / (K1 + tf)]));
  }

  /** Toolkits the query names: by slug (`googlecalendar`), by all words of the name (`google calendar`). */
  function mentionedToolkits(rawStems: readonly string[]): Set<string> {
    const present = new Set(rawStems);
    const joined = new Set<string>();
    for (let i = 0; i + 1 < rawStems.length; i++) joined.add(stem(rawStems[i]! + rawStems[i + 1]!));
    const found = new Set<string>();
    for (const [slug, { slugStem, nameStems }] of toolkitNames) {
      if (present.has(slugStem) || joined.has(slugStem) || (nameStems.length > 0 && nameStems.every((s) => present.has(s)))) {
        found.add(slug);
      }
    }
    return found;
  }

  return {
    search(query, options = {}) {
      const limit = Math.max(0, options.limit ?? 10);
      const raw = words(query);
      const stems = raw.filter((w) => !STOP_WORDS.has(w)).map(stem);
      if (stems.length === 0 || limit === 0) return [];
      const mentioned = mentionedToolkits(stems);
      const queryVerbs = queryIntent(raw);
      const weights = expandQuery(stems, raw.map(stem));

      const scores = new Float64Array(n);
      for (const [s, weight] of weights) {
        const list = entries.get(s);
        if (!list) continue;
        const termIdf = idf.get(s)! * weight;
        for (const [d, tf] of list) scores[d] = scores[d]! + termIdf * tf;
      }

      const toolkitFilter = options.toolkits && options.toolkits.length > 0 ? new Set(options.toolkits.map((t) => t.toLowerCase())) : undefined;
      const hits: SearchHit[] = [];
      for (let d = 0; d < n; d++) {
        let score = scores[d]!;
        if (score <= 0) continue;
        const doc = docs[d]!;
        if (toolkitFilter && !toolkitFilter.has(doc.toolkit)) continue;
        if (options.allow && !options.allow(doc.slug)) continue;
        if (mentioned.has(doc.toolkit)) score *= TOOLKIT_BOOST;
        if (queryVerbs.size > 0 && doc.verbs.size > 0) {
          let agree = false;
          for (const v of doc.verbs) if (queryVerbs.has(v)) agree = true;
          score *= agree ? VERB_MATCH : VERB_CONFLICT;
        }
        hits.push({ slug: doc.slug, score: Math.round(score * 1e6) / 1e6 });
      }
      hits.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
      return hits.slice(0, limit);
    },
  };
}
