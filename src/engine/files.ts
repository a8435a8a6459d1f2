/**
 * Session file mounts (reference 3.14 to 3.17): per session and mount, a map of
 * mount-relative path -> bytes, listed in pages and moved through presigned URLs the mock
 * serves itself (src/http/file-transfer.ts).
 *
 * Choices where the real service's behaviour is unknown (docs/connections-and-files.md):
 * the only mount is `files` (any other id is 404); presigned URLs live one hour on the
 * engine clock; a file holds at most 10 MiB; `download_url` for a missing file is 404; a
 * listing prefix matches like an object store's (plain string prefix).
 */
import { createHash } from 'node:crypto';
import type { Engine } from './engine.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { normaliseFilePath, normalisePrefix } from './file-paths.js';
import { apiKeyOfTag, projectTag, type SignedTarget, signTarget, verifyTarget } from './file-signing.js';
import { requireSession } from './sessions.js';
import type { ProjectState } from './store.js';
import type { CallContext } from './types.js';

/** Mount ids a session has. @composio/core's default (`DEFAULT_TOOL_ROUTER_SESSION_FILES_MOUNT_ID`) is the only one. */
export const KNOWN_MOUNTS: readonly string[] = ['files'];
/** Where the mount appears inside the sandbox (reference 4). */
export const SANDBOX_MOUNT_PREFIX = '/mnt/files';
/** Where the presigned URLs point, on the mock's own origin. */
export const FILE_TRANSFER_PREFIX = '/_mock/files/';
/** Lifetime of a presigned URL. */
export const PRESIGNED_TTL_SECONDS = 3600;
/** Largest file a PUT may store (larger is 413). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Mount for proxy_execute's binary answers: served by the same route, never listed. */
export const PROXY_MOUNT = '.proxy';

const DEFAULT_LIMIT = 100;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export interface StoredFile {
  bytes: Uint8Array<ArrayBuffer>;
  content_type: string;
  last_modified: string;
}

function mountOf(project: ProjectState, sessionId: string, mountId: string): Map<string, StoredFile> {
  let mounts = project.mounts.get(sessionId);
  if (!mounts) project.mounts.set(sessionId, (mounts = new Map()));
  let files = mounts.get(mountId);
  if (!files) mounts.set(mountId, (files = new Map()));
  return files;
}

function requireMount(mountId: string): void {
  if (!KNOWN_MOUNTS.includes(mountId)) {
    throw notFound('MOUNT_NOT_FOUND', `Mount ${mountId} not found`, `Sessions have one mount: ${KNOWN_MOUNTS.map((m) => `"${m}"`).join(', ')}.`);
  }
}

function open(engine: Engine, ctx: CallContext, sessionId: string, mountId: string): { project: ProjectState; files: Map<string, StoredFile> } {
  const project = engine.store.project(ctx.apiKey);
  requireSession(project, sessionId);
  requireMount(mountId);
  return { project, files: mountOf(project, sessionId, mountId) };
}

export interface MountItem {
  mount_relative_path: string;
  sandbox_mount_prefix: string;
  size: number;
  last_modified: string;
}

export interface MountItemsPage {
  items: MountItem[];
  next_cursor?: string;
}

function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the 400
  }
  throw badRequest('Invalid cursor', ['/query/cursor: is not a cursor this API returned'], { suggestedFix: 'Pass next_cursor from the previous page unchanged.' });
}

/**
 * One page of a mount's files in path order. The cursor names the last path returned, so
 * files added or removed between pages never shift the rest.
 *
 * @example
 * listMountItems(engine, ctx, 'trs_abc', 'files', { mount_relative_prefix: 'data/', limit: 50 }).items;
 */
export function listMountItems(
  engine: Engine,
  ctx: CallContext,
  sessionId: string,
  mountId: string,
  query: { limit?: number; cursor?: string; mount_relative_prefix?: string },
): MountItemsPage {
  const { files } = open(engine, ctx, sessionId, mountId);
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('Invalid limit', ['/query/limit: must be an integer from 1 to 500']);
  const prefix = query.mount_relative_prefix === undefined ? '' : normalisePrefix(query.mount_relative_prefix);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const paths = [...files.keys()]
    .filter((p) => p.startsWith(prefix) && (after === undefined || p > after))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const page = paths.slice(0, limit);
  const items = page.map((path) => {
    const file = files.get(path)!;
    return { mount_relative_path: path, sandbox_mount_prefix: SANDBOX_MOUNT_PREFIX, size: file.bytes.byteLength, last_modified: file.last_modified };
  });
  return paths.length > limit ? { items, next_cursor: encodeCursor(page[page.length - 1]!) } : { items };
}

export interface PresignedUrl {
  mount_relative_path: string;
  sandbox_mount_prefix: string;
  expires_at: string;
}

function presign(engine: Engine, ctx: CallContext, target: Omit<SignedTarget, 'project' | 'expires'>): { url: string; expires_at: string } {
  const expires = Math.floor(engine.clock.now().getTime() / 1000) + PRESIGNED_TTL_SECONDS;
  const full: SignedTarget = { ...target, project: projectTag(engine, ctx.apiKey), expires };
  const path = [full.sessionId, full.mountId, ...full.path.split('/')].map(encodeURIComponent).join('/');
  const query = new URLSearchParams({ project: full.project, expires: String(expires) });
  if (full.contentType !== undefined) query.set('content_type', full.contentType);
  query.set('signature', signTarget(engine, full));
  return { url: `${ctx.origin}${FILE_TRANSFER_PREFIX}${path}?${query.toString()}`, expires_at: new Date(expires * 1000).toISOString() };
}

/**
 * A presigned PUT URL for a path (the file is created when the bytes arrive).
 *
 * @example
 * createUploadUrl(engine, ctx, 'trs_abc', 'files', { mount_relative_path: 'data/a.csv', mimetype: 'text/csv' }).upload_url;
 */
export function createUploadUrl(
  engine: Engine,
  ctx: CallContext,
  sessionId: string,
  mountId: string,
  body: { mount_relative_path: string; mimetype?: string },
): PresignedUrl & { upload_url: string } {
  open(engine, ctx, sessionId, mountId);
  const path = normaliseFilePath(body.mount_relative_path);
  const signed = presign(engine, ctx, { method: 'PUT', sessionId, mountId, path, ...(body.mimetype ? { contentType: body.mimetype } : {}) });
  return { upload_url: signed.url, mount_relative_path: path, sandbox_mount_prefix: SANDBOX_MOUNT_PREFIX, expires_at: signed.expires_at };
}

/**
 * A presigned GET URL for an existing file; 404 when there is no such file.
 *
 * @example
 * createDownloadUrl(engine, ctx, 'trs_abc', 'files', { mount_relative_path: '/data/a.csv' }).mount_relative_path; // 'data/a.csv'
 */
export function createDownloadUrl(
  engine: Engine,
  ctx: CallContext,
  sessionId: string,
  mountId: string,
  body: { mount_relative_path: string },
): PresignedUrl & { download_url: string } {
  const { files } = open(engine, ctx, sessionId, mountId);
  const path = normaliseFilePath(body.mount_relative_path);
  if (!files.has(path)) throw notFound('FILE_NOT_FOUND', `File ${path} not found in mount ${mountId}`, 'Upload it first, or list the mount to see what exists.');
  const signed = presign(engine, ctx, { method: 'GET', sessionId, mountId, path });
  return { download_url: signed.url, mount_relative_path: path, sandbox_mount_prefix: SANDBOX_MOUNT_PREFIX, expires_at: signed.expires_at };
}

/**
 * Removes a file; removing a missing file succeeds too (idempotent, reference 3.17).
 *
 * @example
 * deleteMountItem(engine, ctx, 'trs_abc', 'files', { mount_relative_path: 'data/a.csv' });
 */
export function deleteMountItem(
  engine: Engine,
  ctx: CallContext,
  sessionId: string,
  mountId: string,
  body: { mount_relative_path: string },
): { mount_relative_path: string; sandbox_mount_prefix: string } {
  const { files } = open(engine, ctx, sessionId, mountId);
  const path = normaliseFilePath(body.mount_relative_path);
  files.delete(path);
  return { mount_relative_path: path, sandbox_mount_prefix: SANDBOX_MOUNT_PREFIX };
}

/** A presigned URL as the transfer route parsed it. */
export interface TransferRequest {
  target: SignedTarget;
  signature: string;
}

function resolveTransfer(engine: Engine, { target, signature }: TransferRequest): { project: ProjectState; files: Map<string, StoredFile> } {
  verifyTarget(engine, target, signature);
  const apiKey = apiKeyOfTag(engine, target.project);
  const project = apiKey === undefined ? undefined : engine.store.peek(apiKey);
  const session = project?.sessions.get(target.sessionId);
  if (!project || !session || session.deleted) throw notFound('SESSION_NOT_FOUND', `Tool router session ${target.sessionId} not found`);
  return { project, files: mountOf(project, target.sessionId, target.mountId) };
}

/**
 * The PUT leg of an upload URL: stores the bytes with the request's content type (else the
 * `mimetype` given for the URL, else `application/octet-stream`).
 *
 * @example
 * putSignedFile(engine, transfer, bytes, 'text/plain');
 */
export function putSignedFile(engine: Engine, transfer: TransferRequest, bytes: Uint8Array, contentType: string | undefined): StoredFile {
  if (transfer.target.method !== 'PUT') throw new ApiError(403, 'SIGNATURE_INVALID', 'This presigned URL is not an upload URL');
  const { files } = resolveTransfer(engine, transfer);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `File exceeds ${MAX_FILE_BYTES} bytes`);
  const file: StoredFile = {
    bytes: new Uint8Array(bytes),
    content_type: contentType || transfer.target.contentType || DEFAULT_CONTENT_TYPE,
    last_modified: engine.clock.now().toISOString(),
  };
  files.set(transfer.target.path, file);
  return file;
}

/**
 * The GET leg of a download URL: the stored bytes, or 404 when the file is gone.
 *
 * @example
 * getSignedFile(engine, transfer).content_type; // 'text/csv'
 */
export function getSignedFile(engine: Engine, transfer: TransferRequest): StoredFile {
  if (transfer.target.method !== 'GET') throw new ApiError(403, 'SIGNATURE_INVALID', 'This presigned URL is not a download URL');
  const { files } = resolveTransfer(engine, transfer);
  const file = files.get(transfer.target.path);
  if (!file) throw notFound('FILE_NOT_FOUND', `File ${transfer.target.path} not found`);
  return file;
}

/**
 * Keeps a binary answer (proxy_execute) in the session's hidden proxy mount and returns a
 * presigned download URL for it; the same bytes get the same path.
 *
 * @example
 * storeBinary(engine, ctx, 'trs_abc', bytes, 'image/png').url;
 */
export function storeBinary(
  engine: Engine,
  ctx: CallContext,
  sessionId: string,
  bytes: Uint8Array,
  contentType: string,
): { url: string; content_type: string; size: number; expires_at: string } {
  const project = engine.store.project(ctx.apiKey);
  const path = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  mountOf(project, sessionId, PROXY_MOUNT).set(path, { bytes: new Uint8Array(bytes), content_type: contentType, last_modified: engine.clock.now().toISOString() });
  const signed = presign(engine, ctx, { method: 'GET', sessionId, mountId: PROXY_MOUNT, path });
  return { url: signed.url, content_type: contentType, size: bytes.byteLength, expires_at: signed.expires_at };
}
