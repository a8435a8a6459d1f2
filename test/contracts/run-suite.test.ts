/**
 * The runner's promises: cleanup after failures and after an interrupt, --grep selection, the
 * target detection that decides which conventions are enforced, and refusal of unusable options.
 */
import { describe, expect, it } from 'vitest';
import { runContractSuite } from '../../contracts/index.js';
import { createApp } from '../../src/http/app.js';
import { brokenFetch, findCheck, json, rewriteJson, sessionResource, VARIANT_BASE_URL } from './support/broken-fetch.js';

const KEY = 'run-suite-key';

function liveSessions(app: ReturnType<typeof createApp>): string[] {
  return [...(app.engine.store.peek(KEY)?.sessions.values() ?? [])].filter((s) => !s.deleted).map((s) => s.session_id);
}

describe('runContractSuite', () => {
  it('deletes every session it created even when checks fail', async () => {
    const app = createApp({ seed: 2 });
    // Every tools listing is broken: the tools checks fail after their sessions were created.
    const fetch = brokenFetch(async (request, forward) => (new URL(request.url).pathname.endsWith('/tools') ? json(200, { items: 'nope' }) : forward(request)), app);
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^(tools|search) ›/, fetch });
    expect(findCheck(report, 'tools › tools: pagination').status).toBe('failed');
    expect(report.cleanup.sessionsDeleted).toBeGreaterThan(0);
    expect(report.cleanup.leftovers).toEqual([]);
    expect(liveSessions(app)).toEqual([]);
  });

  it('an interrupt stops starting checks, skips the rest and still cleans up', async () => {
    const app = createApp({ seed: 2 });
    const controller = new AbortController();
    const report = await runContractSuite({
      baseUrl: VARIANT_BASE_URL,
      apiKey: KEY,
      grep: /^sessions ›/,
      fetch: brokenFetch((request, forward) => forward(request), app),
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'check-end') controller.abort();
      },
    });
    expect(report.checks[0]).toMatchObject({ status: 'passed' });
    expect(report.checks.slice(1).every((c) => c.status === 'skipped' && c.skipReason === 'the run was interrupted')).toBe(true);
    expect(report.cleanup.sessionsDeleted).toBe(1);
    expect(liveSessions(app)).toEqual([]);
  });

  it('--grep selects by "<group> › <name>", case-insensitively, and reports only the selected checks', async () => {
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: 'SESSIONS › CONFIG_HISTORY', fetch: brokenFetch((r, f) => f(r)) });
    expect(report.checks.map((c) => c.id)).toEqual(['sessions › config_history keeps the old version, newest first, one is_current']);
    expect(report.checks[0]!.status).toBe('passed');
  });

  it('treats a target without the mock control plane as remote: x-request-id only warns there', async () => {
    const fetch = brokenFetch(async (request, forward) => {
      if (new URL(request.url).pathname === '/_mock/health') return json(404, { error: { message: 'no', code: 1404, status: 404 } });
      const res = await forward(request);
      const headers = new Headers(res.headers);
      headers.delete('x-request-id');
      return new Response(await res.text(), { status: res.status, headers });
    });
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^sessions › get/, fetch });
    expect(report.target.kind).toBe('remote');
    const get = findCheck(report, 'sessions › get');
    expect(get.status).toBe('passed');
    expect(get.warnings.some((w) => w.includes('x-request-id'))).toBe(true);
  });

  it('refuses unusable options', async () => {
    await expect(runContractSuite({ baseUrl: 'not a url', apiKey: KEY })).rejects.toThrow(/absolute http\(s\) URL/);
    await expect(runContractSuite({ baseUrl: 'ftp://x.test', apiKey: KEY })).rejects.toThrow(/http or https/);
    await expect(runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: ' ' })).rejects.toThrow(/apiKey/);
    await expect(runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
  });
});

describe('runContractSuite: connected accounts in the cleanup', () => {
  const accountsOf = (app: ReturnType<typeof createApp>) => [...(app.engine.store.peek(KEY)?.connectedAccounts.values() ?? [])];

  it('with --allow-writes removes the ACTIVE account through COMPOSIO_MANAGE_CONNECTIONS: nothing left, no warning', async () => {
    const app = createApp({ seed: 4 });
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^connections ›/, allowWrites: true, fetch: brokenFetch((r, f) => f(r), app) });
    expect(report.failed).toBe(0);
    expect(report.cleanup.accountsRemoved).toBe(1);
    expect(report.cleanup.leftovers).toEqual([]);
    expect(report.warnings.filter((w) => w.message.startsWith('cleanup'))).toEqual([]);
    const accounts = accountsOf(app);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ status: 'REVOKED', is_disabled: true, user_id: expect.stringMatching(/^contract-/) });
  });

  it('without --allow-writes keeps the INITIATED account and says so in a cleanup warning', async () => {
    const app = createApp({ seed: 4 });
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^connections ›/, fetch: brokenFetch((r, f) => f(r), app) });
    const [account] = accountsOf(app);
    expect(account).toMatchObject({ status: 'INITIATED', is_disabled: false });
    expect(report.cleanup.accountsRemoved).toBe(0);
    expect(report.cleanup.leftovers).toEqual([`connected account ${account!.id} (github, INITIATED) of user ${account!.user_id}: removing it through COMPOSIO_MANAGE_CONNECTIONS needs --allow-writes`]);
    expect(report.warnings.map((w) => w.message)).toContain(`cleanup: left ${report.cleanup.leftovers[0]}`);
  });

  it('keeps the account as a warning when the session does not expose COMPOSIO_MANAGE_CONNECTIONS, and never calls execute_meta', async () => {
    const app = createApp({ seed: 4 });
    const metaCalls: string[] = [];
    const fetch = brokenFetch(async (request, forward) => {
      if (new URL(request.url).pathname.endsWith('/execute_meta')) metaCalls.push(request.url);
      const res = await forward(request);
      if (request.method === 'POST' && sessionResource(request) && res.status === 201) {
        return rewriteJson(res, (body) => ({ ...body, tool_router_tools: body.tool_router_tools.filter((t: string) => t !== 'COMPOSIO_MANAGE_CONNECTIONS') }));
      }
      return res;
    }, app);
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^connections ›/, allowWrites: true, fetch });
    expect(metaCalls).toEqual([]);
    expect(report.cleanup.accountsRemoved).toBe(0);
    expect(report.cleanup.leftovers).toEqual([expect.stringMatching(/\(github, ACTIVE\) of user contract-[0-9a-f]+: the Tool Router API has no call to delete it and its session does not expose COMPOSIO_MANAGE_CONNECTIONS$/)]);
  });

  it('reports a removal the target refuses (in-band error) as a leftover with the reason', async () => {
    const app = createApp({ seed: 4 });
    const fetch = brokenFetch(async (request, forward) => {
      const body = request.method === 'POST' ? await request.clone().text() : '';
      if (new URL(request.url).pathname.endsWith('/execute_meta') && body.includes('"remove"')) return json(200, { data: {}, error: 'removal is off', log_id: 'log_x' });
      return forward(request);
    }, app);
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^connections ›/, allowWrites: true, fetch });
    expect(report.cleanup.accountsRemoved).toBe(0);
    expect(report.cleanup.leftovers).toEqual([expect.stringMatching(/COMPOSIO_MANAGE_CONNECTIONS removal answered with error: removal is off$/)]);
    expect(accountsOf(app)[0]).toMatchObject({ status: 'ACTIVE', is_disabled: false });
  });
});
