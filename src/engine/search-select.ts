/**
 * From a ranking to what search answers: the primary tools (the best relevant ones) and the
 * related tools (further relevant ones, the primary tools' toolkits first). A tool is relevant
 * when it scores above an absolute floor, reaches a share of the best tool of the whole index
 * (so an allowed tool is not promoted only because the right one is not allowed), and matched
 * more than the query's verb.
 */
import type { SearchHit, SearchRanking } from './search-index.js';

/** Below this score a hit matched only a stray common word. */
const ABSOLUTE_FLOOR = 2;
/** A hit is relevant when it scores at least this share of the best tool of the whole index. */
const RELATIVE_FLOOR = 0.5;
/** A hit counts as primary when it scores at least this share of the best allowed hit. */
const PRIMARY_SHARE = 0.8;
/** Related tools of the primary tools' toolkits score at least this share of the best allowed hit... */
const RELATED_SHARE = 0.4;
/** ...and related tools of other toolkits at least this share. */
const OTHER_TOOLKIT_SHARE = 0.7;
const MAX_PRIMARY = 3;
const MAX_RELATED = 5;

/** Primary and related tool slugs of one query. */
export interface ToolSelection {
  primary: string[];
  related: string[];
}

/**
 * How many hits to ask the index for, so that enough same-toolkit candidates reach the selection.
 *
 * @example
 * index.rank(query, { limit: SELECTION_CANDIDATES });
 */
export const SELECTION_CANDIDATES = 16;

/**
 * True when a hit is relevant to its query (see the module comment).
 *
 * @example
 * isRelevant({ slug: 'GITHUB_GET_THE_AUTHENTICATED_USER', score: 1.5, matchesObject: true }, 12); // false
 */
export function isRelevant(hit: SearchHit, best: number): boolean {
  return hit.matchesObject && hit.score >= ABSOLUTE_FLOOR && hit.score >= RELATIVE_FLOOR * best;
}

/**
 * Chooses the primary and related tools of a ranking (hits best first, allowed tools only).
 *
 * @example
 * const ranking = index.rank('send an email to bob', { allow, limit: SELECTION_CANDIDATES });
 * selectTools(ranking, (slug) => toolkitOf(slug)); // { primary: ['GMAIL_SEND_EMAIL'], related: ['GMAIL_CREATE_EMAIL_DRAFT', …] }
 */
export function selectTools(ranking: SearchRanking, toolkitOf: (slug: string) => string): ToolSelection {
  const relevant = ranking.hits.filter((hit) => isRelevant(hit, ranking.best));
  const top = relevant[0]?.score ?? 0;
  const primaryHits = relevant.filter((hit, i) => i === 0 || (i < MAX_PRIMARY && hit.score >= PRIMARY_SHARE * top)).slice(0, MAX_PRIMARY);
  const primary = primaryHits.map((hit) => hit.slug);
  const primaryToolkits = new Set(primary.map(toolkitOf));
  const rest = relevant.filter((hit) => !primary.includes(hit.slug));
  const sameToolkit = rest.filter((hit) => primaryToolkits.has(toolkitOf(hit.slug)) && hit.score >= RELATED_SHARE * top);
  const otherToolkit = rest.filter((hit) => !primaryToolkits.has(toolkitOf(hit.slug)) && hit.score >= OTHER_TOOLKIT_SHARE * top);
  const related = [...sameToolkit, ...otherToolkit].slice(0, MAX_RELATED).map((hit) => hit.slug);
  return { primary, related };
}
