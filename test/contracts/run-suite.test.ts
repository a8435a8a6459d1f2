/**
 * The runner's promises: cleanup after failures and after an interrupt, --grep selection, the
 * target detection that decides which conventions are enforced, and refusal of unusable options.
 */
import { describe, expect, it } from 'vitest';
import { runContractSuite } from '../../contracts/index.js';
import { createApp } from '../../src/http/app.js';
import { brokenFetch, findCheck, json, VARIANT_BASE_URL } from './support/broken-fetch.js';

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
