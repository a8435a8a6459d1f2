import { describe, expect, it } from 'vitest';
import { createApp, ManualClock, startServer } from '../../src/index.js';

describe('the root entry', () => {
  it('serves the app in-process and over a socket with the same answers for the same seed', async () => {
    const clock = () => new ManualClock('2026-01-01T00:00:00Z');
    const app = createApp({ seed: 3, clock: clock() });
    const server = await startServer({ port: 0, seed: 3, clock: clock() });
    try {
      const init = { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: JSON.stringify({ user_id: 'u' }) };
      const local = await (await app.fetch(new Request('http://127.0.0.1/api/v3.1/tool_router/session', init))).json();
      const remote = await (await fetch(`${server.url}/api/v3.1/tool_router/session`, init)).json();
      expect(remote.session_id).toBe(local.session_id);
      expect(remote.config).toEqual(local.config);
    } finally {
      await server.close();
    }
  });
});
