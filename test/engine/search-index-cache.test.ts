/**
 * The index remembers scores per query text; session filters (allow, toolkits, limit) apply after
 * it, so a remembered query must answer every filter exactly as a fresh index does.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/catalog.js';
import { createSearchIndex } from '../../src/engine/search-index.js';

const catalog = loadCatalog();
const searchables = () => catalog.tools.map((tool) => ({ ...tool, toolkit: catalog.getToolkit(tool.toolkit)! }));
const QUERY = 'open an issue about the failing build';

describe('search index: remembered queries', () => {
  it('answers a repeated query with the same ranking', () => {
    const index = createSearchIndex(searchables());
    const first = index.rank(QUERY, { limit: 8 });
    expect(first.hits.length).toBeGreaterThan(0);
    // The second search stores the scores, the third answers from them.
    expect(index.rank(QUERY, { limit: 8 })).toEqual(first);
    expect(index.rank(QUERY, { limit: 8 })).toEqual(first);
  });

  it('applies allow, toolkits and limit after the remembered scores, as a fresh index does', () => {
    const warm = createSearchIndex(searchables());
    warm.rank(QUERY, { limit: 50 });
    warm.rank(QUERY, { limit: 50 });
    const onlyGmail = { limit: 5, toolkits: ['GMAIL'] };
    const noIssues = { limit: 3, allow: (slug: string) => !slug.includes('ISSUE') };
    for (const options of [onlyGmail, noIssues, { limit: 1 }]) {
      const fresh = createSearchIndex(searchables()).rank(QUERY, options);
      expect(warm.rank(QUERY, options)).toEqual(fresh);
    }
    expect(warm.rank(QUERY, noIssues).hits.every((hit) => !hit.slug.includes('ISSUE'))).toBe(true);
    expect(warm.rank(QUERY, onlyGmail).hits.every((hit) => hit.slug.startsWith('GMAIL_'))).toBe(true);
  });

  it('still answers correctly after many distinct queries pushed the first one out', () => {
    const index = createSearchIndex(searchables());
    const first = index.rank(QUERY);
    for (let i = 0; i < 600; i++) index.rank(`send message number ${i} to the team`);
    expect(index.rank(QUERY)).toEqual(first);
  });

  it('gives hits of their own: changing one answer leaves the next intact', () => {
    const index = createSearchIndex(searchables());
    const first = index.rank(QUERY);
    first.hits[0]!.slug = 'CHANGED';
    first.hits.length = 0;
    expect(index.rank(QUERY).hits[0]!.slug).not.toBe('CHANGED');
  });
});
