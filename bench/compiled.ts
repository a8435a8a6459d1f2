/**
 * A compiled copy of the CLI, to measure what an installed package (plain JavaScript, no tsx)
 * costs. Uses the repository's `dist/` when a build exists (`npm run build`); otherwise compiles
 * `src/cli.ts` and its imports with tsc into a temporary folder laid out like the package
 * (`src/`, with `openapi/`, `mocks/`, `node_modules/` and `package.json` linked beside it), so
 * the modules find the documents and fixtures by the same relative paths. Either way
 * bench/startup-breakdown.ts is compiled too, to time the compiled modules stage by stage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CompiledCli {
  /** Path of `cli.js`. */
  cli: string;
  /** node arguments that run bench/startup-breakdown against these compiled modules. */
  breakdownArgs?: string[];
  /** Where it came from, for the report. */
  origin: 'dist' | 'temporary tsc build';
  /** Build time in ms (0 for `dist`). */
  buildMs: number;
  cleanup(): void;
}

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The compiled CLI, or undefined (with the reason on stderr) when it cannot be built.
 *
 * @example
 * const compiled = compiledCli();
 * if (compiled) spawn(process.execPath, [compiled.cli, 'serve']);
 */
export function compiledCli(): CompiledCli | undefined {
  const dist = join(ROOT, 'dist', 'src', 'cli.js');
  const out = mkdtempSync(join(tmpdir(), 'composio-mock-bench-'));
  const cleanup = () => rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  // With a dist build, only the breakdown script is compiled (it then times dist's modules).
  const files = existsSync(dist) ? ['bench/startup-breakdown.ts'] : ['src/cli.ts', 'bench/startup-breakdown.ts'];
  const result = compile(files, out);
  const buildMs = performance.now() - started;
  const breakdown = join(out, 'bench', 'startup-breakdown.js');
  const breakdownArgs = existsSync(breakdown) ? [breakdown, ...(existsSync(dist) ? ['--root', join(ROOT, 'dist')] : [])] : undefined;
  if (existsSync(dist)) return { cli: dist, origin: 'dist', buildMs: 0, ...(breakdownArgs ? { breakdownArgs } : {}), cleanup };

  const cli = join(out, 'src', 'cli.js');
  if (!existsSync(cli)) {
    process.stderr.write(`bench: could not compile src/cli.ts (${result})\n`);
    cleanup();
    return undefined;
  }
  for (const name of ['openapi', 'mocks', 'node_modules', 'package.json']) symlinkSync(join(ROOT, name), join(out, name));
  return { cli, ...(breakdownArgs ? { breakdownArgs } : {}), origin: 'temporary tsc build', buildMs, cleanup };
}

/** Emits `files` and their imports under `out` (type checking is npm test's job); returns tsc's output. */
function compile(files: string[], out: string): string {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [tsc, ...files, '--outDir', out, '--rootDir', '.', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
  args.push('--target', 'es2022', '--skipLibCheck', '--resolveJsonModule', '--types', 'node', '--noCheck');
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}
