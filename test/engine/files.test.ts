import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { Engine } from '../../src/engine/engine.js';
import { normaliseFilePath, normalisePrefix } from '../../src/engine/file-paths.js';
import { signTarget, verifyTarget } from '../../src/engine/file-signing.js';
import {
  createDownloadUrl,
  createUploadUrl,
  deleteMountItem,
  getSignedFile,
  listMountItems,
  PRESIGNED_TTL_SECONDS,
  putSignedFile,
  type TransferRequest,
} from '../../src/engine/files.js';
import { createSession } from '../../src/engine/sessions.js';
import { tinyCatalog } from '../support/tiny-catalog.js';
import { errorOf } from '../support/api-error-of.js';

const ctx = { apiKey: 'key-a', origin: 'http://127.0.0.1:4010' };

function setup(seed = 1) {
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const engine = new Engine({ catalog: tinyCatalog(), seed, clock });
  const sid = createSession(engine, ctx, { user_id: 'u1' }).session_id;
  return { engine, clock, sid };
}


/** A presigned URL as the transfer route would parse it. */
function transferOf(url: string, method: 'GET' | 'PUT'): TransferRequest {
  const u = new URL(url);
  const [sessionId, mountId, ...path] = u.pathname.slice('/_mock/files/'.length).split('/').map(decodeURIComponent);
  const contentType = u.searchParams.get('content_type');
  return {
    target: {
      method,
      project: u.searchParams.get('project')!,
      sessionId: sessionId!,
      mountId: mountId!,
      path: path.join('/'),
      expires: Number(u.searchParams.get('expires')),
      ...(contentType !== null ? { contentType } : {}),
    },
    signature: u.searchParams.get('signature')!,
  };
}

describe('paths', () => {
  it('normalises a leading slash, ./ and duplicate slashes', () => {
    expect(normaliseFilePath('/data//./report.csv')).toBe('data/report.csv');
    expect(normaliseFilePath('a/b c/ü.txt')).toBe('a/b c/ü.txt');
    expect(normalisePrefix('/data/')).toBe('data/');
    expect(normalisePrefix('data')).toBe('data');
  });

  it.each(['../x', 'a/../b', '//etc/passwd', 'C:/x', 'a\\b', 'a\u0000b', 'a\nb', '/', '', 'dir/', 'x'.repeat(1025)])('refuses %j with 400', (bad) => {
    expect(errorOf(() => normaliseFilePath(bad)).status).toBe(400);
  });
});

describe('signatures', () => {
  it('are stable per seed, differ per seed, and fail when any signed part changes', () => {
    const target = { method: 'PUT' as const, project: 'p', sessionId: 'trs_1', mountId: 'files', path: 'a.txt', expires: 1767229200 };
    const a = setup(1).engine;
    expect(signTarget(a, target)).toBe(signTarget(setup(1).engine, target));
    expect(signTarget(a, target)).not.toBe(signTarget(setup(2).engine, target));
    const signature = signTarget(a, target);
    expect(() => verifyTarget(a, target, signature)).not.toThrow();
    for (const changed of [{ path: 'b.txt' }, { method: 'GET' as const }, { expires: target.expires + 1 }, { contentType: 'text/html' }]) {
      expect(errorOf(() => verifyTarget(a, { ...target, ...changed }, signature))).toMatchObject({ status: 403, codeName: 'SIGNATURE_INVALID' });
    }
    expect(errorOf(() => verifyTarget(a, target, 'not-hex')).status).toBe(403);
  });

  it('expire on the engine clock', () => {
    const { engine, clock, sid } = setup();
    const upload = createUploadUrl(engine, ctx, sid, 'files', { mount_relative_path: 'a.txt' });
    expect(upload.expires_at).toBe(new Date(Date.parse('2026-01-01T00:00:00Z') + PRESIGNED_TTL_SECONDS * 1000).toISOString());
    clock.advance(PRESIGNED_TTL_SECONDS * 1000 + 1);
    expect(errorOf(() => putSignedFile(engine, transferOf(upload.upload_url, 'PUT'), new Uint8Array([1]), 'text/plain')).message).toBe('This presigned URL has expired');
  });
});

describe('mount storage', () => {
  it('stores exact bytes and the content type; the upload mimetype is the fallback', () => {
    const { engine, sid } = setup();
    const upload = createUploadUrl(engine, ctx, sid, 'files', { mount_relative_path: 'a.bin', mimetype: 'image/png' });
    putSignedFile(engine, transferOf(upload.upload_url, 'PUT'), new Uint8Array([0, 255, 7]), undefined);
    const download = createDownloadUrl(engine, ctx, sid, 'files', { mount_relative_path: 'a.bin' });
    const file = getSignedFile(engine, transferOf(download.download_url, 'GET'));
    expect([...file.bytes]).toEqual([0, 255, 7]);
    expect(file.content_type).toBe('image/png');
  });

  it('pages by path with a cursor that survives deletions between pages', () => {
    const { engine, sid } = setup();
    for (const p of ['c', 'a', 'b', 'd']) {
      const upload = createUploadUrl(engine, ctx, sid, 'files', { mount_relative_path: p });
      putSignedFile(engine, transferOf(upload.upload_url, 'PUT'), new Uint8Array(1), 'text/plain');
    }
    const first = listMountItems(engine, ctx, sid, 'files', { limit: 2 });
    expect(first.items.map((i) => i.mount_relative_path)).toEqual(['a', 'b']);
    deleteMountItem(engine, ctx, sid, 'files', { mount_relative_path: 'b' });
    const second = listMountItems(engine, ctx, sid, 'files', { limit: 2, cursor: first.next_cursor! });
    expect(second.items.map((i) => i.mount_relative_path)).toEqual(['c', 'd']);
    expect(second).not.toHaveProperty('next_cursor');
  });

  it('only the files mount exists', () => {
    const { engine, sid } = setup();
    expect(errorOf(() => listMountItems(engine, ctx, sid, 'workspace', {}))).toMatchObject({ status: 404, codeName: 'MOUNT_NOT_FOUND' });
  });
});
