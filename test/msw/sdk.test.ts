/**
 * The official SDK, unconfigured (its default base URL), against the MSW handlers: what a
 * user's app under test does with nothing but `setupServer(...createHandlers())`.
 */
import { Composio } from '@composio/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createComposioMock } from '../../mocks/index.js';

const mock = createComposioMock({ seed: 5 });
const server = setupServer(...mock.handlers);
const unhandled: string[] = [];

beforeAll(() =>
  server.listen({
    onUnhandledRequest(request, print) {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);
afterAll(() => server.close());

it('creates a session, lists tools, searches and executes with the default base URL', async () => {
  // No baseURL: the SDK's default (https://backend.composio.dev) is intercepted. The SDK's npm
  // "latest version" check is its own outbound call, not the API's: turned off here.
  const composio = new Composio({ apiKey: 'sdk-msw-key', disableVersionCheck: true });
  const session = await composio.create('alice', { toolkits: ['github', 'hackernews'] });
  expect(session.sessionId).toMatch(/^trs_/);

  const tools = (await session.tools()) as { function: { name: string } }[];
  expect(tools.map((t) => t.function.name)).toContain('COMPOSIO_SEARCH_TOOLS');

  const found = await session.search({ query: 'create a github issue' });
  expect(found.results[0]?.primaryToolSlugs).toContain('GITHUB_CREATE_AN_ISSUE');

  await mock.seed.connectedAccount('sdk-msw-key', { user_id: 'alice', toolkit: 'github' });
  const executed = await session.execute('GITHUB_CREATE_AN_ISSUE', { owner: 'acme', repo: 'web', title: 'Broken build' });
  expect(executed.error).toBeNull();
  expect(executed.logId).toMatch(/^log_/);
  expect(mock.state('sdk-msw-key').executions).toMatchObject([{ tool_slug: 'GITHUB_CREATE_AN_ISSUE' }]);
  expect(unhandled).toEqual([]);
});
