/**
 * Simulated upstream answers for proxy_execute, one JSON file per toolkit in
 * mocks/fixtures/proxy/<toolkit>.json:
 *
 * ```json
 * { "toolkit": "github", "endpoints": [
 *   { "method": "GET", "path": "/repos/{owner}/{repo}", "status": 200,
 *     "headers": { "content-type": "application/json" }, "data": { "full_name": "{{owner}}/{{repo}}" } },
 *   { "method": "GET", "path": "/repos/{owner}/{repo}/zipball", "status": 200,
 *     "binary": { "content_type": "application/zip", "base64": "UEsFBg…" } } ] }
 * ```
 *
 * `{name}` in a path matches one segment; `{{name}}` in a string of `data` is replaced by it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePathTemplate } from './path-template.js';

export const BUILTIN_PROXY_FIXTURES_DIR = fileURLToPath(new URL('../../mocks/fixtures/proxy/', import.meta.url));

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

export interface ProxyFixture {
  method: (typeof METHODS)[number];
  path: string;
  status: number;
  headers?: Record<string, string>;
  data?: unknown;
  binary?: { content_type: string; base64: string };
}

interface CompiledFixture extends ProxyFixture {
  pattern: RegExp;
  names: string[];
}

/** Toolkit slug -> endpoints, compiled. */
export type ProxyFixtureSet = ReadonlyMap<string, readonly CompiledFixture[]>;

function check(file: string, raw: unknown): CompiledFixture[] {
  const problems: string[] = [];
  const doc = raw as { toolkit?: unknown; endpoints?: unknown };
  if (typeof doc?.toolkit !== 'string' || !Array.isArray(doc.endpoints)) throw new Error(`${file}: needs "toolkit" (string) and "endpoints" (array)`);
  const out: CompiledFixture[] = [];
  doc.endpoints.forEach((e: Partial<ProxyFixture>, i) => {
    const where = `${file}: /endpoints/${i}`;
    if (!METHODS.includes(e.method as ProxyFixture['method'])) problems.push(`${where}/method: one of ${METHODS.join(', ')}`);
    if (typeof e.path !== 'string' || !e.path.startsWith('/')) problems.push(`${where}/path: a path starting with "/"`);
    if (!Number.isInteger(e.status) || (e.status as number) < 100 || (e.status as number) > 599) problems.push(`${where}/status: an HTTP status`);
    if (e.binary !== undefined && (typeof e.binary.content_type !== 'string' || typeof e.binary.base64 !== 'string')) {
      problems.push(`${where}/binary: needs content_type and base64`);
    }
    if (problems.length === 0) out.push({ ...(e as ProxyFixture), ...compilePathTemplate(e.path!) });
  });
  if (problems.length) throw new Error(`Invalid proxy fixtures:\n  ${problems.join('\n  ')}`);
  return out;
}

const cache = new Map<string, ProxyFixtureSet>();

/**
 * Every `<toolkit>.json` of a directory, validated and compiled once per directory.
 *
 * @example
 * loadProxyFixtures().get('github')?.length; // 5
 */
export function loadProxyFixtures(dir = BUILTIN_PROXY_FIXTURES_DIR): ProxyFixtureSet {
  const cached = cache.get(dir);
  if (cached) return cached;
  const set = new Map<string, CompiledFixture[]>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    files = [];
  }
  for (const file of files) {
    const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { toolkit: string };
    set.set(parsed.toolkit.toLowerCase(), check(file, parsed));
  }
  cache.set(dir, set);
  return set;
}

function fill(value: unknown, params: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (whole, name: string) => params[name] ?? whole);
  if (Array.isArray(value)) return value.map((v) => fill(v, params));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, params)]));
  }
  return value;
}

/** A fixture that matched, with `{{name}}` placeholders filled in. */
export interface MatchedFixture {
  status: number;
  headers: Record<string, string>;
  data?: unknown;
  binary?: { content_type: string; bytes: Uint8Array };
}

/**
 * The fixture for a toolkit, method and base-relative path (HEAD matches GET), if any.
 *
 * @example
 * matchProxyFixture(loadProxyFixtures(), 'github', 'GET', '/repos/octo/hello')?.data;
 */
export function matchProxyFixture(set: ProxyFixtureSet, toolkit: string, method: string, path: string): MatchedFixture | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method;
  for (const fixture of set.get(toolkit) ?? []) {
    if (fixture.method !== wanted) continue;
    const match = fixture.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    fixture.names.forEach((name, i) => {
      const raw = match[i + 1]!;
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    const headers = { ...(fixture.headers ?? {}) };
    if (fixture.binary) {
      headers['content-type'] ??= fixture.binary.content_type;
      return { status: fixture.status, headers, binary: { content_type: fixture.binary.content_type, bytes: Buffer.from(fixture.binary.base64, 'base64') } };
    }
    return { status: fixture.status, headers, ...(fixture.data !== undefined ? { data: fill(fixture.data, params) } : {}) };
  }
  return undefined;
}
