/**
 * Runs bench/startup-breakdown in fresh processes (sources through tsx, and the compiled copy
 * when there is one) and lays the stages side by side.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { CompiledCli } from './compiled.js';
import { fmtMs, markdownTable } from './table.js';

const ROOT = resolve(import.meta.dirname, '..');

function stagesOf(args: string[]): Record<string, number> | string {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, number>;
  } catch {
    return `failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ')}`;
  }
}

/**
 * The stage table as Markdown; each variant is the median of `runs` fresh processes per stage.
 *
 * @example
 * process.stdout.write(startupBreakdown(compiledCli(), 3));
 */
export function startupBreakdown(compiled: CompiledCli | undefined, runs = 3): string {
  const variants: Array<[string, string[]]> = [['tsx (sources)', ['--import', 'tsx', join(ROOT, 'bench', 'startup-breakdown.ts')]]];
  if (compiled?.breakdownArgs) variants.push([`compiled (${compiled.origin})`, compiled.breakdownArgs]);
  const columns = variants.map(([label, args]) => {
    const samples = Array.from({ length: runs }, () => stagesOf(args));
    const failed = samples.find((s) => typeof s === 'string');
    if (failed) return { label, failed: failed as string, stages: {} as Record<string, number> };
    const stages: Record<string, number> = {};
    for (const name of Object.keys(samples[0] as Record<string, number>)) {
      const values = samples.map((s) => (s as Record<string, number>)[name]!).sort((a, b) => a - b);
      stages[name] = values[values.length >> 1]!;
    }
    return { label, stages, failed: undefined };
  });
  const names = [...new Set(columns.flatMap((c) => Object.keys(c.stages)))];
  const rows = names.map((name) => [name, ...columns.map((c) => (c.stages[name] === undefined ? '' : fmtMs(c.stages[name])))]);
  const notes = columns.filter((c) => c.failed).map((c) => `${c.label}: ${c.failed}`);
  return [markdownTable(['stage', ...columns.map((c) => c.label)], rows), ...notes].join('\n\n');
}
