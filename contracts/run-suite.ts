/**
 * `runContractSuite(options)`: detect the target, run every selected flow, then clean up what
 * the run created (always, even after failures or an interrupt: files, connected accounts where
 * the target allows it, sessions), and return the report with every string redacted.
 */
import { randomBytes } from 'node:crypto';
import type { SuiteRuntime } from './check-context.js';
import { contractFlows } from './flows/index.js';
import { buildUrl } from './check-context.js';
import { HttpClient, TransportError } from './http-client.js';
import { createRedactor, redactDeep } from './redact.js';
import { removeAccounts } from './remove-accounts.js';
import { Resources } from './resources.js';
import { runFlow, selectedCount } from './run-flow.js';
import { operation } from './spec-expectations.js';
import { detectTarget } from './target.js';
import type { CheckResult, CleanupSummary, ContractReport, ContractSuiteOptions, ProgressEvent, SuiteWarning, TargetInfo } from './types.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A predicate over check ids; a string is a case-insensitive regular expression.
 *
 * @example
 * grepMatcher('sessions')('sessions › get returns the same session'); // true
 */
export function grepMatcher(grep: RegExp | string | undefined): (id: string) => boolean {
  if (grep === undefined || grep === '') return () => true;
  const pattern = typeof grep === 'string' ? new RegExp(grep, 'i') : new RegExp(grep.source, grep.flags.replace(/[gy]/g, ''));
  return (id) => pattern.test(id);
}

function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`baseUrl must use http or https, got ${url.protocol}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

async function cleanUp(runtime: SuiteRuntime, http: HttpClient, warn: (message: string) => void): Promise<CleanupSummary> {
  const summary: CleanupSummary = { sessionsDeleted: 0, filesDeleted: 0, accountsRemoved: 0, leftovers: [] };
  const headers = { 'x-api-key': runtime.apiKey, accept: 'application/json' };
  const attempt = async (what: string, operationId: string, params: Record<string, string>, body?: unknown): Promise<number | undefined> => {
    const op = operation(operationId);
    try {
      const res = await http.send(
        buildUrl(runtime.baseUrl, op.path, params),
        { method: op.method, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
        operationId,
      );
      if (res.status !== op.successStatus && res.status !== 404) warn(`cleanup: ${what} answered ${res.status}: ${res.record.response?.body ?? ''}`);
      return res.status;
    } catch (error) {
      warn(`cleanup: ${what} failed: ${error instanceof TransportError ? error.message : String(error)}`);
      return undefined;
    }
  };
  for (const file of runtime.resources.liveFiles()) {
    const status = await attempt(`deleting file ${file.path} of ${file.sessionId}`, 'deleteMountItem', { session_id: file.sessionId, mount_id: file.mountId }, { mount_relative_path: file.path });
    if (status === 200) summary.filesDeleted += 1;
    else summary.leftovers.push(`file ${file.mountId}/${file.path} of session ${file.sessionId}`);
  }
  // Accounts first: their removal runs through the sessions deleted next.
  await removeAccounts(runtime, http, summary, warn);
  for (const id of runtime.resources.liveSessions()) {
    const status = await attempt(`deleting session ${id}`, 'deleteSession', { session_id: id });
    if (status === 200) summary.sessionsDeleted += 1;
    else if (status !== 404) summary.leftovers.push(`session ${id}`);
  }
  return summary;
}

function unreachable(target: TargetInfo, error: TransportError): CheckResult {
  return {
    id: 'target › reachable',
    group: 'target',
    name: 'reachable',
    status: 'failed',
    durationMs: error.record.durationMs,
    violations: [{ rule: 'transport', message: `cannot reach ${target.baseUrl}: ${error.message}`, exchange: 0 }],
    warnings: [],
    exchanges: [error.record],
  };
}

/**
 * Runs the contract suite against a deployment and resolves to the report (it does not throw
 * for failing checks; it throws only for unusable options).
 *
 * @example
 * const report = await runContractSuite({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'any' });
 * console.log(`${report.passed} passed, ${report.failed} failed`);
 *
 * @example
 * // Against an in-process app, no socket:
 * const app = createApp();
 * await runContractSuite({ baseUrl: 'http://mock.local', apiKey: 'k', fetch: (i, init) => app.fetch(new Request(i, init)) });
 */
export async function runContractSuite(options: ContractSuiteOptions): Promise<ContractReport> {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') throw new TypeError('apiKey must be a non-empty string');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
  const matches = grepMatcher(options.grep);
  const redact = createRedactor([options.apiKey]);
  const seal = <T>(value: T): T => redactDeep(value, redact);
  const emit = (event: ProgressEvent) => options.onProgress?.(event);
  const clientOptions = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs,
    maxRetries: options.maxRetries ?? 3,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
    secrets: [options.apiKey],
  };
  const http = new HttpClient({ ...clientOptions, ...(options.signal ? { signal: options.signal } : {}) });
  const startedAt = new Date();
  const started = performance.now();
  const warnings: SuiteWarning[] = [];
  const checks: CheckResult[] = [];
  const warn = (message: string, check?: string) => {
    const warning = seal({ message, ...(check ? { check } : {}) });
    warnings.push(warning);
    emit({ type: 'warning', warning });
  };

  let target: TargetInfo = { baseUrl, kind: 'remote' };
  let cleanup: CleanupSummary = { sessionsDeleted: 0, filesDeleted: 0, accountsRemoved: 0, leftovers: [] };
  try {
    target = await detectTarget(http, baseUrl);
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    const result = seal(unreachable(target, error));
    emit({ type: 'suite-start', target, checks: 1 });
    emit({ type: 'check-end', result });
    checks.push(result);
  }

  if (checks.length === 0) {
    const runtime: SuiteRuntime = {
      http,
      target,
      baseUrl,
      apiKey: options.apiKey,
      userId: `contract-${randomBytes(6).toString('hex')}`,
      runId: randomBytes(4).toString('hex'),
      allowWrites: options.allowWrites === true,
      resources: new Resources(),
    };
    emit({ type: 'suite-start', target, checks: contractFlows.reduce((n, flow) => n + selectedCount(flow, matches), 0) });
    try {
      for (const flow of contractFlows) {
        const results = await runFlow(flow, runtime, { matches, ...(options.signal ? { signal: options.signal } : {}), emit, seal });
        checks.push(...results);
        // Already shown with their check; collected here for the report's overview.
        for (const result of results) for (const message of result.warnings) warnings.push({ message, check: result.id });
      }
    } finally {
      // A separate client: an interrupt must not stop the cleanup.
      cleanup = seal(await cleanUp(runtime, new HttpClient(clientOptions), (message) => warn(message)));
    }
  }

  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  const report: ContractReport = seal({
    target,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    checks,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    warnings,
    cleanup,
    ok: count('failed') === 0,
  });
  emit({ type: 'suite-end', report });
  return report;
}
