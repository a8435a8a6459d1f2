/**
 * `@composio/client@2.0.0-rc.6` (the hey-api successor with the Stainless-compatible surface),
 * unchanged, against the running mock: `new Composio({ apiKey, baseURL })` and the session
 * resource's `create / retrieve / patch / configHistory / attach / delete`, with its error
 * classes for 400, 401 and 404.
 */
import Composio, { APIError, AuthenticationError, BadRequestError, NotFoundError } from '@composio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { type SdkHarness, startSdkHarness } from './sdk-harness.js';

let h: SdkHarness;
let client: Composio;

beforeAll(async () => {
  h = await startSdkHarness({ seed: 5, clock: new ManualClock('2026-03-01T12:00:00Z') });
  client = h.client();
});
afterAll(() => h.close());

/** The envelope the error classes carry in `err.error`. */
interface Envelope {
  error: { message: string; code: number; status: number; request_id: string; errors?: string[] };
}

describe('@composio/client rc.6 sessions against the mock', () => {
  it('create -> retrieve -> patch -> configHistory -> attach -> delete', async () => {
    const created = await client.toolRouter.session.create({
      user_id: 'alice',
      toolkits: { enable: ['github'] },
      manage_connections: { enable: false },
      workbench: { enable: false },
    });
    expect(created.session_id).toMatch(/^trs_/);
    expect(created.config_version).toBe(1);
    expect(created.mcp).toEqual({ type: 'http', url: `${h.url}/tool_router/v3.1/${created.session_id}/mcp` });
    expect(created.config.toolkits).toEqual({ enabled: ['github'] });
    // Gating: no connection or workbench meta tools when those blocks are off.
    expect(created.tool_router_tools).toEqual(['COMPOSIO_SEARCH_TOOLS', 'COMPOSIO_GET_TOOL_SCHEMAS', 'COMPOSIO_MULTI_EXECUTE_TOOL']);
    expect(created.config.preload).toEqual({ tools: [] });

    const retrieved = await client.toolRouter.session.retrieve(created.session_id);
    expect(retrieved.session_id).toBe(created.session_id);
    expect(retrieved.config).toEqual(created.config);

    const patched = await client.toolRouter.session.patch(created.session_id, {
      toolkits: { enable: ['gmail', 'slack'] },
      manage_connections: { enable: true },
    });
    expect(patched.config_version).toBe(2);
    expect(patched.config.toolkits).toEqual({ enabled: ['gmail', 'slack'] });
    expect(patched.tool_router_tools).toContain('COMPOSIO_MANAGE_CONNECTIONS');
    expect(patched.config.workbench).toMatchObject({ enable: false });

    const page1 = await client.toolRouter.session.configHistory(created.session_id, { limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({ version: 2, is_current: true });
    expect(page1).toMatchObject({ total_items: 2, total_pages: 2, current_page: 1 });
    expect(page1.next_cursor).toEqual(expect.any(String));
    const page2 = await client.toolRouter.session.configHistory(created.session_id, { limit: 1, cursor: page1.next_cursor! });
    expect(page2.items[0]).toMatchObject({ version: 1, is_current: false, config: { toolkits: { enabled: ['github'] } } });
    expect(page2.next_cursor ?? null).toBeNull();

    const attached = await client.toolRouter.session.attach(created.session_id, {
      experimental: {
        custom_tools: [{ slug: 'grep', name: 'Grep', description: 'Search text', input_schema: { type: 'object', properties: { q: { type: 'string' } } } }],
        custom_toolkits: [
          { slug: 'dev', name: 'Dev', description: 'Dev tools', tools: [{ slug: 'sed', name: 'Sed', description: 'Edit', input_schema: { type: 'object', properties: {} } }] },
        ],
      },
    });
    expect(attached.experimental?.custom_tools?.[0]).toMatchObject({ slug: 'LOCAL_GREP', original_slug: 'grep', name: 'Grep' });
    expect(attached.experimental?.custom_toolkits?.[0]?.tools[0]).toMatchObject({ slug: 'LOCAL_DEV_SED', original_slug: 'sed' });
    expect(attached.config_version).toBe(2);

    const deleted = await client.toolRouter.session.delete(created.session_id);
    expect(deleted).toEqual({ session_id: created.session_id, deleted: true });
  });

  it('withResponse() exposes the mock headers: JSON and an x-request-id', async () => {
    const { data, response } = await client.toolRouter.session.create({ user_id: 'bob' }).withResponse();
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(data.config.user_id).toBe('bob');
  });

  it('400 BadRequestError: the envelope lists each offending value', async () => {
    const err = await client.toolRouter.session
      .create({ user_id: 'carol', toolkits: { enable: ['nope'] }, multi_account: { enable: true, max_accounts_per_toolkit: 11 } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toBeInstanceOf(APIError);
    const { status, error, headers } = err as BadRequestError & { error: Envelope; headers: Headers };
    expect(status).toBe(400);
    expect(error.error.status).toBe(400);
    expect(error.error.request_id).toBe(headers.get('x-request-id'));
    expect(error.error.errors).toEqual(expect.arrayContaining([expect.stringContaining('/multi_account/max_accounts_per_toolkit')]));
  });

  it('404 NotFoundError for a deleted session, on every operation', async () => {
    const { session_id: id } = await client.toolRouter.session.create({ user_id: 'dan' });
    await client.toolRouter.session.delete(id);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['retrieve', () => client.toolRouter.session.retrieve(id)],
      ['patch', () => client.toolRouter.session.patch(id, { toolkits: { enable: ['github'] } })],
      ['configHistory', () => client.toolRouter.session.configHistory(id)],
      ['attach', () => client.toolRouter.session.attach(id, {})],
      ['delete', () => client.toolRouter.session.delete(id)],
    ];
    for (const [name, call] of calls) {
      const err = await call().catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(NotFoundError);
      expect((err as NotFoundError & { error: Envelope }).error.error, name).toMatchObject({ status: 404, code: 1501 });
    }
  });

  it('401 AuthenticationError when the key is not one the mock accepts', async () => {
    const restricted = await startSdkHarness({ apiKeys: ['good-key'] });
    try {
      const err = await restricted.client('bad-key').toolRouter.session.create({ user_id: 'eve' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthenticationError);
      expect((err as AuthenticationError & { error: Envelope }).error.error).toMatchObject({ status: 401, code: 1101 });
      const ok = await restricted.client('good-key').toolRouter.session.create({ user_id: 'eve' });
      expect(ok.session_id).toMatch(/^trs_/);
    } finally {
      await restricted.close();
    }
  });

  it('never calls anything but the mock', () => {
    expect(h.outbound).toEqual([]);
  });
});
