/**
 * Text analysis for tool search: words, stems, and a query's concepts (each typed word with the
 * synonyms it stands for) and verb intent. The index (search-index.ts) scores documents against
 * these. Only general language mechanisms live here: nothing maps a query to a tool.
 */

/** Weight of a word reached through a synonym rather than typed. */
const SYNONYM_WEIGHT = 0.5;
/** Weight of the words after a clause marker ("tell the team *that ...*"): the message, not the task. */
const PAYLOAD_WEIGHT = 0.5;

const STOP_WORDS = new Set(
  (
    'a an the to for of in on at by with from and or is are was were be been being am my me i im our ours we us you your ' +
    'it its this that these those what whats which who whom whose do does did have has had can could will would should ' +
    'shall may might must please some any all about into onto up out so there their them they him her his she he as if ' +
    'then than want wanna need like just also via using use per let lets how when where why whether there here one via ' +
    'tool tools api app thing things something someone anything everything hey hi kindly quick quickly now right currently'
  ).split(/\s+/),
);

/**
 * Synonym groups for common task words, each a list of phrases (one or more words). A phrase
 * found in the query adds the other phrases' words at {@link SYNONYM_WEIGHT}, as alternatives
 * of the typed word (a document scores the best of them, not their sum).
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['email', 'mail', 'inbox', 'gmail message'],
  ['message', 'msg', 'chat', 'text', 'say', 'said', 'conversation', 'discussion', 'talk'],
  ['dm', 'direct message', 'private message'],
  ['calendar', 'event', 'meeting', 'schedule', 'appointment', 'agenda', 'sync', 'standup', 'offsite'],
  ['tomorrow', 'today', 'upcoming', 'next week', 'this week', 'event'],
  ['availability', 'free', 'busy', 'available', 'slot'],
  ['issue', 'ticket', 'bug', 'defect', 'incident', 'crash', 'error', 'broken'],
  ['task', 'todo', 'to do', 'action item', 'remind', 'reminder', 'follow up'],
  ['doc', 'document', 'page', 'note', 'wiki'],
  ['repo', 'repository', 'project', 'codebase'],
  ['pr', 'pull request', 'merge request'],
  ['commit', 'push', 'check in'],
  ['folder', 'directory'],
  ['file', 'attachment', 'pdf', 'spreadsheet'],
  ['comment', 'reply', 'respond', 'answer'],
  ['contact', 'person', 'people', 'lead', 'customer'],
  ['deal', 'opportunity', 'sale', 'pipeline'],
  ['company', 'account', 'organization', 'org'],
  ['user', 'member', 'teammate', 'colleague', 'profile', 'who'],
  ['channel', 'group'],
  ['server', 'guild'],
  ['react', 'reaction', 'emoji'],
  ['weather', 'forecast', 'temperature', 'rain'],
  ['news', 'headline', 'article', 'story'],
  ['paper', 'research', 'scholar', 'academic'],
  ['stock', 'share price', 'ticker', 'market', 'finance', 'trading', 'trade', 'quote'],
  ['shopping', 'shop', 'buy', 'purchase', 'product', 'price', 'cheap', 'cheapest'],
  ['image', 'photo', 'picture'],
  ['web', 'internet', 'online'],
  ['create', 'make', 'add', 'new', 'open', 'file', 'start', 'book', 'set up', 'log', 'append', 'insert', 'write'],
  ['send', 'post', 'notify', 'tell', 'announce', 'shoot', 'ping', 'forward'],
  ['list', 'show', 'browse', 'view', 'see', 'display'],
  ['show', 'get', 'fetch'],
  ['get', 'fetch', 'read', 'retrieve', 'check', 'look at', 'open'],
  ['find', 'search', 'look up', 'lookup', 'query', 'look for'],
  ['update', 'edit', 'change', 'modify', 'rename', 'reschedule', 'postpone', 'move', 'mark', 'set', 'fix', 'correct', 'bump'],
  ['delete', 'remove', 'trash', 'erase', 'cancel', 'archive', 'discard'],
  ['invite', 'invitation', 'attendee', 'guest', 'participant', 'add people', 'uninvite'],
  ['share', 'give access', 'access', 'permission'],
  ['upload', 'save', 'store', 'back up'],
  ['download', 'export'],
  ['copy', 'duplicate', 'clone'],
  ['assign', 'hand', 'give'],
  ['close', 'resolve', 'done', 'complete', 'finish', 'transition', 'status'],
  ['star', 'bookmark'],
  ['hiring', 'job', 'career'],
  ['who am i', 'whoami', 'authenticated user', 'my profile', 'my account', 'logged in'],
];

/** Verb classes, for a query's intent and a slug's verbs (stems after analysis). */
const VERB_CLASSES: Record<string, readonly string[]> = {
  create: ['create', 'make', 'add', 'new', 'open', 'insert', 'start', 'book', 'invite', 'draft', 'file', 'log', 'append', 'write', 'commit'],
  send: ['send', 'post', 'reply', 'comment', 'notify', 'tell', 'announce', 'schedule', 'share', 'forward', 'ping', 'shoot'],
  read: ['get', 'fetch', 'read', 'retrieve', 'list', 'show', 'view', 'see', 'browse', 'find', 'search', 'lookup', 'query', 'check', 'download', 'run', 'compare'],
  update: ['update', 'edit', 'change', 'modify', 'rename', 'reschedule', 'postpone', 'move', 'mark', 'set', 'transition', 'assign', 'merge', 'close', 'fix', 'correct', 'bump', 'commit'],
  delete: ['delete', 'remove', 'trash', 'erase', 'cancel', 'archive', 'discard', 'uninvite'],
};

/** Nouns that, opening a query, are imperative verbs of sending: "email bob", "text my team". */
const IMPERATIVE_SEND_NOUNS = new Set(['email', 'mail', 'text', 'message', 'dm', 'slack']);

/** A query opening with one of these asks for information: its intent is to read. */
const QUESTION_WORDS = new Set(['what', 'whats', 'which', 'who', 'whos', 'when', 'where', 'how', 'is', 'are', 'do', 'does', 'did', 'any', 'will', 'was', 'were', 'am']);

/**
 * Query verbs whose tools also fit a slug verb of another class: posting a message creates it
 * (`DISCORD_CREATE_MESSAGE` answers "post ..."). One-directional: "draft ..." is not "send ...".
 */
const COMPATIBLE_VERBS: Record<string, readonly string[]> = { send: ['create'] };

/**
 * Phrasal verbs, read as one verb: `verb particle` -> the plain verb that means the same. The
 * particle may follow a few words later when `separable` ("push my 1:1 back", "throw it away").
 */
const PHRASAL_VERBS: readonly { verb: string; particle: string; means: string; separable?: boolean }[] = [
  { verb: 'set', particle: 'up', means: 'create', separable: true },
  { verb: 'sign', particle: 'up', means: 'create' },
  { verb: 'look', particle: 'up', means: 'find', separable: true },
  { verb: 'look', particle: 'for', means: 'find' },
  { verb: 'look', particle: 'at', means: 'view' },
  { verb: 'find', particle: 'out', means: 'find' },
  { verb: 'get', particle: 'rid', means: 'delete' },
  { verb: 'clean', particle: 'up', means: 'delete', separable: true },
  { verb: 'throw', particle: 'away', means: 'delete', separable: true },
  { verb: 'throw', particle: 'out', means: 'delete', separable: true },
  { verb: 'pull', particle: 'up', means: 'get', separable: true },
  { verb: 'bring', particle: 'up', means: 'get', separable: true },
  { verb: 'catch', particle: 'up', means: 'read', separable: true },
  { verb: 'push', particle: 'back', means: 'reschedule', separable: true },
  { verb: 'move', particle: 'back', means: 'reschedule', separable: true },
  { verb: 'hand', particle: 'over', means: 'assign', separable: true },
  { verb: 'send', particle: 'out', means: 'send', separable: true },
  { verb: 'put', particle: 'into', means: 'move', separable: true },
  { verb: 'put', particle: 'on', means: 'add', separable: true },
];
/** How many words may stand between a separable verb and its particle. */
const MAX_PARTICLE_GAP = 4;

/** Words after which the rest of the query is the payload (what to say), not the task. */
const PAYLOAD_MARKERS = new Set(['that', 'saying', 'asking', 'about', 'telling']);

/** File names by extension (`config.yaml`, `docs/setup.md`): they stand for the word `file`. */
const FILE_NAME = /(?:^|\s)[\w./-]*\w\.(?:md|txt|ya?ml|json|jsonl|js|mjs|ts|tsx|py|go|rs|java|rb|sh|toml|ini|cfg|env|csv|tsv|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|html?|css|xml|sql|log|zip)\b/gi;

/** Words a suffix rule would merge with another word (`news` is not `new`). */
const UNSTEMMED = new Set(['news', 'series', 'species', 'always', 'analytics', 'ios', 'sms', 'aws', 'https']);

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
  if (w.length <= 3 || UNSTEMMED.has(w)) return w;
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

/** A word of a text, lower-cased, with whether it was written as a name (`Mark`, `Dana`: capitalised, not first). */
interface Token {
  word: string;
  proper: boolean;
}

/**
 * Words of a text with their case, splitting snake_case and punctuation (not camelCase: GitHub
 * stays one word). Some tokens stand for the thing they name: an email address is `email`, a
 * URL `url link`, a file name `file`, `#name` a `channel`, an issue key (`ENG-42`) an `issue`,
 * `1:1` a `meeting`.
 */
function tokens(text: string): Token[] {
  const parts = text
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, ' email ')
    .replace(/https?:\/\/\S+/g, ' url link ')
    .replace(FILE_NAME, ' file ')
    .replace(/\b[A-Z][A-Z0-9]{1,9}-\d+\b/g, ' issue ')
    .replace(/(^|\s)#[A-Za-z][\w-]*/g, ' channel ')
    .replace(/\b1:1s?\b|\bone[- ]on[- ]ones?\b/gi, ' meeting ')
    .replace(/'s\b/gi, '')
    .split(/[^A-Za-z0-9]+/);
  const out: Token[] = [];
  for (const part of parts) {
    if (part.length <= 1 || /^\d+$/.test(part)) continue;
    out.push({ word: part.toLowerCase(), proper: out.length > 0 && /^[A-Z][a-z]+$/.test(part) });
  }
  return out;
}

/**
 * Raw lower-case words of a text (see {@link tokens} for the tokens that stand for a word).
 *
 * @example
 * words('commit config.yaml to #ops'); // ['commit', 'file', 'to', 'channel']
 */
export function words(text: string): string[] {
  return tokens(text).map((t) => t.word);
}

/**
 * A plural noun (`issues`, `calendars`), as far as spelling tells.
 *
 * @example
 * isPlural('calendars'); // true
 * isPlural('status'); // false
 */
export function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) && !UNSTEMMED.has(word);
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

const PHRASES = (() => {
  const out: { stems: string[]; expansions: Set<string> }[] = [];
  for (const group of SYNONYM_GROUPS) {
    const analyzed = group.map((phrase) => words(phrase).map(stem));
    const searchable = group.map((phrase) => analyze(phrase));
    analyzed.forEach((stems, i) => {
      const expansions = new Set<string>();
      searchable.forEach((other, j) => {
        if (j !== i) for (const s of other) expansions.add(s);
      });
      for (const s of stems) expansions.delete(s);
      out.push({ stems, expansions });
    });
  }
  return out;
})();

/** Indexes into PHRASES by a phrase's first stem: a query only tries the phrases that can start in it. */
const PHRASES_BY_FIRST_STEM = (() => {
  const byFirst = new Map<string, number[]>();
  PHRASES.forEach((phrase, index) => {
    const first = phrase.stems[0];
    if (first === undefined) return;
    const list = byFirst.get(first);
    if (list) list.push(index);
    else byFirst.set(first, [index]);
  });
  return byFirst;
})();

/** The phrases that may match somewhere in the query, in PHRASES order (the order they apply in). */
function candidatePhrases(rawStems: readonly string[]): number[] {
  const found = new Set<number>();
  for (const s of rawStems) for (const index of PHRASES_BY_FIRST_STEM.get(s) ?? []) found.add(index);
  return [...found].sort((a, b) => a - b);
}

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

/**
 * Verb classes (`create`, `send`, `read`, `update`, `delete`) of a tool slug's stems.
 *
 * @example
 * verbsOf(analyze('CREATE_AN_ISSUE')); // Set {'create'}
 */
export function verbsOf(stems: readonly string[]): Set<string> {
  const verbs = new Set<string>();
  for (const s of stems) for (const v of VERB_OF_STEM.get(s) ?? []) verbs.add(v);
  return verbs;
}

/** Reads phrasal verbs as their plain verb: `get rid of it` -> `delete of it`. */
function joinPhrasalVerbs(raw: readonly Token[]): Token[] {
  const out = [...raw];
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.proper) continue;
    for (const p of PHRASAL_VERBS) {
      if (out[i]!.word !== p.verb) continue;
      const last = Math.min(out.length - 1, i + 1 + (p.separable ? MAX_PARTICLE_GAP : 0));
      let at = -1;
      for (let j = i + 1; j <= last && at < 0; j++) if (out[j]!.word === p.particle) at = j;
      if (at < 0) continue;
      out[i] = { word: p.means, proper: false };
      out.splice(at, 1);
      break;
    }
  }
  return out;
}

/** The query's intent: `read` for a question, `send` for "email/text/message ...", else the classes of its first verb. */
function intentOf(raw: readonly Token[]): { intent: Set<string>; compatible: Set<string>; verbStem?: string } {
  const first = raw[0]?.word;
  let verbs: Set<string> | undefined;
  let verbStem: string | undefined;
  if (first !== undefined && QUESTION_WORDS.has(first)) verbs = new Set(['read']);
  else if (first !== undefined && IMPERATIVE_SEND_NOUNS.has(first)) verbs = new Set(['send']);
  else {
    const verb = raw.find((t) => !STOP_WORDS.has(t.word) && !t.proper && VERB_OF_STEM.has(stem(t.word)));
    if (verb) {
      verbStem = stem(verb.word);
      verbs = VERB_OF_STEM.get(verbStem);
    }
  }
  const compatible = new Set<string>();
  for (const v of verbs ?? []) for (const c of COMPATIBLE_VERBS[v] ?? []) if (!verbs!.has(c)) compatible.add(c);
  return { intent: new Set(verbs), compatible, ...(verbStem ? { verbStem } : {}) };
}

/** A typed word and the synonyms standing for it; a document scores the best of its terms. */
export interface Concept {
  /** Stem -> query weight. */
  terms: Map<string, number>;
  /** The query's verb ("*create* an issue"): matching only it does not make a tool relevant. */
  verb: boolean;
}

/** What a query asks, as the index reads it. */
export interface ParsedQuery {
  concepts: Concept[];
  /** Verb classes of the query's intent; empty when it has no verb. */
  intent: Set<string>;
  /** Verb classes that fit the intent without matching it (posting a message creates one). */
  compatible: Set<string>;
  /** Stems of the query's content words (for toolkit mentions). */
  stems: string[];
  /** Stem (typed or synonym) -> whether the query wrote its word in the plural; absent when unknown or mixed. */
  plural: Map<string, boolean>;
}

/**
 * Parses a query into concepts (typed words, each with its synonyms), intent, stems and the
 * grammatical number of its nouns.
 *
 * @example
 * const q = parseQuery('get rid of the old roadmap page');
 * q.intent; // Set {'delete'}
 * q.concepts.length; // 4: delete, old, roadmap, page (each with its synonyms)
 */
export function parseQuery(text: string): ParsedQuery {
  const raw = joinPhrasalVerbs(tokens(text));
  const rawStems = raw.map((t) => stem(t.word));
  const positionWeight: number[] = [];
  let weight = 1;
  let content = 0;
  raw.forEach((t, i) => {
    // A marker opens the payload once the task has been named ("delete that email" has no payload).
    if (PAYLOAD_MARKERS.has(t.word) && content >= 2) weight = PAYLOAD_WEIGHT;
    if (!STOP_WORDS.has(t.word)) content++;
    positionWeight[i] = weight;
  });

  const conceptOf = new Map<string, Concept>();
  const concepts: Concept[] = [];
  const stems: string[] = [];
  const plural = new Map<string, boolean>();
  const mixed = new Set<string>();
  const notePlural = (s: string, value: boolean) => {
    if (mixed.has(s)) return;
    if (plural.has(s) && plural.get(s) !== value) {
      plural.delete(s);
      mixed.add(s);
    } else plural.set(s, value);
  };
  raw.forEach((t, i) => {
    if (STOP_WORDS.has(t.word)) return;
    const s = rawStems[i]!;
    stems.push(s);
    notePlural(s, isPlural(t.word));
    const existing = conceptOf.get(s);
    if (existing) existing.terms.set(s, Math.max(existing.terms.get(s)!, positionWeight[i]!));
    else {
      const concept: Concept = { terms: new Map([[s, positionWeight[i]!]]), verb: false };
      conceptOf.set(s, concept);
      concepts.push(concept);
    }
  });

  for (const index of candidatePhrases(rawStems)) {
    const phrase = PHRASES[index]!;
    const n = phrase.stems.length;
    for (let i = 0; i + n <= rawStems.length; i++) {
      let match = true;
      for (let k = 0; k < n && match; k++) if (rawStems[i + k] !== phrase.stems[k] || raw[i + k]!.proper) match = false;
      // Names ("Mark") and the payload ("... that the *standup* is cancelled") bring no synonyms.
      if (!match || positionWeight[i]! < 1) continue;
      const owners = phrase.stems.map((s) => conceptOf.get(s)).filter((c): c is Concept => c !== undefined);
      if (owners.length === 0) {
        const concept: Concept = { terms: new Map(), verb: false };
        concepts.push(concept);
        owners.push(concept);
      }
      const last = raw[i + n - 1]!.word;
      for (const owner of owners) {
        for (const e of phrase.expansions) {
          if (conceptOf.has(e)) continue; // typed elsewhere in the query: counted there
          owner.terms.set(e, Math.max(owner.terms.get(e) ?? 0, SYNONYM_WEIGHT));
          if (!STOP_WORDS.has(last)) notePlural(e, isPlural(last));
        }
      }
      break;
    }
  }
  const { intent, compatible, verbStem } = intentOf(raw);
  const verbConcept = verbStem === undefined ? undefined : conceptOf.get(verbStem);
  if (verbConcept) verbConcept.verb = true;
  return { concepts: concepts.filter((c) => c.terms.size > 0), intent, compatible, stems, plural };
}
