/**
 * Runs the contract suite against Prism's stateless mock of our own document and prints, per
 * check, whether it passed there and why not: what a stateless mock answers correctly (shapes)
 * and what it cannot (state). The table in docs/contract-suite.md comes from this script.
 *
 *   npx tsx scripts/prism-comparison.ts            # console table
 *   npx tsx scripts/prism-comparison.ts --markdown # the markdown table for the docs
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type CheckResult, runContractSuite } from '../contracts/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A port nothing listens on right now.
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts `prism mock` on the document and resolves once it listens.
 *
 * @example
 * const prism = await startPrism(4011); // ... prism.child.kill();
 */
export async function startPrism(port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(`${root}node_modules/.bin/prism`, ['mock', '-p', String(port), '-h', '127.0.0.1', 'openapi/tool-router.v3.1.yaml'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start within 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${log}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * Why a check failed: `shape` when a response broke the document (schema, content type,
 * headers, envelope), `no response` for transport failures, else `state` (the status or a
 * stateful expectation: what a stateless mock cannot know).
 */
function kind(check: CheckResult): string {
  if (check.status === 'passed') return '';
  if (check.status === 'skipped') return 'skipped';
  if (check.violations.some((v) => ['schema', 'content-type', 'header', 'envelope'].includes(v.rule))) return 'shape';
  if (check.violations.some((v) => v.rule === 'transport')) return 'no response';
  return 'state';
}

function why(check: CheckResult): string {
  if (check.status === 'skipped') return check.skipReason ?? '';
  const first = check.violations[0];
  if (!first) return '';
  const text = `${first.pointer ? `${first.pointer}: ` : ''}${first.message}`.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const more = check.violations.length - 1;
  return `${text.length > 140 ? `${text.slice(0, 137)}...` : text}${more > 0 ? ` (+${more})` : ''}`;
}

async function main(): Promise<void> {
  const markdown = process.argv.includes('--markdown');
  const prism = await startPrism(await freePort());
  try {
    const report = await runContractSuite({ baseUrl: prism.url, apiKey: 'prism-comparison-key', allowWrites: true, timeoutMs: 10_000 });
    if (markdown) {
      process.stdout.write('| Check | Prism | Kind | First violation |\n|---|---|---|---|\n');
      for (const c of report.checks) process.stdout.write(`| ${c.id} | ${c.status === 'passed' ? 'pass' : c.status === 'failed' ? 'FAIL' : 'skip'} | ${kind(c)} | ${why(c)} |\n`);
    } else {
      for (const c of report.checks) process.stdout.write(`${c.status === 'passed' ? '✓' : c.status === 'failed' ? '✗' : '-'} ${c.id}${c.status === 'passed' ? '' : `  [${kind(c)}] ${why(c)}`}\n`);
    }
    const failed = report.checks.filter((c) => c.status === 'failed');
    const by = (k: string) => failed.filter((c) => kind(c) === k).length;
    process.stdout.write(`\nAgainst Prism ${prism.url}: ${report.passed} passed, ${report.failed} failed${report.skipped ? `, ${report.skipped} skipped` : ''}`);
    process.stdout.write(` (failed on state: ${by('state')}, on shape: ${by('shape')}, without a response: ${by('no response')})\n`);
  } finally {
    prism.child.kill('SIGTERM');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
