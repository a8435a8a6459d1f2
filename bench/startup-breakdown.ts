/**
 * Where a cold start goes, stage by stage, in a fresh process: node and loader boot, module
 * imports, the YAML parse of the document, the operation table, the shared Ajv over both
 * documents and the request validators, the catalog, then `createApp` and `listen` as the server does them.
 *
 * Run as a child: `node --import tsx bench/startup-breakdown.ts` for the sources, or compiled
 * (see compiled.ts) as `node <out>/bench/startup-breakdown.js [--root <dir>]`, which times the
 * compiled modules under `<dir>/src` (default: the tree it was compiled into). Prints one JSON
 * object `{stage: ms}`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const bootMs = performance.now();
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? resolve(process.argv[rootArg + 1]!) : resolve(import.meta.dirname, '..');
const ext = existsSync(`${root}/src/server.ts`) ? 'ts' : 'js';
const mod = (path: string) => import(pathToFileURL(`${root}/src/${path}.${ext}`).href);

const stages: Record<string, number> = { 'node + loader boot': bootMs };
async function time<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  stages[name] = performance.now() - started;
  return value;
}

const { startServer } = await time('import server modules', () => mod('server'));
const { loadToolRouterSpec } = await mod('spec/load-spec');
const { operationTable } = await mod('http/operation-table');
const { sharedSpecValidator } = await mod('spec/compile');
const { RequestValidator } = await mod('http/request-validator');
const { loadCatalog } = await mod('engine/catalog');

const doc = await time('parse tool-router YAML', () => loadToolRouterSpec());
const specs = await time('operation table', () => operationTable(doc));
await time('Ajv over both documents', () => sharedSpecValidator());
await time('compile request validators', () => new RequestValidator(specs));
await time('load + validate catalog', () => loadCatalog({ fixtureDirs: [] }));
// As `serve` does it; the YAML is cached by now, so this is everything else createApp builds.
const server = await time('startServer (YAML cached)', () => startServer({ port: 0 }));
stages['total, process start to listening'] = performance.now();
await server.close();
process.stdout.write(`${JSON.stringify(stages)}\n`);
