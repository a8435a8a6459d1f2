/**
 * The whole contract suite, writes included, against this repo's faces of the mock: the node
 * server on a loopback port and the MSW handlers. Both must be green, and together the checks
 * must reach every operation of the document with its documented success status.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractReport, consoleSummary, runContractSuite } from '../../contracts/index.js';
import { createHandlers } from '../../mocks/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { contractOperations } from '../../contracts/spec-expectations.js';

const KEY = 'contract-target-key-5f1c';

/** Operations that answered their documented success status somewhere in the run. */
function succeededOperations(report: ContractReport): Set<string> {
  const ops = contractOperations();
  const seen = new Set<string>();
  for (const exchange of report.checks.flatMap((c) => c.exchanges)) {
    if (exchange.operationId && exchange.response?.status === ops.get(exchange.operationId)?.successStatus) seen.add(exchange.operationId);
  }
  return seen;
}

function expectGreen(report: ContractReport): void {
  expect(report.failed, consoleSummary(report)).toBe(0);
  expect(report.skipped, consoleSummary(report)).toBe(0);
  expect(report.passed).toBe(report.checks.length);
  expect([...contractOperations().keys()].filter((op) => !succeededOperations(report).has(op))).toEqual([]);
  expect(report.cleanup.leftovers).toEqual([]);
  expect(JSON.stringify(report)).not.toContain(KEY);
}

describe('contract suite against the node server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', seed: 5 });
  });
  afterAll(() => server.close());

  it('passes every check and leaves no session behind', async () => {
    const report = await runContractSuite({ baseUrl: server.url, apiKey: KEY, allowWrites: true });
    expect(report.target).toMatchObject({ kind: 'composio-mock', baseUrl: server.url });
    expectGreen(report);
    const live = [...(server.app.engine.store.peek(KEY)?.sessions.values() ?? [])].filter((s) => !s.deleted);
    expect(live).toEqual([]);
    // The account the Connect page made ACTIVE was removed in the cleanup (MANAGE_CONNECTIONS).
    expect(report.cleanup.accountsRemoved).toBeGreaterThanOrEqual(1);
    const accounts = [...(server.app.engine.store.peek(KEY)?.connectedAccounts.values() ?? [])];
    expect(accounts.length).toBeGreaterThanOrEqual(1);
    expect(accounts.filter((a) => !a.is_disabled).map((a) => `${a.id} ${a.status}`)).toEqual([]);
  });
});

describe('contract suite against the MSW handlers', () => {
  // A reserved .test origin: if interception ever failed, nothing real could be reached.
  const baseUrl = 'http://contract.msw.test';
  const server = setupServer(...createHandlers({ baseUrl, seed: 5 }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('passes every check through the global fetch MSW intercepts', async () => {
    const report = await runContractSuite({ baseUrl, apiKey: KEY, allowWrites: true });
    expect(report.target.kind).toBe('composio-mock');
    expectGreen(report);
  });
});
