/**
 * What a check sees: `call(operationId, ...)` (every response checked against the document on
 * the way), assertions that collect violations instead of stopping at the first, and the
 * suite's shared pieces (target, user id, created resources).
 */
import { HttpClient, type SendInit, type SendResult, TransportError } from './http-client.js';
import type { Resources } from './resources.js';
import { checkResponse, operation } from './spec-expectations.js';
import type { ExchangeRecord, TargetInfo, Violation } from './types.js';

/**
 * The check cannot go on; its violations say why.
 *
 * @example
 * if (!res.body?.session_id) throw new CheckAbort('no session id');
 */
export class CheckAbort extends Error {}

/**
 * An earlier step of the flow left nothing to work with.
 *
 * @example
 * throw new PrerequisiteMissing('create answers 201 with the session at config_version 1');
 */
export class PrerequisiteMissing extends Error {
  constructor(readonly step: string) {
    super(`needs step "${step}"`);
  }
}

/**
 * The check does not apply (no suitable tool on this target, ...).
 *
 * @example
 * throw new CheckSkip('no toolkit runs without a connection');
 */
export class CheckSkip extends Error {}

/** What every check of one run shares. */
export interface SuiteRuntime {
  http: HttpClient;
  target: TargetInfo;
  baseUrl: string;
  apiKey: string;
  /** `contract-<random>`: the only user the suite acts for. */
  userId: string;
  /** Random text unique to the run, for file names and ids that must not collide. */
  runId: string;
  allowWrites: boolean;
  resources: Resources;
}

type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `x-api-key` (default true). */
  withKey?: boolean;
  /** Acceptable statuses; default the operation's documented success status. */
  expect?: number | readonly number[];
  /** Keep going when the status is not expected (default: abort the check). */
  continueOnStatus?: boolean;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON (undefined when the body was not JSON). */
  body: T;
  /** Index of this exchange in the check's record, for violations about it. */
  exchange: number;
  /** The status was one of the expected ones. */
  ok: boolean;
}

/**
 * Substitutes `{name}` path parameters (encoded) and appends the query (arrays comma-joined).
 *
 * @example
 * buildUrl('http://h', '/s/{session_id}/toolkits', { session_id: 'trs_1' }, { toolkits: ['a', 'b'] });
 * // 'http://h/s/trs_1/toolkits?toolkits=a%2Cb'
 */
export function buildUrl(baseUrl: string, path: string, params: Record<string, string> = {}, query: Record<string, QueryValue> = {}): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${filled}${qs ? `?${qs}` : ''}`;
}

/**
 * @example
 * const res = await ctx.call('getSession', { params: { session_id: id } });
 * ctx.expect(res.body.config_version === 1, 'config_version starts at 1', res.exchange);
 */
export class CheckContext {
  readonly violations: Violation[] = [];
  readonly warnings: string[] = [];
  readonly exchanges: ExchangeRecord[] = [];

  constructor(readonly suite: SuiteRuntime) {}

  get target(): TargetInfo {
    return this.suite.target;
  }

  get userId(): string {
    return this.suite.userId;
  }

  /** Calls an API operation and checks the response against the document. */
  async call<T = any>(operationId: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const op = operation(operationId);
    const url = buildUrl(this.suite.baseUrl, op.path, options.params, options.query);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.withKey !== false) headers['x-api-key'] = this.suite.apiKey;
    const init: SendInit = { method: op.method, headers };
    if (options.body !== undefined) {
      init.body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.send(url, init, operationId);
    const expected = options.expect === undefined ? [op.successStatus] : typeof options.expect === 'number' ? [options.expect] : options.expect;
    const checked = checkResponse(operationId, expected, res, this.suite.target, res.exchange);
    this.violations.push(...checked.violations);
    this.warnings.push(...checked.warnings);
    const ok = expected.includes(res.status);
    if (!ok && !options.continueOnStatus) throw new CheckAbort(`${operationId} answered ${res.status}`);
    return { status: res.status, headers: res.headers, body: checked.body as T, exchange: res.exchange, ok };
  }

  /**
   * A request outside the API (presigned file URLs, the Connect page). Never carries the API key:
   * those URLs may point at another origin (object storage).
   */
  async raw(url: string, init: SendInit): Promise<SendResult & { exchange: number }> {
    return this.send(url, init);
  }

  private async send(url: string, init: SendInit, operationId?: string): Promise<SendResult & { exchange: number }> {
    try {
      const res = await this.suite.http.send(url, init, operationId);
      this.exchanges.push(res.record);
      return { ...res, exchange: this.exchanges.length - 1 };
    } catch (error) {
      if (error instanceof TransportError) {
        this.exchanges.push(error.record);
        this.violations.push({ rule: 'transport', message: error.message, exchange: this.exchanges.length - 1 });
        throw new CheckAbort(error.message);
      }
      throw error;
    }
  }

  /** Records a `behaviour` violation when `condition` is false; returns `condition`. */
  expect(condition: boolean, message: string, exchange?: number, pointer?: string): boolean {
    if (!condition) this.violations.push({ rule: 'behaviour', message, ...(pointer !== undefined ? { pointer } : {}), ...(exchange !== undefined ? { exchange } : {}) });
    return condition;
  }

  /** `expect` for equality of JSON values, with both values in the message. */
  expectEqual(actual: unknown, expected: unknown, what: string, exchange?: number, pointer?: string): boolean {
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    return this.expect(same, `${what}: expected ${JSON.stringify(expected)}, got ${actual === undefined ? 'nothing' : JSON.stringify(actual)}`, exchange, pointer);
  }

  /** The value, or a violation and the end of this check. */
  require<T>(value: T | undefined | null, message: string, exchange?: number): T {
    if (value === undefined || value === null || value === '') {
      this.violations.push({ rule: 'behaviour', message, ...(exchange !== undefined ? { exchange } : {}) });
      throw new CheckAbort(message);
    }
    return value;
  }

  /** A value an earlier step of the flow should have left; its absence blames that step. */
  prerequisite<T>(value: T | undefined | null, step: string): T {
    if (value === undefined || value === null) throw new PrerequisiteMissing(step);
    return value;
  }

  skip(reason: string): never {
    throw new CheckSkip(reason);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Creates a session for the suite's user (registered for cleanup) and returns its body. */
  async createSession(config: Record<string, unknown> = {}): Promise<{ session_id: string; tool_router_tools?: string[]; config?: any; config_version?: number }> {
    const res = await this.call('createSession', { body: { user_id: this.suite.userId, ...config } });
    const id = this.require<string>(res.body?.session_id, 'createSession answered without a session_id', res.exchange);
    this.suite.resources.addSession(id);
    return res.body;
  }
}
