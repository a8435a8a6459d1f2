import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { apiClient, SESSION_PATH } from '../support/api-client.js';
import { type Target, targets } from '../support/targets.js';

describe.each(Object.entries(targets))('mounts and files (%s)', (_name, makeTarget) => {
  let target: Target;
  let api: ReturnType<typeof apiClient>;
  let clock: ManualClock;
  let sid: string;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T12:00:00Z');
    target = await makeTarget({ seed: 5, clock, validateResponses: true });
    api = apiClient(target);
  });
  afterAll(() => target.close());
  beforeEach(async () => {
    target.app.reset();
    sid = (await api.createSession({ user_id: 'alice' })).body.session_id;
  });

  const mountPath = (rest: string, mount = 'files') => `${SESSION_PATH}/${sid}/mounts/${mount}/${rest}`;
  const uploadUrl = (body: Record<string, unknown>, mount = 'files') =>
    api.call('POST', mountPath('upload_url', mount), { body, operationId: 'createMountUploadUrl' });
  const downloadUrl = (body: Record<string, unknown>) => api.call('POST', mountPath('download_url'), { body, operationId: 'createMountDownloadUrl' });
  const list = (query = '') => api.call('GET', `${mountPath('items')}${query}`, { operationId: 'listMountItems' });
  const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, target.baseUrl);

  async function upload(path: string, bytes: BodyInit, type?: string): Promise<string> {
    const res = await uploadUrl({ mount_relative_path: path, ...(type ? { mimetype: type } : {}) });
    expect(res.status).toBe(201);
    const put = await target.fetch(local(res.body.upload_url), { method: 'PUT', body: bytes, headers: type ? { 'content-type': type } : {} });
    expect(put.status).toBe(200);
    return res.body.mount_relative_path;
  }

  it('upload_url -> PUT -> download_url -> GET returns the exact bytes and content type', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const res = await uploadUrl({ mount_relative_path: '/data//./blob.bin', mimetype: 'application/x-test' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mount_relative_path: 'data/blob.bin', sandbox_mount_prefix: '/mnt/files', expires_at: '2026-03-01T13:00:00.000Z' });
    expect(res.body.upload_url.startsWith(`${target.baseUrl}/_mock/files/${sid}/files/data/blob.bin?`)).toBe(true);
    expect(new URL(res.body.upload_url).searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
    const put = await target.fetch(local(res.body.upload_url), { method: 'PUT', body: bytes, headers: { 'content-type': 'application/x-test' } });
    expect(put.status).toBe(200);

    const down = await downloadUrl({ mount_relative_path: '/data/blob.bin' });
    expect(down.status).toBe(201);
    expect(down.body).toMatchObject({ mount_relative_path: 'data/blob.bin', sandbox_mount_prefix: '/mnt/files' });
    const got = await target.fetch(local(down.body.download_url));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/x-test');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  it('serves an uploaded text/html as an inert attachment: nosniff, sandbox CSP, Content-Disposition; same bytes and type', async () => {
    const html = '<!doctype html><script>alert(document.cookie)</script>';
    await upload("pages/it's (1) ü.html", html, 'text/html');
    const down = await downloadUrl({ mount_relative_path: "pages/it's (1) ü.html" });
    for (const method of ['GET', 'HEAD']) {
      const got = await target.fetch(local(down.body.download_url), { method });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('text/html');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''it%27s%20%281%29%20%C3%BC.html");
      expect(await got.text()).toBe(method === 'GET' ? html : '');
    }
  });

  it('stores the upload URL mimetype when the PUT carries no content type', async () => {
    const res = await uploadUrl({ mount_relative_path: 'notes.csv', mimetype: 'text/csv' });
    // A Blob body without a type makes fetch send no content-type header.
    await target.fetch(local(res.body.upload_url), { method: 'PUT', body: new Blob([new TextEncoder().encode('a,b\n')]) });
    const down = await downloadUrl({ mount_relative_path: 'notes.csv' });
    const got = await target.fetch(local(down.body.download_url));
    expect(got.headers.get('content-type')).toBe('text/csv');
    expect(await got.text()).toBe('a,b\n');
  });

  it('items: sorted, prefix filter, pages with an opaque cursor, next_cursor absent on the last page', async () => {
    for (const p of ['b.txt', 'data/2.csv', 'data/1.csv', 'database.csv', 'a.txt']) await upload(p, `content of ${p}`, 'text/plain');
    const all = await list();
    expect(all.body.items.map((i: any) => i.mount_relative_path)).toEqual(['a.txt', 'b.txt', 'data/1.csv', 'data/2.csv', 'database.csv']);
    expect(all.body.items[0]).toEqual({
      mount_relative_path: 'a.txt',
      sandbox_mount_prefix: '/mnt/files',
      size: 'content of a.txt'.length,
      last_modified: '2026-03-01T12:00:00.000Z',
    });
    expect('next_cursor' in all.body).toBe(false);

    const folder = await list('?mount_relative_prefix=data%2F');
    expect(folder.body.items.map((i: any) => i.mount_relative_path)).toEqual(['data/1.csv', 'data/2.csv']);

    const first = await list('?limit=2');
    expect(first.body.items.map((i: any) => i.mount_relative_path)).toEqual(['a.txt', 'b.txt']);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.body.items.map((i: any) => i.mount_relative_path)).toEqual(['data/1.csv', 'data/2.csv']);
    const last = await list(`?limit=2&cursor=${encodeURIComponent(second.body.next_cursor)}`);
    expect(last.body.items.map((i: any) => i.mount_relative_path)).toEqual(['database.csv']);
    expect('next_cursor' in last.body).toBe(false);

    expect((await list('?limit=0')).status).toBe(400);
    expect((await list('?limit=501')).status).toBe(400);
    expect((await list('?cursor=garbage')).status).toBe(400);
  });

  it('delete is idempotent and removes the file from listings and downloads', async () => {
    await upload('gone.txt', 'x', 'text/plain');
    const down = await downloadUrl({ mount_relative_path: 'gone.txt' });
    const del = await api.call('POST', mountPath('delete'), { body: { mount_relative_path: '/gone.txt' }, operationId: 'deleteMountItem' });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ mount_relative_path: 'gone.txt', sandbox_mount_prefix: '/mnt/files' });
    const again = await api.call('POST', mountPath('delete'), { body: { mount_relative_path: 'gone.txt' }, operationId: 'deleteMountItem' });
    expect(again.status).toBe(200);
    expect((await list()).body.items).toEqual([]);
    expect((await target.fetch(local(down.body.download_url))).status).toBe(404);
    const missing = await downloadUrl({ mount_relative_path: 'gone.txt' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe(1901);
  });

  it('refuses traversal, absolute paths, backslashes and NUL bytes with 400', async () => {
    for (const bad of ['../etc/passwd', 'a/../../b', '//etc/passwd', 'C:/x', 'a\\b', 'a\u0000b', '/', 'dir/']) {
      const res = await uploadUrl({ mount_relative_path: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await list('?mount_relative_prefix=..%2F')).status).toBe(400);
  });

  it('an unknown mount is 404; an unknown session is 404', async () => {
    const res = await uploadUrl({ mount_relative_path: 'a.txt' }, 'other');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Mount other not found');
    const ghost = await api.call('GET', `${SESSION_PATH}/trs_nope/mounts/files/items`, { operationId: 'listMountItems' });
    expect(ghost.status).toBe(404);
  });

  it('a tampered or expired signature is 403 in the error envelope; a download URL cannot upload', async () => {
    const res = await uploadUrl({ mount_relative_path: 'a.txt' });
    const tampered = new URL(local(res.body.upload_url));
    tampered.pathname = tampered.pathname.replace('a.txt', 'b.txt');
    const put = await target.fetch(tampered.toString(), { method: 'PUT', body: 'x' });
    expect(put.status).toBe(403);
    const body = (await put.json()) as any;
    expect(body.error).toMatchObject({ status: 403, code: 1902, message: 'The signature of this presigned URL does not match' });

    await upload('a.txt', 'hello', 'text/plain');
    const down = await downloadUrl({ mount_relative_path: 'a.txt' });
    expect((await target.fetch(local(down.body.download_url), { method: 'PUT', body: 'x' })).status).toBe(403);

    clock.advance(3601 * 1000);
    const expired = await target.fetch(local(down.body.download_url));
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as any).error.message).toBe('This presigned URL has expired');
  });

  it('a PUT over 10 MiB is 413', async () => {
    const res = await uploadUrl({ mount_relative_path: 'big.bin' });
    const put = await target.fetch(local(res.body.upload_url), { method: 'PUT', body: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect(put.status).toBe(413);
    expect((await list()).body.items).toEqual([]);
  });

  it('files belong to one session and one project', async () => {
    await upload('mine.txt', 'x', 'text/plain');
    const other = (await api.createSession({ user_id: 'alice' })).body.session_id;
    const theirs = await api.call('GET', `${SESSION_PATH}/${other}/mounts/files/items`, { operationId: 'listMountItems' });
    expect(theirs.body.items).toEqual([]);
    const otherKey = await api.call('GET', mountPath('items'), { key: 'other-key', operationId: 'listMountItems' });
    expect(otherKey.status).toBe(404);
  });
});
