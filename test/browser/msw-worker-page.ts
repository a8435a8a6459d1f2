/**
 * The page the browser test loads: what an app's browser tests do with `setupWorker` and the
 * same handlers. The test bundles it with `../../mocks/index.js` pointed at the package's
 * browser build (dist/browser/msw.js as `npm run build` makes it).
 */
import { setupWorker } from 'msw/browser';
import { createComposioMock } from '../../mocks/index.js';

const API = 'https://backend.composio.dev/api/v3.1';
const KEY = 'browser-key';
const headers = { 'x-api-key': KEY, 'content-type': 'application/json' };

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${API}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function scenario(): Promise<Record<string, unknown>> {
  const mock = createComposioMock({ seed: 4 });
  const worker = setupWorker(...mock.handlers);
  await worker.start({ onUnhandledRequest: 'error', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });

  const created = await post('/tool_router/session', { user_id: 'page-user', toolkits: { enable: ['github', 'hackernews'] } });
  const sessionId = created.body.session_id as string;
  const search = await post(`/tool_router/session/${sessionId}/search`, { queries: [{ use_case: 'open an issue in a github repository' }] });
  await mock.seed.connectedAccount(KEY, { user_id: 'page-user', toolkit: 'github' });
  const executed = await post(`/tool_router/session/${sessionId}/execute`, {
    tool_slug: 'GITHUB_CREATE_AN_ISSUE',
    arguments: { owner: 'acme', repo: 'web', title: 'Broken build' },
  });
  mock.scenarios.failNext('executeTool', { status: 503 });
  const failed = await post(`/tool_router/session/${sessionId}/execute`, { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} });

  // Presigned URLs (HMAC-signed by the engine) on the intercepted origin, served by the worker too.
  await mock.seed.file(KEY, sessionId, { path: 'notes/hello.txt', content: 'hello from the page' });
  const download = await post(`/tool_router/session/${sessionId}/mounts/files/download_url`, { mount_relative_path: 'notes/hello.txt' });
  const downloaded = await fetch(download.body.download_url as string);

  const result = {
    userAgent: navigator.userAgent,
    created: { status: created.status, sessionId, mcpUrl: created.body.mcp?.url },
    search: { status: search.status, first: search.body.results?.[0]?.primary_tool_slugs?.[0] },
    executed: { status: executed.status, error: executed.body.error, logId: executed.body.log_id },
    failed: { status: failed.status, code: failed.body.error?.code },
    file: { status: downloaded.status, text: await downloaded.text(), url: download.body.download_url },
    executions: mock.state(KEY).executions.length,
  };
  worker.stop();
  return result;
}

const target = window as unknown as { __result?: unknown };
scenario().then(
  (result) => {
    target.__result = result;
  },
  (error: Error) => {
    target.__result = { error: String(error?.stack ?? error) };
  },
);
