import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/catalog.js';
import { analyze, createSearchIndex, stem } from '../../src/engine/search-index.js';
import { SEARCH_QUALITY_SET } from './search-quality-set.js';

const catalog = loadCatalog();
const index = createSearchIndex(catalog.tools.map((tool) => ({ ...tool, toolkit: catalog.getToolkit(tool.toolkit)! })));

describe('search quality', () => {
  it('finds the expected tool for natural task phrasings (top-5 >= 0.9, top-1 >= 0.6)', () => {
    expect(SEARCH_QUALITY_SET.length).toBeGreaterThanOrEqual(40);
    let top1 = 0;
    let top5 = 0;
    const misses: string[] = [];
    for (const { query, expected } of SEARCH_QUALITY_SET) {
      for (const slug of expected) expect(catalog.getTool(slug), `unknown expected slug ${slug}`).toBeDefined();
      const hits = index.search(query, { limit: 5 });
      const rank = hits.findIndex((hit) => expected.includes(hit.slug));
      if (rank === 0) top1++;
      if (rank >= 0) top5++;
      if (rank !== 0) misses.push(`  #${rank < 0 ? '-' : rank + 1} "${query}" -> ${hits.slice(0, 3).map((h) => h.slug).join(', ')} (want ${expected.join(' | ')})`);
    }
    const n = SEARCH_QUALITY_SET.length;
    console.log(
      `search quality over ${n} phrasings, ${catalog.tools.length} tools: top-1 ${(top1 / n).toFixed(3)} (${top1}/${n}), top-5 ${(top5 / n).toFixed(3)} (${top5}/${n})\n${misses.join('\n')}`,
    );
    expect(top5 / n).toBeGreaterThanOrEqual(0.9);
    expect(top1 / n).toBeGreaterThanOrEqual(0.6);
  });

  it('searches 150 tools in well under a millisecond', () => {
    for (const { query } of SEARCH_QUALITY_SET) index.search(query); // warm up
    const rounds = 20;
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const { query } of SEARCH_QUALITY_SET) index.search(query, { limit: 10 });
    const perSearch = (performance.now() - start) / (rounds * SEARCH_QUALITY_SET.length);
    console.log(`search: ${(perSearch * 1000).toFixed(0)} µs per query`);
    expect(perSearch).toBeLessThan(1);
  });
});

describe('search behaviour', () => {
  it('is deterministic and orders ties by slug', () => {
    const a = index.search('list', { limit: 50 });
    const b = index.search('list', { limit: 50 });
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) {
      const [prev, cur] = [a[i - 1]!, a[i]!];
      expect(prev.score > cur.score || (prev.score === cur.score && prev.slug < cur.slug)).toBe(true);
    }
  });

  it('boosts the toolkit a query names', () => {
    expect(index.search('send a message on slack', { limit: 1 })[0]?.slug).toBe('SLACK_SEND_MESSAGE');
    expect(index.search('send a message on discord', { limit: 1 })[0]?.slug).toBe('DISCORD_CREATE_MESSAGE');
    expect(index.search('create an issue in linear', { limit: 1 })[0]?.slug).toBe('LINEAR_CREATE_LINEAR_ISSUE');
    expect(index.search('create an issue in jira', { limit: 1 })[0]?.slug).toBe('JIRA_CREATE_ISSUE');
    expect(index.search('create an issue on github', { limit: 1 })[0]?.slug).toBe('GITHUB_CREATE_AN_ISSUE');
    expect(index.search('list my google calendar events', { limit: 3 }).every((h) => h.slug.startsWith('GOOGLECALENDAR_'))).toBe(true);
  });

  it('prefers the tool whose verb matches the query', () => {
    expect(index.search('delete the calendar event', { limit: 1 })[0]?.slug).toBe('GOOGLECALENDAR_DELETE_EVENT');
    expect(index.search('update the calendar event', { limit: 1 })[0]?.slug).toBe('GOOGLECALENDAR_UPDATE_EVENT');
    expect(index.search('create a calendar event', { limit: 1 })[0]?.slug).toBe('GOOGLECALENDAR_CREATE_EVENT');
  });

  it('applies limit, allow and toolkits filters', () => {
    expect(index.search('issue', { limit: 3 })).toHaveLength(3);
    expect(index.search('issue', { toolkits: ['JIRA'] }).every((h) => h.slug.startsWith('JIRA_'))).toBe(true);
    const allowed = new Set(['GITHUB_CREATE_AN_ISSUE', 'SLACK_SEND_MESSAGE']);
    const hits = index.search('create an issue or send a message', { allow: (slug) => allowed.has(slug), limit: 10 });
    expect(hits.map((h) => h.slug).sort()).toEqual([...allowed].sort());
    expect(index.search('issue', { limit: 0 })).toEqual([]);
  });

  it('returns nothing for empty or stop-word-only queries and unknown words', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('the and of to')).toEqual([]);
    expect(index.search('zzyzx qwxv')).toEqual([]);
  });

  it('stems plurals, -ing and -ed to shared stems', () => {
    expect(stem('issues')).toBe(stem('issue'));
    expect(stem('created')).toBe(stem('create'));
    expect(stem('creating')).toBe(stem('create'));
    expect(stem('meetings')).toBe(stem('meeting'));
    expect(stem('getting')).toBe('get');
    expect(stem('replies')).toBe(stem('reply'));
    expect(stem('status')).toBe('status');
    expect(analyze('Creating new GitHub_issues for the repos')).toEqual(['creat', 'new', 'github', 'issu', 'repo']);
  });
});
