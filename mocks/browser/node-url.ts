/**
 * `node:url` for the browser bundle: file URL <-> path, over the virtual root the build gives
 * `import.meta.url`.
 */

/** @example fileURLToPath('file:///composio-mock/mocks/fixtures/'); // '/composio-mock/mocks/fixtures/' */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}

/** @example pathToFileURL('/composio-mock/x').href; // 'file:///composio-mock/x' */
export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}

export default { fileURLToPath, pathToFileURL };
