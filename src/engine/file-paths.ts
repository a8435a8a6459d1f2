/**
 * Mount-relative paths: one normal form for every file operation, and a 400 for anything
 * that could escape the mount or mean two files at once.
 */
import { badRequest } from './errors.js';

const MAX_PATH_LENGTH = 1024;

function refuse(where: string, raw: string, why: string): never {
  throw badRequest(`Invalid mount-relative path: ${why}`, [`${where}: "${raw.slice(0, 120)}" ${why}`], {
    suggestedFix: 'Use a relative path such as "data/report.csv" (no "..", no backslashes, no control characters).',
  });
}

function normalise(raw: string, where: string, allowTrailingSlash: boolean): string {
  if (raw.includes('\u0000')) refuse(where, raw.replace(/\u0000/g, '\\0'), 'contains a NUL byte');
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(raw)) refuse(where, raw, 'contains a control character');
  if (raw.includes('\\')) refuse(where, raw, 'contains a backslash');
  if (raw.length > MAX_PATH_LENGTH) refuse(where, raw, `is longer than ${MAX_PATH_LENGTH} characters`);
  if (/^[A-Za-z]:/.test(raw)) refuse(where, raw, 'is an absolute (drive-letter) path');
  // core passes the caller's path unchanged, so one leading slash is tolerated (reference 3.15)...
  let path = raw.startsWith('/') ? raw.slice(1) : raw;
  // ...but a second one means an absolute path the caller really meant.
  if (path.startsWith('/')) refuse(where, raw, 'is an absolute path');
  const trailing = path.endsWith('/');
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) refuse(where, raw, 'contains a ".." segment');
  path = segments.join('/');
  if (path === '') refuse(where, raw, 'names no file');
  if (trailing) {
    if (!allowTrailingSlash) refuse(where, raw, 'names a directory, not a file');
    path += '/';
  }
  return path;
}

/**
 * The normal form of a file path: one leading `/` dropped, `./` and duplicate slashes
 * collapsed; `..`, absolute paths, backslashes, control characters and NUL bytes are 400.
 *
 * @example
 * normaliseFilePath('/data//./report.csv'); // 'data/report.csv'
 * normaliseFilePath('../etc/passwd'); // throws ApiError 400
 */
export function normaliseFilePath(raw: string, where = '/body/mount_relative_path'): string {
  return normalise(raw, where, false);
}

/**
 * The normal form of a listing prefix: as a file path, but a trailing `/` is kept (`data/`
 * lists only that folder; `data` also matches `database.csv`, as object stores do).
 *
 * @example
 * normalisePrefix('/data/'); // 'data/'
 */
export function normalisePrefix(raw: string, where = '/query/mount_relative_prefix'): string {
  return normalise(raw, where, true);
}
