import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { createSpecValidator } from '../../src/spec/compile.js';
import { apiClient } from '../support/api-client.js';
import { type Target, targets } from '../support/targets.js';

const validator = createSpecValidator();
/** The body checked against the control-plane document's response schema for that path, method and status. */
function conforms(path: string, method: string, status: number, body: unknown): string[] {
  const pointer = `control-plane#/paths/${path.replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;
  const result = validator.validateSchema(pointer, body);
  return result.errors.map((e) => `${e.instancePath}: ${e.message}`);
}

describe.each(Object.entries(targets))('control plane (%s)', (_name, makeTarget) => {
  let target: Target;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    target = await makeTarget({ seed: 4, clock: new ManualClock('2026-04-01T00:00:00Z') });
    api = apiClient(target);
  });
  afterAll(() => target.close());

  it('health answers ok with a version and uptime', async () => {
    const res = await api.call('GET', '/_mock/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', version: expect.any(String), uptime_ms: expect.any(Number) });
    expect(conforms('/_mock/health', 'get', 200, res.body)).toEqual([]);
  });

  it('state shows a project; reset of one key forgets only that project, reset of all forgets every one', async () => {
    await api.createSession({ user_id: 'a' });
    await api.call('POST', '/api/v3.1/tool_router/session', { key: 'other', body: { user_id: 'b' } });
    const state = await api.call('GET', '/_mock/state');
    expect(state.body.project.sessions).toHaveLength(1);
    expect(state.body.project.request_count).toBeGreaterThanOrEqual(1);
    expect(conforms('/_mock/state', 'get', 200, state.body)).toEqual([]);

    const one = await api.call('POST', '/_mock/reset', { body: { api_key: 'test-key' } });
    expect(one.body).toEqual({ reset: 'project' });
    expect((await api.call('GET', '/_mock/state')).body.project.sessions).toHaveLength(0);
    expect((await api.call('GET', '/_mock/state', { key: 'other' })).body.project.sessions).toHaveLength(1);

    const all = await api.call('POST', '/_mock/reset', { key: null });
    expect(all.body).toEqual({ reset: 'all' });
    expect((await api.call('GET', '/_mock/state', { key: 'other' })).body.project.sessions).toHaveLength(0);
  });

  it('state needs a key to name the project', async () => {
    const res = await api.call('GET', '/_mock/state', { key: null });
    expect(res.status).toBe(400);
    expect(res.body.error.errors).toEqual(['/header/x-api-key: is required']);
  });

  it('the clock reads, sets and advances, and refuses instants it cannot represent with 400, unchanged', async () => {
    expect((await api.call('POST', '/_mock/clock', { body: { set: '2026-05-01T00:00:00Z' } })).body).toEqual({ now: '2026-05-01T00:00:00.000Z' });
    expect((await api.call('POST', '/_mock/clock', { body: { advance_ms: 60_000 } })).body).toEqual({ now: '2026-05-01T00:01:00.000Z' });
    for (const body of [{ advance_ms: 1e300 }, { set: '+275760-09-13T00:00:00Z' }, { advance_ms: -1 }, { set: 'soon' }]) {
      const res = await api.call('POST', '/_mock/clock', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.status).toBe(400);
    }
    expect((await api.call('GET', '/_mock/clock')).body).toEqual({ now: '2026-05-01T00:01:00.000Z' });
    expect((await api.createSession({ user_id: 'after-clock' })).status).toBe(201);
  });

  it('unknown control-plane paths are 404 and wrong methods 405, in the envelope', async () => {
    const missing = await api.call('GET', '/_mock/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.status).toBe(404);
    const wrong = await api.call('DELETE', '/_mock/health');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});
