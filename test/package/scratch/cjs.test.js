// A user's CommonJS jest test: require() everywhere, nothing configured but setupServer(...createHandlers()).
const { createHandlers, createComposioMock } = require('composio-mock/msw');
const { setupServer } = require('msw/node');
const { Composio } = require('@composio/core');

const server = setupServer(...createHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('CommonJS: create a session, list tools, search and execute with the SDK default base URL', async () => {
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

test('CommonJS: composio-mock/msw itself is loaded untransformed from its CommonJS build', () => {
  expect(require.resolve('composio-mock/msw')).toMatch(/dist[\\/]cjs[\\/]mocks[\\/]index\.cjs$/);
  expect(createComposioMock().state('k').sessions).toHaveLength(0);
});
