/**
 * The presigned file URLs the mock hands out (`/_mock/files/<session>/<mount>/<path>?…`):
 * PUT stores the bytes, GET returns them with their content type, as an inert attachment
 * (nosniff, a sandboxing CSP, Content-Disposition). Plain HTTP, no API key:
 * the signature is the credential (403 when wrong or expired, in the API's error envelope).
 */
import type { Engine } from '../engine/engine.js';
import { ApiError } from '../engine/errors.js';
import { readAtMost } from './body.js';
import { type SignedTarget, verifyTarget } from '../engine/file-signing.js';
import { FILE_TRANSFER_PREFIX, getSignedFile, MAX_FILE_BYTES, putSignedFile, type TransferRequest } from '../engine/files.js';

function forbidden(message: string): ApiError {
  return new ApiError(403, 'SIGNATURE_INVALID', message, { suggestedFix: 'Use the URL exactly as returned by upload_url or download_url.' });
}

function parseTransfer(url: URL, method: 'GET' | 'PUT'): TransferRequest {
  const parts = url.pathname.slice(FILE_TRANSFER_PREFIX.length).split('/');
  if (parts.length < 3) throw forbidden('Not a presigned file URL');
  let decoded: string[];
  try {
    decoded = parts.map((p) => decodeURIComponent(p));
  } catch {
    throw forbidden('Not a presigned file URL');
  }
  const [sessionId, mountId, ...path] = decoded;
  const q = url.searchParams;
  const expires = Number(q.get('expires'));
  const project = q.get('project');
  const signature = q.get('signature');
  if (!project || !signature || !Number.isInteger(expires)) throw forbidden('The presigned URL is missing its signature');
  const contentType = q.get('content_type');
  const target: SignedTarget = {
    method,
    project,
    sessionId: sessionId!,
    mountId: mountId!,
    path: path.join('/'),
    expires,
    ...(contentType !== null ? { contentType } : {}),
  };
  return { target, signature };
}

/** RFC 8187 `ext-value` text: percent-encoded UTF-8, with the few characters encodeURIComponent keeps but the grammar does not. */
const rfc8187 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Headers that keep an uploaded file inert when a browser opens its download URL. The file is
 * served from the mock's own origin (the Connect pages' origin) with the content type it was
 * uploaded with, so an uploaded `text/html` must not run: no sniffing, a sandboxing CSP, and
 * a download instead of a rendered page. The bytes and the stored content type stay as they are.
 *
 * @example
 * inertDownloadHeaders('reports/q1 €.csv')['content-disposition']; // "attachment; filename*=UTF-8''q1%20%E2%82%AC.csv"
 */
export function inertDownloadHeaders(path: string): Record<string, string> {
  const name = path.split('/').pop() || 'download';
  return {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': `attachment; filename*=UTF-8''${rfc8187(name)}`,
  };
}

/** Bytes read and dropped after a 413, so the sender finishes its upload and sees the answer. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

/**
 * Reads the rest of an upload without keeping it. Cancelling instead leaves an in-process
 * sender (MSW's fetch interceptor) waiting on its unread body, so the 413 never arrives;
 * beyond MAX_DISCARD_BYTES the stream is cancelled anyway.
 */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    dropped += value.byteLength;
    if (dropped > MAX_DISCARD_BYTES) {
      await reader.cancel().catch(() => undefined);
      return;
    }
  }
}

async function readUpload(request: Request): Promise<Uint8Array> {
  const tooLarge = () => new ApiError(413, 'PAYLOAD_TOO_LARGE', `File exceeds ${MAX_FILE_BYTES} bytes`, { suggestedFix: 'Upload a smaller file.' });
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const bytes = Number.isFinite(declared) && declared > MAX_FILE_BYTES ? 'too-large' : await readAtMost(reader, MAX_FILE_BYTES);
  if (bytes === 'too-large') {
    await discard(reader);
    throw tooLarge();
  }
  return bytes;
}

/**
 * Answers a request under `/_mock/files/`; errors are thrown as `ApiError` for the app to
 * wrap in the error envelope.
 *
 * @example
 * await serveFileTransfer(request, new URL(request.url), engine, 'req_1');
 */
export async function serveFileTransfer(request: Request, url: URL, engine: Engine, requestId: string): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method === 'PUT') {
    const transfer = parseTransfer(url, 'PUT');
    // Refuse a bad or expired signature before reading a possibly large body.
    verifyTarget(engine, transfer.target, transfer.signature);
    const bytes = await readUpload(request);
    const contentType = request.headers.get('content-type') ?? undefined;
    const file = putSignedFile(engine, transfer, bytes, contentType);
    return new Response(null, { status: 200, headers: { 'x-request-id': requestId, 'content-length': '0', etag: `"${file.bytes.byteLength}-${file.last_modified}"` } });
  }
  if (method === 'GET' || method === 'HEAD') {
    const transfer = parseTransfer(url, 'GET');
    const file = getSignedFile(engine, transfer);
    const headers = {
      'content-type': file.content_type,
      'content-length': String(file.bytes.byteLength),
      'last-modified': new Date(file.last_modified).toUTCString(),
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...inertDownloadHeaders(transfer.target.path),
    };
    return new Response(method === 'HEAD' ? null : file.bytes, { status: 200, headers });
  }
  throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on a presigned file URL`, { headers: { allow: 'GET, HEAD, PUT' } });
}
