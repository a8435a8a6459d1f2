#!/usr/bin/env node
/**
 * The package build after `tsc -p tsconfig.build.json` (ESM + .d.ts in dist/src, dist/mocks,
 * dist/contracts):
 *  - data: mocks/fixtures copied to dist/mocks/fixtures, so the loaders' `../../mocks/...`
 *    paths (relative to dist/src/engine/*.js) resolve inside dist;
 *  - CommonJS: one bundle per entry (`composio-mock`, `composio-mock/msw`,
 *    `composio-mock/contracts`) at dist/cjs/<dir>/index.cjs (same depth, so the same relative
 *    data paths hold) with msw and the CommonJS-capable dependencies external and the ESM-only
 *    ones (faker) inlined, for `require()` and jest, which cannot load ESM on Node 20;
 *  - browser: one ESM bundle at dist/browser/msw.js with the data files embedded and the few
 *    Node built-ins the engine touches (fs, path, url, crypto, Buffer, process) replaced by
 *    small shims in mocks/browser/, msw external.
 *
 * Usage: node scripts/build-package.mjs   (npm run build runs tsc first)
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** Runtime dependencies a CommonJS `require` can load as they are. */
const CJS_EXTERNAL = ['msw', 'ajv', 'ajv-formats'];
/** Where `import.meta.url` points in the browser bundle: depth 2, like src/engine/*.ts. */
const VIRTUAL_ROOT = '/composio-mock';

function copyData(outDir) {
  const target = path.join(outDir, 'mocks', 'fixtures');
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'mocks', 'fixtures'), target, { recursive: true, filter: (src) => !src.endsWith('README.md') });
}

/** The entries a CommonJS `require` gets, each bundled to dist/cjs/<dir>/index.cjs (same depth as dist/<dir>/index.js). */
const CJS_ENTRIES = [
  { entry: path.join('mocks', 'index.ts'), outfile: path.join('cjs', 'mocks', 'index.cjs') },
  { entry: path.join('src', 'index.ts'), outfile: path.join('cjs', 'src', 'index.cjs') },
  { entry: path.join('contracts', 'index.ts'), outfile: path.join('cjs', 'contracts', 'index.cjs') },
];

/**
 * One CommonJS bundle (by default `composio-mock/msw`'s).
 *
 * @example
 * await buildCjs({ entry: 'src/index.ts', outfile: 'dist/cjs/src/index.cjs' });
 */
export async function buildCjs({ entry = path.join('mocks', 'index.ts'), outfile = path.join(ROOT, 'dist', 'cjs', 'mocks', 'index.cjs') } = {}) {
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: CJS_EXTERNAL,
    define: { 'import.meta.url': '__composioMockModuleUrl' },
    banner: { js: "var __composioMockModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}

/**
 * Declarations for `require`: the ESM ones copied under dist/cjs, whose package.json says
 * commonjs, so TypeScript (node16/nodenext) reads them as CommonJS, as the bundle is.
 */
function copyCjsDeclarations(dist) {
  const cjs = path.join(dist, 'cjs');
  for (const dir of ['src', 'mocks', 'contracts']) {
    rmSync(path.join(cjs, dir), { recursive: true, force: true });
    for (const file of listFiles(path.join(dist, dir))) {
      if (!file.endsWith('.d.ts')) continue;
      const target = path.join(cjs, path.relative(dist, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  writeFileSync(path.join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** `virtual:composio-mock-files`: every data file under mocks/fixtures, keyed by its virtual path. */
const embeddedFiles = {
  name: 'composio-mock-files',
  setup(b) {
    b.onResolve({ filter: /^virtual:composio-mock-files$/ }, () => ({ path: 'files', namespace: 'composio-mock-files' }));
    b.onLoad({ filter: /.*/, namespace: 'composio-mock-files' }, () => {
      const files = {};
      for (const file of listFiles(path.join(ROOT, 'mocks', 'fixtures'))) {
        if (!file.endsWith('.json')) continue;
        files[`${VIRTUAL_ROOT}/${path.relative(ROOT, file).split(path.sep).join('/')}`] = readFileSync(file, 'utf8');
      }
      return { contents: `export default ${JSON.stringify(files)};`, loader: 'js' };
    });
  },
};

const SHIMS = { fs: 'node-fs.ts', url: 'node-url.ts', path: 'node-path.ts', crypto: 'node-crypto.ts' };

/** `node:fs` & co. -> mocks/browser shims. */
const nodeShims = {
  name: 'composio-mock-node-shims',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|url|path|crypto)$/ }, (args) => ({
      path: path.join(ROOT, 'mocks', 'browser', SHIMS[args.path.replace(/^node:/, '')]),
    }));
  },
};

/**
 * esbuild options that make the engine run in a browser; shared by the package build and the
 * browser test (which bundles a page around them).
 *
 * @example
 * await build({ ...browserBuildOptions(), entryPoints: ['page.ts'], outfile: 'out/page.js' });
 */
export function browserBuildOptions() {
  return {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    plugins: [embeddedFiles, nodeShims],
    inject: [path.join(ROOT, 'mocks', 'browser', 'buffer.ts'), path.join(ROOT, 'mocks', 'browser', 'process.ts')],
    define: { 'import.meta.url': JSON.stringify(`file://${VIRTUAL_ROOT}/src/engine/module.js`) },
    logLevel: 'warning',
  };
}

/**
 * The browser bundle of `composio-mock/msw` (msw stays a bare import for the app's bundler).
 *
 * @example
 * await buildBrowser({ outfile: 'dist/browser/msw.js' });
 */
export async function buildBrowser({ outfile = path.join(ROOT, 'dist', 'browser', 'msw.js') } = {}) {
  await build({ ...browserBuildOptions(), entryPoints: [path.join(ROOT, 'mocks', 'index.ts')], outfile, external: ['msw'] });
  writeFileSync(outfile.replace(/\.js$/, '.d.ts'), "export * from '../mocks/index.js';\n");
}

/**
 * The command line as one ESM file at dist/bundle/cli/cli.js (two folders deep, so the data
 * paths relative to it reach dist/mocks/fixtures as from dist/src/engine): one file loads
 * faster than the ~80 modules of dist/src, which is most of the cold start. faker stays
 * external: it is loaded on the first execution only.
 *
 * @example
 * await buildCliBundle({ outfile: 'dist/bundle/cli/cli.js' });
 */
export async function buildCliBundle({ outfile = path.join(ROOT, 'dist', 'bundle', 'cli', 'cli.js') } = {}) {
  await build({
    entryPoints: [path.join(ROOT, 'src', 'cli.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@faker-js/faker', '@faker-js/faker/*'],
    // Bundled CommonJS dependencies (ajv) call require(); give the ESM file one.
    banner: { js: "import { createRequire as __composioMockRequire } from 'node:module'; const require = __composioMockRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

async function main() {
  const dist = path.join(ROOT, 'dist');
  if (!statSync(path.join(dist, 'mocks', 'index.js'), { throwIfNoEntry: false })) {
    throw new Error('dist/mocks/index.js is missing: run tsc -p tsconfig.build.json first (npm run build)');
  }
  mkdirSync(dist, { recursive: true });
  copyData(dist);
  copyCjsDeclarations(dist);
  for (const { entry, outfile } of CJS_ENTRIES) await buildCjs({ entry, outfile: path.join(dist, outfile) });
  await buildBrowser();
  await buildCliBundle();
  process.stdout.write(`built ${pkg.name}@${pkg.version}: dist/{src,mocks,contracts} (ESM), dist/cjs/{src,mocks,contracts}/index.cjs, dist/browser/msw.js, dist/bundle/cli/cli.js\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}
