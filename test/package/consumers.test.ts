/**
 * The package as users get it: `npm pack` (from a staged copy of the tree, so a concurrent run
 * or a stale dist/ cannot leak in), installed with msw and @composio/core into a scratch project
 * outside the repository, then used from an ESM vitest test, a CommonJS jest test, plain
 * `require`/`import` (every entry), and TypeScript (nodenext and node16, ESM and CommonJS files).
 *
 * Offline: the scratch lockfile is seeded from ours, so `npm install --offline` finds every
 * package in the npm cache `npm ci` filled. When the cache lacks one (a machine where
 * node_modules came from elsewhere), it retries with --prefer-offline, which needs the registry.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRATCH_FILES = fileURLToPath(new URL('./scratch/', import.meta.url));
const bin = (name: string) => path.join(ROOT, 'node_modules', ...name.split('/'));

interface Run {
  code: number;
  output: string;
}

/** Runs a command; never throws, so a failure shows its output in the assertion. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  // A child vitest must not think it is a worker of this one.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('__VITEST'))) as Record<string, string>;
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...clean, NODE_ENV: 'test', NO_COLOR: '1', FORCE_COLOR: '0', ...env }, maxBuffer: 32 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

const DEPENDENCIES = { msw: '2.15.0', '@composio/core': '0.19.0', zod: '3.25.76' };

let work: string;
let scratch: string;

/** A copy of what the package is built from, with our node_modules linked in for tsc and esbuild. */
function stage(into: string): void {
  for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'mocks', 'contracts', 'openapi', 'docs', 'scripts']) {
    cpSync(path.join(ROOT, entry), path.join(into, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}dist${path.sep}`) });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'node_modules'), 'dir');
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'composio-mock-package-'));
  const staged = path.join(work, 'staged');
  scratch = path.join(work, 'scratch');
  cpSync(SCRATCH_FILES, scratch, { recursive: true });
  stage(staged);
  const packed = await run('npm', ['pack', '--silent', '--pack-destination', work], staged);
  expect(packed.code, packed.output).toBe(0);
  // The build (prepack) prints too; npm pack prints the file name last.
  const name = packed.output.split('\n').map((l) => l.trim()).filter((l) => /^composio-mock-.*\.tgz$/.test(l)).pop();
  expect(name, packed.output).toBeDefined();
  const tarball = path.join(work, name!);

  const dependencies = { 'composio-mock': `file:${tarball}`, ...DEPENDENCIES };
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', version: '0.0.0', private: true, dependencies }, null, 2));
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  lock.packages[''] = { name: 'scratch', version: '0.0.0', dependencies };
  writeFileSync(path.join(scratch, 'package-lock.json'), JSON.stringify({ ...lock, name: 'scratch', version: '0.0.0' }, null, 2));

  const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
  let installed = await run('npm', [...flags, '--offline'], scratch);
  if (installed.code !== 0 && /ENOTCACHED/.test(installed.output)) installed = await run('npm', [...flags, '--prefer-offline'], scratch);
  expect(installed.code, installed.output).toBe(0);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball in a scratch project', () => {
  it('ships dist (ESM, CommonJS, browser, types) and no sources or tests', () => {
    const pkg = JSON.parse(readFileSync(path.join(scratch, 'node_modules', 'composio-mock', 'package.json'), 'utf8')) as { peerDependenciesMeta: unknown };
    expect(pkg.peerDependenciesMeta).toEqual({ msw: { optional: false } });
    const installed = path.join(scratch, 'node_modules', 'composio-mock');
    for (const file of ['dist/mocks/index.js', 'dist/mocks/index.d.ts', 'dist/cjs/mocks/index.cjs', 'dist/cjs/mocks/index.d.ts', 'dist/cjs/src/index.cjs', 'dist/cjs/src/index.d.ts', 'dist/cjs/contracts/index.cjs', 'dist/cjs/contracts/index.d.ts', 'dist/browser/msw.js', 'dist/src/cli.js', 'dist/mocks/fixtures/toolkits/github.json']) {
      expect(() => readFileSync(path.join(installed, file)), file).not.toThrow();
    }
    expect(() => readFileSync(path.join(installed, 'mocks/index.ts'))).toThrow();
    expect(() => readFileSync(path.join(installed, 'test/msw/handlers.test.ts'))).toThrow();
  });

  it('an ESM vitest test: session, tools, search and execute with the default base URL', async () => {
    const result = await run('node', [bin('vitest/vitest.mjs'), 'run', '--config', 'vitest.config.mjs'], scratch);
    expect(result.output).toMatch(/Tests\s+\S*2 passed/);
    expect(result.code, result.output).toBe(0);
  }, 120_000);

  it('a CommonJS jest test: the same flow, composio-mock/msw loaded from its CommonJS build', async () => {
    const result = await run('node', [bin('jest/bin/jest.js'), '--config', 'jest.config.cjs', '--ci'], scratch, { ESBUILD_PATH: bin('esbuild') });
    expect(result.output).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(result.code, result.output).toBe(0);
  }, 120_000);

  it('plain node: require() gets the CommonJS build, import the ESM one', async () => {
    const required = await run('node', ['-e', "const m = require('composio-mock/msw'); console.log(require.resolve('composio-mock/msw'), typeof m.createHandlers)"], scratch);
    expect(required.output).toMatch(/dist\/cjs\/mocks\/index\.cjs function/);
    const imported = await run('node', ['--input-type=module', '-e', "const m = await import('composio-mock/msw'); console.log(import.meta.resolve('composio-mock/msw'), typeof m.createHandlers)"], scratch);
    expect(imported.output).toMatch(/dist\/mocks\/index\.js function/);
  });

  it('plain node: require() of the root entry serves the mock, and of the contract suite loads it', async () => {
    const script = [
      "const { startServer } = require('composio-mock');",
      "const { runContractSuite } = require('composio-mock/contracts');",
      "console.log(require.resolve('composio-mock'), require.resolve('composio-mock/contracts'), typeof runContractSuite);",
      '(async () => {',
      '  const server = await startServer({ port: 0, seed: 1 });',
      "  const headers = { 'x-api-key': 'k', 'content-type': 'application/json' };",
      "  const created = await fetch(server.url + '/api/v3.1/tool_router/session', { method: 'POST', headers, body: JSON.stringify({ user_id: 'u', toolkits: { enable: ['hackernews'] } }) });",
      '  const { session_id } = await created.json();',
      "  const ran = await fetch(server.url + '/api/v3.1/tool_router/session/' + session_id + '/execute', { method: 'POST', headers, body: JSON.stringify({ tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} }) });",
      "  console.log('create', created.status, 'execute', ran.status, 'error', (await ran.json()).error);",
      '  await server.close();',
      '})();',
    ].join('\n');
    const required = await run('node', ['-e', script], scratch);
    expect(required.output).toMatch(/dist\/cjs\/src\/index\.cjs \S*dist\/cjs\/contracts\/index\.cjs function/);
    expect(required.output).toMatch(/create 201 execute 200 error null/);
  });

  it('TypeScript consumers type-check, ESM and CommonJS files, under nodenext and node16', async () => {
    writeFileSync(
      path.join(scratch, 'consumer.mts'),
      [
        "import { createComposioMock, createHandlers, type ComposioMock } from 'composio-mock/msw';",
        "import type { HttpHandler } from 'msw';",
        "const mock: ComposioMock = createComposioMock({ seed: 1, baseUrl: 'http://localhost:9900' });",
        "mock.scenarios.failNext('executeTool', { status: 503 });",
        'const handlers: HttpHandler[] = createHandlers();',
        "const id: Promise<string> = mock.seed.session('k', { user_id: 'u' }).then((s) => s.session_id);",
        '// @ts-expect-error not an operation of the API',
        "mock.scenarios.failNext('nope', { status: 500 });",
        'export { handlers, id };',
      ].join('\n'),
    );
    writeFileSync(
      path.join(scratch, 'consumer.cts'),
      [
        "import composioMock = require('composio-mock/msw');",
        "import root = require('composio-mock');",
        "import contracts = require('composio-mock/contracts');",
        'const mock: composioMock.ComposioMock = composioMock.createComposioMock();',
        "mock.scenarios.delay('*', 5);",
        'const serving: Promise<root.RunningServer> = root.startServer({ port: 0 });',
        'const suite: typeof contracts.runContractSuite = contracts.runContractSuite;',
        'export = { mock, serving, suite };',
      ].join('\n'),
    );
    for (const module of ['nodenext', 'node16']) {
      const tsconfig = { compilerOptions: { module, moduleResolution: module, target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.mts', 'consumer.cts'] };
      writeFileSync(path.join(scratch, `tsconfig.${module}.json`), JSON.stringify(tsconfig));
      const checked = await run('node', [bin('typescript/bin/tsc'), '-p', `tsconfig.${module}.json`], scratch);
      expect(checked.code, `${module}: ${checked.output}`).toBe(0);
    }
  }, 60_000);
});
