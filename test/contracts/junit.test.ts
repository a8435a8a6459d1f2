/**
 * The JUnit XML is well formed and has the structure CI tools read: testsuites > testsuite >
 * testcase (> failure | skipped | system-out), with counts that add up and text escaped.
 */
import { describe, expect, it } from 'vitest';
import { type ContractReport, runContractSuite, toJUnitXml } from '../../contracts/index.js';
import { brokenFetch, json, sessionResource, VARIANT_BASE_URL } from './support/broken-fetch.js';
import { parseXml, type XmlElement } from './support/xml.js';

const num = (text: string | undefined) => {
  expect(text, 'a numeric attribute').toMatch(/^\d+(\.\d+)?$/);
  return Number(text);
};

/** Asserts the JUnit structure and returns the parsed testcases. */
function validateJUnit(xml: string, report: ContractReport): XmlElement[] {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  expect(num(root.attributes.tests)).toBe(report.checks.length);
  expect(num(root.attributes.failures)).toBe(report.failed);
  expect(num(root.attributes.skipped)).toBe(report.skipped);
  num(root.attributes.time);
  const cases: XmlElement[] = [];
  let total = 0;
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite');
    expect(suite.attributes.name).toBeTruthy();
    const tests = suite.children.filter((c) => c.name === 'testcase');
    expect(suite.children.every((c) => ['testcase', 'properties', 'system-out'].includes(c.name))).toBe(true);
    expect(num(suite.attributes.tests)).toBe(tests.length);
    expect(num(suite.attributes.failures)).toBe(tests.filter((t) => t.children.some((c) => c.name === 'failure')).length);
    expect(num(suite.attributes.skipped)).toBe(tests.filter((t) => t.children.some((c) => c.name === 'skipped')).length);
    num(suite.attributes.time);
    for (const test of tests) {
      expect(test.attributes.classname).toBe(`contract.${suite.attributes.name}`);
      expect(test.attributes.name).toBeTruthy();
      num(test.attributes.time);
      expect(test.children.every((c) => ['failure', 'skipped', 'system-out'].includes(c.name))).toBe(true);
      for (const failure of test.children.filter((c) => c.name === 'failure')) {
        expect(failure.attributes.message).toBeTruthy();
        expect(failure.attributes.type).toBeTruthy();
        expect(failure.text).toContain('Request:');
        expect(failure.text).toContain('Response:');
      }
      cases.push(test);
    }
    total += tests.length;
  }
  expect(total).toBe(report.checks.length);
  return cases;
}

describe('JUnit XML', () => {
  it('is valid JUnit for a real run with passes, failures and skips, every case named as its check', async () => {
    // Deleting does not delete: the 404 check fails; writes are not allowed: the file round trip skips.
    const fetch = brokenFetch(async (request, forward) => {
      const id = sessionResource(request)?.id;
      return request.method === 'DELETE' && id ? json(200, { session_id: id, deleted: true }) : forward(request);
    });
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: 'junit-key', grep: /^(sessions|files) ›/, fetch });
    expect(report.failed).toBeGreaterThan(0);
    expect(report.skipped).toBeGreaterThan(0);
    expect(report.passed).toBeGreaterThan(0);
    const xml = toJUnitXml(report);
    const cases = validateJUnit(xml, report);
    expect(cases.map((c) => `${c.attributes.classname!.slice('contract.'.length)} › ${c.attributes.name}`)).toEqual(report.checks.map((c) => c.id));
    const failing = cases.find((c) => c.attributes.name === 'a deleted session answers 404 on every operation')!;
    const failure = failing.children.find((c) => c.name === 'failure')!;
    expect(failure.attributes.type).toBe('status');
    expect(failure.text).toContain('getSession: expected status 404, got 200');
    expect(failure.text).toContain('x-api-key: [redacted]');
    expect(xml).not.toContain('junit-key');
    const skipped = cases.find((c) => c.attributes.name === 'upload_url answers 201 with a presigned URL')!;
    expect(skipped.children[0]).toMatchObject({ name: 'skipped', attributes: { message: expect.stringContaining('--allow-writes') } });
  });

  it('escapes markup, quotes and characters XML cannot hold', () => {
    const nasty = 'a <b> & "c" \'d\' ]]> \u0001\u0008 ✓ 😀';
    const report: ContractReport = {
      target: { baseUrl: 'http://x.test/?a=1&b=2', kind: 'remote' },
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 5,
      checks: [
        {
          id: `g<1> › ${nasty}`,
          group: 'g<1>',
          name: nasty,
          status: 'failed',
          durationMs: 5,
          violations: [{ rule: 'schema', pointer: '/a&b', keyword: 'type', message: nasty, exchange: 0 }],
          warnings: [nasty],
          exchanges: [{ request: { method: 'GET', url: 'http://x.test/?a=<1>', headers: {} }, response: { status: 500, headers: {}, body: nasty }, attempts: 1, durationMs: 5 }],
        },
      ],
      passed: 0,
      failed: 1,
      skipped: 0,
      warnings: [{ message: `cleanup: ${nasty}` }],
      cleanup: { sessionsDeleted: 0, filesDeleted: 0, accountsRemoved: 0, leftovers: [] },
      ok: false,
    };
    const xml = toJUnitXml(report);
    const [testcase] = validateJUnit(xml, report);
    const cleaned = nasty.replace(/[\u0001\u0008]/g, '');
    expect(testcase!.attributes.name).toBe(cleaned);
    expect(testcase!.children.find((c) => c.name === 'failure')!.text).toContain(`[schema] /a&b (type): ${cleaned}`);
    expect(testcase!.children.find((c) => c.name === 'system-out')!.text).toBe(`warning: ${cleaned}`);
    expect(parseXml(xml).children.at(-1)).toMatchObject({ name: 'testsuite', attributes: { name: 'cleanup', tests: '0' } });
  });

  it('the checker itself rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/expected <\/b>/);
    expect(() => parseXml('<a name="x & y"/>')).toThrow(/bare "&"/);
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a/><b/>')).toThrow(/after the root/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/forbids/);
  });
});
