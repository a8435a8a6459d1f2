// A user's ESM test (vitest, globals on): nothing configured but setupServer(...createHandlers()).
import { Composio } from '@composio/core';
import { setupServer } from 'msw/node';
import { createHandlers } from 'composio-mock/msw';

const server = setupServer(...createHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('ESM: create a session, list tools, search and execute with the SDK default base URL', async () => {
  // The SDK's own npm "latest version" check is not the API: off, so onUnhandledRequest stays quiet.
  const composio = new Composio({ apiKey: 'scratch-key', disableVersionCheck: true });
  const session = await composio.create('scratch-user', { toolkits: ['hackernews', 'github'] });
  expect(session.sessionId).toMatch(/^trs_/);
  const tools = await session.tools();
  expect(tools.map((t) => t.function.name)).toContain('COMPOSIO_SEARCH_TOOLS');
  const found = await session.search({ query: 'hacker news front page stories' });
  expect(found.results[0].primaryToolSlugs[0]).toMatch(/^HACKERNEWS_/);
  const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  expect(result.error).toBeNull();
  expect(result.logId).toMatch(/^log_/);
});

test('ESM: every instance starts empty', async () => {
  const { createComposioMock } = await import('composio-mock/msw');
  const a = createComposioMock();
  await a.seed.session('k', { user_id: 'u' });
  expect(a.state('k').sessions).toHaveLength(1);
  expect(createComposioMock().state('k').sessions).toHaveLength(0);
});
