/**
 * The execution log behind GET /_mock/state stays bounded on a long-running server: the most
 * recent MAX_LOGGED_EXECUTIONS calls, oldest first, with a count of the dropped ones.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { MAX_LOGGED_EXECUTIONS } from '../../src/engine/store.js';
import { createApp } from '../../src/http/app.js';

const SESSION = '/api/v3.1/tool_router/session';
const KEY = 'log-bound';

describe('execution log', () => {
  it('keeps the most recent calls and counts the dropped ones', async () => {
    const app = createApp({ seed: 3, clock: new ManualClock('2026-03-10T12:00:00.000Z') });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app.fetch(new Request(`http://mock.local${path}`, { method, headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) }));
      return (await res.json()) as Record<string, any>;
    };
    const { session_id } = await call('POST', SESSION, { user_id: 'u', toolkits: { enable: ['hackernews'] } });
    const total = MAX_LOGGED_EXECUTIONS + 150;
    const logIds: string[] = [];
    for (let i = 0; i < total; i++) {
      const out = await call('POST', `${SESSION}/${session_id}/execute`, { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} });
      expect(out.error).toBeNull();
      logIds.push(out.log_id as string);
    }
    const { project } = await call('GET', '/_mock/state');
    expect(project.executions.length).toBeLessThanOrEqual(MAX_LOGGED_EXECUTIONS);
    expect(project.executions_dropped + project.executions.length).toBe(total);
    expect(project.executions.map((e: { log_id: string }) => e.log_id)).toEqual(logIds.slice(project.executions_dropped));
  });
});
