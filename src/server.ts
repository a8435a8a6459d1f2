/**
 * The node adapter: one `node:http` server handing every request to the app's
 * `fetch`, and back. Nothing else lives here, so the same app serves MSW unchanged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { type AppOptions, createApp, type MockApp } from './http/app.js';

export interface ServeOptions extends AppOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Called once per request with a one-line summary; omit for silence. */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:4010` */
  readonly url: string;
  readonly app: MockApp;
  readonly server: Server;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(origin + (req.url ?? '/'), init);
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key === 'set-cookie') return;
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body) headers['content-length'] = String(body.byteLength);
  // An answer given before the upload was read (413, 401) ends the connection, so the client
  // does not reuse a socket that still carries the rest of its body.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(response.status, headers);
  res.end(body);
}

/** An early answer (413, 401) leaves the upload unread; draining it keeps the socket usable. */
function drain(req: IncomingMessage): void {
  if (!req.complete) req.resume();
}

/**
 * Starts the mock on a port; resolves once it listens.
 *
 * @example
 * const server = await startServer({ port: 0, seed: 1 });
 * await fetch(`${server.url}/_mock/health`);
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const started = performance.now();
    const origin = `http://${req.headers.host ?? `${host}:${(server.address() as AddressInfo).port}`}`;
    let request: Request;
    try {
      request = toRequest(req, origin);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Malformed request', code: 1400, status: 400 } }));
      return;
    }
    app
      .fetch(request)
      .then((response) => send(req, res, response).then(() => response.status))
      .finally(() => drain(req))
      .then((status) => options.log?.(`${req.method} ${req.url} ${status} ${(performance.now() - started).toFixed(1)}ms`))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end();
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    app,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
