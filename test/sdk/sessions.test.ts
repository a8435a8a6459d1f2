/**
 * `@composio/core@0.19.0`, unchanged, against the running mock: pointed at it by `baseURL`
 * only, it creates, resumes, updates and deletes sessions, attaches custom tools, and raises
 * the same error classes as against the real service.
 */
import { experimental_createTool, experimental_createToolkit, SessionPreset } from '@composio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../src/engine/clock.js';
import { type SdkHarness, startSdkHarness } from './sdk-harness.js';

const SESSION_PATH = '/api/v3.1/tool_router/session';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ seed: 11, clock: new ManualClock('2026-03-01T12:00:00Z') });
});
afterAll(() => h.close());

const grep = experimental_createTool('GREP', {
  name: 'Grep',
  description: 'Search text in files',
  inputParams: z.object({ pattern: z.string(), path: z.string().optional() }),
  execute: async ({ pattern }) => ({ matches: [pattern] }),
});

describe('@composio/core sessions against the mock', () => {
  it('create() sends the whole config and reads back the echoed session', async () => {
    const composio = h.core();
    const from = h.requests.length;
    const session = await composio.create('alice', {
      toolkits: ['github', 'gmail'],
      tools: { github: ['GITHUB_CREATE_AN_ISSUE', 'GITHUB_GET_AN_ISSUE'] },
      tags: ['readOnlyHint'],
      manageConnections: { enable: true, callbackUrl: 'https://app.example/callback', waitForConnections: true },
      sandbox: { enable: true, enableProxyExecution: false, sandboxSize: 'medium' },
      multiAccount: { enable: true, maxAccountsPerToolkit: 3 },
      preload: { tools: ['GITHUB_GET_AN_ISSUE'] },
      mcp: true,
    });

    expect(session.sessionId).toMatch(/^trs_/);
    expect(session.configVersion).toBe(1);
    expect(session.config.user_id).toBe('alice');
    expect(session.config.toolkits).toEqual({ enabled: ['github', 'gmail'] });
    expect(session.config.tools).toEqual({ github: { enabled: ['GITHUB_CREATE_AN_ISSUE', 'GITHUB_GET_AN_ISSUE'] } });
    expect(session.config.tags).toEqual({ enabled: ['readOnlyHint'] });
    expect(session.config.manage_connections).toMatchObject({ enabled: true, callback_url: 'https://app.example/callback' });
    expect(session.config.multi_account).toEqual({ enable: true, max_accounts_per_toolkit: 3, require_explicit_selection: true });
    expect(session.preload).toEqual({ tools: ['GITHUB_GET_AN_ISSUE'] });
    expect(session.sandbox).toMatchObject({ enable: true, sandbox_size: 'medium' });
    expect(session.config.search).toEqual({ enable: true });
    expect(session.config.execute).toEqual({ enable_multi_execute: true });
    expect(session.warnings).toEqual([]);
    // The MCP endpoint is on the mock's own origin; core adds the key header itself.
    expect(session.mcp.type).toBe('http');
    expect(session.mcp.url).toBe(`${h.url}/tool_router/v3.1/${session.sessionId}/mcp`);
    expect(session.mcp.headers).toEqual({ 'x-api-key': 'sdk-key' });
    expect(h.requests.slice(from)).toEqual([`POST ${SESSION_PATH} 201`]);
  });

  it('create() with the DIRECT_TOOLS preset turns off search, multi-execute, connections and the sandbox', async () => {
    const session = await h.core().create('dora', { sessionPreset: SessionPreset.DIRECT_TOOLS, toolkits: ['hackernews'] });
    expect(session.config.search).toEqual({ enable: false });
    expect(session.config.execute).toEqual({ enable_multi_execute: false });
    expect(session.config.manage_connections).toMatchObject({ enabled: false });
    expect(session.sandbox).toMatchObject({ enable: false });
    expect(session.preload).toEqual({ tools: 'all' });
  });

  it('use(id) resumes a session with its stored config; update() patches it (version +1)', async () => {
    const composio = h.core();
    const created = await composio.create('bob', { toolkits: ['github'], manageConnections: false });

    const resumed = await composio.use(created.sessionId);
    expect(resumed.sessionId).toBe(created.sessionId);
    expect(resumed.configVersion).toBe(1);
    expect(resumed.config.toolkits).toEqual({ enabled: ['github'] });
    expect(resumed.config.manage_connections).toMatchObject({ enabled: false });

    const config = await resumed.update({ toolkits: ['slack'], multiAccount: { enable: true, maxAccountsPerToolkit: 2 } });
    expect(config.toolkits).toEqual({ enabled: ['slack'] });
    expect(config.multi_account).toMatchObject({ enable: true, max_accounts_per_toolkit: 2 });
    // Merge semantics: a block the update did not name keeps its value.
    expect(config.manage_connections).toMatchObject({ enabled: false });
    expect(resumed.configVersion).toBe(2);
    expect(resumed.config).toBe(config);

    const cleared = await resumed.update({ multiAccount: null, sandbox: { enable: false } });
    expect(cleared.multi_account).toBeUndefined();
    expect(resumed.sandbox).toMatchObject({ enable: false });
    expect(resumed.configVersion).toBe(3);

    const again = await composio.use(created.sessionId);
    expect(again.configVersion).toBe(3);
    expect(again.config.toolkits).toEqual({ enabled: ['slack'] });
  });

  it('use(id, { customTools, customToolkits }) attaches them and maps the LOCAL_ slugs the mock returns', async () => {
    const composio = h.core();
    const created = await composio.create('carol', { toolkits: ['github'] });
    const devTools = experimental_createToolkit('DEV_TOOLS', {
      name: 'Dev tools',
      description: 'Local developer utilities',
      tools: [
        experimental_createTool('SED', {
          name: 'Sed',
          description: 'Edit text',
          inputParams: z.object({ script: z.string() }),
          execute: async () => ({ ok: true }),
        }),
      ],
    });
    const from = h.requests.length;

    const attached = await composio.use(created.sessionId, { customTools: [grep], customToolkits: [devTools] });

    expect(h.requests.slice(from)).toEqual([`POST ${SESSION_PATH}/${created.sessionId}/attach 200`]);
    expect(attached.sessionId).toBe(created.sessionId);
    const tools = attached.customTools();
    expect(tools.map((t) => t.slug).sort()).toEqual(['LOCAL_DEV_TOOLS_SED', 'LOCAL_GREP']);
    expect(tools.find((t) => t.slug === 'LOCAL_GREP')).toMatchObject({ name: 'Grep', description: 'Search text in files' });
    expect(attached.customToolkits()).toEqual([expect.objectContaining({ slug: 'DEV_TOOLS', name: 'Dev tools' })]);

    // Attaching does not persist: a plain use() afterwards reads the session without them.
    const plain = await h.client().toolRouter.session.retrieve(created.sessionId);
    expect(plain.experimental?.custom_tools).toBeUndefined();
  });

  it('create() with inline custom tools gets them back with LOCAL_ slugs', async () => {
    const session = await h.core().create('erin', { toolkits: ['github'], experimental: { customTools: [grep] } });
    expect(session.customTools()).toEqual([expect.objectContaining({ slug: 'LOCAL_GREP', name: 'Grep' })]);
  });

  it('session.delete() answers { sessionId, deleted: true }; the session is gone afterwards (NotFoundError)', async () => {
    const composio = h.core();
    const { NotFoundError, APIError } = h.coreErrors(composio);
    const session = await composio.create('frank');

    await expect(session.delete()).resolves.toEqual({ sessionId: session.sessionId, deleted: true });

    const gone = await composio.use(session.sessionId).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone).toBeInstanceOf(APIError);
    expect(gone).toMatchObject({ status: 404, error: { error: { status: 404, code: 1501 } } });
    const again = await session.delete().catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NotFoundError);
  });

  it('a create naming an unknown toolkit is a BadRequestError naming it', async () => {
    const composio = h.core();
    const { BadRequestError } = h.coreErrors(composio);
    const err = await composio.create('gina', { toolkits: ['github', 'no_such_toolkit'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    const { status, error } = err as { status: number; error: { error: { message: string; errors: string[] } } };
    expect(status).toBe(400);
    expect(error.error.message).toBe('Invalid session config');
    expect(error.error.errors).toEqual(['/toolkits/enable/1: unknown toolkit "no_such_toolkit"']);
  });

  it("sessions belong to the key's project: another key's client gets NotFoundError", async () => {
    const session = await h.core('key-a').create('hank');
    const other = h.core('key-b');
    const err = await other.use(session.sessionId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(h.coreErrors(other).NotFoundError);
  });

  it("the raw client core drives (composio.getClient().toolRouter.session) works on the mock's responses", async () => {
    const client = h.core().getClient();
    const created = await client.toolRouter.session.create({ user_id: 'ivan', toolkits: { enable: ['gmail'] } });
    expect(created.tool_router_tools).toContain('COMPOSIO_SEARCH_TOOLS');
    const patched = await client.toolRouter.session.patch(created.session_id, { tags: { enable: ['destructiveHint'] } });
    expect(patched.config_version).toBe(2);
    expect(patched.config.tags).toEqual({ enabled: ['destructiveHint'] });
    const history = await client.toolRouter.session.configHistory(created.session_id, { limit: 1 });
    expect(history.items.map((i) => i.version)).toEqual([2]);
    expect(history.total_items).toBe(2);
    const retrieved = await client.toolRouter.session.retrieve(created.session_id);
    expect(retrieved.config_version).toBe(2);
  });

  it('never calls anything but the mock (telemetry and the version check are off)', () => {
    expect(h.outbound).toEqual([]);
  });
});

describe('@composio/core against a mock restricted to one key (--api-key)', () => {
  let restricted: SdkHarness;
  beforeAll(async () => {
    restricted = await startSdkHarness({ apiKeys: ['good-key'] });
  });
  afterAll(() => restricted.close());

  it('a wrong key is an AuthenticationError (401) in the error envelope', async () => {
    const composio = restricted.core('wrong-key');
    const err = await composio.create('ursula').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(restricted.coreErrors(composio).AuthenticationError);
    expect(err).toMatchObject({ status: 401, error: { error: { status: 401, code: 1101 } } });
  });

  it('the accepted key works', async () => {
    const session = await restricted.core('good-key').create('ursula');
    expect(session.sessionId).toMatch(/^trs_/);
  });
});
