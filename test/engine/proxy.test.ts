import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { createActiveAccount } from '../../src/engine/connected-accounts.js';
import { Engine } from '../../src/engine/engine.js';
import { listMountItems } from '../../src/engine/files.js';
import { proxyExecute } from '../../src/engine/proxy.js';
import { loadProxyFixtures, matchProxyFixture } from '../../src/engine/proxy-fixtures.js';
import { createSession } from '../../src/engine/sessions.js';
import { tinyCatalog } from '../support/tiny-catalog.js';
import { errorOf } from '../support/api-error-of.js';

const ctx = { apiKey: 'key-a', origin: 'http://127.0.0.1:4010' };

function setup() {
  const engine = new Engine({ catalog: tinyCatalog(), seed: 1, clock: new ManualClock('2026-01-01T00:00:00Z') });
  createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github' });
  const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
  return { engine, sid };
}


describe('proxy fixtures', () => {
  it('load, match templated paths (HEAD as GET) and fill {{placeholders}}', () => {
    const set = loadProxyFixtures();
    expect(set.get('github')?.length).toBeGreaterThanOrEqual(4);
    expect(matchProxyFixture(set, 'github', 'GET', '/repos/a%20b/c')?.data).toMatchObject({ full_name: 'a b/c' });
    expect(matchProxyFixture(set, 'github', 'HEAD', '/user')?.status).toBe(200);
    expect(matchProxyFixture(set, 'github', 'DELETE', '/user')).toBeUndefined();
    expect(matchProxyFixture(set, 'slack', 'POST', '/chat.postMessage')?.data).toMatchObject({ ok: true });
  });
});

describe('proxyExecute', () => {
  it('answers a fixture relative to the toolkit base URL, and the same for an absolute URL on its host', () => {
    const { engine, sid } = setup();
    const relative = proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: 'user', method: 'GET' });
    const absolute = proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: 'https://api.github.example/user', method: 'GET' });
    expect(relative).toEqual(absolute);
    expect(relative.data).toMatchObject({ login: 'octocat' });
  });

  it('is deterministic and echoes unknown endpoints generically (HEAD without data)', () => {
    const { engine, sid } = setup();
    const input = { toolkit_slug: 'github', endpoint: '/x/y', method: 'PUT' as const, body: { a: [1, 2] } };
    const once = proxyExecute(engine, ctx, sid, input);
    expect(proxyExecute(engine, ctx, sid, input)).toEqual(once);
    expect(once.data).toMatchObject({ ok: true, mock: 'generic', method: 'PUT', path: '/x/y', body: { a: [1, 2] } });
    expect(proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/x/y', method: 'HEAD' })).not.toHaveProperty('data');
  });

  it('refuses without a connection, or with custom_connection_data for another toolkit', () => {
    const engine = new Engine({ catalog: tinyCatalog(), seed: 1, clock: new ManualClock('2026-01-01T00:00:00Z') });
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    expect(errorOf(() => proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET' }))).toMatchObject({
      status: 400,
      codeName: 'CONNECTED_ACCOUNT_REQUIRED',
    });
    const custom = { authScheme: 'OAUTH2', toolkitSlug: 'github', val: { access_token: 't' } };
    expect(proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET', custom_connection_data: custom }).status).toBe(200);
    expect(errorOf(() => proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET', custom_connection_data: { ...custom, toolkitSlug: 'gmail' } })).status).toBe(400);
  });

  it('keeps binary answers out of the session\'s files mount', () => {
    const { engine, sid } = setup();
    const zip = proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/repos/a/b/zipball', method: 'GET' });
    expect(zip.binary_data).toMatchObject({ content_type: 'application/zip', size: 22, url: expect.stringContaining('/_mock/files/') });
    expect(listMountItems(engine, ctx, sid, 'files', {}).items).toEqual([]);
  });

  it('HEAD on a binary fixture answers status and headers only: no binary_data, no data', () => {
    const { engine, sid } = setup();
    const head = proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/repos/a/b/zipball', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/zip');
    expect(head.headers['content-length']).toBe('22');
    expect(head).not.toHaveProperty('binary_data');
    expect(head).not.toHaveProperty('data');
    expect(Object.keys(head).sort()).toEqual(['headers', 'status']);
    // The GET still stores the bytes and hands out a URL.
    expect(proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint: '/repos/a/b/zipball', method: 'GET' }).binary_data?.size).toBe(22);
  });

  it.each([
    ['https://evil.example/user', 'GET'],
    ['//evil.example/user', 'GET'],
    ['/a/../../b', 'GET'],
    ['ftp://api.github.example/x', 'GET'],
    ['/has space', 'GET'],
  ])('refuses endpoint %s with 400', (endpoint, method) => {
    const { engine, sid } = setup();
    expect(errorOf(() => proxyExecute(engine, ctx, sid, { toolkit_slug: 'github', endpoint, method: method as 'GET' })).status).toBe(400);
  });
});
