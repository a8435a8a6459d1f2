/**
 * The browser build swaps a few Node built-ins for small shims (mocks/browser/). They must
 * answer exactly as Node does for what the engine uses: checked here against Node itself.
 */
import * as nodeCrypto from 'node:crypto';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Buffer as ShimBuffer } from '../../mocks/browser/buffer.js';
import * as shimCrypto from '../../mocks/browser/node-crypto.js';
import * as shimPath from '../../mocks/browser/node-path.js';
import { fileURLToPath, pathToFileURL } from '../../mocks/browser/node-url.js';

const samples = ['', 'a', 'abc', '2:20', 'héllo wörld ✓', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000), '{"after":"data/a b.txt"}'];

describe('Buffer shim', () => {
  it('encodes and decodes utf8, hex, base64 and base64url as Node does', () => {
    for (const text of samples) {
      for (const encoding of ['hex', 'base64', 'base64url'] as const) {
        const encoded = Buffer.from(text).toString(encoding);
        expect(ShimBuffer.from(text).toString(encoding), `${encoding} of ${text.slice(0, 10)}`).toBe(encoded);
        expect(ShimBuffer.from(encoded, encoding).toString('utf8')).toBe(text);
      }
    }
  });

  it('wraps an ArrayBuffer range without copying, allocates and compares', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const view = ShimBuffer.from(bytes.buffer, 1, 3);
    expect([...view]).toEqual([2, 3, 4]);
    expect(view.buffer).toBe(bytes.buffer);
    expect(ShimBuffer.alloc(4)).toHaveLength(4);
    expect(ShimBuffer.from('ab').equals(ShimBuffer.from('6162', 'hex'))).toBe(true);
    expect(ShimBuffer.from('not base64 !!', 'base64url').toString('hex')).toBe(Buffer.from('not base64 !!', 'base64url').toString('hex'));
  });
});

describe('node:crypto shim', () => {
  it('sha256 and hmac-sha256 digests equal Node (hex, base64url, raw)', () => {
    for (const text of samples) {
      expect(shimCrypto.createHash('sha256').update(text).digest('hex')).toBe(nodeCrypto.createHash('sha256').update(text).digest('hex'));
      for (const key of ['k', 'k'.repeat(64), 'k'.repeat(100)]) {
        expect(shimCrypto.createHmac('sha256', key).update(text).update('tail').digest('base64url')).toBe(
          nodeCrypto.createHmac('sha256', key).update(text).update('tail').digest('base64url'),
        );
      }
    }
    const rawKey = nodeCrypto.createHash('sha256').update('seed').digest();
    const shimKey = shimCrypto.createHash('sha256').update('seed').digest();
    expect([...shimKey]).toEqual([...rawKey]);
    expect(shimCrypto.createHmac('sha256', shimKey).update('m').digest('hex')).toBe(nodeCrypto.createHmac('sha256', rawKey).update('m').digest('hex'));
  });

  it('timingSafeEqual compares, and refuses different lengths like Node', () => {
    expect(shimCrypto.timingSafeEqual(ShimBuffer.from('ab'), ShimBuffer.from('ab'))).toBe(true);
    expect(shimCrypto.timingSafeEqual(ShimBuffer.from('ab'), ShimBuffer.from('ac'))).toBe(false);
    expect(() => shimCrypto.timingSafeEqual(ShimBuffer.from('a'), ShimBuffer.from('ab'))).toThrow(RangeError);
    expect(() => shimCrypto.createHash('md5')).toThrow(/only sha256/);
  });
});

describe('node:path and node:url shims', () => {
  it('join, relative, isAbsolute, basename and dirname match path.posix', () => {
    const pairs: [string, string][] = [['/a/b', '/a/b/c/d.json'], ['/a/b', '/a/x'], ['/', '/composio-mock/mocks'], ['/a', '/a']];
    for (const [from, to] of pairs) expect(shimPath.relative(from, to)).toBe(posix.relative(from, to));
    for (const parts of [['/a/', 'b.json'], ['/a', '../b', './c'], ['a', 'b'], ['/composio-mock/mocks/fixtures/toolkits/', 'github.json']]) {
      expect(shimPath.join(...parts)).toBe(posix.join(...parts));
    }
    for (const p of ['/a/b.json', '/a', 'a/b/c']) {
      expect(shimPath.basename(p)).toBe(posix.basename(p));
      expect(shimPath.dirname(p)).toBe(posix.dirname(p));
      expect(shimPath.isAbsolute(p)).toBe(posix.isAbsolute(p));
    }
  });

  it('file URLs round trip', () => {
    expect(fileURLToPath(new URL('../../mocks/fixtures/toolkits/', 'file:///composio-mock/src/engine/module.js'))).toBe('/composio-mock/mocks/fixtures/toolkits/');
    expect(pathToFileURL('/composio-mock/a b.json').href).toBe('file:///composio-mock/a%20b.json');
    expect(fileURLToPath(pathToFileURL('/composio-mock/a b.json'))).toBe('/composio-mock/a b.json');
  });
});
