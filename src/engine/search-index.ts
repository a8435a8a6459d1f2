/**
 * Tool search: BM25F over each tool's slug, name, description, topical tags and toolkit. The
 * query side (search-query.ts) gives concepts (a typed word with its synonyms; a tool scores the
 * best term of each concept), the verb intent and the words naming a toolkit. On top of BM25F: a
 * toolkit feature (a query naming a toolkit boosts its tools) and a mild preference for tools
 * whose slug verb matches the query's verb. Built once; scoring a query over ~150 tools takes
 * tens of microseconds, and an index remembers the scores of query texts searched more than once
 * (session filters apply after).
 *
 * Only general mechanisms live here: nothing maps a particular query to a particular tool.
 */
import { RecentMap } from './recent-map.js';
import { analyze, isPlural, parseQuery, stem, verbsOf, words } from './search-query.js';

export { analyze, stem } from './search-query.js';

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
  /** False when the tool matched nothing but the query's verb ("list" in "list my repos" for GMAIL_LIST_THREADS). */
  matchesObject: boolean;
}

/** A ranking with the score of the best tool of the whole index, filters aside. */
export interface SearchRanking {
  hits: SearchHit[];
  /** Score of the best tool of the whole index (not only the allowed ones); 0 when nothing matched. */
  best: number;
}

/** A built index. */
export interface SearchIndex {
  /** Ranked tools for a natural-language query, best first; ties broken by slug. Empty for a query with no known words. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** {@link SearchIndex.search} plus the best score of the whole index, to judge how relevant the allowed hits are. */
  rank(query: string, options?: SearchOptions): SearchRanking;
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

/** Score multiplier for the tools of a toolkit the query names. */
const TOOLKIT_BOOST = 1.6;
/** Score multipliers for verb agreement between query and slug. */
const VERB_MATCH = 1.2;
const VERB_CONFLICT = 0.85;
/**
 * A toolkit name's word is an alias of the toolkit (`drive` for Google Drive) when at least this
 * share of the tools using the word belong to that toolkit.
 */
const ALIAS_SHARE = 0.9;
/** Score multipliers for agreement in number between the query's nouns and the slug's. */
const NUMBER_MATCH = 1.1;
const NUMBER_CONFLICT = 0.9;
/** Score multiplier for a lookup tool (`..._BY_EMAIL_ADDRESS`) when the query names none of its key words. */
const KEY_MISSING = 0.85;
/** A verb used by at most this share of the tools is specific enough to make a tool relevant on its own. */
const RARE_VERB_SHARE = 0.03;
/** Share of a concept's other matching terms added to its best term: more matching synonyms help, but far less than typed words. */
const CONCEPT_REST = 0.3;
/** Query texts whose scores an index keeps (see `scoredByText`). */
const MAX_CACHED_QUERIES = 512;

/** MCP hint tags describe behaviour, not topic: not searched. */
const HINT_TAGS = new Set(['readonlyhint', 'destructivehint', 'idempotenthint', 'openworldhint']);

interface Doc {
  slug: string;
  toolkit: string;
  /** Verb classes of the slug's words. */
  verbs: Set<string>;
  /** The slug's noun stems with whether the slug writes them in the plural (`LIST_REPOSITORY_ISSUES`). */
  number: [string, boolean][];
  /** Stems of the key a lookup tool needs (`FIND_USER_BY_EMAIL_ADDRESS`: email, address); empty for others. */
  keys: string[];
}

/** Identifier words a `..._BY_<key>` / `..._WITH_<key>` slug can name. */
const KEY_WORDS = new Set(['id', 'email', 'address', 'key', 'number', 'name', 'username', 'url', 'link', 'sha']);

/** The key words after `by`/`with` in a slug's words, minus those also naming its object (`FETCH_MESSAGE_BY_MESSAGE_ID` needs `id`). */
function keysOf(slugWords: readonly string[]): string[] {
  const at = slugWords.findIndex((w) => w === 'by' || w === 'with');
  if (at < 0) return [];
  const before = new Set(slugWords.slice(0, at));
  return slugWords.slice(at + 1).filter((w) => KEY_WORDS.has(w) && !before.has(w)).map(stem);
}

/** Agreement in number between the query's nouns and the slug's: "issue #88" is one issue, "which calendars" many. */
function numberFactor(doc: Doc, plural: ReadonlyMap<string, boolean>): number {
  let agree = false;
  let conflict = false;
  for (const [s, docPlural] of doc.number) {
    const queryPlural = plural.get(s);
    if (queryPlural === undefined) continue;
    if (queryPlural === docPlural) agree = true;
    else conflict = true;
  }
  return agree === conflict ? 1 : agree ? NUMBER_MATCH : NUMBER_CONFLICT;
}

/** Analyses of document texts, kept across index builds: an index with custom tools re-reads the whole catalog. */
const analyzedTexts = new Map<string, string[]>();
const MAX_ANALYZED_TEXTS = 4096;

function analyzeDocText(text: string): string[] {
  let stems = analyzedTexts.get(text);
  if (!stems) {
    if (analyzedTexts.size >= MAX_ANALYZED_TEXTS) analyzedTexts.clear();
    stems = analyze(text);
    analyzedTexts.set(text, stems);
  }
  return stems;
}

/** The slug's own words: without `LOCAL_` (custom tools) and the toolkit prefix. */
function ownSlug(slug: string, toolkitSlug: string): string {
  const local = slug.toUpperCase().startsWith('LOCAL_') ? slug.slice('LOCAL_'.length) : slug;
  const prefix = `${toolkitSlug.toUpperCase()}_`;
  return local.toUpperCase().startsWith(prefix) ? local.slice(prefix.length) : local;
}

/**
 * Build the index over a tool list (the catalog's, or any subset, custom tools included).
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
    const slugWords = words(ownSlug(tool.slug, toolkitSlug).replace(/_/g, ' '));
    const slugStems = analyze(ownSlug(tool.slug, toolkitSlug).replace(/_/g, ' '));
    fieldStems.slug.push(slugStems);
    fieldStems.name.push(analyzeDocText(tool.name));
    fieldStems.tags.push(analyzeDocText(tool.tags.filter((t) => !HINT_TAGS.has(t.toLowerCase())).join(' ')));
    fieldStems.description.push(analyzeDocText(tool.description));
    const toolkitStems = [...new Set([...analyzeDocText(tool.toolkit.name), stem(toolkitSlug.replace(/_/g, ''))])];
    fieldStems.toolkit.push(toolkitStems);
    fieldStems.toolkitDescription.push(analyzeDocText(tool.toolkit.description ?? ''));
    docs.push({
      slug: tool.slug,
      toolkit: toolkitSlug,
      verbs: verbsOf(slugStems),
      number: slugWords.map((w): [string, boolean] => [stem(w), isPlural(w)]),
      keys: keysOf(slugWords),
    });
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
  /** Per stem: parallel arrays of doc numbers and idf-weighted saturated term frequencies. */
  const entries = new Map<string, { docs: Int32Array; scores: Float64Array }>();
  for (const [s, list] of postings) {
    const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
    const ds = new Int32Array(list.size);
    const scores = new Float64Array(list.size);
    let k = 0;
    for (const [d, tf] of list) {
      ds[k] = d;
      scores[k++] = (idf * tf * (K1 + 1)) / (K1 + tf);
    }
    entries.set(s, { docs: ds, scores });
  }

  // A name word is an alias of its toolkit when nearly every tool using it is of that toolkit.
  const aliases = new Map<string, string>();
  for (const [slug, { nameStems }] of toolkitNames) {
    for (const s of nameStems) {
      const list = postings.get(s);
      if (!list) continue;
      let own = 0;
      for (const d of list.keys()) if (docs[d]!.toolkit === slug) own++;
      if (own / list.size >= ALIAS_SHARE) aliases.set(s, slug);
    }
  }

  /** Toolkits the query names: by slug (`googlecalendar`), by all words of the name (`google calendar`) or by an alias (`drive`). */
  function mentionedToolkits(stems: readonly string[]): Set<string> {
    const present = new Set(stems);
    const joined = new Set<string>();
    for (let i = 0; i + 1 < stems.length; i++) joined.add(stem(stems[i]! + stems[i + 1]!));
    const found = new Set<string>();
    for (const [slug, { slugStem, nameStems }] of toolkitNames) {
      if (present.has(slugStem) || joined.has(slugStem) || (nameStems.length > 0 && nameStems.every((s) => present.has(s)))) {
        found.add(slug);
      }
    }
    for (const s of stems) {
      const slug = aliases.get(s);
      if (slug) found.add(slug);
    }
    return found;
  }

  const total = new Float64Array(n);
  const conceptScore = new Float64Array(n);
  const conceptSum = new Float64Array(n);
  const objectMatches = new Uint8Array(n);
  const rareDocs = Math.max(2, Math.floor(n * RARE_VERB_SHARE));
  const touched = new Int32Array(n);
  /** Each doc's position in slug order (ties in score go by slug), and the doc at each position. */
  const slugOrder = new Int32Array(n);
  const docAtSlugOrder = new Int32Array(n);
  docs
    .map((doc, d) => ({ slug: doc.slug, d }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .forEach(({ d }, position) => {
      slugOrder[d] = position;
      docAtSlugOrder[position] = d;
    });
  /**
   * Scratch: one sort key per matching doc, `slug position - score in millionths × n`, so that a
   * plain numeric sort (no comparator) orders by score, best first, then by slug; exact in a
   * double for any score below 10^6.
   */
  const sortKeys = new Float64Array(n);

  /**
   * Every tool a query text matches, best first (session filters aside), and the best score.
   * Packed in one array (doc, score, matches-object flag per tool) because the memo keeps it:
   * an object per tool would outlive the young generation by the thousand.
   */
  interface Scored {
    packed: number[];
    best: number;
  }

  /**
   * Scores per query text, most recent last. Scoring does not depend on the session (its filters
   * apply afterwards), so agents repeating a use case across sessions and turns skip the parsing
   * and BM25F work; bounded so that a stream of distinct queries cannot grow it.
   */
  const scoredByText = new RecentMap<string, Scored>(MAX_CACHED_QUERIES);

  function scoreAll(query: string): Scored {
    const parsed = parseQuery(query);
    if (parsed.concepts.length === 0) return { packed: [], best: 0 };
    const mentioned = mentionedToolkits(parsed.stems);
    const queried = new Set(parsed.stems);
    const queryVerbs = parsed.intent;

    total.fill(0);
    objectMatches.fill(0);
    const hasObject = parsed.concepts.some((c) => !c.verb);
    for (const concept of parsed.concepts) {
      let touchedCount = 0;
      for (const [s, weight] of concept.terms) {
        const entry = entries.get(s);
        if (!entry) continue;
        const { docs: ds, scores } = entry;
        // A rare verb says what it acts on ("reschedule" a meeting): matching it is matching the object.
        if (concept.verb && weight >= 1 && ds.length <= rareDocs) for (let k = 0; k < ds.length; k++) objectMatches[ds[k]!] = 1;
        for (let k = 0; k < ds.length; k++) {
          const d = ds[k]!;
          const score = scores[k]! * weight;
          const prev = conceptScore[d]!;
          if (prev === 0) touched[touchedCount++] = d;
          if (score > prev) conceptScore[d] = score;
          conceptSum[d] = conceptSum[d]! + score;
        }
      }
      for (let k = 0; k < touchedCount; k++) {
        const d = touched[k]!;
        total[d] = total[d]! + conceptScore[d]! + CONCEPT_REST * (conceptSum[d]! - conceptScore[d]!);
        if (!concept.verb) objectMatches[d] = 1;
        conceptScore[d] = 0;
        conceptSum[d] = 0;
      }
    }

    let count = 0;
    let best = 0;
    for (let d = 0; d < n; d++) {
      let score = total[d]!;
      if (score <= 0) continue;
      const doc = docs[d]!;
      if (mentioned.has(doc.toolkit)) score *= TOOLKIT_BOOST;
      if (queryVerbs.size > 0 && doc.verbs.size > 0) {
        let agree = false;
        let compatible = false;
        for (const v of doc.verbs) {
          if (queryVerbs.has(v)) agree = true;
          else if (parsed.compatible.has(v)) compatible = true;
        }
        score *= agree ? VERB_MATCH : compatible ? 1 : VERB_CONFLICT;
      }
      score *= numberFactor(doc, parsed.plural);
      if (doc.keys.length > 0 && !doc.keys.some((k) => queried.has(k))) score *= KEY_MISSING;
      const millionths = Math.round(score * 1e6);
      score = millionths / 1e6;
      if (score > best) best = score;
      total[d] = score;
      sortKeys[count++] = slugOrder[d]! - millionths * n;
    }
    const ranked = sortKeys.subarray(0, count).sort();
    const packed: number[] = [];
    for (let k = 0; k < count; k++) {
      const d = docAtSlugOrder[((ranked[k]! % n) + n) % n]!;
      packed.push(d, total[d]!, !hasObject || objectMatches[d] === 1 ? 1 : 0);
    }
    return { packed, best };
  }

  /** Query texts seen once: a text is remembered from its second search on. */
  const seenTexts = new RecentMap<string, true>(MAX_CACHED_QUERIES);

  function scoredFor(query: string): Scored {
    let scored = scoredByText.get(query);
    if (scored) return scored;
    scored = scoreAll(query);
    // A one-off query's scores die young; remembering every one would keep thousands alive and
    // make the garbage collector, not scoring, the cost of a stream of new queries.
    if (seenTexts.get(query)) scoredByText.set(query, scored);
    else seenTexts.set(query, true);
    return scored;
  }

  function rank(query: string, options: SearchOptions = {}): SearchRanking {
    const limit = Math.max(0, options.limit ?? 10);
    if (limit === 0) return { hits: [], best: 0 };
    const scored = scoredFor(query);
    const toolkitFilter = options.toolkits && options.toolkits.length > 0 ? new Set(options.toolkits.map((t) => t.toLowerCase())) : undefined;
    const hits: SearchHit[] = [];
    const { packed } = scored;
    for (let k = 0; k < packed.length && hits.length < limit; k += 3) {
      const doc = docs[packed[k]!]!;
      if (toolkitFilter && !toolkitFilter.has(doc.toolkit)) continue;
      if (options.allow && !options.allow(doc.slug)) continue;
      hits.push({ slug: doc.slug, score: packed[k + 1]!, matchesObject: packed[k + 2] === 1 });
    }
    return { hits, best: scored.best };
  }

  return {
    rank,
    search: (query, options) => rank(query, options).hits,
  };
}
