/**
 * One integration suite, several faces of the mock (style point 8): each target gives a
 * base URL, a `fetch` that reaches the mock, and a way to start fresh.
 */
import { createApp, type AppOptions, type MockApp } from '../../src/http/app.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { setupServer } from 'msw/node';
import { createComposioMock } from '../../mocks/index.js';

export interface Target {
  name: string;
  baseUrl: string;
  fetch(input: string, init?: RequestInit): Promise<Response>;
  app: MockApp;
  close(): Promise<void>;
}

export type TargetFactory = (options: AppOptions) => Promise<Target>;

/** In-process: `app.fetch(new Request(...))`, no socket. */
export const appTarget: TargetFactory = async (options) => {
  const app = createApp(options);
  const baseUrl = 'http://mock.local';
  return {
    name: 'app',
    baseUrl,
    app,
    fetch: (input, init) => app.fetch(new Request(input, init)),
    close: async () => undefined,
  };
};

/** The node server on a free loopback port, reached with the global fetch. */
export const serverTarget: TargetFactory = async (options) => {
  const server: RunningServer = await startServer({ ...options, port: 0, host: '127.0.0.1' });
  return {
    name: 'server',
    baseUrl: server.url,
    app: server.app,
    fetch: (input, init) => fetch(input, init),
    close: () => server.close(),
  };
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
let mswActive = false;

/**
 * The MSW face: `setupServer(...createHandlers(options))` on the real base URL, reached with
 * the global fetch that MSW patches. Requests to loopback pass through, so a `server` target
 * of the same file keeps working; anything else unhandled is an error. MSW patches the
 * process-wide fetch, so two of these cannot be open at once.
 */
export const mswTarget: TargetFactory = async (options) => {
  if (mswActive) throw new Error('msw target: another one is still open; close() it first (setupServer patches the global fetch)');
  const mock = createComposioMock(options);
  const server = setupServer(...mock.handlers);
  server.listen({
    onUnhandledRequest(request, print) {
      if (!LOOPBACK.has(new URL(request.url).hostname)) print.error();
    },
  });
  mswActive = true;
  return {
    name: 'msw',
    baseUrl: 'https://backend.composio.dev',
    app: mock.app,
    fetch: (input, init) => fetch(input, init),
    close: async () => {
      server.close();
      mswActive = false;
    },
  };
};

export const targets: Record<string, TargetFactory> = { app: appTarget, server: serverTarget, msw: mswTarget };
