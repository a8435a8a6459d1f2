/**
 * The snippets of docs/serving.md, run as written: the SDKs find the mock through
 * `COMPOSIO_BASE_URL` / `COMPOSIO_API_KEY` alone, or through `baseURL`.
 */
import RcClient from '@composio/client';
import { Composio } from '@composio/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SdkHarness, startSdkHarness } from './sdk-harness.js';

let h: SdkHarness;
beforeAll(async () => {
  h = await startSdkHarness();
});
afterAll(() => h.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('docs/serving.md snippets', () => {
  it('@composio/core reads COMPOSIO_BASE_URL and COMPOSIO_API_KEY', async () => {
    vi.stubEnv('COMPOSIO_BASE_URL', h.url);
    vi.stubEnv('COMPOSIO_API_KEY', 'any-key');

    // --- snippet: environment ---
    const composio = new Composio({ allowTracking: false, disableVersionCheck: true });
    const session = await composio.create('user_123', { toolkits: ['github'], mcp: true });
    // --- end snippet ---

    expect(session.sessionId).toMatch(/^trs_/);
    expect(session.mcp.url.startsWith(`${h.url}/`)).toBe(true);
    // The env key selected the project: the session is visible under it and only under it.
    const state = await fetch(`${h.url}/_mock/state`, { headers: { 'x-api-key': 'any-key' } }).then((r) => r.json());
    expect(state.project.sessions.map((s: { session_id: string }) => s.session_id)).toEqual([session.sessionId]);
  });

  it('@composio/client reads the same variables', async () => {
    vi.stubEnv('COMPOSIO_BASE_URL', h.url);
    vi.stubEnv('COMPOSIO_API_KEY', 'env-key-2');
    const client = new RcClient({ maxRetries: 0 });
    const created = await client.toolRouter.session.create({ user_id: 'user_123' });
    expect(created.mcp.url.startsWith(`${h.url}/`)).toBe(true);
  });

  it('or both take baseURL explicitly', async () => {
    // --- snippet: explicit ---
    const composio = new Composio({ apiKey: 'any-key', baseURL: h.url, allowTracking: false, disableVersionCheck: true });
    const client = new RcClient({ apiKey: 'any-key', baseURL: h.url });
    // --- end snippet ---
    const session = await composio.create('user_9');
    const same = await client.toolRouter.session.retrieve(session.sessionId);
    expect(same.config.user_id).toBe('user_9');
  });
});
