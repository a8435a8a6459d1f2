import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { createApp } from '../../src/http/app.js';

const SESSION = '/api/v3.1/tool_router/session';

/** A fixed script of requests covering sessions, search, execute, links and errors. */
async function transcript(seed: number): Promise<string[]> {
  const app = createApp({ seed, clock: new ManualClock('2026-02-02T02:02:02Z') });
  const out: string[] = [];
  const send = async (method: string, path: string, body?: unknown, key = 'det-key') => {
    const res = await app.fetch(
      new Request(`http://127.0.0.1:4010${path}`, {
        method,
        headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const text = await res.text();
    out.push(`${res.status} ${res.headers.get('x-request-id')} ${text}`);
    return JSON.parse(text);
  };
  const { session_id: id } = await send('POST', SESSION, { user_id: 'det', toolkits: { enable: ['github', 'hackernews'] } });
  await send('PATCH', `${SESSION}/${id}`, { search: { enable: true } });
  await send('POST', '/_mock/connected_accounts', { user_id: 'det', toolkit: 'github' });
  await send('POST', `${SESSION}/${id}/search`, { queries: [{ use_case: 'list my repositories' }] });
  await send('POST', `${SESSION}/${id}/execute`, { tool_slug: 'GITHUB_CREATE_AN_ISSUE', arguments: { owner: 'o', repo: 'r', title: 't' } });
  await send('POST', `${SESSION}/${id}/execute`, { tool_slug: 'HACKERNEWS_GET_FRONTPAGE' });
  await send('POST', `${SESSION}/${id}/link`, { toolkit: 'github' });
  await send('GET', `${SESSION}/${id}/config_history`);
  await send('GET', `${SESSION}/trs_missing`);
  return out;
}

describe('determinism', () => {
  it('same seed and same requests give byte-identical responses, ids and request ids', async () => {
    const [a, b] = await Promise.all([transcript(99), transcript(99)]);
    expect(a).toHaveLength(9);
    expect(a).toEqual(b);
  });

  it('another seed changes the generated ids and values', async () => {
    const [a, c] = await Promise.all([transcript(99), transcript(100)]);
    expect(a[0]).not.toEqual(c[0]);
    expect(a[4]).not.toEqual(c[4]);
  });
});
