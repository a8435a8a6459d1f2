/**
 * The session lifecycle, as one flow: create -> get -> patch -> config_history -> attach ->
 * delete -> every operation on the deleted session answers 404.
 */
import type { CheckContext } from '../check-context.js';
import { defineFlow } from '../flow.js';
import { deadSessionCalls } from './session-operations.js';

interface SessionsState {
  id?: string;
  created?: any;
  patched?: any;
  deleted?: boolean;
}

/** The create body: settings whose response spellings differ from the request's. */
const CREATE_BODY = {
  manage_connections: { enable: true },
  tags: ['readOnlyHint'],
  search: { enable: true },
  execute: { enable_multi_execute: true },
};

const PATCH_BODY = {
  manage_connections: { enable: false },
  tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] },
};

async function walkHistory(ctx: CheckContext, id: string) {
  {
    const items: any[] = [];
    let cursor: string | undefined;
    for (let page = 1; page <= 20; page++) {
      const res = await ctx.call('listSessionConfigHistory', { params: { session_id: id }, query: { limit: 1, cursor } });
      const pageItems: any[] = Array.isArray(res.body?.items) ? res.body.items : [];
      ctx.expect(pageItems.length <= 1, `page ${page} holds ${pageItems.length} items with limit=1`, res.exchange, '/items');
      items.push(...pageItems.map((item) => ({ ...item, exchange: res.exchange })));
      cursor = typeof res.body?.next_cursor === 'string' && res.body.next_cursor !== '' ? res.body.next_cursor : undefined;
      if (!cursor) return { items, total: res.body?.total_items as unknown, exchange: res.exchange };
    }
    ctx.expect(false, 'config_history did not end within 20 pages of one item');
    return { items, total: undefined, exchange: undefined };
  }
}

export const sessionsFlow = defineFlow<SessionsState>({
  group: 'sessions',
  state: () => ({}),
  steps: [
    {
      name: 'create answers 201 with the session at config_version 1',
      async run(ctx, state) {
        const res = await ctx.call('createSession', { body: { user_id: ctx.userId, ...CREATE_BODY } });
        const id = ctx.require<string>(res.body?.session_id, 'no session_id in the created session', res.exchange);
        ctx.suite.resources.addSession(id);
        ctx.expectEqual(res.body.config_version, 1, 'config_version of a new session', res.exchange, '/config_version');
        ctx.expectEqual(res.body.config?.user_id, ctx.userId, 'config.user_id echoes the user', res.exchange, '/config/user_id');
        ctx.expectEqual(res.body.config?.tags, { enabled: ['readOnlyHint'] }, 'config.tags in the response spelling (an array becomes enabled)', res.exchange, '/config/tags');
        ctx.expectEqual(res.body.config?.manage_connections?.enabled, true, 'config.manage_connections.enabled (request spelling enable)', res.exchange, '/config/manage_connections');
        state.id = id;
        state.created = res.body;
      },
    },
    {
      name: 'get returns the same session',
      async run(ctx, state) {
        const id = ctx.prerequisite(state.id, 'create answers 201 with the session at config_version 1');
        const res = await ctx.call('getSession', { params: { session_id: id } });
        ctx.expectEqual(res.body?.session_id, id, 'session_id', res.exchange, '/session_id');
        ctx.expectEqual(res.body?.config_version, 1, 'config_version before any patch', res.exchange, '/config_version');
        ctx.expectEqual(res.body?.config, state.created?.config, 'config equals the one create returned', res.exchange, '/config');
      },
    },
    {
      name: 'patch bumps config_version and echoes the config in response spellings',
      async run(ctx, state) {
        const id = ctx.prerequisite(state.id, 'create answers 201 with the session at config_version 1');
        const res = await ctx.call('patchSession', { params: { session_id: id }, body: PATCH_BODY });
        ctx.expectEqual(res.body?.config_version, 2, 'config_version after one patch', res.exchange, '/config_version');
        ctx.expectEqual(res.body?.config?.manage_connections?.enabled, false, 'config.manage_connections.enabled after the patch', res.exchange, '/config/manage_connections/enabled');
        ctx.expect(res.body?.config?.manage_connections?.enable === undefined, 'config.manage_connections carries the request spelling "enable"', res.exchange, '/config/manage_connections/enable');
        ctx.expectEqual(res.body?.config?.tags, { enabled: ['readOnlyHint'], disabled: ['destructiveHint'] }, 'config.tags in the response spelling', res.exchange, '/config/tags');
        ctx.expectEqual(res.body?.config?.user_id, ctx.userId, 'config.user_id is kept', res.exchange, '/config/user_id');
        const tools: unknown = res.body?.tool_router_tools;
        ctx.expect(Array.isArray(tools) && !tools.includes('COMPOSIO_MANAGE_CONNECTIONS'), 'tool_router_tools still lists COMPOSIO_MANAGE_CONNECTIONS after manage_connections was disabled', res.exchange, '/tool_router_tools');
        state.patched = res.body;
        const read = await ctx.call('getSession', { params: { session_id: id } });
        ctx.expectEqual(read.body?.config_version, 2, 'get after the patch reads the new version', read.exchange, '/config_version');
        ctx.expectEqual(read.body?.config, res.body?.config, 'get after the patch reads the patched config', read.exchange, '/config');
      },
    },
    {
      name: 'config_history keeps the old version, newest first, one is_current',
      async run(ctx, state) {
        const id = ctx.prerequisite(state.id, 'create answers 201 with the session at config_version 1');
        ctx.prerequisite(state.patched, 'patch bumps config_version and echoes the config in response spellings');
        const { items, total, exchange } = await walkHistory(ctx, id);
        const versions = items.map((i) => i.version);
        ctx.expectEqual(versions, [2, 1], 'versions walked page by page (limit=1), newest first', exchange);
        ctx.expectEqual(total, 2, 'total_items after one patch', exchange, '/total_items');
        ctx.expectEqual(items.map((i) => i.is_current), [true, false], 'is_current: only the live version', exchange);
        const current = items.find((i) => i.version === 2);
        const old = items.find((i) => i.version === 1);
        if (current) ctx.expectEqual(current.config, state.patched.config, 'the current version holds the live config', current.exchange, '/items/0/config');
        if (old) {
          ctx.expectEqual(old.config?.manage_connections?.enabled, true, 'the archived version keeps manage_connections.enabled from create', old.exchange, '/items/0/config/manage_connections/enabled');
          ctx.expectEqual(old.config?.tags, { enabled: ['readOnlyHint'] }, 'the archived version keeps the tags from create', old.exchange, '/items/0/config/tags');
        }
      },
    },
    {
      name: 'attach echoes custom tools with LOCAL_ slugs and keeps the version',
      async run(ctx, state) {
        const id = ctx.prerequisite(state.id, 'create answers 201 with the session at config_version 1');
        const res = await ctx.call('attachSession', {
          params: { session_id: id },
          body: {
            experimental: {
              custom_tools: [{ slug: 'CONTRACT_ECHO', name: 'Contract echo', description: 'Echoes its input (contract suite).', input_schema: { type: 'object', properties: { text: { type: 'string' } } } }],
            },
          },
        });
        const echoed: any[] = res.body?.experimental?.custom_tools ?? [];
        ctx.expectEqual(echoed.length, 1, 'experimental.custom_tools holds the attached tool', res.exchange, '/experimental/custom_tools');
        ctx.expectEqual(echoed[0]?.slug, 'LOCAL_CONTRACT_ECHO', 'the final slug is LOCAL_ + the given slug', res.exchange, '/experimental/custom_tools/0/slug');
        ctx.expectEqual(echoed[0]?.original_slug, 'CONTRACT_ECHO', 'original_slug is the slug as given', res.exchange, '/experimental/custom_tools/0/original_slug');
        ctx.expectEqual(res.body?.config_version, state.patched?.config_version ?? 1, 'attach does not change config_version', res.exchange, '/config_version');
      },
    },
    {
      name: 'delete answers 200 with deleted: true',
      async run(ctx, state) {
        const id = ctx.prerequisite(state.id, 'create answers 201 with the session at config_version 1');
        const res = await ctx.call('deleteSession', { params: { session_id: id } });
        ctx.suite.resources.markSessionDeleted(id);
        ctx.expectEqual(res.body?.session_id, id, 'session_id of the deleted session', res.exchange, '/session_id');
        ctx.expectEqual(res.body?.deleted, true, 'deleted', res.exchange, '/deleted');
        state.deleted = true;
      },
    },
    {
      name: 'a deleted session answers 404 on every operation',
      async run(ctx, state) {
        const id = ctx.prerequisite(state.id, 'create answers 201 with the session at config_version 1');
        ctx.prerequisite(state.deleted, 'delete answers 200 with deleted: true');
        for (const call of deadSessionCalls(id)) {
          // A wrong status is recorded by call(); keep going so every operation is reported.
          await ctx.call(call.operationId, { ...call.options, expect: 404, continueOnStatus: true });
        }
      },
    },
  ],
});
