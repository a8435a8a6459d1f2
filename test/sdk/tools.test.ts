/**
 * The official SDK's tool calls against the mock: `session.tools()` in provider format,
 * `session.search()`, `session.execute()`, `session.toolkits()` (core), and the raw rc.6
 * client's tools/search/execute/executeMeta/toolkits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { type SdkHarness, startSdkHarness } from './sdk-harness.js';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ seed: 21, clock: new ManualClock('2026-06-01T08:00:00Z') });
});
afterAll(() => h.close());

async function connect(apiKey: string, userId: string, toolkit: string): Promise<string> {
  const res = await fetch(`${h.url}/_mock/connected_accounts`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId, toolkit }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('@composio/core tools, search, execute and toolkits', () => {
  it('session.tools() returns the meta tools and preloaded tools as OpenAI function tools', async () => {
    const session = await h.core().create('tool-user', { toolkits: ['github'], preload: { tools: ['GITHUB_CREATE_AN_ISSUE'] } });
    const tools = (await session.tools()) as { type: string; function: { name: string; parameters: { type: string } } }[];
    const names = tools.map((t) => t.function.name);
    expect(names).toContain('COMPOSIO_SEARCH_TOOLS');
    expect(names).toContain('GITHUB_CREATE_AN_ISSUE');
    expect(tools.every((t) => t.type === 'function' && t.function.parameters.type === 'object')).toBe(true);
    expect(h.requests.some((line) => /^GET \/api\/v3\.1\/tool_router\/session\/trs_\w+\/tools\?limit=500 200$/.test(line))).toBe(true);
  });

  it('session.search() parses the ranked result with schemas and connection statuses', async () => {
    const session = await h.core().create('search-user', { toolkits: ['gmail', 'slack'] });
    const result = await session.search({ query: 'send an email to my manager' });
    expect(result.results[0]?.primaryToolSlugs[0]).toBe('GMAIL_SEND_EMAIL');
    expect(result.toolSchemas.GMAIL_SEND_EMAIL?.toolkit).toBe('gmail');
    expect(result.toolkitConnectionStatuses.find((s) => s.toolkit === 'gmail')?.hasActiveConnection).toBe(false);
    expect(result.session.id).toBe(session.sessionId);
    const filtered = await session.search({ query: 'send a message', toolkits: ['slack'] });
    expect(filtered.results[0]?.primaryToolSlugs.every((s) => s.startsWith('SLACK_'))).toBe(true);
  });

  it('session.execute() succeeds once connected and reports missing connections in-band', async () => {
    const composio = h.core();
    const session = await composio.create('exec-user', { toolkits: ['github', 'hackernews'] });
    const before = await session.execute('GITHUB_GET_THE_AUTHENTICATED_USER', {});
    expect(before.error).toContain('No active connected account');
    await connect('sdk-key', 'exec-user', 'github');
    const after = await session.execute('GITHUB_CREATE_AN_ISSUE', { owner: 'acme', repo: 'web', title: 'Broken build' });
    expect(after.error).toBeNull();
    expect(after.logId).toMatch(/^log_/);
    expect(JSON.stringify(after.data)).toContain('Broken build');
    const noAuth = await session.execute('HACKERNEWS_GET_FRONTPAGE');
    expect(noAuth.error).toBeNull();
  });

  it('session.toolkits() marks connected toolkits active with their auth config', async () => {
    const session = await h.core().create('toolkit-user', { toolkits: ['github', 'gmail', 'hackernews'] });
    const account = await connect('sdk-key', 'toolkit-user', 'gmail');
    const { items } = await session.toolkits();
    const bySlug = Object.fromEntries(items.map((i) => [i.slug, i]));
    expect(bySlug.gmail?.connection?.isActive).toBe(true);
    expect(bySlug.gmail?.connection?.connectedAccount?.id).toBe(account);
    expect(bySlug.gmail?.connection?.authConfig?.mode).toBe('OAUTH2');
    expect(bySlug.github?.connection?.isActive).toBe(false);
    expect(bySlug.hackernews?.isNoAuth).toBe(true);
    const connected = await session.toolkits({ isConnected: true });
    expect(connected.items.map((i) => i.slug)).toEqual(['gmail']);
  });
});

describe('@composio/client rc.6 tool operations', () => {
  it('tools, search, execute, executeMeta and toolkits', async () => {
    const client = h.client();
    const { session_id } = await client.toolRouter.session.create({ user_id: 'raw-user', toolkits: { enable: ['hackernews', 'github'] } });
    const tools = await client.toolRouter.session.tools(session_id, { limit: 2 });
    expect(tools.items).toHaveLength(2);
    expect(tools.next_cursor).toEqual(expect.any(String));
    const search = await client.toolRouter.session.search(session_id, { queries: [{ use_case: 'latest hacker news posts' }] });
    expect(search.results[0]?.toolkits).toEqual(['hackernews']);
    const run = await client.toolRouter.session.execute(session_id, { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} });
    expect(run.error).toBeNull();
    const meta = await client.toolRouter.session.executeMeta(session_id, {
      slug: 'COMPOSIO_MANAGE_CONNECTIONS',
      arguments: { toolkits: ['github'] },
    });
    expect((meta.data as { results: { github: { status: string } } }).results.github.status).toBe('initiated');
    const toolkits = await client.toolRouter.session.toolkits(session_id, { toolkits: ['github'] });
    expect(toolkits.items[0]?.connected_account?.status).toBe('INITIATED');
  });
});
