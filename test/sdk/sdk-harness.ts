/**
 * The official SDKs against a real listening mock: a loopback server, clients pointed at it by
 * base URL only, and a guard on the global `fetch` so that no test waits on the network (the
 * machine has only loopback; @composio/core's telemetry and npm version check would otherwise
 * try to reach the internet).
 */
import { Composio } from '@composio/core';
import RcClient from '@composio/client';
import { type ServeOptions, startServer, type RunningServer } from '../../src/server.js';

export interface SdkHarness {
  readonly server: RunningServer;
  readonly url: string;
  /** `METHOD /path STATUS` for every request the server answered, in order. */
  readonly requests: string[];
  /** Every URL given to the global fetch that was not a running mock's (should stay empty). */
  readonly outbound: string[];
  /** `@composio/core` with telemetry and the npm version check off. */
  core(apiKey?: string): Composio;
  /** `@composio/client@2.0.0-rc.6` without retries. */
  client(apiKey?: string): RcClient;
  /** The error classes of core's bundled client (alpha.76), which core throws unchanged. */
  coreErrors(composio: Composio): CoreErrorClasses;
  close(): Promise<void>;
}

/** The Stainless error classes exposed as statics on core's client class. */
export interface CoreErrorClasses {
  APIError: new (...args: never[]) => Error & { status: number | undefined; error: unknown };
  BadRequestError: new (...args: never[]) => Error & { status: number; error: unknown };
  AuthenticationError: new (...args: never[]) => Error & { status: number; error: unknown };
  NotFoundError: new (...args: never[]) => Error & { status: number; error: unknown };
}

/** Every URL given to the global fetch that was not a running mock's, in this test file. */
const outbound: string[] = [];
const allowedOrigins = new Set<string>();
let realFetch: typeof fetch | undefined;

/** Fails anything but a running mock at once instead of letting it hang until a timeout. */
function installFetchGuard(): void {
  if (realFetch) return;
  const passThrough = globalThis.fetch;
  realFetch = passThrough;
  globalThis.fetch = (input, init) => {
    const href = input instanceof Request ? input.url : String(input);
    if (![...allowedOrigins].some((origin) => href.startsWith(`${origin}/`))) {
      outbound.push(href);
      return Promise.reject(new TypeError(`blocked outbound request to ${href}`));
    }
    return passThrough(input, init);
  };
}

function removeFetchGuard(): void {
  if (realFetch) globalThis.fetch = realFetch;
  realFetch = undefined;
}

/**
 * Starts the mock on a free loopback port and hands out SDK clients pointed at it.
 *
 * @example
 * const h = await startSdkHarness({ seed: 3 });
 * const session = await h.core().create('alice', { toolkits: ['github'] });
 * await h.close();
 */
export async function startSdkHarness(options: Omit<ServeOptions, 'port' | 'host' | 'log'> = {}): Promise<SdkHarness> {
  const requests: string[] = [];
  const server = await startServer({
    ...options,
    port: 0,
    host: '127.0.0.1',
    // The log line ends with the duration; keep "METHOD /path STATUS".
    log: (line) => requests.push(line.replace(/ [\d.]+ms$/, '')),
  });
  allowedOrigins.add(server.url);
  installFetchGuard();
  return {
    server,
    url: server.url,
    requests,
    outbound,
    core: (apiKey = 'sdk-key') => new Composio({ apiKey, baseURL: server.url, allowTracking: false, disableVersionCheck: true }),
    client: (apiKey = 'sdk-key') => new RcClient({ apiKey, baseURL: server.url, maxRetries: 0 }),
    coreErrors: (composio) => composio.getClient().constructor as unknown as CoreErrorClasses,
    async close() {
      allowedOrigins.delete(server.url);
      if (allowedOrigins.size === 0) removeFetchGuard();
      await server.close();
    },
  };
}
