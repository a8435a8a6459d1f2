/**
 * One integration suite, several faces of the mock (style point 8): each target gives a
 * base URL, a `fetch` that reaches the mock, and a way to start fresh.
 */
import { createApp, type AppOptions, type MockApp } from '../../src/http/app.js';
import { startServer, type RunningServer } from '../../src/server.js';

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

export const targets: Record<string, TargetFactory> = { app: appTarget, server: serverTarget };
