/**
 * The JUnit XML is well formed and has the structure CI tools read: testsuites > testsuite >
 * testcase (> failure | skipped | system-out), with counts that add up and text escaped.
 */
import { describe, expect, it } from 'vitest';
import { type ContractReport, junitTimestamp, runContractSuite, toJUnitXml } from '../../contracts/index.js';
import { brokenFetch, json, sessionResource, VARIANT_BASE_URL } from './support/broken-fetch.js';
import { junitViolations } from './support/junit-schema.js';
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
  expect(num(root.attributes.errors)).toBe(0);
  num(root.attributes.time);
  expect(junitViolations(root)).toEqual([]);
  expect(root.children.reduce((n, suite) => n + num(suite.attributes.skipped), 0)).toBe(report.skipped);
  const cases: XmlElement[] = [];
  let total = 0;
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite');
    expect(suite.attributes.name).toBeTruthy();
    const tests = suite.children.filter((c) => c.name === 'testcase');
    expect(suite.children.every((c) => ['testcase', 'properties', 'system-out', 'system-err'].includes(c.name))).toBe(true);
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
    const cleanup = parseXml(xml).children.at(-1)!;
    expect(cleanup).toMatchObject({ name: 'testsuite', attributes: { name: 'cleanup', tests: '0' } });
    expect(cleanup.children.find((c) => c.name === 'system-out')!.text).toBe(`warning: cleanup: ${cleaned}`);
  });

  it('follows the common JUnit schema: testsuite attributes, timestamp without ms or zone, properties, system-out and system-err', () => {
    const report: ContractReport = {
      target: { baseUrl: 'http://127.0.0.1:4010', kind: 'composio-mock', version: '0.1.0' },
      startedAt: '2026-11-28T19:01:02.345Z',
      durationMs: 1234,
      checks: [
        { id: 'a › ok', group: 'a', name: 'ok', status: 'passed', durationMs: 10, violations: [], warnings: [], exchanges: [] },
        { id: 'a › skip', group: 'a', name: 'skip', status: 'skipped', skipReason: 'needs --allow-writes', durationMs: 0, violations: [], warnings: [], exchanges: [] },
        {
          id: 'b › bad',
          group: 'b',
          name: 'bad',
          status: 'failed',
          durationMs: 5,
          violations: [{ rule: 'status', message: 'expected 200, got 500', exchange: 0 }],
          warnings: ['slow'],
          exchanges: [{ request: { method: 'GET', url: 'http://127.0.0.1:4010/x', headers: {} }, response: { status: 500, headers: {}, body: '{}' }, attempts: 1, durationMs: 5 }],
        },
      ],
      passed: 1,
      failed: 1,
      skipped: 1,
      warnings: [{ message: 'cleanup: left something' }],
      cleanup: { sessionsDeleted: 0, filesDeleted: 0, accountsRemoved: 0, leftovers: ['something'] },
      ok: false,
    };
    const root = parseXml(toJUnitXml(report, { hostname: 'ci-runner-1' }));
    expect(junitViolations(root)).toEqual([]);
    expect(root.attributes).toEqual({ name: 'composio-mock contract suite', tests: '3', failures: '1', errors: '0', time: '1.234' });
    const [a, b, cleanup] = root.children;
    expect(a!.attributes).toEqual({
      name: 'a', tests: '2', failures: '0', errors: '0', skipped: '1', time: '0.010', timestamp: '2026-11-28T19:01:02', hostname: 'ci-runner-1', id: '0', package: 'contract.a',
    });
    expect(a!.children.map((c) => c.name)).toEqual(['properties', 'testcase', 'testcase', 'system-out', 'system-err']);
    expect(a!.children[0]!.children.map((p) => p.attributes)).toEqual([{ name: 'target', value: 'http://127.0.0.1:4010' }, { name: 'target.kind', value: 'composio-mock' }]);
    expect(a!.children[2]!.children[0]).toMatchObject({ name: 'skipped', attributes: { message: 'needs --allow-writes', type: 'skipped' } });
    const failing = b!.children.find((c) => c.name === 'testcase')!;
    expect(failing.attributes).toEqual({ classname: 'contract.b', name: 'bad', time: '0.005' });
    expect(failing.children.map((c) => c.name)).toEqual(['failure', 'system-out']);
    expect(failing.children[0]!.attributes).toEqual({ message: '[status]: expected 200, got 500', type: 'status' });
    expect(cleanup!.attributes).toMatchObject({ name: 'cleanup', tests: '0', skipped: '0', id: '2', hostname: 'ci-runner-1' });
    // The default hostname is the machine's.
    expect(parseXml(toJUnitXml(report)).children[0]!.attributes.hostname).toMatch(/\S/);
    expect(junitTimestamp('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05');
  });

  it('the schema checker fails the shape this reporter used to write (root skipped/timestamp, ms timestamp, no hostname)', () => {
    const old = parseXml(
      '<testsuites name="s" tests="1" failures="0" errors="0" skipped="0" time="0.001" timestamp="2026-01-01T00:00:00.000Z">' +
        '<testsuite name="g" tests="1" failures="0" errors="0" skipped="0" time="0.001" timestamp="2026-01-01T00:00:00.000Z">' +
        '<properties/><testcase classname="contract.g" name="x" time="0.001"/></testsuite></testsuites>',
    );
    expect(junitViolations(old)).toEqual([
      '/testsuites: attribute "skipped" is not in the schema',
      '/testsuites: attribute "timestamp" is not in the schema',
      '/testsuites/testsuite[0]: attribute "hostname" is required',
      expect.stringContaining('/testsuites/testsuite[0]: timestamp="2026-01-01T00:00:00.000Z" does not match'),
      '/testsuites/testsuite[0]: children are properties, testcase; expected properties, testcase*, system-out, system-err',
    ]);
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
