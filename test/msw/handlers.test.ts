/**
 * `composio-mock/msw` as a user's test would use it: `setupServer(...mock.handlers)`, the
 * real base URLs, seeding, scenarios, reset, several instances. Reads as usage examples.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { createComposioMock, createHandlers, DEFAULT_BASE_URLS } from '../../mocks/index.js';

const API = 'https://backend.composio.dev/api/v3.1';
const KEY = 'msw-key';

const mock = createComposioMock({ seed: 3 });
const server = setupServer(...mock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  mock.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

async function call(method: string, url: string, body?: unknown, key = KEY): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

const createSession = (body: Record<string, unknown> = { user_id: 'alice' }, key = KEY) => call('POST', `${API}/tool_router/session`, body, key);

describe('interception', () => {
  it('answers on production and staging with no configuration, from one state', async () => {
    expect(DEFAULT_BASE_URLS).toEqual(['https://backend.composio.dev', 'https://staging-backend.composio.dev']);
    const created = await createSession();
    expect(created.status).toBe(201);
    expect(created.body.mcp.url.startsWith('https://backend.composio.dev/')).toBe(true);
    const staging = await call('GET', `https://staging-backend.composio.dev/api/v3.1/tool_router/session/${created.body.session_id}`);
    expect(staging.status).toBe(200);
    expect(staging.body.session_id).toBe(created.body.session_id);
  });

  it('serves the control plane and the Connect page it hands out on the intercepted origin', async () => {
    const health = await call('GET', 'https://backend.composio.dev/_mock/health');
    expect(health.body.status).toBe('ok');
    const { body: session } = await createSession({ user_id: 'alice', toolkits: { enable: ['github'] } });
    const link = await call('POST', `${API}/tool_router/session/${session.session_id}/link`, { toolkit: 'github' });
    expect(link.status).toBe(201);
    expect(link.body.redirect_url.startsWith('https://backend.composio.dev/')).toBe(true);
    const page = await fetch(link.body.redirect_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('github');
  });

  it('serves presigned file URLs: a seeded file downloads byte for byte', async () => {
    const { session_id } = await mock.seed.session(KEY, { user_id: 'alice' });
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const seeded = await mock.seed.file(KEY, session_id, { path: 'data/blob.bin', content: bytes });
    expect(seeded).toMatchObject({ mount_id: 'files', mount_relative_path: 'data/blob.bin', size: 5, mimetype: 'application/octet-stream' });
    const listed = await call('GET', `${API}/tool_router/session/${session_id}/mounts/files/items`);
    expect(listed.body.items.map((i: { mount_relative_path: string }) => i.mount_relative_path)).toEqual(['data/blob.bin']);
    const url = await call('POST', `${API}/tool_router/session/${session_id}/mounts/files/download_url`, { mount_relative_path: 'data/blob.bin' });
    expect(url.body.download_url.startsWith('https://backend.composio.dev/')).toBe(true);
    const download = await fetch(url.body.download_url);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('intercepts extra origins given as baseUrl, and seeded URLs point at the first', async () => {
    const local = createComposioMock({ baseUrl: 'http://composio.test:9900/' });
    expect(local.origins).toEqual(['http://composio.test:9900', ...DEFAULT_BASE_URLS]);
    server.use(...local.handlers);
    const seeded = await local.seed.session(KEY, { user_id: 'bob' });
    expect(seeded.mcp.url.startsWith('http://composio.test:9900/')).toBe(true);
    const read = await call('GET', `http://composio.test:9900/api/v3.1/tool_router/session/${seeded.session_id}`);
    expect(read.status).toBe(200);
  });

  it('refuses a baseUrl that is not an origin', () => {
    expect(() => createHandlers({ baseUrl: 'https://proxy.example/composio' })).toThrow(/must be an origin/);
    expect(() => createHandlers({ baseUrl: ['not a url'] })).toThrow(/not an absolute URL/);
  });
});

describe('isolation', () => {
  it('each instance starts empty and keeps its own state', async () => {
    const other = createComposioMock({ seed: 3 });
    server.use(...other.handlers); // prepended: this instance answers now
    const created = await createSession();
    expect(other.state(KEY).sessions.map((s) => s.session_id)).toEqual([created.body.session_id]);
    expect(mock.state(KEY).sessions).toEqual([]);
    expect(createComposioMock().state(KEY)).toMatchObject({ sessions: [], connected_accounts: [], executions: [], request_count: 0 });
  });

  it('reset() empties state, restarts ids from the seed and clears scenarios', async () => {
    const first = await createSession();
    mock.scenarios.failNext('getSession', { status: 500 });
    mock.reset();
    expect(mock.state(KEY)).toMatchObject({ sessions: [], request_count: 0 });
    expect(mock.scenarios.pending()).toEqual([]);
    const again = await createSession();
    expect(again.body.session_id).toBe(first.body.session_id);
    expect((await call('GET', `${API}/tool_router/session/${again.body.session_id}`)).status).toBe(200);
  });

  it("reset() returns the mock's own clock to wall time, and leaves a given clock alone", () => {
    mock.clock.advance(86_400_000);
    expect(mock.clock.now().getTime() - Date.now()).toBeGreaterThan(86_000_000);
    mock.reset();
    expect(Math.abs(mock.clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const frozen = createComposioMock({ clock });
    frozen.clock.advance(1_000);
    frozen.reset();
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });

  it('state() is a detached snapshot of GET /_mock/state', async () => {
    await createSession();
    const snapshot = mock.state(KEY);
    const viaHttp = await call('GET', 'https://backend.composio.dev/_mock/state');
    expect(snapshot).toEqual(viaHttp.body.project);
    await createSession();
    expect(snapshot.sessions).toHaveLength(1);
    expect(mock.state(KEY).sessions).toHaveLength(2);
  });
});

describe('seeding', () => {
  it('seed.session returns the session as the API shows it, without counting a request', async () => {
    const seeded = await mock.seed.session(KEY, { user_id: 'carol', toolkits: { enable: ['gmail'] } });
    expect(seeded.config).toMatchObject({ user_id: 'carol', toolkits: { enabled: ['gmail'] } });
    const read = await call('GET', `${API}/tool_router/session/${seeded.session_id}`);
    const { experimental, ...persistent } = seeded;
    expect(experimental?.assistive_prompt).toContain('gmail'); // as the create answer carries it
    expect(read.body).toEqual(persistent);
    expect(mock.state(KEY).request_count).toBe(1);
  });

  it('seed.connectedAccount makes an ACTIVE account that execute uses', async () => {
    const { session_id } = await mock.seed.session(KEY, { user_id: 'dave', toolkits: { enable: ['github'] } });
    const account = await mock.seed.connectedAccount(KEY, { user_id: 'dave', toolkit: 'github', alias: 'work' });
    expect(account).toMatchObject({ status: 'ACTIVE', user_id: 'dave', alias: 'work', toolkit: { slug: 'github' } });
    const executed = await call('POST', `${API}/tool_router/session/${session_id}/execute`, {
      tool_slug: 'GITHUB_CREATE_AN_ISSUE',
      arguments: { owner: 'acme', repo: 'web', title: 'Broken build' },
    });
    expect(executed.status).toBe(200);
    expect(executed.body.error).toBeNull();
    expect(mock.state(KEY).executions).toMatchObject([{ tool_slug: 'GITHUB_CREATE_AN_ISSUE', account: account.id }]);
  });

  it('seeding errors carry the status and the violations', async () => {
    await expect(mock.seed.connectedAccount(KEY, { user_id: 'x', toolkit: 'not_a_toolkit' })).rejects.toMatchObject({ status: 404 });
    await expect(mock.seed.session(KEY, { user_id: 'x', toolkits: { enable: ['nope'] } })).rejects.toMatchObject({ status: 400 });
    await expect(mock.seed.file(KEY, 'trs_missing', { path: 'a.txt', content: 'x' })).rejects.toMatchObject({ name: 'SeedError', status: 404 });
  });

  it('seeding a session applies the shape rules of the API: nothing is stored that the API would refuse', async () => {
    const invalid = [{ user_id: 5 }, { user_id: 'x', toolkits: { enable: ['github'], disable: ['slack'] } }, { user_id: 'x', tags: 'readOnlyHint' }, { user_id: 'x', toolkits: { enable: 'github' } }];
    for (const body of invalid) {
      await expect(mock.seed.session(KEY, body as never), JSON.stringify(body)).rejects.toMatchObject({ name: 'SeedError', status: 400, code: 1400 });
    }
    await expect(mock.seed.session(KEY, { user_id: 'x', toolkits: { enable: ['nope'] } })).rejects.toMatchObject({ name: 'SeedError', errors: ['/toolkits/enable/0: unknown toolkit "nope"'] });
    expect(mock.state(KEY).sessions).toHaveLength(0);
  });

  it('seeding is never consumed by a queued failure', async () => {
    mock.scenarios.failNext('createMountUploadUrl', { status: 503 });
    const { session_id } = await mock.seed.session(KEY, { user_id: 'erin' });
    await mock.seed.file(KEY, session_id, { path: 'notes.txt', content: 'hello' });
    expect(mock.scenarios.pending()).toEqual([{ operationId: 'createMountUploadUrl', status: 503, remaining: 1 }]);
  });
});

describe('scenarios', () => {
  it('failNext answers the status in the error envelope with a request id, then the real thing', async () => {
    mock.scenarios.failNext('createSession', { status: 429, times: 2, headers: { 'retry-after': '1' }, message: 'Slow down' });
    for (let i = 0; i < 2; i++) {
      const res = await createSession();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body.error).toMatchObject({ status: 429, code: 1429, message: 'Slow down' });
      expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'));
    }
    expect((await createSession()).status).toBe(201);
    expect(mock.scenarios.pending()).toEqual([]);
    expect(mock.state(KEY).sessions).toHaveLength(1);
  });

  it('queues failures per operation in order and leaves other operations alone', async () => {
    const { body } = await createSession();
    mock.scenarios.failNext('getSession', { status: 503 });
    mock.scenarios.failNext('getSession', { status: 500 });
    const path = `${API}/tool_router/session/${body.session_id}`;
    expect((await call('GET', path)).body.error).toMatchObject({ status: 503, code: 1500 });
    expect((await call('PATCH', path, {})).status).toBe(200);
    expect((await call('GET', path)).status).toBe(500);
    expect((await call('GET', path)).status).toBe(200);
  });

  it('auth and routing still come first: a 401 does not consume the failure', async () => {
    mock.scenarios.failNext('createSession', { status: 503 });
    expect((await call('POST', `${API}/tool_router/session`, { user_id: 'u' }, '')).status).toBe(401);
    expect((await createSession()).status).toBe(503);
  });

  it('delay slows every operation ("*") or one, until cleared', async () => {
    mock.scenarios.delay('*', 60);
    let started = performance.now();
    await createSession();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    mock.scenarios.delay('createSession', 0);
    mock.scenarios.clear();
    started = performance.now();
    await createSession();
    expect(performance.now() - started).toBeLessThan(55);
  });

  it('refuses unknown operations and impossible statuses', () => {
    expect(() => mock.scenarios.failNext('createSesion' as 'createSession', { status: 500 })).toThrow(/unknown operationId "createSesion"/);
    expect(() => mock.scenarios.failNext('createSession', { status: 200 })).toThrow(RangeError);
    expect(() => mock.scenarios.failNext('createSession', { status: 500, times: 0 })).toThrow(RangeError);
    expect(() => mock.scenarios.delay('*', -1)).toThrow(RangeError);
  });
});
