/**
 * Files in a session mount. Reading runs always; the round trip (upload URL -> PUT bytes ->
 * listed -> download URL -> GET the same bytes -> delete) writes, so it needs --allow-writes.
 * Presigned URLs are fetched without the API key: they may point at object storage.
 */
import type { CheckContext } from '../check-context.js';
import { defineFlow } from '../flow.js';
import { FILES_MOUNT } from './session-operations.js';

interface FilesState {
  sessionId?: string;
  path?: string;
  content?: string;
  uploadUrl?: string;
  stored?: boolean;
}

const UPLOAD = 'upload_url answers 201 with a presigned URL';
const PUT = 'PUT to the upload URL stores the bytes';
const MIME = 'text/plain';

function prefixOf(ctx: CheckContext): string {
  return `contract-${ctx.suite.runId}/`;
}

async function session(ctx: CheckContext, state: FilesState): Promise<string> {
  if (!state.sessionId) state.sessionId = (await ctx.createSession()).session_id;
  return state.sessionId;
}

async function listed(ctx: CheckContext, sessionId: string) {
  const res = await ctx.call('listMountItems', { params: { session_id: sessionId, mount_id: FILES_MOUNT }, query: { mount_relative_prefix: prefixOf(ctx), limit: 100 } });
  return { items: (Array.isArray(res.body?.items) ? res.body.items : []) as any[], exchange: res.exchange };
}

export const filesFlow = defineFlow<FilesState>({
  group: 'files',
  state: () => ({}),
  steps: [
    {
      name: 'items lists a mount, with no next_cursor on the last page',
      async run(ctx, state) {
        const sessionId = await session(ctx, state);
        const res = await ctx.call('listMountItems', { params: { session_id: sessionId, mount_id: FILES_MOUNT }, query: { limit: 500 } });
        ctx.expect(Array.isArray(res.body?.items), 'items is an array', res.exchange, '/items');
        if ((res.body?.items?.length ?? 0) < 500) ctx.expect(res.body?.next_cursor === undefined, 'a page shorter than the limit carries a next_cursor', res.exchange, '/next_cursor');
        const ours = (await listed(ctx, sessionId)).items;
        ctx.expectEqual(ours.length, 0, `files under ${prefixOf(ctx)} before the suite wrote any`);
      },
    },
    {
      name: 'download_url of a missing file answers 404',
      async run(ctx, state) {
        const sessionId = await session(ctx, state);
        await ctx.call('createMountDownloadUrl', { params: { session_id: sessionId, mount_id: FILES_MOUNT }, body: { mount_relative_path: `${prefixOf(ctx)}missing.txt` }, expect: 404 });
      },
    },
    {
      name: UPLOAD,
      writes: true,
      async run(ctx, state) {
        const sessionId = await session(ctx, state);
        const path = `${prefixOf(ctx)}hello.txt`;
        ctx.suite.resources.addFile(sessionId, FILES_MOUNT, path);
        const res = await ctx.call('createMountUploadUrl', { params: { session_id: sessionId, mount_id: FILES_MOUNT }, body: { mount_relative_path: path, mimetype: MIME } });
        ctx.expectEqual(res.body?.mount_relative_path, path, 'mount_relative_path echoes the request', res.exchange, '/mount_relative_path');
        const url = ctx.require<string>(res.body?.upload_url, 'no upload_url', res.exchange);
        ctx.expect(/^https?:\/\//.test(url), `upload_url is an absolute http(s) URL, got ${JSON.stringify(url)}`, res.exchange, '/upload_url');
        ctx.expect(!Number.isNaN(Date.parse(res.body?.expires_at)) && Date.parse(res.body?.expires_at) > Date.now() - 60_000, 'expires_at lies in the future', res.exchange, '/expires_at');
        state.path = path;
        state.uploadUrl = url;
      },
    },
    {
      name: PUT,
      writes: true,
      async run(ctx, state) {
        const url = ctx.prerequisite(state.uploadUrl, UPLOAD);
        state.content = `composio-mock contract suite ${ctx.suite.runId}\nline two: ümlaut ✓\n`;
        const res = await ctx.raw(url, { method: 'PUT', headers: { 'content-type': MIME }, body: new TextEncoder().encode(state.content) });
        ctx.expect(res.status >= 200 && res.status < 300, `PUT to the presigned URL answered ${res.status}`, res.exchange);
        state.stored = res.status >= 200 && res.status < 300;
      },
    },
    {
      name: 'items lists the uploaded file with its size',
      writes: true,
      async run(ctx, state) {
        ctx.prerequisite(state.stored || undefined, PUT);
        const { items, exchange } = await listed(ctx, state.sessionId!);
        ctx.expectEqual(items.map((i) => i?.mount_relative_path), [state.path], `files under ${prefixOf(ctx)}`, exchange, '/items');
        ctx.expectEqual(items[0]?.size, new TextEncoder().encode(state.content!).byteLength, 'size in bytes', exchange, '/items/0/size');
      },
    },
    {
      name: 'download_url answers 201 and its URL returns the same bytes',
      writes: true,
      async run(ctx, state) {
        ctx.prerequisite(state.stored || undefined, PUT);
        const res = await ctx.call('createMountDownloadUrl', { params: { session_id: state.sessionId!, mount_id: FILES_MOUNT }, body: { mount_relative_path: state.path } });
        ctx.expectEqual(res.body?.mount_relative_path, state.path, 'mount_relative_path echoes the request', res.exchange, '/mount_relative_path');
        const url = ctx.require<string>(res.body?.download_url, 'no download_url', res.exchange);
        const file = await ctx.raw(url, { method: 'GET' });
        ctx.expectEqual(file.status, 200, 'status of GET on the download URL', file.exchange);
        const expected = new TextEncoder().encode(state.content!);
        ctx.expect(file.bytes.byteLength === expected.byteLength && file.bytes.every((b, i) => b === expected[i]), `the downloaded bytes differ from the uploaded ones (${file.bytes.byteLength} vs ${expected.byteLength} bytes)`, file.exchange);
      },
    },
    {
      name: 'delete removes the file and items no longer lists it',
      writes: true,
      async run(ctx, state) {
        ctx.prerequisite(state.path, UPLOAD);
        const res = await ctx.call('deleteMountItem', { params: { session_id: state.sessionId!, mount_id: FILES_MOUNT }, body: { mount_relative_path: state.path } });
        ctx.suite.resources.markFileDeleted(state.sessionId!, FILES_MOUNT, state.path!);
        ctx.expectEqual(res.body?.mount_relative_path, state.path, 'mount_relative_path echoes the request', res.exchange, '/mount_relative_path');
        const { items, exchange } = await listed(ctx, state.sessionId!);
        ctx.expectEqual(items.length, 0, `files under ${prefixOf(ctx)} after the delete`, exchange, '/items');
      },
    },
  ],
});
