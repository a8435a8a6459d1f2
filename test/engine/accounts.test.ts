import { describe, expect, it } from 'vitest';
import { accountCap, resolveAccount, shownAccount, usableAccounts } from '../../src/engine/accounts.js';
import { ManualClock } from '../../src/engine/clock.js';
import { createActiveAccount } from '../../src/engine/connected-accounts.js';
import { Engine } from '../../src/engine/engine.js';
import { approveLink, createLink, removeConnection } from '../../src/engine/links.js';
import { createSession } from '../../src/engine/sessions.js';
import type { StoredConfig } from '../../src/engine/types.js';
import { tinyCatalog } from '../support/tiny-catalog.js';

const ctx = { apiKey: 'key-a', origin: 'http://127.0.0.1:4010' };

function setup() {
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const engine = new Engine({ catalog: tinyCatalog(), seed: 3, clock });
  const project = engine.store.project(ctx.apiKey);
  const sessionOf = (id: string) => project.sessions.get(id)!;
  return { engine, clock, project, sessionOf };
}

describe('accountCap', () => {
  it('is 1 without multi-account, 5 by default with it, else max_accounts_per_toolkit', () => {
    expect(accountCap({} as StoredConfig)).toBe(1);
    expect(accountCap({ multi_account: { enable: false, max_accounts_per_toolkit: 4 } } as StoredConfig)).toBe(1);
    expect(accountCap({ multi_account: { enable: true } } as StoredConfig)).toBe(5);
    expect(accountCap({ multi_account: { enable: true, max_accounts_per_toolkit: 3 } } as StoredConfig)).toBe(3);
  });
});

describe('usableAccounts and resolveAccount', () => {
  it('uses the user\'s ACTIVE private accounts, newest first even under a frozen clock', () => {
    const { engine, project, sessionOf } = setup();
    const a = createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'a' });
    const b = createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'b' });
    createActiveAccount(engine, ctx, { user_id: 'u2', toolkit: 'github' });
    const session = sessionOf(createSession(engine, ctx, { user_id: 'u1' }).session_id);
    expect(usableAccounts(project, session, 'GITHUB').map((x) => x.id)).toEqual([b.id, a.id]);
    expect(resolveAccount(project, session, 'github')).toEqual({ account: expect.objectContaining({ id: b.id }) });
  });

  it('chooses by id or alias, and lists the accounts when the choice is unknown', () => {
    const { engine, project, sessionOf } = setup();
    const a = createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'work' });
    createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'home' });
    const session = sessionOf(createSession(engine, ctx, { user_id: 'u1', multi_account: { enable: true } }).session_id);
    expect(resolveAccount(project, session, 'github', a.id)).toEqual({ account: expect.objectContaining({ id: a.id }) });
    expect(resolveAccount(project, session, 'github', 'work')).toEqual({ account: expect.objectContaining({ id: a.id }) });
    const unknown = resolveAccount(project, session, 'github', 'nope');
    expect('error' in unknown && unknown.error).toContain(`${a.id} (alias "work")`);
  });

  it('require_explicit_selection with several accounts is an error listing them', () => {
    const { engine, project, sessionOf } = setup();
    createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'work' });
    createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github', alias: 'home' });
    const session = sessionOf(createSession(engine, ctx, { user_id: 'u1', multi_account: { enable: true, require_explicit_selection: true } }).session_id);
    const result = resolveAccount(project, session, 'github');
    expect('error' in result && result.error).toMatch(/Several connected accounts.*alias "home".*alias "work"/);
  });

  it('pins replace the user\'s own accounts, including a SHARED account another user made', () => {
    const { engine, project, sessionOf } = setup();
    const owner = createSession(engine, ctx, { user_id: 'owner' }).session_id;
    const link = createLink(engine, ctx, owner, { toolkit: 'github', experimental: { account_type: 'SHARED', acl_config_for_shared: { allow_all_users: true } } });
    approveLink(engine, link.link_token);
    createActiveAccount(engine, ctx, { user_id: 'u1', toolkit: 'github' });
    const session = sessionOf(createSession(engine, ctx, { user_id: 'u1', connected_accounts: { github: [link.connected_account_id] } }).session_id);
    expect(usableAccounts(project, session, 'github').map((a) => a.id)).toEqual([link.connected_account_id]);
    // Unpinned, a SHARED account is never picked up implicitly.
    const plain = sessionOf(createSession(engine, ctx, { user_id: 'owner' }).session_id);
    expect(usableAccounts(project, plain, 'github')).toEqual([]);
  });

  it('with no account the error tells the agent how to connect', () => {
    const { engine, project, sessionOf } = setup();
    const session = sessionOf(createSession(engine, ctx, { user_id: 'u1' }).session_id);
    const result = resolveAccount(project, session, 'github');
    expect('error' in result && result.error).toContain('COMPOSIO_MANAGE_CONNECTIONS');
  });
});

describe('shownAccount', () => {
  it('shows the usable account, else the newest pending one, never a removed one', () => {
    const { engine, project, sessionOf } = setup();
    const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
    const session = sessionOf(sid);
    expect(shownAccount(project, session, 'github')).toBeUndefined();
    const link = createLink(engine, ctx, sid, { toolkit: 'github' });
    expect(shownAccount(project, session, 'github')).toMatchObject({ id: link.connected_account_id, status: 'INITIATED' });
    approveLink(engine, link.link_token);
    expect(shownAccount(project, session, 'github')).toMatchObject({ id: link.connected_account_id, status: 'ACTIVE' });
    removeConnection(engine, ctx, sid, link.connected_account_id);
    expect(shownAccount(project, session, 'github')).toBeUndefined();
  });
});
