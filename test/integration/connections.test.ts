import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { apiClient, SESSION_PATH } from '../support/api-client.js';
import { type Target, targets } from '../support/targets.js';

const ACCOUNTS_PATH = '/api/v3.1/connected_accounts';

describe.each(Object.entries(targets))('connections (%s)', (_name, makeTarget) => {
  let target: Target;
  let api: ReturnType<typeof apiClient>;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T12:00:00Z');
    target = await makeTarget({ seed: 11, clock, validateResponses: true });
    api = apiClient(target);
  });
  afterAll(() => target.close());
  beforeEach(() => target.app.reset());

  async function session(body: Record<string, unknown> = { user_id: 'alice' }): Promise<string> {
    const created = await api.createSession(body);
    expect(created.status).toBe(201);
    return created.body.session_id as string;
  }

  const link = (sid: string, body: Record<string, unknown>) =>
    api.call('POST', `${SESSION_PATH}/${sid}/link`, { body, operationId: 'createLink' });
  const account = (id: string, key?: string) =>
    api.call('GET', `${ACCOUNTS_PATH}/${id}`, { operationId: 'getConnectedAccount', ...(key ? { key } : {}) });
  const page = (url: string, init?: RequestInit) => target.fetch(url.replace(/^https?:\/\/[^/]+/, target.baseUrl), { redirect: 'manual', ...init });
  const submit = (url: string, action: string) =>
    page(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `action=${action}` });

  async function controlAccount(body: Record<string, unknown>, key = 'test-key') {
    const res = await target.fetch(`${target.baseUrl}/_mock/connected_accounts`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('link: 201 with an INITIATED ca_ account, an lt_ token and a redirect_url on the mock origin', async () => {
    const sid = await session();
    const res = await link(sid, { toolkit: 'github', alias: 'work' });
    expect(res.status).toBe(201);
    expect(res.body.link_token).toMatch(/^lt_/);
    expect(res.body.connected_account_id).toMatch(/^ca_/);
    expect(res.body.redirect_url).toBe(`${target.baseUrl}/link/${res.body.link_token}`);
    expect(res.body.experimental).toEqual({ account_type: 'PRIVATE' });

    const got = await account(res.body.connected_account_id);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: res.body.connected_account_id, status: 'INITIATED', user_id: 'alice', alias: 'work', toolkit: { slug: 'github' } });
    expect(got.body.auth_config).toMatchObject({ auth_scheme: 'OAUTH2', is_composio_managed: true, is_disabled: false });
    expect(got.body.auth_config.id).toMatch(/^ac_/);
    expect(got.body.state).toEqual({ authScheme: 'OAUTH2', val: { status: 'INITIATED', redirectUrl: res.body.redirect_url } });
  });

  it('link: uses link_url_overwrite and the pinned auth config', async () => {
    const sid = await session({ user_id: 'alice', auth_configs: { github: 'ac_pinned123' }, experimental: { link_url_overwrite: 'https://connect.example.com/' } });
    const res = await link(sid, { toolkit: 'github' });
    expect(res.body.redirect_url).toBe(`https://connect.example.com/link/${res.body.link_token}`);
    const got = await account(res.body.connected_account_id);
    expect(got.body.auth_config).toMatchObject({ id: 'ac_pinned123', is_composio_managed: false });
  });

  it('link rules: unknown toolkit 404, disabled 400, no-auth 400, ACL on PRIVATE 400, pinned 400, alias clash 400', async () => {
    const sid = await session({ user_id: 'alice', toolkits: { disable: ['gmail'] } });
    const unknown = await link(sid, { toolkit: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe(1601);
    const disabled = await link(sid, { toolkit: 'gmail' });
    expect(disabled.status).toBe(400);
    expect(disabled.body.error.message).toContain('not enabled');
    const noAuth = await link(sid, { toolkit: 'hackernews' });
    expect(noAuth.status).toBe(400);
    expect(noAuth.body.error.message).toContain('does not need authentication');
    const acl = await link(sid, { toolkit: 'github', experimental: { acl_config_for_shared: { allow_all_users: true } } });
    expect(acl.status).toBe(400);
    expect(acl.body.error.message).toContain('acl_config_for_shared is only valid on SHARED');

    await link(sid, { toolkit: 'github', alias: 'work' });
    const clash = await link(sid, { toolkit: 'github', alias: 'work' });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toContain('Alias "work" is already used');

    const acc = await controlAccount({ user_id: 'bob', toolkit: 'slack' });
    const pinnedSession = await session({ user_id: 'bob', connected_accounts: { slack: [acc.body.id] } });
    const pinned = await link(pinnedSession, { toolkit: 'slack' });
    expect(pinned.status).toBe(400);
    expect(pinned.body.error.message).toBe('a connected account is already defined for this toolkit in the session configuration');
  });

  it('callback URLs: only absolute http(s) URLs, on links and on manage_connections (create and patch); others 400 naming the field', async () => {
    const sid = await session();
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x/y', ' javascript:alert(1)', 'not a url', '/relative', '//evil.example/x', 'http://[::1']) {
      const res = await link(sid, { toolkit: 'github', callback_url: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.message).toContain('callback_url');
      expect(res.body.error.errors).toEqual([expect.stringContaining('/body/callback_url: must be an absolute http(s) URL')]);
    }
    const state = (await (await target.fetch(`${target.baseUrl}/_mock/state`, { headers: { 'x-api-key': 'test-key' } })).json()) as any;
    expect(state.project.connected_accounts).toEqual([]);

    const created = await api.createSession({ user_id: 'alice', manage_connections: { enable: true, callback_url: 'javascript:alert(1)' } });
    expect(created.status).toBe(400);
    expect(created.body.error.errors).toEqual([expect.stringContaining('/manage_connections/callback_url: must be an absolute http(s) URL')]);
    const patched = await api.call('PATCH', `${SESSION_PATH}/${sid}`, { body: { manage_connections: { callback_url: '//evil.example/x' } }, operationId: 'patchSession' });
    expect(patched.status).toBe(400);
    expect(patched.body.error.errors).toEqual([expect.stringContaining('/manage_connections/callback_url')]);
    expect((await link(sid, { toolkit: 'github', callback_url: 'http://127.0.0.1:3000/cb' })).status).toBe(201);
  });

  it('link: SHARED with an ACL echoes it; the account shows it', async () => {
    const sid = await session();
    const res = await link(sid, { toolkit: 'github', experimental: { account_type: 'SHARED', acl_config_for_shared: { allowed_user_ids: ['bob'] } } });
    expect(res.status).toBe(201);
    expect(res.body.experimental).toEqual({
      account_type: 'SHARED',
      acl_config_for_shared: { allow_all_users: false, allowed_user_ids: ['bob'], not_allowed_user_ids: [] },
    });
    expect((await account(res.body.connected_account_id)).body.experimental.account_type).toBe('SHARED');
  });

  it('Connect page: GET shows the form; approve makes the account ACTIVE and redirects 303 to the callback', async () => {
    const sid = await session();
    const res = await link(sid, { toolkit: 'github', callback_url: 'https://app.example.com/cb?from=test' });
    const shown = await page(res.body.redirect_url);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await shown.text();
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('<title>Connect GitHub</title>');
    expect(text).toContain('<form method="post"');
    expect(text).toContain('name="action" value="approve"');
    expect(text).toContain('name="action" value="deny"');
    expect(text).toContain('alice');
    expect(text).toContain('<code>repo</code>');
    // Nothing on the page reaches another origin: the toolkit shows as an initials badge.
    expect(text).toContain('<span class="badge" aria-hidden="true">GH</span>');
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/(src|href)="https?:/);
    expect(shown.headers.get('content-security-policy')).toBe("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");

    const done = await submit(res.body.redirect_url, 'approve');
    expect(done.status).toBe(303);
    const location = new URL(done.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://app.example.com/cb');
    expect(location.searchParams.get('from')).toBe('test');
    expect(location.searchParams.get('status')).toBe('success');
    expect(location.searchParams.get('connected_account_id')).toBe(res.body.connected_account_id);
    const got = await account(res.body.connected_account_id);
    expect(got.body.status).toBe('ACTIVE');
    expect(got.body.state.val.access_token).toMatch(/^mock_github_token_/);

    const again = await submit(res.body.redirect_url, 'approve');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already used');
  });

  it('Connect page: the 303 Location keeps the callback\'s query byte for byte (signed state) and its fragment last', async () => {
    const sid = await session();
    const callback = 'https://app.example.com/cb?next=/home&q=a%20b&flag&sig=x~y*z#section';
    const res = await link(sid, { toolkit: 'github', callback_url: callback });
    const done = await submit(res.body.redirect_url, 'approve');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`https://app.example.com/cb?next=/home&q=a%20b&flag&sig=x~y*z&status=success&connected_account_id=${res.body.connected_account_id}#section`);
  });

  it('Connect page: deny makes the account FAILED and redirects with status=failed (session callback)', async () => {
    const sid = await session({ user_id: 'alice', manage_connections: { enable: true, callback_url: 'https://app.example.com/done' } });
    const res = await link(sid, { toolkit: 'slack' });
    const done = await submit(res.body.redirect_url, 'deny');
    expect(done.status).toBe(303);
    const location = new URL(done.headers.get('location')!);
    expect(location.searchParams.get('status')).toBe('failed');
    const got = await account(res.body.connected_account_id);
    expect(got.body.status).toBe('FAILED');
    expect(got.body.status_reason).toContain('denied');
  });

  it('Connect page: without a callback a confirmation page; bad action 400; wrong encoding 415', async () => {
    const sid = await session();
    const res = await link(sid, { toolkit: 'github' });
    expect((await submit(res.body.redirect_url, 'maybe')).status).toBe(400);
    const json = await page(res.body.redirect_url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"approve"}' });
    expect(json.status).toBe(415);
    const done = await submit(res.body.redirect_url, 'approve');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Account connected');
  });

  it('Connect page: a form with both actions is a 400 page and leaves the link open', async () => {
    const sid = await session();
    const res = await link(sid, { toolkit: 'github', callback_url: 'https://app.example.com/cb' });
    for (const body of ['action=approve&action=deny', 'action=approve&action=approve', 'action=deny&action=approve']) {
      const both = await page(res.body.redirect_url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(both.status, body).toBe(400);
      expect(both.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(both.headers.get('location')).toBeNull();
      expect(await both.text()).toContain('exactly one action');
    }
    expect((await account(res.body.connected_account_id)).body.status).toBe('INITIATED');
    expect((await submit(res.body.redirect_url, 'approve')).status).toBe(303);
  });

  it.each(['/link/%3Cscript%3E', '/link/lt_x/y', '/link/', '/link/a.b', `/link/${'x'.repeat(200)}`])('Connect page: %s is the HTML 404 page, not the API\'s JSON', async (path) => {
    for (const init of [{}, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=approve' }]) {
      const res = await page(`${target.baseUrl}${path}`, init);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const text = await res.text();
      expect(text).toContain('<title>Link not found</title>');
      expect(text).not.toContain('<script>');
    }
  });

  it('Connect page: unknown token 404, expired token 410 (account EXPIRED), HTML escaped', async () => {
    const missing = await page(`${target.baseUrl}/link/lt_doesnotexist`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');

    const sid = await session({ user_id: '<script>alert(1)</script>' });
    const res = await link(sid, { toolkit: 'github', alias: '"><img src=x>' });
    const shown = await (await page(res.body.redirect_url)).text();
    expect(shown).not.toContain('<script>alert(1)</script>');
    expect(shown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown).not.toContain('"><img src=x>');

    clock.advance(11 * 60 * 1000);
    const state = (await (await target.fetch(`${target.baseUrl}/_mock/state`, { headers: { 'x-api-key': 'test-key' } })).json()) as any;
    expect(state.project.connected_accounts).toEqual([expect.objectContaining({ id: res.body.connected_account_id, status: 'EXPIRED' })]);
    const expired = await page(res.body.redirect_url);
    expect(expired.status).toBe(410);
    expect((await account(res.body.connected_account_id)).body.status).toBe('EXPIRED');
  });

  it('getConnectedAccount: 404 for another project\'s account', async () => {
    const sid = await session();
    const res = await link(sid, { toolkit: 'github' });
    const other = await account(res.body.connected_account_id, 'other-key');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe(1803);
  });

  it('control plane: creates an ACTIVE account that /_mock/state shows; unknown toolkit 404; bad body 400', async () => {
    const created = await controlAccount({ user_id: 'alice', toolkit: 'github', alias: 'work' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'ACTIVE', user_id: 'alice', alias: 'work', toolkit: { slug: 'github' } });
    const got = await account(created.body.id);
    expect(got.body.status).toBe('ACTIVE');
    const state = (await (await target.fetch(`${target.baseUrl}/_mock/state`, { headers: { 'x-api-key': 'test-key' } })).json()) as any;
    expect(state.project.connected_accounts).toEqual([expect.objectContaining({ id: created.body.id, status: 'ACTIVE', toolkit: 'github' })]);
    expect((await controlAccount({ user_id: 'alice', toolkit: 'nope' })).status).toBe(404);
    expect((await controlAccount({ user_id: '', toolkit: 'github' })).status).toBe(400);
    expect((await controlAccount({ user_id: 'alice', toolkit: 'github', alias: 'work' })).status).toBe(400);
  });

  it('empty aliases are 400 on links and on control-plane accounts alike', async () => {
    const sid = await session();
    for (const alias of ['', '   ']) {
      const viaLink = await link(sid, { toolkit: 'github', alias });
      const viaControl = await controlAccount({ user_id: 'alice', toolkit: 'github', alias });
      for (const res of [viaLink, viaControl]) {
        expect(res.status, JSON.stringify(alias)).toBe(400);
        expect(res.body.error.message).toBe('Alias must not be empty');
        expect(res.body.error.errors).toEqual(['/body/alias: must not be empty']);
      }
    }
    const state = (await (await target.fetch(`${target.baseUrl}/_mock/state`, { headers: { 'x-api-key': 'test-key' } })).json()) as any;
    expect(state.project.connected_accounts).toEqual([]);
  });

  it('account cap: without multi_account a second ACTIVE account is refused; with it, up to max_accounts_per_toolkit', async () => {
    await controlAccount({ user_id: 'alice', toolkit: 'github' });
    const single = await session();
    const refused = await link(single, { toolkit: 'github' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('the limit is 1');

    const multi = await session({ user_id: 'alice', multi_account: { enable: true, max_accounts_per_toolkit: 2 } });
    expect((await link(multi, { toolkit: 'github', alias: 'second' })).status).toBe(201);
    await controlAccount({ user_id: 'alice', toolkit: 'github', alias: 'third' });
    const full = await link(multi, { toolkit: 'github', alias: 'fourth' });
    expect(full.status).toBe(400);
    expect(full.body.error.message).toContain('the limit is 2');
  });

  it('account cap at approval: of two pending links for hank, the second approval is a 409 page and the account FAILED', async () => {
    const sid = await session({ user_id: 'hank' });
    const first = await link(sid, { toolkit: 'github', callback_url: 'https://app.example.com/cb' });
    const second = await link(sid, { toolkit: 'github', callback_url: 'https://app.example.com/cb' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await submit(first.body.redirect_url, 'approve')).status).toBe(303);
    const refused = await submit(second.body.redirect_url, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('location')).toBeNull();
    expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await refused.text();
    expect(text).toContain('<title>Account limit reached</title>');
    expect(text).toContain('the limit is 1 without multi_account.enable');
    const state = (await (await target.fetch(`${target.baseUrl}/_mock/state`, { headers: { 'x-api-key': 'test-key' } })).json()) as any;
    const statuses = Object.fromEntries(state.project.connected_accounts.map((a: any) => [a.id, a.status]));
    expect(statuses).toEqual({ [first.body.connected_account_id]: 'ACTIVE', [second.body.connected_account_id]: 'FAILED' });
    const failed = await account(second.body.connected_account_id);
    expect(failed.body.status_reason).toContain('already has 1 active PRIVATE connected account(s) for toolkit "github"');
  });

  it('pins: real accounts are checked on create and patch (owner, toolkit, SHARED ACL, cap)', async () => {
    const mine = await controlAccount({ user_id: 'alice', toolkit: 'github' });
    const bobs = await controlAccount({ user_id: 'bob', toolkit: 'github' });
    const slack = await controlAccount({ user_id: 'alice', toolkit: 'slack' });
    expect((await api.createSession({ user_id: 'alice', connected_accounts: { github: [mine.body.id] } })).status).toBe(201);

    const wrong = await api.createSession({ user_id: 'alice', connected_accounts: { github: [bobs.body.id, slack.body.id] } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('belongs to another user'),
        expect.stringContaining('belongs to toolkit "slack"'),
        expect.stringContaining('2 accounts pinned; at most 1'),
      ]),
    );

    // A SHARED account made by bob through a link, open to carol only.
    const bobSession = await session({ user_id: 'bob' });
    const shared = await link(bobSession, { toolkit: 'github', experimental: { account_type: 'SHARED', acl_config_for_shared: { allowed_user_ids: ['carol'] } } });
    await submit(shared.body.redirect_url, 'approve');
    const carol = await api.createSession({ user_id: 'carol', connected_accounts: { github: [shared.body.connected_account_id] } });
    expect(carol.status).toBe(201);
    const sid = await session({ user_id: 'alice' });
    const denied = await api.call('PATCH', `${SESSION_PATH}/${sid}`, {
      body: { connected_accounts: { github: [shared.body.connected_account_id] } },
      operationId: 'patchSession',
    });
    expect(denied.status).toBe(400);
    expect(denied.body.error.errors).toEqual([expect.stringContaining('is not accessible to user "alice"')]);
  });
  describe('proxy_execute', () => {
    const proxy = (sid: string, body: Record<string, unknown>) =>
      api.call('POST', `${SESSION_PATH}/${sid}/proxy_execute`, { body, operationId: 'proxyExecute' });

    it('needs an ACTIVE account (400, code 1804); no-auth toolkits need none; unknown toolkit 404', async () => {
      const sid = await session();
      const none = await proxy(sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET' });
      expect(none.status).toBe(400);
      expect(none.body.error.code).toBe(1804);
      const pending = await link(sid, { toolkit: 'github' });
      expect((await proxy(sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET' })).status).toBe(400);
      await submit(pending.body.redirect_url, 'approve');
      const ok = await proxy(sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET' });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe(200);
      expect(ok.body.data).toMatchObject({ login: 'octocat', id: 583231 });
      expect(ok.body.headers['content-type']).toBe('application/json; charset=utf-8');

      const hn = await proxy(sid, { toolkit_slug: 'hackernews', endpoint: '/topstories.json', method: 'GET' });
      expect(hn.status).toBe(200);
      expect(hn.body.data).toMatchObject({ ok: true, mock: 'generic', url: 'https://hacker-news.firebaseio.com/v0/topstories.json' });
      expect((await proxy(sid, { toolkit_slug: 'nope', endpoint: '/x', method: 'GET' })).status).toBe(404);
    });

    it('answers fixtures (templated paths, absolute URLs on the base host) and a generic echo otherwise', async () => {
      await controlAccount({ user_id: 'alice', toolkit: 'github' });
      await controlAccount({ user_id: 'alice', toolkit: 'slack' });
      const sid = await session();
      const repo = await proxy(sid, { toolkit_slug: 'github', endpoint: 'https://api.github.com/repos/acme/widgets', method: 'GET' });
      expect(repo.body.data).toMatchObject({ full_name: 'acme/widgets', owner: { login: 'acme' } });
      const created = await proxy(sid, { toolkit_slug: 'github', endpoint: '/repos/acme/widgets/issues', method: 'POST', body: { title: 't' } });
      expect(created.body.status).toBe(201);
      const posted = await proxy(sid, { toolkit_slug: 'slack', endpoint: '/chat.postMessage', method: 'POST', body: { channel: 'C1', text: 'hi' } });
      expect(posted.body.data).toMatchObject({ ok: true, channel: 'C0123456789' });

      const generic = await proxy(sid, {
        toolkit_slug: 'github',
        endpoint: '/orgs/acme/members?role=admin',
        method: 'GET',
        parameters: [
          { name: 'per_page', type: 'query', value: '5' },
          { name: 'X-Trace', type: 'header', value: 'abc' },
        ],
      });
      expect(generic.body).toEqual({
        status: 200,
        headers: { 'content-type': 'application/json', 'x-composio-mock-proxy': 'generic' },
        data: {
          ok: true,
          mock: 'generic',
          method: 'GET',
          url: 'https://api.github.com/orgs/acme/members?role=admin&per_page=5',
          path: '/orgs/acme/members',
          query: { role: 'admin', per_page: '5' },
          headers: { 'x-trace': 'abc' },
        },
      });
    });

    it('refuses other hosts, bodies on GET, bad header names and traversal with 400', async () => {
      await controlAccount({ user_id: 'alice', toolkit: 'github' });
      const sid = await session();
      const host = await proxy(sid, { toolkit_slug: 'github', endpoint: 'https://evil.example.com/user', method: 'GET' });
      expect(host.status).toBe(400);
      expect(host.body.error.message).toContain('is not the github API host api.github.com');
      expect((await proxy(sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET', body: { a: 1 } })).status).toBe(400);
      expect((await proxy(sid, { toolkit_slug: 'github', endpoint: '/user', method: 'GET', parameters: [{ name: 'bad header', type: 'header', value: 'x' }] })).status).toBe(400);
      expect((await proxy(sid, { toolkit_slug: 'github', endpoint: '/../../etc', method: 'GET' })).status).toBe(400);
      expect((await proxy(sid, { toolkit_slug: 'github', endpoint: 'file:///etc/passwd', method: 'GET' })).status).toBe(400);
    });

    it('returns binary content as binary_data with a presigned URL serving the bytes', async () => {
      await controlAccount({ user_id: 'alice', toolkit: 'github' });
      const sid = await session();
      const zip = await proxy(sid, { toolkit_slug: 'github', endpoint: '/repos/acme/widgets/zipball', method: 'GET' });
      expect(zip.status).toBe(200);
      expect(zip.body.data).toBeUndefined();
      expect(zip.body.binary_data).toMatchObject({ content_type: 'application/zip', size: 22 });
      const got = await target.fetch(zip.body.binary_data.url.replace(/^https?:\/\/[^/]+/, target.baseUrl));
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/zip');
      const bytes = new Uint8Array(await got.arrayBuffer());
      expect(bytes.byteLength).toBe(22);
      expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x05, 0x06]);
      // The proxy's files never show in the session's mount.
      const items = await api.call('GET', `${SESSION_PATH}/${sid}/mounts/files/items`, { operationId: 'listMountItems' });
      expect(items.body.items).toEqual([]);
    });
  });
});

describe('auto-connect', () => {
  it('makes new links ACTIVE at once; the page then says the link was used', async () => {
    const target = await targets.app!({ seed: 3, autoConnect: true, validateResponses: true });
    const api = apiClient(target);
    const sid = (await api.createSession({ user_id: 'alice' })).body.session_id;
    const res = await api.call('POST', `${SESSION_PATH}/${sid}/link`, { body: { toolkit: 'github' }, operationId: 'createLink' });
    const got = await api.call('GET', `${ACCOUNTS_PATH}/${res.body.connected_account_id}`, { operationId: 'getConnectedAccount' });
    expect(got.body.status).toBe('ACTIVE');
    expect((await target.fetch(res.body.redirect_url)).status).toBe(409);
    await target.close();
  });
});

describe.each(Object.entries(targets))('control plane under --api-key (%s)', (_name, makeTarget) => {
  let target: Target;
  beforeAll(async () => {
    target = await makeTarget({ seed: 5, apiKeys: ['good'], validateResponses: true });
  });
  afterAll(() => target.close());

  const control = async (method: string, path: string, key: string | undefined, body?: unknown) => {
    const res = await target.fetch(`${target.baseUrl}${path}`, {
      method,
      headers: { ...(key ? { 'x-api-key': key } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as any };
  };

  it('refuses project keys outside apiKeys with 401 in the envelope on state, connected_accounts and a project reset', async () => {
    const state = await control('GET', '/_mock/state', 'bad');
    expect(state.status).toBe(401);
    expect(state.body.error).toMatchObject({ status: 401, code: 1101, message: 'Invalid API key.' });
    expect(state.body.error.request_id).toBe(state.requestId);

    const created = await control('POST', '/_mock/connected_accounts', 'bad', { user_id: 'alice', toolkit: 'github' });
    expect(created.status).toBe(401);
    expect(created.body.error.code).toBe(1101);
    expect(target.app.engine.store.peek('bad')).toBeUndefined();

    const reset = await control('POST', '/_mock/reset', undefined, { api_key: 'bad' });
    expect(reset.status).toBe(401);
    expect(reset.body.error.code).toBe(1101);
  });

  it('accepts the keys it was started with, and keyless endpoints stay open', async () => {
    expect((await control('POST', '/_mock/connected_accounts', 'good', { user_id: 'alice', toolkit: 'github' })).status).toBe(201);
    const state = await control('GET', '/_mock/state', 'good');
    expect(state.status).toBe(200);
    expect(state.body.project.connected_accounts).toEqual([expect.objectContaining({ user_id: 'alice', status: 'ACTIVE' })]);
    expect((await control('POST', '/_mock/reset', undefined, { api_key: 'good' })).body).toEqual({ reset: 'project' });
    expect((await control('POST', '/_mock/reset', undefined, {})).body).toEqual({ reset: 'all' });
    expect((await control('GET', '/_mock/health', undefined)).status).toBe(200);
  });
});
