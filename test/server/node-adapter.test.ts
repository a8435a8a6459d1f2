/**
 * The node adapter's fast paths (src/server.ts, src/node-request.ts) behave like a plain
 * `new Request(...)` / `await response.arrayBuffer()` adapter: same answers for small, large,
 * chunked, empty and aborted uploads, malformed requests, and reusable keep-alive sockets.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWebRequest } from '../../src/node-request.js';
import { type RunningServer, startServer } from '../../src/server.js';

const SESSION_PATH = '/api/v3.1/tool_router/session';

/** Writes raw bytes on one socket and collects everything until the server closes or `until` matches. */
function raw(port: number, bytes: string | Buffer, until: (text: string) => boolean, opts: { endAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(text);
    }, 5_000);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (until(text)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on('error', reject);
    socket.write(bytes);
    if (opts.endAfterWrite) socket.end();
  });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

function request(method: string, path: string, headers: Record<string, string>, body?: string): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

describe('toWebRequest', () => {
  it('is a Request: method, url and headers directly, body and the rest through a real Request', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const request = toWebRequest(req, `http://127.0.0.1${req.url}`, Buffer.concat(chunks));
      seen.push({
        isRequest: request instanceof Request,
        method: request.method,
        url: request.url,
        key: request.headers.get('x-api-key'),
        text: await request.text(),
        bodyUsed: request.bodyUsed,
        signal: request.signal instanceof AbortSignal,
        tag: Object.prototype.toString.call(request),
      });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await fetch(`http://127.0.0.1:${port}/a?b=1`, { method: 'PATCH', headers: { 'x-api-key': 'k1' }, body: '{"x":1}' });
    await new Promise<void>((r) => server.close(() => r()));
    expect(seen).toEqual([
      { isRequest: true, method: 'PATCH', url: 'http://127.0.0.1/a?b=1', key: 'k1', text: '{"x":1}', bodyUsed: true, signal: true, tag: '[object Request]' },
    ]);
  });
});

describe('node server adapter', () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    server = await startServer({ port: 0, seed: 3 });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  it('serves small (buffered), large (streamed) and chunked uploads alike', async () => {
    const small = await fetch(`${server.url}${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'small' }),
    });
    expect(small.status).toBe(201);
    // Over the 64 KiB buffering threshold but under the 1 MiB cap: streams through to the app.
    const large = await fetch(`${server.url}${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'large', padding: 'x'.repeat(200_000) }),
    });
    expect(large.status).toBe(201);
    expect((await large.json()).config.user_id).toBe('large');
    const body = JSON.stringify({ user_id: 'chunked' });
    const chunked = await raw(
      port,
      `POST ${SESSION_PATH} HTTP/1.1\r\nhost: 127.0.0.1\r\nx-api-key: k\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      (t) => t.includes('"chunked"'),
    );
    expect(chunked.startsWith('HTTP/1.1 201')).toBe(true);
  });

  it('answers the bytes the app built, with content-length and the app headers', async () => {
    const res = await fetch(`${server.url}/_mock/health`);
    const text = await res.text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(JSON.parse(text).status).toBe('ok');
  });

  it('a DELETE without a body works; an early 401 on a small upload keeps the socket usable', async () => {
    const created = await fetch(`${server.url}${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'del' }),
    }).then((r) => r.json());
    const text = await raw(
      port,
      request('PATCH', `${SESSION_PATH}/${created.session_id}`, { 'content-type': 'application/json' }, '{"toolkits":{"enable":["github"]}}') +
        request('DELETE', `${SESSION_PATH}/${created.session_id}`, { 'x-api-key': 'k' }),
      (t) => t.includes('"deleted":true'),
    );
    expect(text.startsWith('HTTP/1.1 401')).toBe(true);
    expect(text).toContain('HTTP/1.1 200');
    expect(count(text, 'HTTP/1.1 ')).toBe(2);
  });

  it('a body over the cap is 413 and closes the connection', async () => {
    const text = await raw(
      port,
      `POST ${SESSION_PATH} HTTP/1.1\r\nhost: 127.0.0.1\r\nx-api-key: k\r\ncontent-type: application/json\r\ncontent-length: ${2 * 1024 * 1024}\r\n\r\n{"user_id":"`,
      (t) => t.includes('}}'),
    );
    expect(text.startsWith('HTTP/1.1 413')).toBe(true);
    expect(text.toLowerCase()).toContain('connection: close');
  });

  it('malformed requests are 400 before the app: a bad Host, a method Request refuses', async () => {
    const badHost = await raw(port, 'GET /_mock/health HTTP/1.1\r\nhost: a b\r\n\r\n', (t) => t.includes('}}'));
    expect(badHost.startsWith('HTTP/1.1 400')).toBe(true);
    expect(badHost).toContain('Malformed request');
    expect(badHost.toLowerCase()).toMatch(/x-request-id: req_malformed_\d+/);
    expect(badHost).toMatch(/"request_id":"req_malformed_\d+"/);
    const trace = await raw(port, 'TRACE /_mock/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n', (t) => t.includes('}}'));
    expect(trace.startsWith('HTTP/1.1 400')).toBe(true);
  });

  it('an absolute-form request target is served by its path', async () => {
    const text = await raw(port, 'GET http://elsewhere.example/_mock/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n', (t) => t.includes('}'));
    expect(text.startsWith('HTTP/1.1 200')).toBe(true);
    expect(text).toContain('"status":"ok"');
  });

  it('a client that goes away mid-upload changes nothing and the server keeps serving', async () => {
    const before = await fetch(`${server.url}/_mock/state`, { headers: { 'x-api-key': 'abort-key' } }).then((r) => r.json());
    await raw(port, `POST ${SESSION_PATH} HTTP/1.1\r\nhost: 127.0.0.1\r\nx-api-key: abort-key\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"user_id":`, () => false, {
      endAfterWrite: true,
    });
    const after = await fetch(`${server.url}/_mock/state`, { headers: { 'x-api-key': 'abort-key' } }).then((r) => r.json());
    expect(after.project.sessions).toEqual(before.project.sessions);
    expect((await fetch(`${server.url}/_mock/health`)).status).toBe(200);
  });
});
