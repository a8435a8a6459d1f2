/**
 * One failed check as text: each violated rule (with JSON pointer and keyword), grouped under
 * the exchange it concerns, shown as the request (method, URL, headers, body excerpt; the key
 * redacted) and the response (status, body excerpt). Shared by the console and JUnit reporters.
 */
import type { CheckResult, ContractReport, ExchangeRecord, Violation } from '../types.js';

/**
 * `N passed, N failed` (and `, N skipped` when any were skipped).
 *
 * @example
 * summaryLine({ passed: 3, failed: 1, skipped: 0 }); // '3 passed, 1 failed'
 */
export function summaryLine(report: Pick<ContractReport, 'passed' | 'failed' | 'skipped'>): string {
  return `${report.passed} passed, ${report.failed} failed${report.skipped > 0 ? `, ${report.skipped} skipped` : ''}`;
}

/**
 * One violation on one line: `[rule] pointer (keyword): message`.
 *
 * @example
 * violationLine({ rule: 'schema', pointer: '/config_version', keyword: 'required', message: "must have required property 'config_version'" });
 * // "[schema] /config_version (required): must have required property 'config_version'"
 */
export function violationLine(v: Violation): string {
  const where = v.pointer !== undefined ? ` ${v.pointer === '' ? '(body)' : v.pointer}` : '';
  const keyword = v.keyword ? ` (${v.keyword})` : '';
  return `[${v.rule}]${where}${keyword}: ${v.message}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

/**
 * The request and response of one exchange, as a few indented lines.
 *
 * @example
 * exchangeText(result.exchanges[0]);
 */
export function exchangeText(exchange: ExchangeRecord): string {
  const lines = [`Request:  ${exchange.request.method} ${exchange.request.url}${exchange.operationId ? `  (${exchange.operationId})` : ''}`];
  const headers = Object.entries(exchange.request.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  if (headers) lines.push(`  headers: ${headers}`);
  if (exchange.request.body !== undefined) lines.push(indent(exchange.request.body, '  body: ').replace(/\n {2}body: /g, '\n        '));
  if (exchange.response) {
    const retried = exchange.attempts > 1 ? ` after ${exchange.attempts} attempts` : '';
    lines.push(`Response: ${exchange.response.status}${retried} (${exchange.durationMs} ms), content-type: ${exchange.response.headers['content-type'] ?? '(none)'}`);
    if (exchange.response.body !== '') lines.push(`  body: ${exchange.response.body}`);
  } else {
    lines.push(`Response: none (${exchange.error ?? 'no response'})`);
  }
  return lines.join('\n');
}

/**
 * Everything a reader needs to see why a check failed.
 *
 * @example
 * console.log(failureDetails(report.checks.find((c) => c.status === 'failed')!));
 */
export function failureDetails(check: CheckResult): string {
  const byExchange = new Map<number | undefined, Violation[]>();
  for (const v of check.violations) {
    const key = v.exchange !== undefined && check.exchanges[v.exchange] ? v.exchange : undefined;
    byExchange.set(key, [...(byExchange.get(key) ?? []), v]);
  }
  const blocks: string[] = [];
  const loose = byExchange.get(undefined);
  if (loose) {
    const last = check.exchanges.at(-1);
    blocks.push([...loose.map(violationLine), ...(last ? [indent(exchangeText(last), '  ')] : [])].join('\n'));
  }
  for (const [index, violations] of byExchange) {
    if (index === undefined) continue;
    blocks.push([...violations.map(violationLine), indent(exchangeText(check.exchanges[index]!), '  ')].join('\n'));
  }
  return blocks.join('\n\n');
}

/**
 * A short reason for a JUnit `message` attribute: the first violation and how many follow.
 *
 * @example
 * failureMessage(check); // "[status] createSession: expected status 201, got 200 (+2 more)"
 */
export function failureMessage(check: CheckResult): string {
  const first = check.violations[0];
  if (!first) return 'failed';
  const more = check.violations.length - 1;
  return `${violationLine(first)}${more > 0 ? ` (+${more} more)` : ''}`;
}
