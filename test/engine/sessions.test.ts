import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { Engine } from '../../src/engine/engine.js';
import {
  attachSession,
  createSession,
  deleteSession,
  getSession,
  listConfigHistory,
  patchSession,
} from '../../src/engine/sessions.js';
import { tinyCatalog } from '../support/tiny-catalog.js';
import { errorOf } from '../support/api-error-of.js';

const ctx = { apiKey: 'key-a', origin: 'http://127.0.0.1:4010' };

function engine(seed = 1) {
  return new Engine({ catalog: tinyCatalog(), seed, clock: new ManualClock('2026-01-01T00:00:00Z') });
}


describe('create', () => {
  it('returns a trs_ session at version 1 with the always-present blocks and response spellings', () => {
    const view = createSession(engine(), ctx, {
      user_id: 'u1',
      toolkits: { enable: ['GitHub'] },
      tags: ['readOnlyHint'],
      manage_connections: { enable: true, callback_url: 'https://cb.example' },
      workbench: { enable: false, enable_proxy_execution: true },
    });
    expect(view.session_id).toMatch(/^trs_[A-Za-z0-9]{12}$/);
    expect(view.config_version).toBe(1);
    expect(view.config.toolkits).toEqual({ enabled: ['github'] });
    expect(view.config.tags).toEqual({ enabled: ['readOnlyHint'] });
    expect(view.config.manage_connections).toEqual({ enabled: true, callback_url: 'https://cb.example' });
    expect(view.config.workbench).toEqual({ enable: false, proxy_execution_enabled: true });
    expect(view.config.preload).toEqual({ tools: [] });
    expect(view.config.search).toEqual({ enable: true });
    expect(view.config.execute).toEqual({ enable_multi_execute: true });
    expect(view.mcp).toEqual({ type: 'http', url: `http://127.0.0.1:4010/tool_router/v3.1/${view.session_id}/mcp` });
    expect(view.experimental?.assistive_prompt).toContain('github');
  });

  it('gates tool_router_tools by the config', () => {
    const e = engine();
    expect(createSession(e, ctx, { user_id: 'u1' }).tool_router_tools).toEqual([
      'COMPOSIO_SEARCH_TOOLS',
      'COMPOSIO_GET_TOOL_SCHEMAS',
      'COMPOSIO_MULTI_EXECUTE_TOOL',
      'COMPOSIO_MANAGE_CONNECTIONS',
      'COMPOSIO_REMOTE_WORKBENCH',
      'COMPOSIO_REMOTE_BASH_TOOL',
    ]);
    const off = createSession(e, ctx, {
      user_id: 'u1',
      search: { enable: false },
      execute: { enable_multi_execute: false },
      manage_connections: { enable: true, enable_wait_for_connections: true },
      workbench: { enable: false },
    });
    expect(off.tool_router_tools).toEqual(['COMPOSIO_MANAGE_CONNECTIONS', 'COMPOSIO_WAIT_FOR_CONNECTIONS']);
  });

  it('names every offending value in one 400', () => {
    const error = errorOf(() =>
      createSession(engine(), ctx, {
        user_id: 'u1',
        toolkits: { enable: ['github', 'nope'] },
        tools: { github: { enable: ['GITHUB_CREATE_ISSUE', 'GMAIL_SEND_EMAIL'] } },
        preload: { tools: ['UNKNOWN_TOOL'] },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      '/toolkits/enable/1: unknown toolkit "nope"',
      '/tools/github/enable/1: "GMAIL_SEND_EMAIL" is not a tool of toolkit "github"',
      '/preload/tools/0: unknown tool "UNKNOWN_TOOL"',
    ]);
  });

  it('refuses preload "all" without a positive allowlist and accepts it with one', () => {
    const e = engine();
    const error = errorOf(() => createSession(e, ctx, { user_id: 'u1', preload: { tools: 'all' } }));
    expect(error.errors?.[0]).toContain('"all" needs a positive allowlist');
    const ok = createSession(e, ctx, { user_id: 'u1', toolkits: { enable: ['gmail'] }, preload: { tools: 'all' } });
    expect(ok.config.preload).toEqual({ tools: 'all' });
  });

  it('refuses preloading a tool the session excludes', () => {
    const error = errorOf(() => createSession(engine(), ctx, { user_id: 'u1', toolkits: { enable: ['github'] }, preload: { tools: ['GMAIL_SEND_EMAIL'] } }));
    expect(error.errors).toEqual(['/preload/tools/0: "GMAIL_SEND_EMAIL" is excluded by the session\'s toolkits, tools or tags config']);
  });

  it('checks max_accounts_per_toolkit is within 2..10', () => {
    const error = errorOf(() => createSession(engine(), ctx, { user_id: 'u1', multi_account: { enable: true, max_accounts_per_toolkit: 11 } }));
    expect(error.errors).toEqual(['/multi_account/max_accounts_per_toolkit: 11 is outside 2..10']);
  });

  it('refuses custom tools with reserved prefixes, bad schemas or clashing toolkit slugs', () => {
    const error = errorOf(() =>
      createSession(engine(), ctx, {
        user_id: 'u1',
        experimental: {
          custom_tools: [{ slug: 'LOCAL_X', name: 'x', description: 'x', input_schema: { type: 'string' } }],
          custom_toolkits: [{ slug: 'github', name: 'g', description: 'g', tools: [] }],
        },
      }),
    );
    expect(error.errors).toEqual([
      '/experimental/custom_tools/0/slug: "LOCAL_X" must not start with LOCAL_ or COMPOSIO_ (reserved prefixes)',
      '/experimental/custom_tools/0/input_schema: must have type "object" and a "properties" object',
      '/experimental/custom_toolkits/0/slug: "github" clashes with a Composio toolkit of the same slug',
    ]);
  });

  it('echoes custom tools with LOCAL_ slugs and original_slug', () => {
    const view = createSession(engine(), ctx, {
      user_id: 'u1',
      experimental: {
        custom_tools: [{ slug: 'find_vip', name: 'Find', description: 'd', input_schema: { type: 'object', properties: {} }, extends_toolkit: 'gmail' }],
        custom_toolkits: [
          { slug: 'crm', name: 'CRM', description: 'd', tools: [{ slug: 'find_customer', name: 'f', description: 'd', input_schema: { type: 'object', properties: {} } }] },
        ],
      },
    });
    expect(view.experimental?.custom_tools?.[0]).toMatchObject({ slug: 'LOCAL_GMAIL_FIND_VIP', original_slug: 'find_vip', extends_toolkit: 'gmail' });
    expect(view.experimental?.custom_toolkits?.[0]?.tools[0]).toMatchObject({ slug: 'LOCAL_CRM_FIND_CUSTOMER', original_slug: 'find_customer' });
  });

  it('gives the same ids for the same seed and different ids for another seed', () => {
    const a = createSession(engine(5), ctx, { user_id: 'u1' }).session_id;
    const b = createSession(engine(5), ctx, { user_id: 'u1' }).session_id;
    const c = createSession(engine(6), ctx, { user_id: 'u1' }).session_id;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('get, patch, history, attach, delete', () => {
  it('isolates projects by key', () => {
    const e = engine();
    const { session_id } = createSession(e, ctx, { user_id: 'u1' });
    expect(getSession(e, ctx, session_id).config.user_id).toBe('u1');
    const error = errorOf(() => getSession(e, { ...ctx, apiKey: 'key-b' }, session_id));
    expect(error.status).toBe(404);
  });

  it('merges a patch, clears blocks with null, bumps the version and archives the old config', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const e = new Engine({ catalog: tinyCatalog(), seed: 1, clock });
    const created = createSession(e, ctx, { user_id: 'u1', workbench: { enable: false }, toolkits: { enable: ['github'] } });
    clock.advance(60_000);
    const patched = patchSession(e, ctx, created.session_id, { workbench: null, search: { enable: false } });
    expect(patched.config_version).toBe(2);
    expect(patched.config.workbench).toBeUndefined();
    expect(patched.config.toolkits).toEqual({ enabled: ['github'] });
    expect(patched.config.search).toEqual({ enable: false });
    expect(patched.tool_router_tools).not.toContain('COMPOSIO_SEARCH_TOOLS');

    const history = listConfigHistory(e, ctx, created.session_id, {});
    expect(history.total_items).toBe(2);
    expect(history.items.map((i) => [i.version, i.is_current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(history.items[1]?.config.workbench).toEqual({ enable: false });
    expect(history.items[1]?.created_at).toBe('2026-01-01T00:01:00.000Z');
  });

  it('refuses an invalid patch without changing anything', () => {
    const e = engine();
    const { session_id } = createSession(e, ctx, { user_id: 'u1' });
    expect(errorOf(() => patchSession(e, ctx, session_id, { toolkits: { enable: ['nope'] } })).status).toBe(400);
    expect(getSession(e, ctx, session_id).config_version).toBe(1);
  });

  it('paginates config history with limit and cursor', () => {
    const e = engine();
    const { session_id } = createSession(e, ctx, { user_id: 'u1' });
    for (let i = 0; i < 4; i++) patchSession(e, ctx, session_id, {});
    const first = listConfigHistory(e, ctx, session_id, { limit: 2 });
    expect(first.items.map((i) => i.version)).toEqual([5, 4]);
    expect(first.total_pages).toBe(3);
    const second = listConfigHistory(e, ctx, session_id, { limit: 2, cursor: first.next_cursor! });
    expect(second.current_page).toBe(2);
    expect(second.items.map((i) => i.version)).toEqual([3, 2]);
    const third = listConfigHistory(e, ctx, session_id, { cursor: second.next_cursor! });
    expect(third.items.map((i) => i.version)).toEqual([1]);
    expect(third.next_cursor).toBeNull();
    expect(errorOf(() => listConfigHistory(e, ctx, session_id, { cursor: '!!' })).status).toBe(400);
  });

  it('attach echoes customs without storing them or bumping the version', () => {
    const e = engine();
    const { session_id } = createSession(e, ctx, { user_id: 'u1' });
    const attached = attachSession(e, ctx, session_id, {
      experimental: { custom_tools: [{ slug: 'grep', name: 'g', description: 'd', input_schema: { type: 'object', properties: {} } }] },
    });
    expect(attached.experimental?.custom_tools?.[0]?.slug).toBe('LOCAL_GREP');
    expect(attached.config_version).toBe(1);
    expect(getSession(e, ctx, session_id).experimental).toBeUndefined();
  });

  it('delete makes every later operation 404, including a second delete', () => {
    const e = engine();
    const { session_id } = createSession(e, ctx, { user_id: 'u1' });
    expect(deleteSession(e, ctx, session_id)).toEqual({ session_id, deleted: true });
    expect(errorOf(() => getSession(e, ctx, session_id)).status).toBe(404);
    expect(errorOf(() => patchSession(e, ctx, session_id, {})).status).toBe(404);
    expect(errorOf(() => deleteSession(e, ctx, session_id)).status).toBe(404);
    expect(errorOf(() => getSession(e, ctx, 'not-a-session')).status).toBe(400);
  });
});

describe('pagination cursors', () => {
  it('refuse anything but the exact cursors the endpoint issues', () => {
    const e = engine();
    const { session_id } = createSession(e, ctx, { user_id: 'u1' });
    patchSession(e, ctx, session_id, {});
    const first = listConfigHistory(e, ctx, session_id, { limit: 1 });
    expect(listConfigHistory(e, ctx, session_id, { cursor: first.next_cursor! }).current_page).toBe(2);
    for (const bad of [`${first.next_cursor}.`, Buffer.from('1:0').toString('base64url'), Buffer.from('0:5').toString('base64url'), 'not-a-cursor']) {
      expect(errorOf(() => listConfigHistory(e, ctx, session_id, { cursor: bad })).status, bad).toBe(400);
    }
  });
});
