/**
 * The shapes the contract suite reports in: one result per check, each with the violated
 * rules and the exchanges (request + response excerpts, credentials redacted) behind them.
 */

/** What the suite is aimed at. `composio-mock` turns on the checks of the mock's own conventions. */
export interface TargetInfo {
  baseUrl: string;
  /** `composio-mock` when `GET /_mock/health` answers as the mock does; `remote` otherwise. */
  kind: 'composio-mock' | 'remote';
  /** The mock's version when `kind` is `composio-mock`. */
  version?: string;
}

/**
 * Which rule a violation breaks:
 * - `status`: the status code is not the one expected (or not declared for the operation)
 * - `content-type`: not `application/json`
 * - `header`: a header the document promises is missing or wrong
 * - `schema`: the body does not match the document's schema (one violation per Ajv error)
 * - `envelope`: an error body disagrees with its response (e.g. `error.status` != HTTP status)
 * - `behaviour`: a stateful expectation (version bump, 404 after delete, pagination, ...)
 * - `transport`: no usable response (timeout, connection refused, body not JSON)
 * - `prerequisite`: an earlier step this check needs did not succeed
 * - `internal`: the suite itself threw (a bug in the suite, reported rather than hidden)
 */
export type ViolationRule = 'status' | 'content-type' | 'header' | 'schema' | 'envelope' | 'behaviour' | 'transport' | 'prerequisite' | 'internal';

/** One broken rule. Schema violations carry the JSON pointer into the body and the Ajv keyword. */
export interface Violation {
  rule: ViolationRule;
  message: string;
  /** JSON pointer into the response body (`/config_version`); `''` is the whole body. */
  pointer?: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `enum`, ...). */
  keyword?: string;
  /** Where in the document the failing keyword sits (`#/properties/config_version/type`). */
  schemaPath?: string;
  /** Index, in the check's `exchanges`, of the exchange this violation is about. */
  exchange?: number;
}

/** A request and its response, as excerpts with every credential redacted. */
export interface ExchangeRecord {
  /** The operation called, when the request was an API operation. */
  operationId?: string;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    /** First characters of the body. */
    body?: string;
  };
  response?: {
    status: number;
    headers: Record<string, string>;
    /** First characters of the body (about 500). */
    body: string;
  };
  /** More than 1 when a 429 was retried. */
  attempts: number;
  durationMs: number;
  /** Why there is no response (timeout, network error). */
  error?: string;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** `<group> › <name>`: what `--grep` matches against. */
  id: string;
  group: string;
  name: string;
  status: CheckStatus;
  durationMs: number;
  violations: Violation[];
  /** Findings that do not fail the check (mock-only conventions against a remote target, ...). */
  warnings: string[];
  skipReason?: string;
  exchanges: ExchangeRecord[];
}

/** A warning outside any check (cleanup, target detection). */
export interface SuiteWarning {
  message: string;
  /** The check it came from, when there is one. */
  check?: string;
}

/** What the cleanup phase did. */
export interface CleanupSummary {
  sessionsDeleted: number;
  filesDeleted: number;
  /** Connected accounts removed through COMPOSIO_MANAGE_CONNECTIONS (`--allow-writes` only). */
  accountsRemoved: number;
  /** Things the suite created but could not remove (reported as warnings too). */
  leftovers: string[];
}

export interface ContractReport {
  target: TargetInfo;
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
  warnings: SuiteWarning[];
  cleanup: CleanupSummary;
  /** True when no check failed. */
  ok: boolean;
}

/** Progress, in the order things happen. Every string is already redacted. */
export type ProgressEvent =
  | { type: 'suite-start'; target: TargetInfo; checks: number }
  | { type: 'check-start'; id: string }
  | { type: 'check-end'; result: CheckResult }
  | { type: 'warning'; warning: SuiteWarning }
  | { type: 'suite-end'; report: ContractReport };

/** `fetch` or anything shaped like it (an app's in-process fetch, an MSW-patched fetch). */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface ContractSuiteOptions {
  /** Origin (and optional path prefix) of the deployment, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Project API key, sent as `x-api-key`. Never printed: every report string is redacted. */
  apiKey: string;
  /** Run only the checks whose `<group> › <name>` matches (a string is a case-insensitive pattern). */
  grep?: RegExp | string;
  /** Allow write side effects: files, completing links on the mock. Default false. */
  allowWrites?: boolean;
  /** Bound of every request in milliseconds (default 30000). */
  timeoutMs?: number;
  /** Called as the run progresses (one `check-end` per check). */
  onProgress?: (event: ProgressEvent) => void;
  /** The fetch to use; default the global `fetch`, looked up at call time (so MSW sees it). */
  fetch?: FetchLike;
  /** Stop starting checks (cleanup still runs) once aborted, e.g. on Ctrl-C. */
  signal?: AbortSignal;
  /** How many times a 429 is retried (default 3); the wait follows `retry-after-ms` / `retry-after`. */
  maxRetries?: number;
  /** Longest single wait on `retry-after` in milliseconds (default 30000); longer waits are not retried. */
  maxRetryWaitMs?: number;
}
