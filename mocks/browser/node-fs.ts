/**
 * `node:fs` for the browser bundle: read-only access to the package's own data files (toolkit
 * and proxy fixtures, the fixture schema), embedded at build time under the virtual root
 * `/composio-mock/`. Anything else is ENOENT, so `fixtureDirs` cannot work in a browser:
 * pass `catalog` instead.
 */
import files from 'virtual:composio-mock-files';

function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}' (composio-mock browser build)`), { code: 'ENOENT' });
}

const trim = (path: string) => path.replace(/\/+$/, '');

function isDirectory(path: string): boolean {
  const prefix = `${trim(path)}/`;
  return Object.keys(files).some((name) => name.startsWith(prefix));
}

/**
 * @example
 * readFileSync('/composio-mock/mocks/fixtures/toolkit.schema.json', 'utf8');
 */
export function readFileSync(path: string, _encoding?: string): string {
  const text = files[path];
  if (text === undefined) throw notFound(path);
  return text;
}

/**
 * @example
 * readdirSync('/composio-mock/mocks/fixtures/toolkits/'); // ['asana.json', ...]
 */
export function readdirSync(path: string): string[] {
  if (!isDirectory(path)) throw notFound(path);
  const prefix = `${trim(path)}/`;
  const names = new Set<string>();
  for (const name of Object.keys(files)) if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split('/')[0]!);
  return [...names].sort();
}

/**
 * @example
 * statSync('/composio-mock/mocks/fixtures/toolkits').isDirectory(); // true
 */
export function statSync(path: string): { isDirectory(): boolean; isFile(): boolean } {
  const file = files[path] !== undefined;
  const dir = isDirectory(path);
  if (!file && !dir) throw notFound(path);
  return { isDirectory: () => dir, isFile: () => file };
}

/** @example existsSync('/composio-mock/mocks/fixtures'); // true */
export function existsSync(path: string): boolean {
  return files[path] !== undefined || isDirectory(path);
}

export default { readFileSync, readdirSync, statSync, existsSync };
