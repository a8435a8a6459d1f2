/**
 * The suite has teeth: each deliberately broken variant of the mock makes the specific check
 * fail with the specific violated rule, and the honest mock shows none of those violations.
 */
import { describe, expect, it } from 'vitest';
import { runContractSuite, type Violation } from '../../contracts/index.js';
import { type Breakage, brokenFetch, findCheck, isSessionEnvelope, json, rewriteJson, sessionResource, VARIANT_BASE_URL } from './support/broken-fetch.js';

interface Variant {
  name: string;
  breakage: Breakage;
  /** Which checks to run (the suite runs prerequisites on its own). */
  grep: RegExp;
  /** The check that must fail (prefix of its id). */
  check: string;
  /** A violation it must report. */
  violation: Partial<Violation> & Record<string, unknown>;
}

const isJson = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('application/json');

/** Rewrites every session envelope the app answers with. */
const editSessions =
  (edit: (body: any) => unknown): Breakage =>
  async (request, forward) => {
    const res = await forward(request);
    if (!isJson(res) || res.status >= 400) return res;
    return rewriteJson(res, (body) => (isSessionEnvelope(body) ? edit(body) : body));
  };

const onSessionGet =
  (change: (headers: Headers) => void): Breakage =>
  async (request, forward) => {
    const res = await forward(request);
    if (request.method !== 'GET' || !sessionResource(request)?.id) return res;
    const headers = new Headers(res.headers);
    change(headers);
    return new Response(await res.text(), { status: res.status, headers });
  };

const variants: Variant[] = [
  {
    name: 'a required field dropped (config_version missing from session envelopes)',
    breakage: editSessions(({ config_version: _dropped, ...rest }) => rest),
    grep: /^sessions › create/,
    check: 'sessions › create',
    violation: { rule: 'schema', keyword: 'required', pointer: '/config_version' },
  },
  {
    name: 'a field of the wrong type (config_version as a string)',
    breakage: editSessions((body) => ({ ...body, config_version: String(body.config_version) })),
    grep: /^sessions › create/,
    check: 'sessions › create',
    violation: { rule: 'schema', keyword: 'type', pointer: '/config_version' },
  },
  {
    name: 'the wrong success status (200 instead of 201 on create)',
    breakage: async (request, forward) => {
      const res = await forward(request);
      const target = sessionResource(request);
      if (request.method !== 'POST' || !target || target.id || res.status !== 201) return res;
      return new Response(await res.text(), { status: 200, headers: res.headers });
    },
    grep: /^sessions › create/,
    check: 'sessions › create',
    violation: { rule: 'status', message: 'createSession: expected status 201, got 200' },
  },
  {
    name: 'a deleted session that still reads back (DELETE answers 200 but keeps it)',
    breakage: async (request, forward) => {
      const id = sessionResource(request)?.id;
      if (request.method === 'DELETE' && id) return json(200, { session_id: id, deleted: true });
      return forward(request);
    },
    grep: /^sessions › a deleted session/,
    check: 'sessions › a deleted session answers 404',
    violation: { rule: 'status', message: 'getSession: expected status 404, got 200' },
  },
  {
    name: 'a PATCH that does not bump the version',
    breakage: async (request, forward) => {
      const res = await forward(request);
      if (request.method !== 'PATCH' || res.status !== 200) return res;
      return rewriteJson(res, (body) => ({ ...body, config_version: body.config_version - 1 }));
    },
    grep: /^sessions › patch/,
    check: 'sessions › patch bumps config_version',
    violation: { rule: 'behaviour', pointer: '/config_version', message: 'config_version after one patch: expected 2, got 1' },
  },
  {
    name: 'an error without the envelope (flat {message, status})',
    breakage: async (request, forward) => {
      const res = await forward(request);
      if (res.status < 400) return res;
      return rewriteJson(res, (body) => ({ message: body?.error?.message ?? 'error', status: res.status }));
    },
    grep: /^errors › 401 without/,
    check: 'errors › 401 without x-api-key',
    violation: { rule: 'schema', keyword: 'required', pointer: '/error' },
  },
  {
    name: 'a response that is not declared as JSON (text/plain)',
    breakage: onSessionGet((headers) => headers.set('content-type', 'text/plain')),
    grep: /^sessions › get/,
    check: 'sessions › get returns the same session',
    violation: { rule: 'content-type' },
  },
  {
    name: 'a response without x-request-id (a failure on composio-mock)',
    breakage: onSessionGet((headers) => headers.delete('x-request-id')),
    grep: /^sessions › get/,
    check: 'sessions › get returns the same session',
    violation: { rule: 'header' },
  },
];

const run = (breakage: Breakage, grep: RegExp) => runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: 'variant-key', grep, fetch: brokenFetch(breakage) });

describe('the contract suite against broken variants of the mock', () => {
  it.each(variants.map((v) => [v.name, v] as const))('catches %s', async (_name, variant) => {
    const report = await run(variant.breakage, variant.grep);
    const check = findCheck(report, variant.check);
    expect(check.status, check.violations.map((v) => v.message).join('\n')).toBe('failed');
    expect(check.violations).toContainEqual(expect.objectContaining(variant.violation));
    expect(report.ok).toBe(false);
  });

  it('the honest mock shows none of those violations', async () => {
    const honest: Breakage = (request, forward) => forward(request);
    for (const variant of variants) {
      const report = await run(honest, variant.grep);
      const check = findCheck(report, variant.check);
      expect(check.violations, `${variant.name}: ${check.id}`).not.toContainEqual(expect.objectContaining(variant.violation));
    }
  });

  it('a check after a broken prerequisite that was not selected fails and names it', async () => {
    // Create is broken and not selected by --grep: "get" runs it as setup and must not pass.
    const noId = editSessions(({ session_id: _dropped, ...rest }) => rest);
    const report = await run(noId, /^sessions › get/);
    expect(report.checks.map((c) => c.id)).toEqual(['sessions › get returns the same session']);
    const [get] = report.checks;
    expect(get!.status).toBe('failed');
    expect(get!.violations[0]).toMatchObject({ rule: 'prerequisite', message: expect.stringContaining('create answers 201') });
  });

  it('a check after a selected prerequisite that failed is skipped, not failed twice', async () => {
    const noId = editSessions(({ session_id: _dropped, ...rest }) => rest);
    const report = await run(noId, /^sessions › (create|get)/);
    expect(findCheck(report, 'sessions › create').status).toBe('failed');
    expect(findCheck(report, 'sessions › get')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('which failed') });
  });
});
