import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { apiClient, SESSION_PATH } from '../support/api-client.js';
import { type Target, targets } from '../support/targets.js';

describe.each(Object.entries(targets))('session lifecycle (%s)', (_name, makeTarget) => {
  let target: Target;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    target = await makeTarget({ seed: 7, clock: new ManualClock('2026-03-01T12:00:00Z'), validateResponses: true });
    api = apiClient(target);
  });
  afterAll(() => target.close());

  it('creates (201), reads, patches (version +1), lists history, attaches and deletes', async () => {
    const created = await api.createSession({ user_id: 'alice', toolkits: { enable: ['github'] } });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/json');
    const id = created.body.session_id as string;
    expect(id).toMatch(/^trs_/);
    expect(created.body.config).toMatchObject({ user_id: 'alice', toolkits: { enabled: ['github'] } });
    expect(created.body.mcp.url.startsWith(`${target.baseUrl}/`)).toBe(true);

    const read = await api.call('GET', `${SESSION_PATH}/${id}`, { operationId: 'getSession' });
    expect(read.status).toBe(200);
    expect(read.body.config_version).toBe(1);
    expect(read.body.experimental).toBeUndefined();

    const patched = await api.call('PATCH', `${SESSION_PATH}/${id}`, {
      body: { toolkits: { enable: ['gmail'] }, manage_connections: { enable: false }, multi_account: null },
      operationId: 'patchSession',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.config_version).toBe(2);
    expect(patched.body.config.toolkits).toEqual({ enabled: ['gmail'] });
    expect(patched.body.tool_router_tools).not.toContain('COMPOSIO_MANAGE_CONNECTIONS');

    const history = await api.call('GET', `${SESSION_PATH}/${id}/config_history?limit=1`, { operationId: 'listSessionConfigHistory' });
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ version: 2, is_current: true });
    expect(history.body.total_items).toBe(2);
    const older = await api.call('GET', `${SESSION_PATH}/${id}/config_history?cursor=${history.body.next_cursor}`, {
      operationId: 'listSessionConfigHistory',
    });
    expect(older.body.items[0]).toMatchObject({ version: 1, is_current: false, config: { toolkits: { enabled: ['github'] } } });

    const attached = await api.call('POST', `${SESSION_PATH}/${id}/attach`, {
      body: { experimental: { custom_tools: [{ slug: 'grep', name: 'Grep', description: 'search text', input_schema: { type: 'object', properties: {} } }] } },
      operationId: 'attachSession',
    });
    expect(attached.status).toBe(200);
    expect(attached.body.experimental.custom_tools[0]).toMatchObject({ slug: 'LOCAL_GREP', original_slug: 'grep' });

    const deleted = await api.call('DELETE', `${SESSION_PATH}/${id}`, { operationId: 'deleteSession' });
    expect(deleted).toMatchObject({ status: 200, body: { session_id: id, deleted: true } });
    for (const [method, path, operationId] of [
      ['GET', '', 'getSession'],
      ['PATCH', '', 'patchSession'],
      ['DELETE', '', 'deleteSession'],
      ['GET', '/config_history', 'listSessionConfigHistory'],
      ['POST', '/attach', 'attachSession'],
    ] as const) {
      const res = await api.call(method, `${SESSION_PATH}/${id}${path}`, { ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }), operationId });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe(1501);
    }
  });

  it('sends {} for an omitted optional body and still works (what the clients send)', async () => {
    const { body } = await api.createSession();
    const res = await target.fetch(`${target.baseUrl}${SESSION_PATH}/${body.session_id}/attach`, {
      method: 'POST',
      headers: { 'x-api-key': 'test-key' },
    });
    expect(res.status).toBe(200);
  });

  describe('authentication', () => {
    it('401 without a key, in the envelope with a request id', async () => {
      const res = await api.call('POST', SESSION_PATH, { key: null, body: { user_id: 'u' }, operationId: 'createSession' });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ status: 401, code: 1101 });
      expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'));
    });

    it('401 for two credential headers at once, naming both', async () => {
      for (const extra of ['x-user-api-key', 'x-org-api-key']) {
        const res = await api.call('GET', `${SESSION_PATH}/trs_anything`, { headers: { [extra]: 'k2' }, operationId: 'getSession' });
        expect(res.status).toBe(401);
        expect(res.body.error.message).toContain('Multiple authentication modes were provided');
        expect(res.body.error.message).toContain(extra);
      }
    });

    it("isolates projects: key A's session is 404 for key B", async () => {
      const { body } = await api.createSession();
      const other = await api.call('GET', `${SESSION_PATH}/${body.session_id}`, { key: 'other-key', operationId: 'getSession' });
      expect(other.status).toBe(404);
      const own = await api.call('GET', `${SESSION_PATH}/${body.session_id}`, { operationId: 'getSession' });
      expect(own.status).toBe(200);
    });
  });

  describe('validation', () => {
    it('400 listing every violation with its location', async () => {
      const res = await api.call('POST', SESSION_PATH, {
        body: { toolkits: { enable: 'github' }, multi_account: { max_accounts_per_toolkit: 1 } },
        operationId: 'createSession',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.errors).toEqual(
        expect.arrayContaining(['/body/user_id: is required', expect.stringMatching(/^\/body\/multi_account\/max_accounts_per_toolkit: /)]),
      );
    });

    it('400 naming unknown toolkits and tools from the catalog', async () => {
      const res = await api.call('POST', SESSION_PATH, {
        body: { user_id: 'u', toolkits: { enable: ['github', 'not_a_toolkit'] } },
        operationId: 'createSession',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.errors).toEqual(['/toolkits/enable/1: unknown toolkit "not_a_toolkit"']);
    });

    it('malformed JSON, wrong content type and oversized bodies are 4xx and change nothing', async () => {
      const before = (await api.call('GET', '/_mock/state')).body.project.sessions.length;
      const bad = await api.call('POST', SESSION_PATH, { rawBody: '{"user_id": ', headers: { 'content-type': 'application/json' }, operationId: 'createSession' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe(1401);
      const text = await api.call('POST', SESSION_PATH, { rawBody: 'user_id=u', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const huge = await api.call('POST', SESSION_PATH, { body: { user_id: 'x'.repeat(2 * 1024 * 1024) }, operationId: 'createSession' });
      expect(huge.status).toBe(413);
      const after = (await api.call('GET', '/_mock/state')).body.project.sessions.length;
      expect(after).toBe(before);
    });

    it('hostile values are 400: deep nesting, __proto__ keys, NUL bytes', async () => {
      let deep: unknown = {};
      for (let i = 0; i < 200; i++) deep = { a: deep };
      const nested = await api.call('POST', SESSION_PATH, { body: { user_id: 'u', auth_configs: deep }, operationId: 'createSession' });
      expect(nested.status).toBe(400);
      const proto = await api.call('POST', SESSION_PATH, {
        rawBody: '{"user_id":"u","__proto__":{"polluted":true}}',
        headers: { 'content-type': 'application/json' },
        operationId: 'createSession',
      });
      expect(proto.status).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const nul = await api.call('POST', SESSION_PATH, { body: { user_id: 'u\u0000x' }, operationId: 'createSession' });
      expect(nul.status).toBe(400);
      expect(nul.body.error.errors).toEqual(['/body/user_id: NUL bytes are not allowed in strings']);
    });

    it('accepts unknown body fields and ignores them', async () => {
      const res = await api.call('POST', SESSION_PATH, { body: { user_id: 'u', some_future_field: 1 }, operationId: 'createSession' });
      expect(res.status).toBe(201);
      expect(res.body.config.some_future_field).toBeUndefined();
    });
  });

  describe('routing', () => {
    it('unknown path 404 and wrong method 405, both in the envelope', async () => {
      const missing = await api.call('GET', '/api/v3.1/tool_router/nothing');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe(1404);
      const wrong = await api.call('PUT', `${SESSION_PATH}/trs_x`);
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET, PATCH, DELETE, HEAD');
      expect(wrong.body.error.status).toBe(405);
    });

    it('HEAD answers like GET without a body', async () => {
      const { body } = await api.createSession();
      const head = await target.fetch(`${target.baseUrl}${SESSION_PATH}/${body.session_id}`, { method: 'HEAD', headers: { 'x-api-key': 'test-key' } });
      expect(head.status).toBe(200);
      expect(head.headers.get('x-request-id')).toMatch(/^req_/);
      expect(await head.text()).toBe('');
      const missing = await target.fetch(`${target.baseUrl}${SESSION_PATH}/trs_missing0000`, { method: 'HEAD', headers: { 'x-api-key': 'test-key' } });
      expect(missing.status).toBe(404);
    });
  });
});
