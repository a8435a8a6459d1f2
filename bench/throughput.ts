/**
 * Throughput section: every scenario against the mock, Prism and the bare server with the same
 * client and settings. The measured time of each row is split into rounds, and the targets take
 * turns within each round (in rotating order), so that background load on a shared machine falls
 * on all three alike. Ratios first, absolute figures second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, runLoad } from './load.js';
import { type ChildServer, processCpuUs } from './processes.js';
import { recordScenarios, scenarioRequests } from './record.js';
import { type BenchContext, prepareContext, type Scenario, scenarios } from './scenarios.js';
import { fmtInt, fmtMs, fmtPct, fmtRatio, markdownTable } from './table.js';
import { PRISM, PRISM_QUIET, startBare, startMock, startPrism } from './targets.js';

export interface ThroughputOptions {
  /** Measured time per row, split over the rounds. */
  durationMs: number;
  /** Warm-up before each round's measurement. */
  warmupMs: number;
  concurrency: number;
  /** Turns each target takes per scenario (default 3). */
  rounds?: number;
  /** Run the mock from this compiled CLI instead of through tsx. */
  compiledCli?: string;
  /** Scenario names to run (default: all). */
  only?: string[];
  skipPrism?: boolean;
}

/** One scenario on one target, summed over its rounds. */
interface Row {
  scenario: Scenario;
  target: string;
  requests: number;
  totalRequests: number;
  measuredMs: number;
  statuses: Record<number, number>;
  errors: number;
  latencies: Float64Array[];
  serverCpuUs: number;
  clientCpuUs: number;
  failure?: string;
}

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

function figures(row: Row | undefined): Figures | undefined {
  if (!row || row.failure || row.requests === 0) return undefined;
  const pooled = new Float64Array(row.latencies.reduce((n, l) => n + l.length, 0));
  let offset = 0;
  for (const l of row.latencies) {
    pooled.set(l, offset);
    offset += l.length;
  }
  pooled.sort();
  return { rps: row.requests / (row.measuredMs / 1000), p50Ms: percentile(pooled, 50), p99Ms: percentile(pooled, 99) };
}

async function oneRound(row: Row, server: ChildServer, requests: Buffer[], options: ThroughputOptions, measuredMs: number): Promise<void> {
  const cpuBefore = processCpuUs(server.child.pid!);
  const result = await runLoad({ host: '127.0.0.1', port: server.port, requests, concurrency: options.concurrency, warmupMs: options.warmupMs, durationMs: measuredMs });
  row.serverCpuUs += processCpuUs(server.child.pid!) - cpuBefore;
  row.clientCpuUs += result.clientCpuUsPerRequest * result.totalRequests;
  row.requests += result.requests;
  row.totalRequests += result.totalRequests;
  row.measuredMs += measuredMs;
  row.errors += result.errors;
  row.latencies.push(result.latencies);
  for (const [status, n] of Object.entries(result.statuses)) row.statuses[Number(status)] = (row.statuses[Number(status)] ?? 0) + n;
}

function render(rows: Row[], list: Scenario[], options: ThroughputOptions): string {
  const find = (scenario: Scenario, target: string) => figures(rows.find((r) => r.scenario === scenario && r.target === target));
  const summary = list.map((scenario) => {
    const mock = find(scenario, 'composio-mock');
    const prism = find(scenario, PRISM);
    const quiet = find(scenario, PRISM_QUIET);
    const bare = find(scenario, 'bare node:http');
    const ratio = (a: Figures | undefined, b: Figures | undefined) => (a && b ? a.rps / b.rps : Number.NaN);
    const timesPrism = ratio(mock, prism);
    const ofBare = ratio(mock, bare);
    const goals: string[] = [];
    // A baseline that did not run (--skip-prism, a failed start) leaves its goal unjudged, not missed.
    const verdict = (ratio: number, goal: number) => (Number.isNaN(ratio) ? 'not measured' : ratio >= goal ? 'met' : 'MISSED');
    if (scenario.goals?.timesPrism) goals.push(`≥${scenario.goals.timesPrism}x Prism: ${verdict(timesPrism, scenario.goals.timesPrism)}`);
    if (scenario.goals?.fractionOfBare) goals.push(`≥${fmtPct(scenario.goals.fractionOfBare)} of bare: ${verdict(ofBare, scenario.goals.fractionOfBare)}`);
    return [scenario.name, fmtRatio(timesPrism), fmtRatio(ratio(mock, quiet)), fmtPct(ofBare), fmtRatio(ratio(bare, quiet)), goals.join('; ') || '(no goal)'];
  });
  const detail = rows.map((row) => {
    const f = figures(row);
    if (!f) return [row.scenario.name, row.target, 'failed', '', '', '', '', '', row.failure ?? 'no answers'];
    const statuses = Object.entries(row.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    return [
      row.scenario.name,
      row.target,
      fmtInt(f.rps),
      fmtMs(f.p50Ms),
      fmtMs(f.p99Ms),
      fmtInt(row.serverCpuUs / row.totalRequests),
      fmtInt(row.clientCpuUs / row.totalRequests),
      statuses,
      row.errors ? `${row.errors} non-2xx/failed` : '',
    ];
  });
  const rounds = options.rounds ?? 3;
  return [
    `Closed loop, ${options.concurrency} keep-alive connections; per row ${options.durationMs} ms measured in ${rounds} rounds (targets take turns), each after ${options.warmupMs} ms of warm-up; every server in its own process.`,
    '',
    markdownTable(['scenario', 'mock ÷ Prism', 'mock ÷ Prism -v error', 'mock ÷ bare', 'bare ÷ Prism -v error (ceiling)', 'goals'], summary),
    '',
    markdownTable(['scenario', 'target', 'rps', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'client CPU µs/req', 'statuses', 'notes'], detail),
  ].join('\n');
}

/**
 * Runs the throughput table and returns it as Markdown.
 *
 * @example
 * process.stdout.write(await runThroughput({ durationMs: 3000, warmupMs: 500, concurrency: 32 }));
 */
export async function runThroughput(options: ThroughputOptions): Promise<string> {
  const list = options.only ? scenarios.filter((s) => options.only!.includes(s.name)) : scenarios;
  const rounds = Math.max(1, options.rounds ?? 3);
  const servers: ChildServer[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'composio-mock-bench-rec-'));
  const notes: string[] = [];
  try {
    const mock = await startMock(options.compiledCli);
    servers.push(mock);
    const ctx: BenchContext = await prepareContext(mock.url);
    const recordingsFile = join(scratch, 'recordings.json');
    writeFileSync(recordingsFile, JSON.stringify(await recordScenarios(mock.url, list, ctx)));
    servers.push(await startBare(recordingsFile));
    if (!options.skipPrism) {
      for (const quiet of [false, true]) {
        try {
          servers.push(await startPrism({ quiet }));
        } catch (error) {
          notes.push(`${quiet ? PRISM_QUIET : PRISM} could not be started, its rows are missing: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    const rows: Row[] = [];
    for (const scenario of list) {
      const mine = servers.map((server) => {
        const row: Row = { scenario, target: server.name, requests: 0, totalRequests: 0, measuredMs: 0, statuses: {}, errors: 0, latencies: [], serverCpuUs: 0, clientCpuUs: 0 };
        rows.push(row);
        return { server, row, requests: scenarioRequests(scenario, ctx, `127.0.0.1:${server.port}`) };
      });
      for (let round = 0; round < rounds; round++) {
        process.stderr.write(`  ${scenario.name}, round ${round + 1}/${rounds}\n`);
        for (let i = 0; i < mine.length; i++) {
          const { server, row, requests } = mine[(i + round) % mine.length]!;
          if (row.failure) continue;
          try {
            await oneRound(row, server, requests, options, options.durationMs / rounds);
          } catch (error) {
            row.failure = (error as Error).message;
          }
        }
      }
    }
    return [render(rows, list, options), ...notes].join('\n\n');
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}
