/**
 * Just enough HTTP/1.1 for the load generator: build a request's bytes, and find where one
 * response ends in a byte stream (Content-Length or chunked bodies). Doing this by hand keeps
 * the client's own cost per request small and the same for every target, so the servers, not
 * the client, are what the benchmark measures.
 */

/** What the parser learned about one complete response. */
export interface ParsedResponse {
  status: number;
  /** Bytes of the whole response (head and body). */
  length: number;
  /** The server asked to close the connection afterwards. */
  close: boolean;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * The bytes of one request, keep-alive, with a JSON body when given.
 *
 * @example
 * const bytes = requestBytes('GET', '/_mock/health', '127.0.0.1:4010', { 'x-api-key': 'k' });
 */
export function requestBytes(method: string, path: string, host: string, headers: Record<string, string>, body?: string): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  if (body !== undefined) {
    const bytes = Buffer.from(body);
    head += `content-type: application/json\r\ncontent-length: ${bytes.byteLength}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
  }
  return Buffer.from(`${head}\r\n`, 'latin1');
}

/** End of a chunked body starting at `from`, or -1 when more bytes are needed. */
function chunkedEnd(buf: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return -1;
    const size = Number.parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error('malformed chunk size');
    if (size === 0) {
      // No trailers are expected: the last chunk is followed by an empty line.
      return buf.length >= lineEnd + 4 ? lineEnd + 4 : -1;
    }
    at = lineEnd + 2 + size + 2;
    if (at > buf.length) return -1;
  }
}

/**
 * The first complete response at the start of `buf`, or undefined when it is not all there yet.
 *
 * @example
 * const res = parseResponse(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}'));
 * res?.status; // 200
 */
export function parseResponse(buf: Buffer): ParsedResponse | undefined {
  const headEnd = buf.indexOf(HEAD_END);
  if (headEnd < 0) return undefined;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  let contentLength = -1;
  let chunked = false;
  let close = false;
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim().toLowerCase();
    if (name === 'content-length') contentLength = Number(value);
    else if (name === 'transfer-encoding') chunked = value.includes('chunked');
    else if (name === 'connection') close = value === 'close';
  }
  const bodyStart = headEnd + 4;
  if (chunked) {
    const end = chunkedEnd(buf, bodyStart);
    return end < 0 ? undefined : { status, length: end, close };
  }
  const end = bodyStart + Math.max(contentLength, 0);
  return buf.length >= end ? { status, length: end, close } : undefined;
}
