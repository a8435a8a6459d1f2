import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { apiClient, SESSION_PATH } from '../support/api-client.js';
import { type Target, targets } from '../support/targets.js';

describe.each(Object.entries(targets))('tools, toolkits, search, execute (%s)', (_name, makeTarget) => {
  let target: Target;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    target = await makeTarget({ seed: 11, clock: new ManualClock('2026-05-04T09:30:00Z'), validateResponses: true });
    api = apiClient(target);
  });
  afterAll(() => target.close());

  const path = (id: string, rest: string) => `${SESSION_PATH}/${id}${rest}`;
  async function session(body: Record<string, unknown>): Promise<string> {
    const res = await api.createSession(body);
    expect(res.status).toBe(201);
    return res.body.session_id;
  }
  async function connect(userId: string, toolkit: string, alias?: string): Promise<string> {
    const res = await api.call('POST', '/_mock/connected_accounts', { body: { user_id: userId, toolkit, ...(alias ? { alias } : {}) } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  describe('tools', () => {
    it('lists the enabled meta tools, then the preloaded app tools, paginated without repeats', async () => {
      const id = await session({ user_id: 'u-tools', toolkits: { enable: ['github'] }, preload: { tools: 'all' }, workbench: { enable: false } });
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await api.call('GET', path(id, `/tools?limit=7${cursor ? `&cursor=${cursor}` : ''}`), { operationId: 'listSessionTools' });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((t: { slug: string }) => t.slug));
        cursor = res.body.next_cursor ?? undefined;
        pages += 1;
        expect(res.body.current_page).toBe(pages);
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(0, 4)).toEqual(['COMPOSIO_SEARCH_TOOLS', 'COMPOSIO_GET_TOOL_SCHEMAS', 'COMPOSIO_MULTI_EXECUTE_TOOL', 'COMPOSIO_MANAGE_CONNECTIONS']);
      expect(seen).not.toContain('COMPOSIO_REMOTE_WORKBENCH');
      expect(seen.filter((s) => s.startsWith('GITHUB_')).length).toBeGreaterThanOrEqual(8);
      expect(seen.some((s) => s.startsWith('GMAIL_'))).toBe(false);
    });

    it('filters preloaded tools by per-toolkit lists and tags, and refuses limit over 500', async () => {
      const id = await session({
        user_id: 'u-tools',
        toolkits: { enable: ['github', 'gmail'] },
        tools: { github: { enable: ['GITHUB_CREATE_AN_ISSUE'] } },
        tags: ['readOnlyHint'],
        preload: { tools: 'all' },
        search: { enable: false },
      });
      const res = await api.call('GET', path(id, '/tools?limit=500'), { operationId: 'listSessionTools' });
      const slugs: string[] = res.body.items.map((t: { slug: string }) => t.slug);
      expect(slugs.filter((s) => s.startsWith('GITHUB_'))).toEqual(['GITHUB_CREATE_AN_ISSUE']);
      const gmail = res.body.items.filter((t: { slug: string }) => t.slug.startsWith('GMAIL_'));
      expect(gmail.length).toBeGreaterThan(0);
      expect(gmail.every((t: { tags: string[] }) => t.tags.includes('readOnlyHint'))).toBe(true);
      expect(slugs).not.toContain('COMPOSIO_SEARCH_TOOLS');
      for (const limit of ['501', '0', '-5', '0x10', '1e2', '']) {
        const bad = await api.call('GET', path(id, `/tools?limit=${limit}`), { operationId: 'listSessionTools' });
        expect(bad.status, `limit=${limit}`).toBe(400);
      }
    });
  });

  describe('toolkits', () => {
    it('shows enabled, auth schemes and the connected account, filters by toolkits, is_connected and search', async () => {
      const id = await session({ user_id: 'u-tk', toolkits: { disable: ['slack'] } });
      const account = await connect('u-tk', 'github');
      const two = await api.call('GET', path(id, '/toolkits?toolkits=github,slack'), { operationId: 'listSessionToolkits' });
      expect(two.body.items.map((t: { slug: string }) => t.slug)).toEqual(['github', 'slack']);
      const [github, slack] = two.body.items;
      expect(github).toMatchObject({ enabled: true, is_no_auth: false, connected_account: { id: account, user_id: 'u-tk', status: 'ACTIVE' } });
      expect(github.connected_account.auth_config).toMatchObject({ auth_scheme: 'OAUTH2', is_composio_managed: true });
      expect(slack).toMatchObject({ enabled: false, connected_account: null });
      const connected = await api.call('GET', path(id, '/toolkits?is_connected=true'), { operationId: 'listSessionToolkits' });
      expect(connected.body.items.map((t: { slug: string }) => t.slug)).toEqual(['github']);
      const searched = await api.call('GET', path(id, '/toolkits?search=calendar'), { operationId: 'listSessionToolkits' });
      expect(searched.body.items.map((t: { slug: string }) => t.slug)).toEqual(['googlecalendar']);
      const paged = await api.call('GET', path(id, '/toolkits?limit=5'), { operationId: 'listSessionToolkits' });
      expect(paged.body.items).toHaveLength(5);
      expect(paged.body.total_items).toBeGreaterThanOrEqual(14);
      expect(typeof paged.body.next_cursor).toBe('string');
      const unknown = await api.call('GET', path(id, '/toolkits?toolkits=nope'), { operationId: 'listSessionToolkits' });
      expect(unknown.status).toBe(400);
    });
  });

  describe('search', () => {
    it('answers per query in order, with schemas, connection statuses, time and session', async () => {
      const id = await session({ user_id: 'u-search', toolkits: { enable: ['gmail', 'github', 'hackernews'] } });
      await connect('u-search', 'gmail');
      const res = await api.call('POST', path(id, '/search'), {
        body: { queries: [{ use_case: 'email the quarterly report to alice@example.com' }, { use_case: '   ' }, { use_case: 'x'.repeat(1025) }, { use_case: 'open an issue in the repo' }] },
        operationId: 'searchTools',
      });
      expect(res.status).toBe(200);
      const { results } = res.body;
      expect(results.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4]);
      expect(results[0].primary_tool_slugs[0]).toBe('GMAIL_SEND_EMAIL');
      expect(results[0].error).toBeNull();
      expect(results[1].error).toContain('empty');
      expect(results[2].error).toContain('1024');
      expect(results[3].toolkits).toEqual(['github']);
      expect(res.body.success).toBe(false);
      expect(res.body.error).toMatch(/^2 out of 4 searches failed/);
      for (const r of [results[0], results[3]]) {
        for (const slug of r.primary_tool_slugs) expect(res.body.tool_schemas[slug]).toMatchObject({ tool_slug: slug, hasFullSchema: true });
        for (const slug of r.related_tool_slugs) expect(res.body.tool_schemas[slug].tool_slug).toBe(slug);
      }
      const related = results[0].related_tool_slugs.find((s: string) => !res.body.tool_schemas[s].hasFullSchema);
      expect(res.body.tool_schemas[related].schemaRef).toEqual({ tool: 'COMPOSIO_GET_TOOL_SCHEMAS', args: { tool_slugs: [related] }, message: expect.any(String) });
      const statuses = Object.fromEntries(res.body.toolkit_connection_statuses.map((s: { toolkit: string }) => [s.toolkit, s]));
      expect(statuses.gmail.has_active_connection).toBe(true);
      expect(statuses.github.has_active_connection).toBe(false);
      expect(res.body.time_info).toMatchObject({ current_time_utc: '2026-05-04T09:30:00.000Z', current_time_utc_epoch_seconds: 1777887000 });
      expect(res.body.session).toMatchObject({ id, generate_id: false });
    });

    it("never returns tools the session does not allow, and honours core's toolkits filter", async () => {
      const id = await session({ user_id: 'u-search', toolkits: { enable: ['github'] } });
      const res = await api.call('POST', path(id, '/search'), { body: { queries: [{ use_case: 'send an email to bob' }] }, operationId: 'searchTools' });
      expect(res.body.results[0]).toMatchObject({ primary_tool_slugs: [], related_tool_slugs: [], toolkits: [], error: null });
      expect(res.body.results[0].execution_guidance).toContain('No tool in this session matches');
      const slack = await session({ user_id: 'u-search', toolkits: { enable: ['slack'] } });
      const post = await api.call('POST', path(slack, '/search'), { body: { queries: [{ use_case: 'post a message to the team channel' }] }, operationId: 'searchTools' });
      expect(post.body.results[0].primary_tool_slugs.length).toBeGreaterThan(0);
      expect(post.body.results[0].primary_tool_slugs.every((s: string) => s.startsWith('SLACK_'))).toBe(true);
      const open = await session({ user_id: 'u-search' });
      const filtered = await api.call('POST', path(open, '/search'), {
        body: { queries: [{ use_case: 'send a message' }], toolkits: ['discord'] },
        operationId: 'searchTools',
      });
      const found = [...filtered.body.results[0].primary_tool_slugs, ...filtered.body.results[0].related_tool_slugs];
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s: string) => s.startsWith('DISCORD_'))).toBe(true);
    });
  });

  describe('execute', () => {
    it('runs a connected tool: data from the output schema echoing arguments, error null, log_id, logged in state', async () => {
      const id = await session({ user_id: 'u-exec', toolkits: { enable: ['github'] } });
      await connect('u-exec', 'github');
      const body = { tool_slug: 'GITHUB_CREATE_AN_ISSUE', arguments: { owner: 'acme', repo: 'web', title: 'Login page crashes' } };
      const res = await api.call('POST', path(id, '/execute'), { body, operationId: 'executeTool' });
      expect(res.status).toBe(200);
      expect(res.body.error).toBeNull();
      expect(res.body.log_id).toMatch(/^log_/);
      expect(JSON.stringify(res.body.data)).toContain('Login page crashes');
      const again = await api.call('POST', path(id, '/execute'), { body, operationId: 'executeTool' });
      expect(again.body.data).toEqual(res.body.data);
      const state = await api.call('GET', '/_mock/state');
      expect(state.body.project.executions.at(-1)).toMatchObject({ log_id: again.body.log_id, session_id: id, tool_slug: 'GITHUB_CREATE_AN_ISSUE', error: null });
    });

    it('reports bad arguments and missing connections in-band, and runs no-auth tools without an account', async () => {
      const id = await session({ user_id: 'u-exec2' });
      const bad = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'GITHUB_CREATE_AN_ISSUE', arguments: { owner: 5 } }, operationId: 'executeTool' });
      expect(bad.status).toBe(200);
      expect(bad.body.error).toContain('/repo: is required');
      expect(bad.body.data).toEqual({});
      const unconnected = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'GMAIL_FETCH_EMAILS', arguments: {} }, operationId: 'executeTool' });
      expect(unconnected.body.error).toContain('COMPOSIO_MANAGE_CONNECTIONS');
      const hn = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'HACKERNEWS_GET_FRONTPAGE' }, operationId: 'executeTool' });
      expect(hn.body.error).toBeNull();
    });

    it('answers 404 for an unknown tool and 403 for a tool or meta tool the session excludes', async () => {
      const id = await session({ user_id: 'u-exec3', toolkits: { enable: ['hackernews'] }, workbench: { enable: false } });
      const unknown = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'NOT_A_TOOL' }, operationId: 'executeTool' });
      expect(unknown.status).toBe(404);
      const excluded = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'GMAIL_SEND_EMAIL' }, operationId: 'executeTool' });
      expect(excluded.status).toBe(403);
      const meta = await api.call('POST', path(id, '/execute_meta'), { body: { slug: 'COMPOSIO_REMOTE_BASH_TOOL', arguments: { command: 'ls' } }, operationId: 'executeMetaTool' });
      expect(meta.status).toBe(403);
      const missing = await api.call('POST', path(id, '/execute'), { body: { arguments: {} }, operationId: 'executeTool' });
      expect(missing.status).toBe(400);
    });

    it('selects among several accounts by id or alias, and requires a choice when the session says so', async () => {
      const id = await session({ user_id: 'u-multi', multi_account: { enable: true, require_explicit_selection: true } });
      const work = await connect('u-multi', 'slack', 'work');
      await connect('u-multi', 'slack', 'home');
      const none = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'SLACK_LIST_ALL_CHANNELS' }, operationId: 'executeTool' });
      expect(none.body.error).toContain('choose one');
      expect(none.body.error).toContain(work);
      const byAlias = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'SLACK_LIST_ALL_CHANNELS', account: 'work' }, operationId: 'executeTool' });
      expect(byAlias.body.error).toBeNull();
      const state = await api.call('GET', '/_mock/state');
      expect(state.body.project.executions.at(-1).account).toBe(work);
      const wrong = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'SLACK_LIST_ALL_CHANNELS', account: 'nope' }, operationId: 'executeTool' });
      expect(wrong.body.error).toContain('Available');
    });
  });

  describe('meta tools', () => {
    it('search and get schemas through execute_meta and execute', async () => {
      const id = await session({ user_id: 'u-meta' });
      const search = await api.call('POST', path(id, '/execute_meta'), {
        body: { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'create a calendar event' }] } },
        operationId: 'executeMetaTool',
      });
      expect(search.body.data.results[0].primary_tool_slugs).toContain('GOOGLECALENDAR_CREATE_EVENT');
      const schemas = await api.call('POST', path(id, '/execute'), {
        body: { tool_slug: 'COMPOSIO_GET_TOOL_SCHEMAS', arguments: { tool_slugs: ['GMAIL_SEND_EMAIL', 'NOPE'] } },
        operationId: 'executeTool',
      });
      expect(schemas.body.data.tool_schemas.GMAIL_SEND_EMAIL.input_schema.type).toBe('object');
      expect(schemas.body.data.not_found).toEqual(['NOPE']);
      const badArgs = await api.call('POST', path(id, '/execute_meta'), { body: { slug: 'COMPOSIO_GET_TOOL_SCHEMAS', arguments: {} }, operationId: 'executeMetaTool' });
      expect(badArgs.body.error).toContain('/tool_slugs: is required');
    });

    it('multi-execute runs each item on its own with counts', async () => {
      const id = await session({ user_id: 'u-meta2' });
      const res = await api.call('POST', path(id, '/execute_meta'), {
        body: {
          slug: 'COMPOSIO_MULTI_EXECUTE_TOOL',
          arguments: { tools: [{ tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} }, { tool_slug: 'NOT_A_TOOL' }, { tool_slug: 'GITHUB_GET_THE_AUTHENTICATED_USER' }] },
        },
        operationId: 'executeMetaTool',
      });
      expect(res.body.data).toMatchObject({ total_count: 3, success_count: 1, error_count: 2 });
      expect(res.body.data.results.map((r: { index: number; response: { successful: boolean } }) => [r.index, r.response.successful])).toEqual([
        [0, true],
        [1, false],
        [2, false],
      ]);
      expect(res.body.error).toBe('2 out of 3 tools failed');
    });

    it('manage connections starts links for unconnected toolkits and reports active ones; wait reports statuses', async () => {
      const id = await session({ user_id: 'u-conn', manage_connections: { enable: true, enable_wait_for_connections: true } });
      await connect('u-conn', 'gmail');
      const res = await api.call('POST', path(id, '/execute_meta'), {
        body: { slug: 'COMPOSIO_MANAGE_CONNECTIONS', arguments: { toolkits: ['gmail', 'github', 'hackernews'] } },
        operationId: 'executeMetaTool',
      });
      expect(res.body.data.results.gmail.status).toBe('active');
      expect(res.body.data.results.github).toMatchObject({ status: 'initiated', connected_account_id: expect.stringMatching(/^ca_/) });
      expect(res.body.data.results.github.redirect_url.startsWith(`${target.baseUrl}/link/`)).toBe(true);
      expect(res.body.data.results.hackernews.status).toBe('no_auth_required');
      const wait = await api.call('POST', path(id, '/execute_meta'), {
        body: { slug: 'COMPOSIO_WAIT_FOR_CONNECTIONS', arguments: { toolkits: ['gmail', 'github'], timeout_seconds: 0.2 } },
        operationId: 'executeMetaTool',
      });
      expect(wait.body.data.results).toEqual({ gmail: 'active', github: 'pending' });
      expect(wait.body.error).toContain('github (pending)');
      const removed = await api.call('POST', path(id, '/execute_meta'), {
        body: { slug: 'COMPOSIO_MANAGE_CONNECTIONS', arguments: { toolkits: ['gmail'], action: 'remove' } },
        operationId: 'executeMetaTool',
      });
      expect(removed.body.data.results.gmail.status).toBe('removed');
    });

    it('workbench and bash are simulated and say so', async () => {
      const id = await session({ user_id: 'u-wb' });
      const wb = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'COMPOSIO_REMOTE_WORKBENCH', arguments: { code_to_execute: 'print("hello")\nx = 1' } }, operationId: 'executeTool' });
      expect(wb.body.data).toMatchObject({ stdout: 'hello\n', simulated: true });
      const bash = await api.call('POST', path(id, '/execute'), { body: { tool_slug: 'COMPOSIO_REMOTE_BASH_TOOL', arguments: { command: 'echo hi there' } }, operationId: 'executeTool' });
      expect(bash.body.data).toMatchObject({ stdout: 'hi there\n', exit_code: 0, simulated: true });
      expect(bash.body.data.message).toContain('nothing was executed');
    });
  });
});
