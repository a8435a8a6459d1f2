/**
 * Connections: a Connect link (201) and the INITIATED account behind it; on composio-mock with
 * writes allowed, the link completed on the mock's Connect page and used by proxy_execute.
 * Against a real deployment the link is never followed.
 */
import type { CheckContext } from '../check-context.js';
import { defineFlow } from '../flow.js';
import { walkPages } from './paginate.js';

interface ConnectionsState {
  sessionId?: string;
  routerTools?: string[];
  toolkits?: any[];
  toolkit?: string;
  link?: { redirect_url: string; connected_account_id: string };
  active?: boolean;
}

const LINK = 'link answers 201 with redirect_url and connected_account_id';
const COMPLETE = 'the Connect page completes the link and the account turns ACTIVE';
const CALLBACK = 'https://example.com/contract/callback';

async function authToolkits(ctx: CheckContext, state: ConnectionsState): Promise<any[]> {
  const sessionId = ctx.prerequisite(state.sessionId, LINK);
  if (!state.toolkits) {
    const { items } = await walkPages(ctx, { operationId: 'listSessionToolkits', params: { session_id: sessionId }, limit: 50, key: (t: any) => String(t?.slug) });
    state.toolkits = items;
  }
  return state.toolkits.filter((t) => t?.is_no_auth === false && !t?.connected_account);
}

export const connectionsFlow = defineFlow<ConnectionsState>({
  group: 'connections',
  state: () => ({}),
  steps: [
    {
      name: LINK,
      async run(ctx, state) {
        const session = await ctx.createSession();
        state.sessionId = session.session_id;
        state.routerTools = Array.isArray(session.tool_router_tools) ? session.tool_router_tools : [];
        const candidates = await authToolkits(ctx, state);
        const toolkit = candidates.find((t) => t.slug === 'github') ?? candidates[0];
        if (!toolkit) return ctx.skip('no toolkit on this target needs a connection the user lacks');
        const res = await ctx.call('createLink', { params: { session_id: state.sessionId }, body: { toolkit: toolkit.slug, callback_url: CALLBACK } });
        const id = ctx.require<string>(res.body?.connected_account_id, 'no connected_account_id', res.exchange);
        ctx.suite.resources.accounts.push({
          id,
          toolkit: toolkit.slug,
          userId: ctx.userId,
          sessionId: state.sessionId,
          manageConnections: (state.routerTools ?? []).includes('COMPOSIO_MANAGE_CONNECTIONS'),
          status: 'INITIATED',
        });
        const redirect: unknown = res.body?.redirect_url;
        ctx.expect(typeof redirect === 'string' && /^https?:\/\//.test(redirect), `redirect_url is an absolute http(s) URL, got ${JSON.stringify(redirect)}`, res.exchange, '/redirect_url');
        ctx.expect(typeof res.body?.link_token === 'string' && res.body.link_token.length > 0, 'link_token is a non-empty string', res.exchange, '/link_token');
        state.toolkit = toolkit.slug;
        state.link = { redirect_url: String(redirect), connected_account_id: id };
      },
    },
    {
      name: 'the linked account reads back INITIATED for the session user',
      async run(ctx, state) {
        const link = ctx.prerequisite(state.link, LINK);
        const res = await ctx.call('getConnectedAccount', { params: { id: link.connected_account_id } });
        ctx.expectEqual(res.body?.id, link.connected_account_id, 'id', res.exchange, '/id');
        ctx.expectEqual(res.body?.status, 'INITIATED', 'status of an account whose link was not followed', res.exchange, '/status');
        ctx.expectEqual(res.body?.user_id, ctx.userId, 'user_id is the session user', res.exchange, '/user_id');
        ctx.expectEqual(res.body?.toolkit?.slug, state.toolkit, 'toolkit.slug is the linked toolkit', res.exchange, '/toolkit/slug');
      },
    },
    {
      name: COMPLETE,
      mockOnly: true,
      writes: true,
      async run(ctx, state) {
        const link = ctx.prerequisite(state.link, LINK);
        const page = await ctx.raw(link.redirect_url, { method: 'GET', headers: { accept: 'text/html' } });
        ctx.expectEqual(page.status, 200, 'status of the Connect page', page.exchange);
        ctx.expect((page.headers.get('content-type') ?? '').startsWith('text/html'), 'the Connect page is HTML', page.exchange);
        const form = await ctx.raw(link.redirect_url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=approve', redirect: 'manual' });
        ctx.expectEqual(form.status, 303, 'approving answers 303 to the callback', form.exchange);
        ctx.expect((form.headers.get('location') ?? '').startsWith(CALLBACK), `location goes to the callback_url, got ${JSON.stringify(form.headers.get('location'))}`, form.exchange);
        const account = await ctx.call('getConnectedAccount', { params: { id: link.connected_account_id } });
        ctx.expectEqual(account.body?.status, 'ACTIVE', 'status after approval', account.exchange, '/status');
        const listed = await ctx.call('listSessionToolkits', { params: { session_id: state.sessionId! }, query: { toolkits: [state.toolkit!], is_connected: true } });
        const entry = (listed.body?.items ?? []).find((t: any) => t.slug === state.toolkit);
        ctx.expectEqual(entry?.connected_account?.id, link.connected_account_id, 'the toolkits listing shows the connected account', listed.exchange, '/items');
        ctx.expectEqual(entry?.connected_account?.status, 'ACTIVE', 'its status in the toolkits listing', listed.exchange, '/items');
        state.active = account.body?.status === 'ACTIVE';
        const created = ctx.suite.resources.accounts.find((a) => a.id === link.connected_account_id);
        if (created && typeof account.body?.status === 'string') created.status = account.body.status;
      },
    },
    {
      name: 'proxy_execute relays the upstream answer through the connection',
      mockOnly: true,
      writes: true,
      async run(ctx, state) {
        ctx.prerequisite(state.active || undefined, COMPLETE);
        const res = await ctx.call('proxyExecute', { params: { session_id: state.sessionId! }, body: { toolkit_slug: state.toolkit, endpoint: '/', method: 'GET' } });
        ctx.expect(Number.isInteger(res.body?.status), 'status is the upstream status (an integer)', res.exchange, '/status');
      },
    },
    {
      name: 'proxy_execute without a connection answers an error in the envelope',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, LINK);
        const candidates = (await authToolkits(ctx, state)).filter((t) => t.slug !== state.toolkit);
        if (candidates.length === 0) return ctx.skip('no second toolkit that needs a connection');
        // Nothing reaches the upstream: the user has no account for this toolkit.
        await ctx.call('proxyExecute', { params: { session_id: sessionId }, body: { toolkit_slug: candidates[0].slug, endpoint: '/', method: 'GET' }, expect: [400, 403, 404] });
      },
    },
  ],
});
