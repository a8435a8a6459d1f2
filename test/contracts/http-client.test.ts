/**
 * The suite's client: 429s retried after what the server asks (bounded), every request bounded
 * by a timeout, credentials and the key redacted from every record.
 */
import { describe, expect, it } from 'vitest';
import { runContractSuite } from '../../contracts/index.js';
import { HttpClient, retryDelayMs, TransportError } from '../../contracts/http-client.js';
import { createRedactor } from '../../contracts/redact.js';
import type { FetchLike } from '../../contracts/types.js';
import { brokenFetch, findCheck, json, sessionResource, VARIANT_BASE_URL } from './support/broken-fetch.js';

const KEY = 'ak_live_7hG2kLq9';

function client(fetch: FetchLike, waits: number[], extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({ fetch, timeoutMs: 1000, maxRetries: 3, maxRetryWaitMs: 30_000, secrets: [KEY], sleep: async (ms) => void waits.push(ms), ...extra });
}

/** Answers each request with the next response of the list (the last one repeats). */
function sequence(...responses: (() => Response)[]): FetchLike {
  let i = 0;
  return async () => responses[Math.min(i++, responses.length - 1)]!();
}

describe('retry-after on 429', () => {
  it('waits retry-after seconds, prefers retry-after-ms, backs off without either, and counts the attempts', async () => {
    const waits: number[] = [];
    const limited = (headers: Record<string, string>) => () => new Response('{}', { status: 429, headers });
    const first = await client(sequence(limited({ 'retry-after': '2' }), () => json(200, {})), waits).send('http://x.test/a', { method: 'GET' });
    expect(first.status).toBe(200);
    expect(first.record.attempts).toBe(2);
    expect(waits).toEqual([2000]);
    const second = await client(sequence(limited({}), limited({ 'retry-after-ms': '150', 'retry-after': '9' }), () => json(200, {})), waits).send('http://x.test/b', { method: 'GET' });
    expect(second.record.attempts).toBe(3);
    expect(waits.slice(1)).toEqual([500, 150]);
  });

  it('gives up after maxRetries and returns the 429', async () => {
    const waits: number[] = [];
    const res = await client(sequence(() => json(429, {})), waits, { maxRetries: 2 }).send('http://x.test/', { method: 'GET' });
    expect(res.status).toBe(429);
    expect(res.record.attempts).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('does not wait longer than maxRetryWaitMs', async () => {
    const waits: number[] = [];
    const res = await client(sequence(() => new Response('{}', { status: 429, headers: { 'retry-after': '3600' } })), waits).send('http://x.test/', { method: 'GET' });
    expect(res.record.attempts).toBe(1);
    expect(waits).toEqual([]);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryDelayMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });

  it('the suite keeps going through a 429 on the way', async () => {
    let limited = 0;
    const fetch = brokenFetch(async (request, forward) => {
      if (request.method === 'GET' && sessionResource(request)?.id && limited++ === 0) {
        return new Response('{"error":{"message":"slow down","code":1429,"status":429}}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after-ms': '5' } });
      }
      return forward(request);
    });
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^sessions › get/, fetch });
    const get = findCheck(report, 'sessions › get');
    expect(get.status).toBe('passed');
    expect(get.exchanges[0]!.attempts).toBe(2);
  });
});

describe('timeouts', () => {
  it('a request that never answers fails after timeoutMs as a transport error', async () => {
    const hang: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    const started = Date.now();
    const error = await client(hang, [], { timeoutMs: 50 }).send('http://x.test/', { method: 'GET' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toMatch(/no response within 50 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('the suite reports a hanging target as a failed check, not a hang', async () => {
    const hang: FetchLike = (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    const report = await runContractSuite({ baseUrl: 'http://hang.test', apiKey: KEY, timeoutMs: 30, fetch: hang });
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0]).toMatchObject({ id: 'target › reachable', status: 'failed' });
    expect(report.checks[0]!.violations[0]!.message).toMatch(/timeout/);
  });
});

describe('redaction', () => {
  it('credential headers and the key anywhere in the record are replaced', async () => {
    const echo: FetchLike = async (input, init) => json(401, { error: { message: `key ${new Headers(init?.headers).get('x-api-key')} is invalid`, code: 1, status: 401 } });
    const res = await client(echo, []).send(`http://x.test/?k=${KEY}`, { method: 'POST', headers: { 'x-api-key': KEY, 'x-user-api-key': 'other' }, body: JSON.stringify({ note: KEY }) });
    const text = JSON.stringify(res.record);
    expect(text).not.toContain(KEY);
    expect(res.record.request.headers).toMatchObject({ 'x-api-key': '[redacted]', 'x-user-api-key': '[redacted]' });
    expect(res.record.response!.body).toContain('key [redacted] is invalid');
    expect(res.record.request.url).toBe('http://x.test/?k=[redacted]');
  });

  it('matches whole tokens only, so a short key does not mangle words', () => {
    const redact = createRedactor(['any']);
    expect(redact('many keys: any, "any"')).toBe('many keys: [redacted], "[redacted]"');
  });

  it('the whole report of a run never contains the key', async () => {
    const report = await runContractSuite({ baseUrl: VARIANT_BASE_URL, apiKey: KEY, grep: /^errors › 40[14]/, fetch: brokenFetch((r, forward) => forward(r)) });
    expect(report.checks.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain(KEY);
  });
});
