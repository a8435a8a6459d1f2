/**
 * The whole connection loop with the official SDK, unchanged, against a listening mock:
 * `composio.create(user)` -> `session.authorize('github')` -> the user approves the Connect
 * page (a plain form POST, as a browser without JavaScript sends it) ->
 * `connectionRequest.waitForConnection()` resolves ACTIVE -> `session.execute(...)` and
 * `session.proxyExecute(...)` run with that account. Plus the files round trip with
 * `@composio/client` and plain fetch (core's `files.upload()` refuses loopback URLs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SdkHarness, startSdkHarness } from './sdk-harness.js';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ seed: 9 });
});
afterAll(() => h.close());

/** What the Connect page's form sends when the user clicks a button. */
async function answerPage(redirectUrl: string, action: 'approve' | 'deny'): Promise<Response> {
  return fetch(redirectUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action }).toString(),
    redirect: 'manual',
  });
}

describe('@composio/core authorize flow against the mock', () => {
  it('authorize -> approve -> waitForConnection (ACTIVE) -> execute and proxyExecute', async () => {
    const composio = h.core();
    const session = await composio.create('flow-user', { toolkits: ['github'] });
    const request = await session.authorize('github', { callbackUrl: 'https://app.example.com/after-auth' });
    expect(request.id).toMatch(/^ca_/);
    expect(request.status).toBe('INITIATED');
    expect(request.redirectUrl).toMatch(new RegExp(`^${h.url}/link/lt_`));

    const before = await session.toolkits({ toolkits: ['github'] });
    expect(before.items[0]?.connection?.isActive).toBe(false);
    expect(before.items[0]?.connection?.connectedAccount).toMatchObject({ id: request.id, status: 'INITIATED' });

    const page = await fetch(request.redirectUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('flow-user');
    const answered = await answerPage(request.redirectUrl!, 'approve');
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`https://app.example.com/after-auth?status=success&connected_account_id=${request.id}`);

    const account = await request.waitForConnection(5_000);
    expect(account.id).toBe(request.id);
    expect(account.status).toBe('ACTIVE');
    expect(account.authConfig).toMatchObject({ authScheme: 'OAUTH2', isComposioManaged: true, isDisabled: false });
    expect(account.toolkit.slug).toBe('github');
    const after = await session.toolkits({ toolkits: ['github'] });
    expect(after.items[0]?.connection?.isActive).toBe(true);
    const ensured = await session.ensureConnected('github');
    expect(ensured).toMatchObject({ wasConnected: true, connectedAccount: { id: request.id, status: 'ACTIVE' } });

    const result = await session.execute('GITHUB_GET_THE_AUTHENTICATED_USER', {});
    expect(result.error).toBeNull();
    expect(result.logId).toEqual(expect.any(String));

    const proxied = await session.proxyExecute({ toolkit: 'github', endpoint: '/user', method: 'GET' });
    expect(proxied.status).toBe(200);
    expect(proxied.data).toMatchObject({ login: 'octocat' });
    expect(h.outbound).toEqual([]);
  });

  it('waitForConnection fails when the user denies, and when the link expires', async () => {
    const composio = h.core();
    const session = await composio.create('denying-user', { toolkits: ['slack'] });
    const denied = await session.authorize('slack');
    await answerPage(denied.redirectUrl!, 'deny');
    await expect(denied.waitForConnection(5_000)).rejects.toThrow(/FAILED/);

    const expiring = await session.authorize('slack', { alias: 'later' });
    h.server.app.clock.advance(11 * 60 * 1000);
    await expect(expiring.waitForConnection(5_000)).rejects.toThrow(/EXPIRED/);
  });

  it('authorize with an ACL on a PRIVATE account raises ComposioAclOnlyForSharedError', async () => {
    const composio = h.core();
    const session = await composio.create('acl-user', { toolkits: ['github'] });
    // The experimental options exist at runtime but not in the session's public type in core 0.19.
    const authorize = session.authorize.bind(session) as unknown as (toolkit: string, options: Record<string, unknown>) => Promise<unknown>;
    const error = await authorize('github', { experimental: { accountType: 'PRIVATE', aclConfigForShared: { allowAllUsers: true } } }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('ComposioAclOnlyForSharedError');
  });
});

describe('files round trip with @composio/client and fetch', () => {
  it('upload_url -> PUT -> list -> download_url -> GET returns the bytes unchanged -> delete', async () => {
    const client = h.client();
    const session = await client.toolRouter.session.create({ user_id: 'files-user' });
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) % 256);

    const upload = await client.toolRouter.session.files.createUploadURL('files', {
      session_id: session.session_id,
      mount_relative_path: '/reports/q1.bin',
      mimetype: 'application/octet-stream',
    });
    expect(upload.mount_relative_path).toBe('reports/q1.bin');
    expect(upload.sandbox_mount_prefix).toBe('/mnt/files');
    const put = await fetch(upload.upload_url, { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    expect(put.status).toBe(200);

    const listed = await client.toolRouter.session.files.list('files', { session_id: session.session_id, mount_relative_prefix: 'reports/' });
    expect(listed.items).toEqual([expect.objectContaining({ mount_relative_path: 'reports/q1.bin', size: bytes.byteLength })]);
    expect(listed.next_cursor).toBeUndefined();

    const download = await client.toolRouter.session.files.createDownloadURL('files', {
      session_id: session.session_id,
      mount_relative_path: 'reports/q1.bin',
    });
    const got = await fetch(download.download_url);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const deleted = await client.toolRouter.session.files.delete('files', { session_id: session.session_id, mount_relative_path: 'reports/q1.bin' });
    expect(deleted).toEqual({ mount_relative_path: 'reports/q1.bin', sandbox_mount_prefix: '/mnt/files' });
  });

  it("core's files.upload() refuses the loopback upload URL (its SSRF guard), which is why the raw legs are used", async () => {
    const composio = h.core();
    const session = await composio.create('ssrf-user');
    const error = await session.experimental.files
      .upload(Buffer.from('hello'), { remotePath: 'a.txt', mimetype: 'text/plain' })
      .then(() => undefined, (e: unknown) => e as Error);
    expect(error?.name).toBe('ComposioBlockedInternalUrlError');
  });
});
