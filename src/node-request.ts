/**
 * A `Request` for an `IncomingMessage` that costs almost nothing until it is used.
 *
 * Building a real `Request` in Node 20 (undici) costs more than the whole app does for a GET
 * (an AbortSignal, a body stream, header validation). The app reads only `method`, `url` and
 * `headers` on most requests, so those three are answered from the node request directly; any
 * other property or method (`body`, `text()`, `signal`, `clone()`, ...) builds the real
 * `Request` once and delegates to it. The object passes `instanceof Request`. The same idea as
 * hono's node-server (src/request.ts), without replacing any global.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { BUFFERED_BODY } from './http/body.js';

const node = Symbol('incomingMessage');
const urlKey = Symbol('url');
const headersKey = Symbol('headers');
const realKey = Symbol('realRequest');
const bodyKey = Symbol('bufferedBody');

interface LazyRequest {
  [node]: IncomingMessage;
  [urlKey]: string;
  [headersKey]?: Headers;
  [realKey]?: Request;
  [bodyKey]?: Buffer;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

function buildReal(self: LazyRequest): Request {
  const req = self[node];
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers: (self[headersKey] ??= headersOf(req)) };
  if (method !== 'GET' && method !== 'HEAD') {
    const buffered = self[bodyKey];
    if (buffered) init.body = buffered as unknown as BodyInit;
    else {
      init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(self[urlKey], init);
}

const real = (self: LazyRequest): Request => (self[realKey] ??= buildReal(self));

const prototype: object = Object.create(Request.prototype, {
  // The whole upload when the server read it up front, as long as no real Request took it over.
  [BUFFERED_BODY]: { get: function (this: LazyRequest) { return this[realKey] ? undefined : this[bodyKey]; } },
  method: { get: function (this: LazyRequest) { return this[node].method ?? 'GET'; } },
  url: { get: function (this: LazyRequest) { return this[urlKey]; } },
  headers: { get: function (this: LazyRequest) { return (this[headersKey] ??= headersOf(this[node])); } },
});
for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(Request.prototype))) {
  if (key === 'constructor' || key === 'method' || key === 'url' || key === 'headers') continue;
  if (descriptor.get) {
    Object.defineProperty(prototype, key, { get: function (this: LazyRequest) { return (real(this) as unknown as Record<string, unknown>)[key]; } });
  } else if (typeof descriptor.value === 'function') {
    Object.defineProperty(prototype, key, {
      value: function (this: LazyRequest, ...args: unknown[]) {
        const request = real(this) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return request[key]!(...args);
      },
    });
  }
}

/** Methods node's parser hands over that a real `Request` accepts unchanged (others go eager). */
const PLAIN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The request as a web `Request`. `url` must already be a valid absolute URL (the caller parses
 * it, so a malformed request fails there); `body`, when given, is the whole upload already read.
 * Methods a `Request` would reject or rewrite (CONNECT, TRACE, ...) build the real one at once,
 * so they fail here exactly as before.
 *
 * @example
 * const request = toWebRequest(req, 'http://127.0.0.1:4010/_mock/health');
 * request.headers.get('x-api-key');
 */
export function toWebRequest(req: IncomingMessage, url: string, body?: Buffer): Request {
  const self = Object.create(prototype) as LazyRequest;
  self[node] = req;
  self[urlKey] = url;
  if (body) self[bodyKey] = body;
  if (!PLAIN_METHODS.has(req.method ?? 'GET')) real(self);
  return self as unknown as Request;
}
