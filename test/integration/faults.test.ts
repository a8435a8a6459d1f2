/**
 * `/_mock/faults` on every face: inject a failure or latency over HTTP, as the MSW face's
 * `scenarios` do in-process. Every control-plane answer is checked against its document.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { FaultPlan } from '../../src/http/faults.js';
import { createSpecValidator } from '../../src/spec/compile.js';
import { createComposioMock } from '../../mocks/index.js';
import { apiClient, SESSION_PATH } from '../support/api-client.js';
import { type Target, targets } from '../support/targets.js';

const validator = createSpecValidator();
const FAULTS = '/_mock/faults';

describe.each(Object.entries(targets))('fault injection over the control plane (%s)', (_name, makeTarget) => {
  let target: Target;
  let api: ReturnType<typeof apiClient>;

  /** A control-plane call whose 200 body must be a `FaultsResponse`. */
  async function faults(method: 'GET' | 'POST' | 'DELETE', body?: unknown) {
    const res = await api.call(method, FAULTS, body === undefined ? {} : { body });
    if (res.status === 200) {
      expect(validator.validateSchema('control-plane#/components/schemas/FaultsResponse', res.body).errors).toEqual([]);
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
    return res;
  }

  beforeAll(async () => {
    target = await makeTarget({ seed: 11, clock: new ManualClock('2026-04-01T00:00:00Z'), validateResponses: true });
    api = apiClient(target);
  });
  afterEach(() => faults('DELETE'));
  afterAll(() => target.close());

  it('queues a failure that answers in the envelope with its headers, then lets calls through', async () => {
    const added = await faults('POST', { operation_id: 'createSession', status: 429, times: 2, message: 'Slow down', headers: { 'retry-after': '2' } });
    expect(added.body).toEqual({ failures: [{ operation_id: 'createSession', status: 429, remaining: 2 }], delays: {} });
    for (let i = 0; i < 2; i++) {
      const res = await api.createSession();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.body.error).toMatchObject({ status: 429, code: 1429, message: 'Slow down' });
      expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'));
    }
    expect((await api.createSession()).status).toBe(201);
    expect((await faults('GET')).body.failures).toEqual([]);
  });

  it('adds latency to one operation or all, and DELETE clears everything', async () => {
    await faults('POST', { operation_id: '*', delay_ms: 40 });
    const slow = await faults('POST', { operation_id: 'getSession', status: 500, delay_ms: 80 });
    expect(slow.body).toEqual({ failures: [{ operation_id: 'getSession', status: 500, remaining: 1 }], delays: { '*': 40, getSession: 80 } });
    const { body } = await api.createSession();
    const started = performance.now();
    const res = await api.call('GET', `${SESSION_PATH}/${body.session_id}`, { operationId: 'getSession' });
    expect(res.status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    const cleared = await faults('DELETE');
    expect(cleared.body).toEqual({ failures: [], delays: {} });
    expect((await api.call('GET', `${SESSION_PATH}/${body.session_id}`, { operationId: 'getSession' })).status).toBe(200);
  });

  it('POST /_mock/reset (everything) clears the plan too', async () => {
    await faults('POST', { operation_id: 'executeTool', status: 500 });
    expect((await api.call('POST', '/_mock/reset', { body: {} })).status).toBe(200);
    expect((await faults('GET')).body).toEqual({ failures: [], delays: {} });
  });

  it('400 listing every problem of a bad request, and nothing queued', async () => {
    const res = await faults('POST', { operation_id: 'createSesion', status: 200, times: 0, headers: { a: 1 }, delay_ms: -5 });
    expect(res.status).toBe(400);
    expect(res.body.error.errors).toEqual([
      '/body/operation_id: unknown operation "createSesion"',
      '/body/status: must be an integer 400..599',
      '/body/times: must be an integer >= 1',
      '/body/headers: must be an object of strings',
      '/body/delay_ms: must be a non-negative number',
    ]);
    expect((await faults('POST', { operation_id: '*', status: 500 })).body.error.errors).toEqual(['/body/operation_id: "*" applies to delay_ms only']);
    expect((await faults('POST', { operation_id: 'getSession' })).body.error.errors).toEqual(['/body: give status, delay_ms or both']);
    expect((await faults('POST', { operation_id: 'getSession', delay_ms: 1, times: 2 })).body.error.errors).toEqual(['/body/times: only applies with status']);
    expect((await faults('GET')).body).toEqual({ failures: [], delays: {} });
  });

  it('400 in the envelope for header names that are not tokens and values with CR/LF/NUL; nothing queued, the next call runs', async () => {
    for (const [headers, expected] of [
      [{ 'bad name': 'x' }, '/body/headers/bad name: is not a valid header name (RFC 9110 token)'],
      [{ 'x-a/b': 'x' }, '/body/headers/x-a~1b: is not a valid header name (RFC 9110 token)'],
      [{ 'x-evil': 'a\r\nset-cookie: s=1' }, '/body/headers/x-evil: value must not contain CR, LF or NUL'],
      // The JSON body reader refuses NUL anywhere before the fault rules see it.
      [{ 'x-nul': 'a\u0000b' }, '/body/headers/x-nul: NUL bytes are not allowed in strings'],
      [{ 'x-euro': '\u20ac' }, '/body/headers/x-euro: value must be Latin-1 text (percent-encode anything else)'],
      [{ 'Content-Length': '5' }, '/body/headers/Content-Length: is set by the server and cannot be injected'],
    ] as const) {
      const res = await faults('POST', { operation_id: 'createSession', status: 503, headers });
      expect(res.status, JSON.stringify(headers)).toBe(400);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.body.error).toMatchObject({ status: 400, message: 'Request validation failed', errors: [expected] });
    }
    expect((await faults('GET')).body).toEqual({ failures: [], delays: {} });
    const next = await api.createSession();
    expect(next.status).toBe(201);
  });
});

describe('FaultPlan.failNext (shared with scenarios.failNext of the MSW face)', () => {
  it('throws a TypeError naming the header for an invalid header name or value, a RangeError for a bad status', () => {
    const plan = new FaultPlan();
    expect(() => plan.failNext('createSession', { status: 503, headers: { 'bad name': 'x' } })).toThrow(
      new TypeError('failNext: headers/bad name: is not a valid header name (RFC 9110 token)'),
    );
    expect(() => plan.failNext('createSession', { status: 503, headers: { 'x-a': 'line\nbreak' } })).toThrow(TypeError);
    expect(() => plan.failNext('createSession', { status: 600 })).toThrow(new RangeError('failNext: status: must be an integer 400..599'));
    expect(plan.pending()).toEqual([]);
    plan.failNext('createSession', { status: 429, headers: { 'retry-after': '1' } });
    expect(plan.pending()).toEqual([{ operationId: 'createSession', status: 429, remaining: 1 }]);
  });

  it('the MSW face\'s scenarios.failNext refuses the same header with a TypeError', () => {
    const mock = createComposioMock();
    expect(() => mock.scenarios.failNext('createSession', { status: 503, headers: { 'bad name': 'x' } })).toThrow(TypeError);
    expect(() => mock.scenarios.failNext('createSession', { status: 503, headers: { 'x-a': 'a\u0000' } })).toThrow(/CR, LF or NUL/);
  });
});
