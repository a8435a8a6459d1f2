/**
 * The slice of Node's `Buffer` the engine uses (from/alloc/toString with utf8, hex, base64,
 * base64url), for the browser bundle only: the build injects it wherever `Buffer` is free.
 */
type Encoding = 'utf8' | 'utf-8' | 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array, url: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
}

function fromBase64(text: string): Uint8Array {
  // Like Node: both alphabets accepted, characters outside them skipped, padding optional.
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

class BufferBytes extends Uint8Array {
  override toString(encoding: Encoding = 'utf8'): string {
    switch (encoding) {
      case 'hex':
        return Array.from(this, (b) => b.toString(16).padStart(2, '0')).join('');
      case 'base64':
        return toBase64(this, false);
      case 'base64url':
        return toBase64(this, true);
      case 'latin1':
      case 'binary':
        return String.fromCharCode(...this);
      default:
        return new TextDecoder().decode(this);
    }
  }

  equals(other: Uint8Array): boolean {
    return this.length === other.length && this.every((b, i) => b === other[i]);
  }
}

function decode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'hex': {
      const pairs = text.match(/[0-9a-fA-F]{2}/g) ?? [];
      return Uint8Array.from(pairs, (p) => parseInt(p, 16));
    }
    case 'base64':
    case 'base64url':
      return fromBase64(text);
    case 'latin1':
    case 'binary':
      return Uint8Array.from(text, (c) => c.charCodeAt(0) & 255);
    default:
      return new TextEncoder().encode(text);
  }
}

const wrap = (bytes: Uint8Array): BufferBytes => new BufferBytes(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);

function from(input: string | ArrayBuffer | ArrayLike<number>, encodingOrOffset?: Encoding | number, length?: number): BufferBytes {
  if (typeof input === 'string') return wrap(decode(input, (encodingOrOffset as Encoding | undefined) ?? 'utf8'));
  if (input instanceof ArrayBuffer) {
    const offset = typeof encodingOrOffset === 'number' ? encodingOrOffset : 0;
    return new BufferBytes(input, offset, length ?? input.byteLength - offset);
  }
  return wrap(Uint8Array.from(input));
}

interface BufferStatic {
  new (size: number): BufferBytes;
  from: typeof from;
  alloc(size: number): BufferBytes;
  isBuffer(value: unknown): value is BufferBytes;
  byteLength(text: string, encoding?: Encoding): number;
}

/**
 * @example
 * Buffer.from('2:20').toString('base64url'); // 'MjoyMA'
 */
export const Buffer = Object.assign(BufferBytes, {
  from,
  alloc: (size: number) => new BufferBytes(size),
  isBuffer: (value: unknown): value is BufferBytes => value instanceof BufferBytes,
  byteLength: (text: string, encoding: Encoding = 'utf8') => decode(text, encoding).byteLength,
}) as unknown as BufferStatic;

/** An instance of the shim. */
export type Buffer = BufferBytes;
