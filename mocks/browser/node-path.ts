/**
 * The POSIX subset of `node:path` the engine uses, for the browser bundle.
 */
export const sep = '/';

function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/') || (absolute ? '/' : '.');
}

/** @example join('/a/', 'b.json'); // '/a/b.json' */
export function join(...parts: string[]): string {
  return normalize(parts.filter(Boolean).join('/'));
}

/** @example isAbsolute('/a'); // true */
export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** @example relative('/a', '/a/b/c'); // 'b/c' */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** @example basename('/a/b.json'); // 'b.json' */
export function basename(path: string): string {
  return normalize(path).split('/').pop() ?? '';
}

/** @example dirname('/a/b.json'); // '/a' */
export function dirname(path: string): string {
  const parts = normalize(path).split('/');
  parts.pop();
  return parts.join('/') || (path.startsWith('/') ? '/' : '.');
}

export default { sep, join, isAbsolute, relative, basename, dirname };
