/**
 * @composio/core retries 429/5xx; under MSW that used to hang on the body cancel before the
 * retry (MSW keeps an uncancelled tee'd copy). `preventRetryHang(server)` fixes it.
 */
import { Composio } from '@composio/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createComposioMock, preventRetryHang } from '../../mocks/index.js';

const mock = createComposioMock({ seed: 2 });
const server = setupServer(...mock.handlers);
preventRetryHang(server);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('the SDK retries an injected 503 and 429 and then succeeds', async () => {
  const composio = new Composio({ apiKey: 'retry-key', disableVersionCheck: true, allowTracking: false });
  mock.scenarios.failNext('createSession', { status: 429, headers: { 'retry-after': '0' } });
  const session = await composio.create('retry-user', { toolkits: ['hackernews'] });
  expect(session.sessionId).toMatch(/^trs_/);
  mock.scenarios.failNext('executeTool', { status: 503, headers: { 'retry-after': '0' } });
  const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  expect(result.error).toBeNull();
  expect(mock.state('retry-key').request_count).toBe(4);
}, 20_000);
