import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { createActiveAccount, getConnectedAccount } from '../../src/engine/connected-accounts.js';
import { Engine } from '../../src/engine/engine.js';
import { callbackUrlProblem } from '../../src/engine/callback-url.js';
import {
  ACL_ONLY_FOR_SHARED,
  approveLink,
  configureConnections,
  createLink,
  denyLink,
  LINK_TTL_MS,
  openLink,
  PINNED_ACCOUNT_MESSAGE,
  removeConnection,
} from '../../src/engine/links.js';
import { createSession, patchSession } from '../../src/engine/sessions.js';
import { tinyCatalog } from '../support/tiny-catalog.js';
import { errorOf } from '../support/api-error-of.js';

const ctx = { apiKey: 'key-a', origin: 'http://127.0.0.1:4010' };

function setup(seed = 1) {
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const engine = new Engine({ catalog: tinyCatalog(), seed, clock });
  return { engine, clock };
}


describe('createLink', () => {
  it('creates an INITIATED account with the Composio-managed auth config and a 10-minute link', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'GitHub', alias: 'work' });
    const account = engine.store.project('key-a').connectedAccounts.get(link.connected_account_id)!;
    expect(account).toMatchObject({ user_id: 'u1', toolkit: 'github', status: 'INITIATED', alias: 'work', account_type: 'PRIVATE', session_id: sid });
    expect(account.auth_config).toEqual({ id: expect.stringMatching(/^ac_/), auth_scheme: 'OAUTH2', is_composio_managed: true });
    expect(openLink(engine, link.link_token).link.expires_at).toBe(new Date(Date.parse('2026-01-01T00:00:00Z') + LINK_TTL_MS).toISOString());
  });

  it('is deterministic: same seed and calls, same ids; the auth config id is stable per project and toolkit', () => {
    const run = () => {
      const { engine } = setup(42);
      const sid = createSession(engine, ctx, { user_id: 'u1', multi_account: { enable: true } }).session_id;
      return [createLink(engine, ctx, sid, { toolkit: 'github' }), createLink(engine, ctx, sid, { toolkit: 'github' })];
    };
    const [a, b] = run();
    expect(run()).toEqual([a, b]);
    const { engine } = setup(42);
    const sid = createSession(engine, ctx, { user_id: 'u1', multi_account: { enable: true } }).session_id;
    const first = createLink(engine, ctx, sid, { toolkit: 'github' });
    const second = createLink(engine, ctx, sid, { toolkit: 'github' });
    const project = engine.store.project('key-a');
    expect(project.connectedAccounts.get(first.connected_account_id)!.auth_config.id).toBe(project.connectedAccounts.get(second.connected_account_id)!.auth_config.id);
  });

  it('applies the rules of reference 3.11 with their messages', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1', toolkits: { enable: ['github', 'hackernews'] } }).session_id;
    expect(errorOf(() => createLink(engine, ctx, sid, { toolkit: 'nope' }))).toMatchObject({ status: 404, codeName: 'TOOLKIT_NOT_FOUND' });
    expect(errorOf(() => createLink(engine, ctx, sid, { toolkit: 'gmail' })).status).toBe(400);
    expect(errorOf(() => createLink(engine, ctx, sid, { toolkit: 'hackernews' })).message).toBe('Toolkit hackernews does not need authentication');
    const acl = errorOf(() => createLink(engine, ctx, sid, { toolkit: 'github', experimental: { acl_config_for_shared: { allow_all_users: true } } }));
    expect(acl.status).toBe(400);
    expect(acl.message).toContain(ACL_ONLY_FOR_SHARED);
    expect(errorOf(() => createLink(engine, ctx, 'trs_missing', { toolkit: 'github' })).status).toBe(404);
  });

  it('refuses a link for a toolkit with pinned accounts', () => {
    const { engine } = setup();
    const acc = createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github' });
    const sid = createSession(engine, ctx, { user_id: 'u1', connected_accounts: { github: [acc.id] } }).session_id;
    expect(errorOf(() => createLink(engine, ctx, sid, { toolkit: 'github' }))).toMatchObject({ status: 400, message: PINNED_ACCOUNT_MESSAGE });
  });

  it('keeps aliases unique per user and toolkit among live accounts; a failed one frees its alias', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const first = createLink(engine, ctx, sid, { toolkit: 'github', alias: 'work' });
    expect(errorOf(() => createLink(engine, ctx, sid, { toolkit: 'github', alias: 'work' })).status).toBe(400);
    const other = createSession(engine, ctx, { user_id: 'u2' }).session_id;
    expect(createLink(engine, ctx, other, { toolkit: 'github', alias: 'work' }).connected_account_id).toMatch(/^ca_/);
    denyLink(engine, first.link_token);
    expect(createLink(engine, ctx, sid, { toolkit: 'github', alias: 'work' }).connected_account_id).toMatch(/^ca_/);
  });

  it('caps ACTIVE accounts per user and toolkit: 1 without multi-account, max_accounts_per_toolkit with it', () => {
    const { engine } = setup();
    createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github' });
    const single = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    expect(errorOf(() => createLink(engine, ctx, single, { toolkit: 'github' })).message).toContain('the limit is 1');
    // SHARED accounts are counted on their own.
    expect(createLink(engine, ctx, single, { toolkit: 'github', experimental: { account_type: 'SHARED' } }).experimental?.account_type).toBe('SHARED');
    const multi = createSession(engine, ctx, { user_id: 'u1', multi_account: { enable: true, max_accounts_per_toolkit: 2 } }).session_id;
    approveLink(engine, createLink(engine, ctx, multi, { toolkit: 'github' }).link_token);
    expect(errorOf(() => createLink(engine, ctx, multi, { toolkit: 'github' })).message).toContain('the limit is 2');
  });

  it('checks the cap again at approval: of two pending links, the second approved is FAILED with the reason (409)', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'hank' }).session_id;
    const first = createLink(engine, ctx, sid, { toolkit: 'github', callback_url: 'https://app.example/cb' });
    const second = createLink(engine, ctx, sid, { toolkit: 'github', callback_url: 'https://app.example/cb' });
    expect(approveLink(engine, first.link_token).account.status).toBe('ACTIVE');
    const refused = errorOf(() => approveLink(engine, second.link_token));
    expect(refused).toMatchObject({ status: 409, codeName: 'ACCOUNT_LIMIT_REACHED' });
    expect(refused.message).toContain('the limit is 1 without multi_account.enable');
    const account = getConnectedAccount(engine, ctx, second.connected_account_id);
    expect(account.status).toBe('FAILED');
    expect(account.status_reason).toBe(refused.message);
    // The link is spent: a second try is the usual 409 "used".
    expect(errorOf(() => approveLink(engine, second.link_token)).codeName).toBe('LINK_USED');
    const active = [...engine.store.project('key-a').connectedAccounts.values()].filter((a) => a.status === 'ACTIVE');
    expect(active.map((a) => a.id)).toEqual([first.connected_account_id]);
  });

  it('the approval cap follows multi_account.max_accounts_per_toolkit of the link\'s session', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'hank', multi_account: { enable: true, max_accounts_per_toolkit: 2 } }).session_id;
    const links = [0, 1, 2].map(() => createLink(engine, ctx, sid, { toolkit: 'github' }));
    expect(approveLink(engine, links[0]!.link_token).account.status).toBe('ACTIVE');
    expect(approveLink(engine, links[1]!.link_token).account.status).toBe('ACTIVE');
    const refused = errorOf(() => approveLink(engine, links[2]!.link_token));
    expect(refused.codeName).toBe('ACCOUNT_LIMIT_REACHED');
    expect(refused.message).toContain('the limit is 2 (multi_account.max_accounts_per_toolkit)');
    // Denying is never capped.
    const extra = createLink(engine, ctx, createSession(engine, ctx, { user_id: 'hank', multi_account: { enable: true, max_accounts_per_toolkit: 3 } }).session_id, { toolkit: 'github' });
    expect(denyLink(engine, extra.link_token).account.status).toBe('FAILED');
  });

  it('points redirect_url at link_url_overwrite when the session sets it', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1', experimental: { link_url_overwrite: 'https://auth.example.com' } }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github' });
    expect(link.redirect_url).toBe(`https://auth.example.com/link/${link.link_token}`);
  });

  it('auto-connect makes the account ACTIVE at once', () => {
    const { engine } = setup();
    configureConnections(engine, { autoConnect: true });
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github' });
    expect(getConnectedAccount(engine, ctx, link.connected_account_id).status).toBe('ACTIVE');
    expect(errorOf(() => openLink(engine, link.link_token)).status).toBe(409);
  });
});

describe('callback URLs', () => {
  const refused = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://x/y', ' javascript:alert(1)', 'https://app.example/cb ', 'not a url', '/relative', '//evil.example/x', 'http://[::1', 'http:example.com', 'https://', '', `https://a.example/${'x'.repeat(2100)}`];

  it.each(refused)('refuses %j on a link with 400 naming callback_url, creating nothing', (value) => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const error = errorOf(() => createLink(engine, ctx, sid, { toolkit: 'github', callback_url: value }));
    expect(error).toMatchObject({ status: 400, codeName: 'VALIDATION_FAILED' });
    expect(error.message).toMatch(/^Invalid callback_url: /);
    expect(error.errors).toEqual([expect.stringMatching(/^\/body\/callback_url: must /)]);
    expect(engine.store.project('key-a').connectedAccounts.size).toBe(0);
  });

  it.each(refused)('refuses %j as manage_connections.callback_url on session create', (value) => {
    const { engine } = setup();
    const error = errorOf(() => createSession(engine, ctx, { user_id: 'u1', manage_connections: { callback_url: value } }));
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([expect.stringMatching(/^\/manage_connections\/callback_url: must /)]);
  });

  it('accepts absolute http(s) URLs with ports, IPv6 hosts, queries and fragments', () => {
    for (const ok of ['https://app.example.com/cb', 'http://127.0.0.1:3000/cb?next=/home#top', 'http://[::1]:8080/x', 'HTTPS://APP.EXAMPLE/CB']) {
      expect(callbackUrlProblem(ok), ok).toBeUndefined();
    }
  });
});

describe('completing links', () => {
  it('approve: ACTIVE, callback with status and id appended; a second answer is 409', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github', callback_url: 'https://app.example/cb?x=1' });
    const outcome = approveLink(engine, link.link_token);
    expect(outcome.account.status).toBe('ACTIVE');
    expect(outcome.redirect).toBe(`https://app.example/cb?x=1&status=success&connected_account_id=${link.connected_account_id}`);
    expect(errorOf(() => denyLink(engine, link.link_token))).toMatchObject({ status: 409, codeName: 'LINK_USED' });
  });

  it.each([
    ['keeps the query as written (no re-encoding) and the fragment last', 'https://app.example/cb?next=/home&q=a%20b&flag&sig=x~y*z#frag', 'https://app.example/cb?next=/home&q=a%20b&flag&sig=x~y*z&status=success&connected_account_id=ID#frag'],
    ['starts a query when there is none', 'https://app.example/cb', 'https://app.example/cb?status=success&connected_account_id=ID'],
    ['reuses an empty query', 'https://app.example/cb?', 'https://app.example/cb?status=success&connected_account_id=ID'],
    ['does not double a trailing &', 'https://app.example/cb?a=1&', 'https://app.example/cb?a=1&status=success&connected_account_id=ID'],
    ['keeps a caller\'s own status ahead of ours', 'https://app.example/cb?status=mine', 'https://app.example/cb?status=mine&status=success&connected_account_id=ID'],
    ['percent-encodes only non-ASCII text (a Location header cannot carry it)', 'https://app.example/caf\u20ac?q=\u00fc&r=%41', 'https://app.example/caf%E2%82%AC?q=%C3%BC&r=%41&status=success&connected_account_id=ID'],
    ['sends an internationalised host in punycode', 'https://b\u00fccher.example/cb?x=1', 'https://xn--bcher-kva.example/cb?x=1&status=success&connected_account_id=ID'],
  ])('the callback redirect %s', (_what, callback, expected) => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github', callback_url: callback });
    expect(approveLink(engine, link.link_token).redirect).toBe(expected.replace('ID', link.connected_account_id));
  });

  it('deny: FAILED with a reason; the session callback is used when the link has none', () => {
    const { engine } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1', manage_connections: { callback_url: 'https://app.example/done' } }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github' });
    const outcome = denyLink(engine, link.link_token);
    expect(outcome.account).toMatchObject({ status: 'FAILED', status_reason: 'The user denied access on the Connect page' });
    expect(outcome.redirect).toBe(`https://app.example/done?status=failed&connected_account_id=${link.connected_account_id}`);
  });

  it('expiry on the engine clock: 410 on the page, EXPIRED when polled', () => {
    const { engine, clock } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github' });
    clock.advance(LINK_TTL_MS);
    expect(openLink(engine, link.link_token).account.status).toBe('INITIATED');
    clock.advance(1);
    expect(getConnectedAccount(engine, ctx, link.connected_account_id)).toMatchObject({ status: 'EXPIRED', status_reason: expect.stringContaining('expired') });
    expect(errorOf(() => approveLink(engine, link.link_token))).toMatchObject({ status: 410, codeName: 'LINK_EXPIRED' });
  });

  it('unknown tokens and tokens of a reset project are 404', () => {
    const { engine } = setup();
    expect(errorOf(() => openLink(engine, 'lt_nothing')).status).toBe(404);
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const link = createLink(engine, ctx, sid, { toolkit: 'github' });
    engine.store.reset('key-a');
    expect(errorOf(() => openLink(engine, link.link_token)).status).toBe(404);
  });
});

describe('removeConnection', () => {
  it('revokes and disables by id or by toolkit, only the session user\'s accounts', () => {
    const { engine } = setup();
    const mine = createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github' });
    const theirs = createActiveAccount(engine, ctx, { user_id: 'u2', toolkit: 'github' });
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    expect(errorOf(() => removeConnection(engine, ctx, sid, theirs.id)).status).toBe(404);
    const removed = removeConnection(engine, ctx, sid, 'github');
    expect(removed.map((a) => a.id)).toEqual([mine.id]);
    expect(getConnectedAccount(engine, ctx, mine.id)).toMatchObject({ status: 'REVOKED', is_disabled: true });
    expect(getConnectedAccount(engine, ctx, theirs.id).status).toBe('ACTIVE');
    expect(errorOf(() => removeConnection(engine, ctx, sid, 'github')).status).toBe(404);
  });

  it('is refused when the session turned removal off', () => {
    const { engine } = setup();
    createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github' });
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    patchSession(engine, ctx, sid, { manage_connections: { enable_connection_removal: false } });
    expect(errorOf(() => removeConnection(engine, ctx, sid, 'github')).status).toBe(400);
  });
});
