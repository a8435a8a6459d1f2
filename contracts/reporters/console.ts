/**
 * The console reporter: a line per check as it finishes (✓ / ✗ / -, name, duration), then the
 * details of each failure, the warnings, the cleanup, and the summary line `N passed, N failed`.
 */
import type { CheckResult, ContractReport, ProgressEvent } from '../types.js';
import { failureDetails, summaryLine } from './format-failure.js';

export interface ConsoleReporterOptions {
  /** Where the text goes, e.g. `(t) => process.stdout.write(t)`. */
  write(text: string): void;
  /** ANSI colours (default false). */
  color?: boolean;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

function checkLine(result: CheckResult, color: boolean): string {
  if (result.status === 'skipped') return `  ${paint(color, 33, '-')} ${result.id} ${paint(color, 2, `(skipped: ${result.skipReason ?? 'no reason'})`)}`;
  const mark = result.status === 'passed' ? paint(color, 32, '✓') : paint(color, 31, '✗');
  return `  ${mark} ${result.id} ${paint(color, 2, `(${result.durationMs} ms)`)}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `${prefix}${line}` : line))
    .join('\n');
}

/**
 * Everything after the last check line: failures, warnings, cleanup, summary.
 *
 * @example
 * process.stdout.write(consoleSummary(report));
 */
export function consoleSummary(report: ContractReport, color = false): string {
  const out: string[] = [];
  const failed = report.checks.filter((c) => c.status === 'failed');
  if (failed.length > 0) {
    out.push('', paint(color, 1, `Failures (${failed.length}):`));
    failed.forEach((check, i) => {
      out.push('', `${i + 1}) ${check.id}`, indent(failureDetails(check), '   '));
    });
  }
  const loose = report.warnings.filter((w) => !w.check);
  if (loose.length > 0) {
    out.push('', paint(color, 1, `Warnings (${loose.length}):`));
    for (const w of loose) out.push(`  ! ${w.message}`);
  }
  const { sessionsDeleted, filesDeleted, accountsRemoved, leftovers } = report.cleanup;
  const removed = accountsRemoved > 0 ? `, removed ${accountsRemoved} connected account(s)` : '';
  out.push('', `Cleanup: deleted ${sessionsDeleted} session(s) and ${filesDeleted} file(s)${removed}${leftovers.length > 0 ? `; left ${leftovers.length} thing(s), see the warnings` : ''}.`);
  out.push(`Target: ${report.target.baseUrl} (${report.target.kind === 'composio-mock' ? `composio-mock ${report.target.version ?? ''}`.trim() : 'remote deployment'}), ${(report.durationMs / 1000).toFixed(1)} s`);
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

/**
 * A progress listener for `runContractSuite({ onProgress })`.
 *
 * @example
 * await runContractSuite({ baseUrl, apiKey, onProgress: createConsoleReporter({ write: (t) => process.stdout.write(t) }) });
 */
export function createConsoleReporter(options: ConsoleReporterOptions): (event: ProgressEvent) => void {
  const color = options.color ?? false;
  return (event) => {
    switch (event.type) {
      case 'suite-start': {
        const kind = event.target.kind === 'composio-mock' ? `composio-mock ${event.target.version ?? ''}`.trim() : 'a remote deployment';
        options.write(`Contract suite against ${event.target.baseUrl} (${kind}): ${event.checks} check(s)\n`);
        break;
      }
      case 'check-end':
        options.write(`${checkLine(event.result, color)}\n`);
        for (const warning of event.result.warnings) options.write(`      ${paint(color, 33, '!')} ${warning}\n`);
        break;
      case 'warning':
        break;
      case 'check-start':
        break;
      case 'suite-end':
        options.write(consoleSummary(event.report, color));
        break;
    }
  };
}
