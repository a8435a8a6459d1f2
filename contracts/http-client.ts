/**
 * The suite's only way onto the network: every request bounded by a timeout, a 429 retried
 * after `retry-after-ms` / `retry-after` (a bounded number of times), and every exchange
 * recorded as redacted excerpts for the failure report.
 */
import { createRedactor, redactHeaders } from './redact.js';
import type { ExchangeRecord, FetchLike } from './types.js';

/** Characters of a body kept in a report. */
export const EXCERPT_CHARS = 500;

export interface HttpClientOptions {
  /** Default: the global `fetch`, looked up per request so an MSW-patched fetch is used. */
  fetch?: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  maxRetryWaitMs: number;
  /** Secrets to keep out of the records (the API key). */
  secrets: readonly string[];
  signal?: AbortSignal;
  /** Replaceable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface SendInit {
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** `manual` to see a 303 instead of following it (Connect page). */
  redirect?: RequestRedirect;
}

/** What came back: the whole body (bytes and text) plus the redacted record. */
export interface SendResult {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
  record: ExchangeRecord;
}

/**
 * Thrown when no response arrived (timeout, refused connection); `record` says what was sent.
 *
 * @example
 * try { await http.send(url, { method: 'GET' }); } catch (e) { if (e instanceof TransportError) console.log(e.record.error); }
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly record: ExchangeRecord,
  ) {
    super(message);
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Milliseconds a 429 asks to wait: `retry-after-ms`, else `retry-after` in seconds or as an
 * HTTP date; `undefined` when neither header is usable.
 *
 * @example
 * retryDelayMs(new Headers({ 'retry-after': '2' }), Date.now()); // 2000
 */
export function retryDelayMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  if (Number.isFinite(Number(after))) return Math.max(0, Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isTextual(contentType: string): boolean {
  return contentType === '' || /json|text|xml|html|javascript|x-www-form-urlencoded/i.test(contentType);
}

/**
 * The first characters of a body, or a size note for binary content.
 *
 * @example
 * excerpt('{"a":1}', 'application/json'); // '{"a":1}'
 */
export function excerpt(text: string, contentType = 'application/json', bytes = text.length): string {
  if (!isTextual(contentType)) return `<${bytes} bytes of ${contentType}>`;
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}… (${text.length} characters)` : text;
}

/**
 * @example
 * const http = new HttpClient({ timeoutMs: 5000, maxRetries: 3, maxRetryWaitMs: 30000, secrets: [key] });
 * const res = await http.send('http://127.0.0.1:4010/_mock/health', { method: 'GET' });
 * res.status; // 200
 */
export class HttpClient {
  private readonly redact: (text: string) => string;

  constructor(private readonly options: HttpClientOptions) {
    this.redact = createRedactor(options.secrets);
  }

  async send(url: string, init: SendInit, operationId?: string): Promise<SendResult> {
    const fetchImpl = this.options.fetch ?? ((input: RequestInfo | URL, requestInit?: RequestInit) => globalThis.fetch(input, requestInit));
    const sleep = this.options.sleep ?? defaultSleep;
    const headers = init.headers ?? {};
    const record: ExchangeRecord = {
      ...(operationId ? { operationId } : {}),
      request: {
        method: init.method,
        url: this.redact(url),
        headers: redactHeaders(headers, this.redact),
        ...(init.body !== undefined ? { body: this.bodyExcerpt(init.body, headers['content-type'] ?? '') } : {}),
      },
      attempts: 0,
      durationMs: 0,
    };
    const started = performance.now();
    for (;;) {
      record.attempts += 1;
      const signals = [AbortSignal.timeout(this.options.timeoutMs)];
      if (this.options.signal) signals.push(this.options.signal);
      let response: Response;
      let bytes: Uint8Array;
      try {
        response = await fetchImpl(url, {
          method: init.method,
          headers,
          ...(init.body !== undefined ? { body: init.body } : {}),
          ...(init.redirect ? { redirect: init.redirect } : {}),
          signal: AbortSignal.any(signals),
        });
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        record.durationMs = Math.round(performance.now() - started);
        const name = (error as Error)?.name;
        const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
        record.error =
          name === 'TimeoutError'
            ? `no response within ${this.options.timeoutMs} ms (timeout)`
            : name === 'AbortError'
              ? 'aborted'
              : this.redact(`${(error as Error)?.message ?? String(error)}${cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : ''}`);
        throw new TransportError(record.error, record);
      }
      const text = new TextDecoder().decode(bytes);
      const contentType = response.headers.get('content-type') ?? '';
      record.response = {
        status: response.status,
        headers: redactHeaders(response.headers, this.redact),
        body: this.redact(excerpt(text, contentType, bytes.byteLength)),
      };
      if (response.status === 429 && record.attempts <= this.options.maxRetries && !this.options.signal?.aborted) {
        const asked = retryDelayMs(response.headers, Date.now());
        const wait = asked ?? Math.min(500 * 2 ** (record.attempts - 1), 8000);
        if (wait <= this.options.maxRetryWaitMs) {
          await sleep(wait, this.options.signal);
          continue;
        }
      }
      record.durationMs = Math.round(performance.now() - started);
      return { status: response.status, headers: response.headers, bytes, text, record };
    }
  }

  private bodyExcerpt(body: string | Uint8Array<ArrayBuffer>, contentType: string): string {
    if (typeof body === 'string') return this.redact(excerpt(body, contentType));
    return this.redact(excerpt(new TextDecoder().decode(body), contentType || 'application/octet-stream', body.byteLength));
  }
}
