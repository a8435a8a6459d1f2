/**
 * Discovery and execution: tools and toolkits listings (pagination, filters), then execute
 * and execute_meta, with the executed tool chosen from the target's own listing by its tags.
 */
import type { ApiResponse, CheckContext } from '../check-context.js';
import { defineFlow } from '../flow.js';
import { executableTools, invalidArguments, type ListedTool, metaToolSlugs, minimalArguments } from '../tool-choice.js';
import { walkPages } from './paginate.js';

interface ToolsState {
  sessionId?: string;
  routerTools?: string[];
  sessionTools?: ListedTool[];
  toolkits?: any[];
  preloadSessionId?: string;
  preloadToolkit?: string;
  executable?: ListedTool[];
  /** The preload step ran clean (it may still have found nothing safe to execute). */
  preloadDone?: boolean;
}

const STEP = {
  tools: 'tools: pagination walks every page without repeats (limit=2)',
  toolkits: 'toolkits: pagination walks every page without repeats (limit=5)',
  preload: "tools: a preloaded toolkit's tools follow the meta tools",
};

const NOTHING_TO_EXECUTE = 'no preloaded app tool on this target is safe to execute (readOnlyHint without destructiveHint, or any with --allow-writes)';

const SEARCH_ARGS = { queries: [{ use_case: 'find tools to read the latest news' }] };

/**
 * `data` an object, `log_id` a non-empty string, and for `message` a non-empty `error`.
 *
 * @example
 * expectExecuteShape(ctx, await ctx.call('executeTool', { params, body }), 'message');
 */
export function expectExecuteShape(ctx: CheckContext, res: ApiResponse, error: 'null' | 'message'): void {
  const body = res.body;
  ctx.expect(body?.data !== null && typeof body?.data === 'object' && !Array.isArray(body?.data), 'data is an object', res.exchange, '/data');
  ctx.expect(typeof body?.log_id === 'string' && body.log_id.length > 0, 'log_id is a non-empty string', res.exchange, '/log_id');
  if (error === 'message') {
    ctx.expect(typeof body?.error === 'string' && body.error.length > 0, `error is a message (in-band failure), got ${JSON.stringify(body?.error)}`, res.exchange, '/error');
  }
}

function usableWithoutConnection(toolkit: any): boolean {
  return toolkit?.is_no_auth === true || toolkit?.connected_account?.status === 'ACTIVE';
}

function matchesText(toolkit: any, term: string): boolean {
  const t = term.toLowerCase();
  return [toolkit?.name, toolkit?.slug, toolkit?.meta?.description].some((v) => typeof v === 'string' && v.toLowerCase().includes(t));
}

export const toolsFlow = defineFlow<ToolsState>({
  group: 'tools',
  state: () => ({}),
  steps: [
    {
      name: STEP.tools,
      async run(ctx, state) {
        const session = await ctx.createSession();
        state.sessionId = session.session_id;
        state.routerTools = Array.isArray(session.tool_router_tools) ? session.tool_router_tools : [];
        const { items } = await walkPages<ListedTool>(ctx, { operationId: 'listSessionTools', params: { session_id: session.session_id }, limit: 2, key: (t) => String(t?.slug) });
        state.sessionTools = items;
      },
    },
    {
      name: 'tools: the listing holds every tool in tool_router_tools',
      async run(ctx, state) {
        const tools = ctx.prerequisite(state.sessionTools, STEP.tools);
        const listed = new Set(tools.map((t) => t.slug));
        const missing = (state.routerTools ?? []).filter((slug) => !listed.has(slug));
        ctx.expect(missing.length === 0, `tool_router_tools names tools the listing lacks: ${missing.join(', ')}`);
        ctx.expect((state.routerTools ?? []).length > 0, 'a default session exposes at least one meta tool in tool_router_tools');
      },
    },
    {
      name: STEP.toolkits,
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        const { items } = await walkPages(ctx, { operationId: 'listSessionToolkits', params: { session_id: sessionId }, limit: 5, key: (t: any) => String(t?.slug) });
        ctx.expect(items.length > 0, 'a default session lists at least one toolkit');
        state.toolkits = items;
      },
    },
    {
      name: 'toolkits: toolkits=a,b returns exactly those toolkits',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        const all = ctx.prerequisite(state.toolkits, STEP.toolkits);
        const slugs: string[] = all.map((t) => t.slug);
        const wanted = slugs.includes('github') && slugs.includes('slack') ? ['github', 'slack'] : slugs.slice(0, 2);
        if (wanted.length < 2) return ctx.skip('the target lists fewer than two toolkits');
        const res = await ctx.call('listSessionToolkits', { params: { session_id: sessionId }, query: { toolkits: wanted, limit: 50 } });
        const got: string[] = (res.body?.items ?? []).map((t: any) => t.slug);
        ctx.expectEqual([...got].sort(), [...wanted].sort(), `toolkits=${wanted.join(',')}`, res.exchange, '/items');
      },
    },
    {
      name: 'toolkits: is_connected=true returns only connected toolkits',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        const all = ctx.prerequisite(state.toolkits, STEP.toolkits);
        const { items, exchange } = await walkPages(ctx, { operationId: 'listSessionToolkits', params: { session_id: sessionId }, query: { is_connected: true }, limit: 50, key: (t: any) => String(t?.slug) });
        const unconnected = items.filter((t: any) => t?.connected_account === null || t?.connected_account === undefined).map((t: any) => t.slug);
        ctx.expect(unconnected.length === 0, `is_connected=true returned toolkits without an account: ${unconnected.join(', ')}`, exchange, '/items');
        const expected = all.filter((t) => t?.connected_account).map((t) => t.slug).sort();
        ctx.expectEqual(items.map((t: any) => t.slug).sort(), expected, 'the connected toolkits of the unfiltered listing', exchange, '/items');
      },
    },
    {
      name: 'toolkits: search matches name, slug or description',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        const all = ctx.prerequisite(state.toolkits, STEP.toolkits);
        const probe = all.find((t) => typeof t?.name === 'string' && t.name.length >= 3);
        if (!probe) return ctx.skip('no toolkit with a name to search for');
        const term: string = probe.name.slice(0, Math.min(probe.name.length, 6)).toLowerCase();
        const { items, exchange } = await walkPages(ctx, { operationId: 'listSessionToolkits', params: { session_id: sessionId }, query: { search: term }, limit: 50, key: (t: any) => String(t?.slug) });
        ctx.expect(items.some((t: any) => t.slug === probe.slug), `search=${term} does not return ${probe.slug}`, exchange, '/items');
        const unrelated = items.filter((t: any) => !matchesText(t, term)).map((t: any) => t.slug);
        ctx.expect(unrelated.length === 0, `search=${term} returned toolkits whose name, slug and description lack it: ${unrelated.join(', ')}`, exchange, '/items');
        const expected = all.filter((t) => matchesText(t, term)).map((t) => t.slug).sort();
        ctx.expectEqual(items.map((t: any) => t.slug).sort(), expected, `toolkits of the unfiltered listing matching "${term}"`, exchange, '/items');
      },
    },
    {
      name: STEP.preload,
      async run(ctx, state) {
        const all = ctx.prerequisite(state.toolkits, STEP.toolkits);
        const candidates = all.filter(usableWithoutConnection).sort((a, b) => Number(b.is_no_auth === true) - Number(a.is_no_auth === true));
        if (candidates.length === 0) return ctx.skip('no toolkit on this target runs without a connection (no-auth or ACTIVE)');
        const meta = new Set(metaToolSlugs());
        for (const toolkit of candidates.slice(0, 3)) {
          const session = await ctx.createSession({ toolkits: { enable: [toolkit.slug] }, preload: { tools: 'all' } });
          const { items, exchange } = await walkPages<ListedTool>(ctx, { operationId: 'listSessionTools', params: { session_id: session.session_id }, limit: 50, key: (t) => String(t?.slug) });
          const app = items.filter((t) => !meta.has(t.slug));
          ctx.expect(app.length > 0, `preload all with toolkits=[${toolkit.slug}] lists no app tool`, exchange, '/items');
          const foreign = app.filter((t) => t.toolkit?.slug !== toolkit.slug).map((t) => t.slug);
          ctx.expect(foreign.length === 0, `tools of other toolkits are listed: ${foreign.join(', ')}`, exchange, '/items');
          const lastMeta = items.map((t) => meta.has(t.slug)).lastIndexOf(true);
          const firstApp = items.findIndex((t) => !meta.has(t.slug));
          ctx.expect(lastMeta === -1 || firstApp === -1 || lastMeta < firstApp, 'meta tools come before the preloaded app tools', exchange, '/items');
          const executable = executableTools(app, ctx.suite.allowWrites);
          if (executable.length > 0) {
            state.preloadSessionId = session.session_id;
            state.preloadToolkit = toolkit.slug;
            state.executable = executable;
            break;
          }
        }
        if (!state.executable) ctx.warn('no preloaded tool is safe to execute (readOnlyHint without destructiveHint); the execute checks are skipped');
        if (ctx.violations.length === 0) state.preloadDone = true;
      },
    },
    {
      name: 'execute: a read-only tool answers data, error: null and log_id',
      async run(ctx, state) {
        ctx.prerequisite(state.preloadDone, STEP.preload);
        const tool = state.executable?.[0];
        const sessionId = state.preloadSessionId;
        if (!sessionId || !tool) return ctx.skip(NOTHING_TO_EXECUTE);
        const res = await ctx.call('executeTool', { params: { session_id: sessionId }, body: { tool_slug: tool.slug, arguments: minimalArguments(tool.input_parameters) } });
        expectExecuteShape(ctx, res, 'null');
        if (res.body?.error !== null) {
          const message = `${tool.slug} failed in-band: ${JSON.stringify(res.body?.error)}`;
          // A real upstream may fail for reasons of its own; against the mock it must succeed.
          if (ctx.target.kind === 'composio-mock') ctx.expect(false, message, res.exchange, '/error');
          else ctx.warn(message);
        }
      },
    },
    {
      name: 'execute: invalid arguments come back in-band (error, data, log_id)',
      async run(ctx, state) {
        ctx.prerequisite(state.preloadDone, STEP.preload);
        const sessionId = state.preloadSessionId;
        if (!sessionId || !state.executable?.length) return ctx.skip(NOTHING_TO_EXECUTE);
        const choice = state.executable.map((tool) => ({ tool, invalid: invalidArguments(tool.input_parameters) })).find((c) => c.invalid);
        if (!choice?.invalid) return ctx.skip('no executable tool has an input schema that can be violated');
        const res = await ctx.call('executeTool', { params: { session_id: sessionId }, body: { tool_slug: choice.tool.slug, arguments: choice.invalid.args } });
        expectExecuteShape(ctx, res, 'message');
      },
    },
    {
      name: 'execute: a meta tool slug runs through /execute',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        if (!state.routerTools?.includes('COMPOSIO_SEARCH_TOOLS')) return ctx.skip('the session does not expose COMPOSIO_SEARCH_TOOLS');
        const res = await ctx.call('executeTool', { params: { session_id: sessionId }, body: { tool_slug: 'COMPOSIO_SEARCH_TOOLS', arguments: SEARCH_ARGS } });
        expectExecuteShape(ctx, res, 'null');
        ctx.expectEqual(res.body?.error, null, 'error of a successful meta-tool call', res.exchange, '/error');
      },
    },
    {
      name: 'execute_meta: COMPOSIO_SEARCH_TOOLS answers data, error: null and log_id',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        if (!state.routerTools?.includes('COMPOSIO_SEARCH_TOOLS')) return ctx.skip('the session does not expose COMPOSIO_SEARCH_TOOLS');
        const res = await ctx.call('executeMetaTool', { params: { session_id: sessionId }, body: { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: SEARCH_ARGS } });
        expectExecuteShape(ctx, res, 'null');
        ctx.expectEqual(res.body?.error, null, 'error of a successful meta-tool call', res.exchange, '/error');
      },
    },
    {
      name: 'execute_meta: a failing COMPOSIO_MULTI_EXECUTE_TOOL item comes back in-band',
      async run(ctx, state) {
        const sessionId = ctx.prerequisite(state.sessionId, STEP.tools);
        if (!state.routerTools?.includes('COMPOSIO_MULTI_EXECUTE_TOOL')) return ctx.skip('the session does not expose COMPOSIO_MULTI_EXECUTE_TOOL');
        // An unknown slug: nothing can run, so this is safe on any account.
        const res = await ctx.call('executeMetaTool', {
          params: { session_id: sessionId },
          body: { slug: 'COMPOSIO_MULTI_EXECUTE_TOOL', arguments: { tools: [{ tool_slug: `CONTRACT_NO_SUCH_TOOL_${ctx.suite.runId.toUpperCase()}`, arguments: {} }] } },
        });
        expectExecuteShape(ctx, res, 'message');
      },
    },
  ],
});
