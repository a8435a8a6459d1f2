/**
 * `npm run bench`: the mock's speed against two baselines in the same run (Prism on our own
 * document, and a bare `node:http` server sending the mock's bytes), then its cold start and
 * where that time goes, then what MSW adds per request (bench/msw-cost.ts). Prints Markdown; always exits 0 unless the mock itself cannot start.
 *
 * Rows: add a request shape to `scenarios` in bench/scenarios.ts. Sections: add an entry to
 * `sections` below (e.g. the MSW cost section).
 *
 * Options: --duration <ms> measured per row (default 3000), --rounds <n> the row is split into
 * (3, targets take turns), --warmup <ms> before each round (500), --concurrency <n> (32),
 * --runs <n> cold starts per variant (5), --only "<scenario name>" (repeatable), --skip-prism,
 * --skip-throughput, --skip-cold-start, --skip-msw, --compiled (throughput rows from the compiled CLI instead
 * of the sources through tsx; the sources are the default because a dist/ build may be stale).
 */
import { spawnSync } from 'node:child_process';
import { arch, cpus, platform } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureColdStart, startVariants } from './cold-start.js';
import { type CompiledCli, compiledCli } from './compiled.js';
import { startupBreakdown } from './startup-stages.js';
import { fmtMs, markdownTable } from './table.js';
import { runThroughput } from './throughput.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', multiple: true },
    'skip-prism': { type: 'boolean', default: false },
    'skip-cold-start': { type: 'boolean', default: false },
    'skip-throughput': { type: 'boolean', default: false },
    'skip-msw': { type: 'boolean', default: false },
    compiled: { type: 'boolean', default: false },
  },
});

interface BenchSettings {
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  rounds: number;
  coldStartRuns: number;
  compiled?: CompiledCli;
}

/** One part of the report; returns Markdown. */
interface BenchSection {
  title: string;
  skip?: boolean;
  run(settings: BenchSettings): Promise<string>;
}

const sections: BenchSection[] = [
  {
    title: 'Throughput',
    skip: values['skip-throughput'],
    run: (s) =>
      runThroughput({
        durationMs: s.durationMs,
        warmupMs: s.warmupMs,
        concurrency: s.concurrency,
        rounds: s.rounds,
        ...(s.compiled && values.compiled ? { compiledCli: s.compiled.cli } : {}),
        ...(values.only ? { only: values.only } : {}),
        skipPrism: values['skip-prism'],
      }).then((table) => `Mock run from: ${s.compiled && values.compiled ? `compiled CLI (${s.compiled.origin})` : 'the TypeScript sources through tsx'}.\n\n${table}`),
  },
  {
    title: 'Cold start (spawn to first answered GET /_mock/health; goal < 300 ms)',
    skip: values['skip-cold-start'],
    async run(s) {
      const rows: string[][] = [];
      for (const variant of startVariants(s.compiled)) {
        const result = await measureColdStart(variant, s.coldStartRuns);
        rows.push([variant.label, fmtMs(result.medianMs), result.runs.map((r) => r.toFixed(0)).join(', '), result.medianMs < 300 ? 'met' : 'MISSED']);
      }
      const table = markdownTable(['how', 'median ms', 'runs ms', '< 300 ms'], rows);
      const stages = startupBreakdown(s.compiled);
      return `${table}\n\nWhere the time goes (one fresh process each, ms):\n\n${stages}`;
    },
  },
  {
    title: 'MSW cost (GET session in-process: app.fetch directly vs setupServer + fetch)',
    skip: values['skip-msw'],
    // In its own process: setupServer patches this process's fetch while it listens.
    run: async () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'msw-cost.ts'), '2000'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error((run.stderr || run.stdout).trim().split('\n').slice(-3).join(' '));
      return `Sequential requests, one at a time (bench/msw-cost.ts).\n\n${run.stdout.trim()}`;
    },
  },
];

async function main(): Promise<void> {
  const settings: BenchSettings = {
    durationMs: Number(values.duration),
    warmupMs: Number(values.warmup),
    concurrency: Number(values.concurrency),
    rounds: Number(values.rounds),
    coldStartRuns: Number(values.runs),
  };
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `# composio-mock bench, ${new Date().toISOString()}\n\n` +
      `Node ${process.version}, ${platform()}/${arch()}, ${cpus().length} × ${cpu}. ` +
      'Loopback only. The machine may be shared and noisy: compare ratios within one run, not absolute numbers across runs.\n',
  );
  process.stderr.write('bench: compiling the CLI for the compiled rows...\n');
  settings.compiled = compiledCli();
  if (settings.compiled?.buildMs) process.stderr.write(`bench: compiled in ${settings.compiled.buildMs.toFixed(0)} ms\n`);
  try {
    for (const section of sections) {
      if (section.skip) continue;
      process.stderr.write(`bench: ${section.title}\n`);
      try {
        process.stdout.write(`\n## ${section.title}\n\n${await section.run(settings)}\n`);
      } catch (error) {
        process.stdout.write(`\n## ${section.title}\n\nFailed: ${(error as Error).message}\n`);
        if (section === sections[0]) process.exitCode = 1;
      }
    }
  } finally {
    settings.compiled?.cleanup();
  }
}

await main();
