/**
 * The node adapter: one `node:http` server handing every request to the app's
 * `fetch`, and back. Nothing else lives here, so the same app serves MSW unchanged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp, type MockApp } from './http/app.js';
import type { JsonResult } from './http/respond.js';
import { toWebRequest } from './node-request.js';

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

/** Methods that carry no body. */
const NO_BODY = new Set(['GET', 'HEAD']);
/** Uploads up to this size are read whole before the app runs; larger or chunked ones stream. */
const SMALL_UPLOAD_BYTES = 64 * 1024;

/**
 * A small upload, read whole: far cheaper than streaming it through `Readable.toWeb` into a
 * `Request` (which costs more than the rest of a PATCH). Undefined when the body should stream
 * instead (chunked, or declared larger than SMALL_UPLOAD_BYTES), so the app's own size cap
 * (413) still sees large bodies as before. A request without Content-Length or
 * Transfer-Encoding has no body (HTTP/1.1), which reads as an empty one.
 */
function readSmallUpload(req: IncomingMessage): Promise<Buffer> | undefined {
  if (NO_BODY.has(req.method ?? 'GET') || req.headers['transfer-encoding'] !== undefined) return undefined;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (!(declared <= SMALL_UPLOAD_BYTES)) return undefined;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('close', () => {
      if (!req.complete) reject(new Error('client went away during the upload'));
    });
  });
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response | JsonResult): Promise<void> {
  let headers: Record<string, string | string[]>;
  let body: string | Uint8Array | undefined;
  if (response instanceof Response) {
    headers = {};
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') headers[key] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
    if (response.body) body = new Uint8Array(await response.arrayBuffer());
  } else {
    // API answers arrive as plain JSON text: no Response object to build and read back.
    headers = { ...response.headers };
    body = response.text;
  }
  if (body !== undefined) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
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

let malformedCount = 0;

/** A request too broken to hand to the app (bad Host, bad target) still gets the envelope and a request id. */
function malformed(res: ServerResponse): void {
  const requestId = `req_malformed_${++malformedCount}`;
  res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': requestId });
  res.end(JSON.stringify({ error: { message: 'Malformed request: the Host header or request target is not valid', code: 1400, status: 400, request_id: requestId } }));
}

/** The path and query of the request target; an absolute-form target (`GET http://host/path`) keeps only those. */
function targetOf(req: IncomingMessage): string {
  const target = req.url ?? '/';
  if (!/^https?:\/\//i.test(target)) return target;
  const url = new URL(target);
  return url.pathname + url.search;
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
  async function handle(req: IncomingMessage, res: ServerResponse, upload: Buffer | undefined, started: number): Promise<void> {
    const origin = `http://${req.headers.host ?? `${host}:${(server.address() as AddressInfo).port}`}`;
    let request: Request;
    try {
      // Parsed here so that a malformed target or host is a 400 now, not a failure inside the app.
      request = toWebRequest(req, new URL(origin + targetOf(req)).href, upload);
    } catch {
      return malformed(res);
    }
    try {
      const response = await app.handle(request);
      await send(req, res, response);
      drain(req);
      options.log?.(`${req.method} ${req.url} ${response.status} ${(performance.now() - started).toFixed(1)}ms`);
    } catch {
      drain(req);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    }
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const upload = readSmallUpload(req);
    if (!upload) return void handle(req, res, undefined, started);
    upload.then(
      (body) => handle(req, res, body, started),
      () => res.destroy(),
    );
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
