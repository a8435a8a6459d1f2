/**
 * `composio-mock/msw`: the whole mock as MSW handlers. Each instance is a fresh `createApp`
 * (its own projects, ids, clock offset and scenarios); the handlers hand every request on the
 * intercepted origins to `app.fetch`, so MSW serves exactly what the node server serves: the
 * API, the control plane (`/_mock/*`) and the URLs the mock hands out (Connect pages,
 * presigned file URLs), which are on the intercepted origin.
 */
import { http, type HttpHandler } from 'msw';
import { type AdjustableClock } from '../src/engine/clock.js';
import { type AppOptions, createApp, type MockApp } from '../src/http/app.js';
import { operationTable } from '../src/http/operation-table.js';
import { projectState } from '../src/http/state-view.js';
import { loadToolRouterSpec } from '../src/spec/load-spec.js';
import { DEFAULT_BASE_URLS, interceptedOrigins } from './base-urls.js';
import { createScenarios, type Scenarios } from './scenarios.js';
import { createSeedHelpers, type SeedHelpers } from './seed.js';

export { DEFAULT_BASE_URLS } from './base-urls.js';
export type { FailNextOptions, Scenarios } from './scenarios.js';
export { SeedError } from './seed.js';
export { type MswEventSource, preventRetryHang } from './retry-fix.js';
export type { SeedConnectedAccountInput, SeededConnectedAccount, SeededFile, SeededSession, SeedFileInput, SeedHelpers } from './seed.js';
export type { AppOptions, MockApp } from '../src/http/app.js';
export type { PendingFailure } from '../src/http/faults.js';
export type { OperationId } from '../src/openapi-types.js';

/** Options of {@link createComposioMock}: everything `createApp` takes, plus where to listen. */
export interface ComposioMockOptions extends AppOptions {
  /**
   * Extra origins to intercept besides `https://backend.composio.dev` and
   * `https://staging-backend.composio.dev` (always intercepted). The first one given is where
   * seeded sessions point their URLs.
   */
  baseUrl?: string | readonly string[];
}

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** One project's state, as `GET /_mock/state` shows it under `project`. */
export type ProjectStateView = DeepReadonly<ReturnType<typeof projectState>>;

/** One mock instance: handlers for MSW plus typed controls over the same state. */
export interface ComposioMock {
  /** For `setupServer(...)`, `setupWorker(...)` or `server.use(...)`: one catch-all per origin. */
  readonly handlers: HttpHandler[];
  /** The origins the handlers answer for, the first being where seeded URLs point. */
  readonly origins: readonly string[];
  /** The app behind the handlers (`app.fetch(new Request(...))` works without MSW). */
  readonly app: MockApp;
  /** The clock the engine reads; `advance(ms)` / `set(iso)` move it (links expire on it). */
  readonly clock: AdjustableClock;
  /** Put a project in a known state without going through MSW. */
  readonly seed: SeedHelpers;
  /** Injected failures and latency; cleared by `reset()`. */
  readonly scenarios: Scenarios;
  /**
   * A snapshot of one project's state (detached: later calls do not change it). A project
   * never used reads as empty.
   */
  state(apiKey: string): ProjectStateView;
  /**
   * Forgets every project and scenario, restarts ids from the seed, and returns the mock's own
   * clock to wall time (a clock passed in options is left alone).
   */
  reset(): void;
}

/** Wall-clock time that can be moved, and moved back by `reset()`. */
function ownClock(): AdjustableClock & { reset(): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
    set(time) {
      const ms = new Date(time).getTime();
      if (Number.isNaN(ms)) throw new TypeError(`Not a valid time: ${String(time)}`);
      offset = ms - Date.now();
    },
    reset() {
      offset = 0;
    },
  };
}

let operationIdSet: ReadonlySet<string> | undefined;
function knownOperationIds(): ReadonlySet<string> {
  operationIdSet ??= new Set(operationTable(loadToolRouterSpec() as Record<string, unknown>).map((op) => op.operationId));
  return operationIdSet;
}

/**
 * A mock with its own state, and MSW handlers over it.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createComposioMock } from 'composio-mock/msw';
 *
 * const mock = createComposioMock({ seed: 1 });
 * const server = setupServer(...mock.handlers);
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => mock.reset());
 * afterAll(() => server.close());
 *
 * it('retries a 503', async () => {
 *   mock.scenarios.failNext('executeTool', { status: 503 });
 *   // ... exercise the app under test ...
 *   expect(mock.state('test-key').executions).toHaveLength(1);
 * });
 */
export function createComposioMock(options: ComposioMockOptions = {}): ComposioMock {
  const { baseUrl, ...appOptions } = options;
  const origins = interceptedOrigins(baseUrl);
  const owned = appOptions.clock ? undefined : ownClock();
  const clock: AdjustableClock = appOptions.clock ?? owned!;
  const app = createApp({ ...appOptions, clock });
  const primary = origins[0] ?? DEFAULT_BASE_URLS[0];
  // MSW passes a standard Request; the app reads its body at most once and never keeps it.
  const handlers = origins.map((origin) => http.all(`${origin}/*`, ({ request }) => app.fetch(request)));
  return {
    handlers,
    origins,
    app,
    clock,
    seed: createSeedHelpers(app, primary),
    scenarios: createScenarios(app.faults, knownOperationIds()),
    state(apiKey) {
      return JSON.parse(JSON.stringify(projectState(app.engine.store.peek(apiKey), apiKey))) as ProjectStateView;
    },
    reset() {
      app.reset();
      owned?.reset();
    },
  };
}

/**
 * Just the handlers of a fresh mock: `setupServer(...createHandlers())`.
 *
 * @example
 * const server = setupServer(...createHandlers({ seed: 42 }));
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function createHandlers(options: ComposioMockOptions = {}): HttpHandler[] {
  return createComposioMock(options).handlers;
}
