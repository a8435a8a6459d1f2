/**
 * Against Prism's stateless mock of our own document, every response the suite sees has the
 * documented shape (Prism answers with the document's examples), while the stateful checks
 * fail: what a stateless mock misses. Also proves Prism 5.14 runs our 3.1 document on Node 20.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractReport, runContractSuite } from '../../contracts/index.js';
import { freePort, startPrism } from '../../scripts/prism-comparison.js';

const SHAPE_RULES = ['schema', 'content-type', 'header', 'envelope'];

describe('contract suite against Prism', () => {
  let prism: { url: string; child: ChildProcess };
  let report: ContractReport;

  beforeAll(async () => {
    prism = await startPrism(await freePort());
    report = await runContractSuite({ baseUrl: prism.url, apiKey: 'prism-test-key', timeoutMs: 10_000 });
  }, 90_000);
  afterAll(() => {
    prism?.child.kill('SIGTERM');
  });

  it('sees only documented shapes', () => {
    const shapeViolations = report.checks.flatMap((c) => c.violations.filter((v) => SHAPE_RULES.includes(v.rule)).map((v) => `${c.id}: ${v.pointer ?? ''} ${v.message}`));
    expect(shapeViolations).toEqual([]);
    expect(report.target.kind).toBe('remote');
  });

  it('passes the request-validation checks and fails the stateful ones', () => {
    const status = (prefix: string) => report.checks.find((c) => c.id.startsWith(prefix))?.status;
    expect(status('errors › 400 for createSession without user_id')).toBe('passed');
    expect(status('errors › 401 without x-api-key')).toBe('passed');
    for (const stateful of ['sessions › create answers 201', 'sessions › patch bumps', 'sessions › a deleted session answers 404', 'search › answers one result per query', 'errors › 404 for an unknown session']) {
      expect(status(stateful), stateful).toBe('failed');
    }
  });
});
