/**
 * Reading a JSON request body safely: a size cap (413), the content type (415), JSON
 * syntax (400), and hostile values (deep nesting, `__proto__` keys, NUL bytes) refused
 * with 400 before anything reaches the engine.
 */
import { ApiError, badRequest } from '../engine/errors.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Where an adapter that already holds the whole upload (the node server, for small bodies)
 * offers it, so the body is not pushed through a web stream only to be read back here.
 */
export const BUFFERED_BODY = Symbol.for('composio-mock.bufferedBody');
const MAX_DEPTH = 64;

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const buffered = (request as unknown as Record<symbol, unknown>)[BUFFERED_BODY];
  if (buffered instanceof Uint8Array) {
    if (buffered.byteLength > maxBytes) throw tooLarge(maxBytes);
    return buffered;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const bytes = await readAtMost(reader, maxBytes);
  if (bytes === 'too-large') {
    // Not awaited: when the host keeps a tee'd copy of the body (MSW does), cancelling one
    // branch settles only once the other is cancelled too, so awaiting it would hang.
    void reader.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  return bytes;
}

/**
 * A stream read to its end into one array, or `'too-large'` as soon as it passes `maxBytes`
 * (the reader is then left to the caller: cancel it, or drain it so the sender finishes).
 *
 * @example
 * const bytes = await readAtMost(request.body!.getReader(), 1 << 20);
 */
export async function readAtMost(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) return 'too-large';
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBytes} bytes`, {
    suggestedFix: 'Send a smaller body.',
  });
}

function findHostile(value: unknown, path: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `${path}: nesting deeper than ${MAX_DEPTH} levels`;
  if (typeof value === 'string') return value.includes('\u0000') ? `${path}: NUL bytes are not allowed in strings` : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findHostile(value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const pointer = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === '__proto__') return `${pointer}: reserved key "${key}" is not allowed`;
      if (key.includes('\u0000')) return `${path}: NUL bytes are not allowed in keys`;
      const found = findHostile((value as Record<string, unknown>)[key], pointer, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The parsed JSON body, `undefined` when there is none.
 *
 * @example
 * const body = await readJsonBody(request, { maxBytes: 1 << 20 });
 */
export async function readJsonBody(request: Request, options: { maxBytes: number }): Promise<unknown> {
  const bytes = await readCapped(request, options.maxBytes);
  if (bytes.byteLength === 0) return undefined;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported content type "${type || '(none)'}"; send application/json`, {
      suggestedFix: 'Set content-type: application/json.',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('Request body is not valid UTF-8', undefined, { codeName: 'MALFORMED_JSON' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest('Request body is not valid JSON', [`/body: ${(error as Error).message}`], { codeName: 'MALFORMED_JSON' });
  }
  const hostile = findHostile(value, '/body', 0);
  if (hostile) throw badRequest('Request validation failed', [hostile]);
  return value;
}
