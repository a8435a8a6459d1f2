/**
 * Search: one result per query in request order (1-based `index`), `tool_schemas` and
 * connection statuses consistent with the results, and a failing query reported in its own
 * result while the others succeed.
 */
import type { CheckContext } from '../check-context.js';
import { defineFlow } from '../flow.js';

interface SearchState {
  sessionId?: string;
  answer?: { body: any; exchange: number };
}

const QUERIES = ['read the latest news headlines', 'send a message to a colleague', 'create a task in my project tracker'];
const FIRST = 'answers one result per query, in order, with a 1-based index';

async function session(ctx: CheckContext, state: SearchState): Promise<string> {
  if (!state.sessionId) state.sessionId = (await ctx.createSession()).session_id;
  return state.sessionId;
}

export const searchFlow = defineFlow<SearchState>({
  group: 'search',
  state: () => ({}),
  steps: [
    {
      name: FIRST,
      async run(ctx, state) {
        const sessionId = await session(ctx, state);
        const res = await ctx.call('searchTools', { params: { session_id: sessionId }, body: { queries: QUERIES.map((use_case) => ({ use_case })) } });
        const results: any[] = Array.isArray(res.body?.results) ? res.body.results : [];
        ctx.expectEqual(results.length, QUERIES.length, 'one result per query', res.exchange, '/results');
        ctx.expectEqual(results.map((r) => r?.index), QUERIES.map((_q, i) => i + 1), 'index of each result (1-based, request order)', res.exchange, '/results');
        ctx.expectEqual(results.map((r) => r?.use_case), QUERIES, 'use_case of each result echoes its query', res.exchange, '/results');
        ctx.expectEqual(res.body?.success, true, 'success when every query ran', res.exchange, '/success');
        ctx.expectEqual(res.body?.error, null, 'error when every query ran', res.exchange, '/error');
        results.forEach((r, i) => ctx.expect(r?.error === null || r?.error === undefined, `result ${i + 1} carries an error: ${JSON.stringify(r?.error)}`, res.exchange, `/results/${i}/error`));
        state.answer = { body: res.body, exchange: res.exchange };
      },
    },
    {
      name: 'tool_schemas has an entry for every primary tool, statuses for every toolkit',
      async run(ctx, state) {
        const { body, exchange } = ctx.prerequisite(state.answer, FIRST);
        const schemas: Record<string, any> = body?.tool_schemas ?? {};
        const results: any[] = body?.results ?? [];
        const primary = [...new Set(results.flatMap((r) => (Array.isArray(r?.primary_tool_slugs) ? r.primary_tool_slugs : [])))];
        ctx.expect(primary.length > 0, 'no query found a primary tool', exchange, '/results');
        for (const slug of primary) {
          ctx.expect(schemas[slug] !== undefined, `tool_schemas lacks the primary tool ${slug}`, exchange, `/tool_schemas/${slug}`);
          if (schemas[slug]) ctx.expectEqual(schemas[slug].tool_slug, slug, `tool_schemas.${slug}.tool_slug`, exchange, `/tool_schemas/${slug}/tool_slug`);
        }
        for (const [slug, schema] of Object.entries(schemas)) {
          ctx.expect(schema?.hasFullSchema !== true || (schema.input_schema !== null && typeof schema.input_schema === 'object'), `tool_schemas.${slug} says hasFullSchema but has no input_schema`, exchange, `/tool_schemas/${slug}`);
        }
        const statuses = new Set((body?.toolkit_connection_statuses ?? []).map((s: any) => s?.toolkit));
        const toolkits = [...new Set(results.flatMap((r) => (Array.isArray(r?.toolkits) ? r.toolkits : [])))];
        const missing = toolkits.filter((t) => !statuses.has(t));
        ctx.expect(missing.length === 0, `toolkit_connection_statuses lacks toolkits of the results: ${missing.join(', ')}`, exchange, '/toolkit_connection_statuses');
      },
    },
    {
      name: 'a failing query (empty use_case) reports its own error while the others succeed',
      async run(ctx, state) {
        const sessionId = await session(ctx, state);
        const res = await ctx.call('searchTools', { params: { session_id: sessionId }, body: { queries: [{ use_case: QUERIES[0] }, { use_case: '' }] } });
        const results: any[] = Array.isArray(res.body?.results) ? res.body.results : [];
        ctx.expectEqual(results.length, 2, 'one result per query, the failing one included', res.exchange, '/results');
        ctx.expectEqual(res.body?.success, false, 'success when a query failed', res.exchange, '/success');
        ctx.expect(typeof res.body?.error === 'string' && res.body.error.length > 0, 'error summarises the failed query', res.exchange, '/error');
        ctx.expect(typeof results[1]?.error === 'string' && results[1].error.length > 0, 'the empty query carries its own error', res.exchange, '/results/1/error');
        ctx.expect(results[0]?.error === null || results[0]?.error === undefined, `the good query carries an error: ${JSON.stringify(results[0]?.error)}`, res.exchange, '/results/0/error');
        ctx.expectEqual(results.map((r) => r?.index), [1, 2], 'index of each result', res.exchange, '/results');
      },
    },
  ],
});
