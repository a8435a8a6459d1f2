/**
 * Per-test scenarios: injected failures and latency, keyed by operationId (prism's
 * `Prefer: code=...`, but as typed values instead of control headers). The app consults the
 * plan after routing and authentication, so a 401 or 404 route still wins, and an injected
 * failure goes out through the app's own error path: the real envelope, a request id, the
 * status asked for.
 */
import { ApiError, type ErrorCodeName } from '../engine/errors.js';

/** What the next call(s) to an operation should answer instead of running. */
export interface FailureScenario {
  /** HTTP status, 400..599. */
  status: number;
  /** `error.message`; default names the injected status and operation. */
  message?: string;
  /** How many consecutive calls fail (default 1). Later scenarios queue behind earlier ones. */
  times?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }` for a 429. */
  headers?: Record<string, string>;
  /** Which platform code `error.code` carries; default follows the status (429 -> RATE_LIMITED, ...). */
  code?: ErrorCodeName;
}

/** `'*'`: every operation. */
export type OperationSelector = string;

/** One queued failure, as {@link FaultPlan.pending} lists it. */
export interface PendingFailure {
  operationId: string;
  status: number;
  remaining: number;
}

const CODE_BY_STATUS: Record<number, ErrorCodeName> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
};

/** Header names as RFC 9110 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers that describe the message framing: the server sets them, a scenario must not. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'trailer', 'te']);

/**
 * What is wrong with a scenario's extra response headers, one entry per header, keyed by its
 * name: names must be RFC 9110 tokens and not framing headers (content-length, ...), values
 * strings without CR, LF or NUL and within Latin-1 (what an HTTP header can carry). Checked
 * when a scenario is registered, so a bad one never turns the next call into a bare 500.
 *
 * @example
 * headerProblems({ 'bad name': 'x' }); // [{ name: 'bad name', problem: 'is not a valid header name (RFC 9110 token)' }]
 */
export function headerProblems(headers: Record<string, unknown>): { name: string; problem: string }[] {
  const problems: { name: string; problem: string }[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) problems.push({ name, problem: 'is not a valid header name (RFC 9110 token)' });
    else if (FRAMING_HEADERS.has(name.toLowerCase())) problems.push({ name, problem: 'is set by the server and cannot be injected' });
    if (typeof value !== 'string') problems.push({ name, problem: 'value must be a string' });
    // eslint-disable-next-line no-control-regex
    else if (/[\r\n\u0000]/.test(value)) problems.push({ name, problem: 'value must not contain CR, LF or NUL' });
    else if (/[^\u0000-\u00ff]/.test(value)) problems.push({ name, problem: 'value must be Latin-1 text (percent-encode anything else)' });
  }
  return problems;
}

/** A name as one JSON-pointer segment (RFC 6901). */
const pointerToken = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every problem of a failure scenario as `field: message` lines (status 400..599, times a
 * positive integer, message a string, headers as {@link headerProblems}); shared by
 * `failNext` and `POST /_mock/faults`.
 *
 * @example
 * scenarioProblems({ status: 200 }); // ['status: must be an integer 400..599']
 */
export function scenarioProblems(scenario: FailureScenario): string[] {
  const problems: string[] = [];
  const { status, times, message, headers } = scenario as unknown as Record<string, unknown>;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) problems.push('status: must be an integer 400..599');
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) problems.push('times: must be an integer >= 1');
  if (message !== undefined && typeof message !== 'string') problems.push('message: must be a string');
  if (headers !== undefined) {
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers) || !Object.values(headers).every((v) => typeof v === 'string')) {
      problems.push('headers: must be an object of strings');
    } else {
      for (const { name, problem } of headerProblems(headers as Record<string, unknown>)) problems.push(`headers/${pointerToken(name)}: ${problem}`);
    }
  }
  return problems;
}

interface QueuedFailure {
  scenario: FailureScenario;
  remaining: number;
}

/**
 * The scenarios of one app. `take`/`apply` are what the app calls; `failNext`, `delay` and
 * `clear` are what tests call.
 *
 * @example
 * const faults = new FaultPlan();
 * const app = createApp({ faults });
 * faults.failNext('createSession', { status: 503, times: 2 });
 * faults.delay('*', 50);
 * faults.clear();
 */
export class FaultPlan {
  private readonly failures = new Map<string, QueuedFailure[]>();
  private readonly delayByOperation = new Map<string, number>();
  private readonly exempted = new WeakSet<Request>();

  /**
   * Makes the next `times` calls to `operationId` fail with `status`. Throws a RangeError for
   * a status outside 400..599 or a bad `times`, a TypeError for invalid `headers` (see
   * {@link headerProblems}) or a non-string message.
   *
   * @example
   * faults.failNext('executeTool', { status: 429, headers: { 'retry-after': '1' } });
   */
  failNext(operationId: string, scenario: FailureScenario): void {
    if (!operationId) throw new TypeError('failNext: operationId is required');
    const problems = scenarioProblems(scenario);
    // Out-of-range numbers stay RangeErrors; a malformed header or a wrong type is a TypeError.
    if (problems.some((p) => !p.startsWith('status:') && !p.startsWith('times:'))) throw new TypeError(`failNext: ${problems.join('; ')}`);
    if (problems.length > 0) throw new RangeError(`failNext: ${problems.join('; ')}`);
    const times = scenario.times ?? 1;
    const queue = this.failures.get(operationId) ?? [];
    queue.push({ scenario: { ...scenario, ...(scenario.headers ? { headers: { ...scenario.headers } } : {}) }, remaining: times });
    this.failures.set(operationId, queue);
  }

  /**
   * Adds `ms` of latency to every call of `operationId` (or of every operation with `'*'`)
   * until cleared; an operation's own delay replaces the `'*'` one. `0` removes it.
   *
   * @example
   * faults.delay('searchTools', 200);
   */
  delay(operation: OperationSelector, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`delay: ms must be a non-negative number, got ${String(ms)}`);
    if (ms === 0) this.delayByOperation.delete(operation);
    else this.delayByOperation.set(operation, ms);
  }

  /**
   * Forgets every failure and delay.
   *
   * @example
   * afterEach(() => faults.clear());
   */
  clear(): void {
    this.failures.clear();
    this.delayByOperation.clear();
  }

  /**
   * Marks a request the mock makes to itself (seeding), so scenarios never consume or slow it.
   *
   * @example
   * await app.fetch(faults.exempt(new Request(url, init)));
   */
  exempt(request: Request): Request {
    this.exempted.add(request);
    return request;
  }

  /**
   * The failures still queued, in the order they will fire per operation.
   *
   * @example
   * faults.pending(); // [{ operationId: 'createSession', status: 503, remaining: 1 }]
   */
  pending(): PendingFailure[] {
    return [...this.failures].flatMap(([operationId, queue]) =>
      queue.map((q) => ({ operationId, status: q.scenario.status, remaining: q.remaining })),
    );
  }

  /**
   * The delays in force, by operationId (`'*'`: every operation).
   *
   * @example
   * faults.delays(); // { '*': 50, searchTools: 200 }
   */
  delays(): Record<string, number> {
    return Object.fromEntries(this.delayByOperation);
  }

  /**
   * Consumes what applies to one call: its latency and, if one is queued, the failure to answer.
   *
   * @example
   * const { delayMs, error } = faults.take('getSession');
   */
  take(operationId: string): { delayMs: number; error?: ApiError } {
    const delayMs = this.delayByOperation.get(operationId) ?? this.delayByOperation.get('*') ?? 0;
    const queue = this.failures.get(operationId);
    const head = queue?.[0];
    if (!queue || !head) return { delayMs };
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) this.failures.delete(operationId);
    return { delayMs, error: toError(operationId, head.scenario) };
  }

  /**
   * What the app calls once per API request: waits the delay, then throws the queued failure.
   *
   * @example
   * await faults.apply(match.operationId, request);
   */
  async apply(operationId: string, request?: Request): Promise<void> {
    if (request && this.exempted.has(request)) return;
    if (this.failures.size === 0 && this.delayByOperation.size === 0) return;
    const { delayMs, error } = this.take(operationId);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (error) throw error;
  }
}

function toError(operationId: string, scenario: FailureScenario): ApiError {
  const codeName = scenario.code ?? CODE_BY_STATUS[scenario.status] ?? (scenario.status >= 500 ? 'INTERNAL' : 'INJECTED_FAULT');
  const message = scenario.message ?? `Injected failure: ${operationId} answers ${scenario.status} (composio-mock scenario)`;
  return new ApiError(scenario.status, codeName, message, scenario.headers ? { headers: { ...scenario.headers } } : {});
}
