/**
 * JUnit XML for CI: one `<testsuite>` per group, one `<testcase>` per check, `<failure>` with
 * the full details (request, response excerpt, violated rules), `<skipped>` with the reason;
 * the attributes and element order of the common schema (Jenkins xUnit `junit-10.xsd`, Ant).
 */
import { hostname } from 'node:os';
import type { ContractReport } from '../types.js';
import { failureDetails, failureMessage } from './format-failure.js';

/**
 * Escapes text for XML attributes and content, and drops the characters XML 1.0 cannot hold
 * (control characters other than tab, newline, carriage return; lone surrogates).
 *
 * @example
 * escapeXml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * `YYYY-MM-DDTHH:MM:SS` in UTC: the schemas' timestamp form (no milliseconds, no zone suffix).
 *
 * @example
 * junitTimestamp('2026-11-28T19:01:02.345Z'); // '2026-11-28T19:01:02'
 */
export function junitTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '1970-01-01T00:00:00' : date.toISOString().slice(0, 19);
}

/** Options of {@link toJUnitXml}. */
export interface JUnitOptions {
  /** The root's `name` (default `composio-mock contract suite`). */
  suiteName?: string;
  /** Each testsuite's `hostname`: where the suite ran (default the machine's name, else `localhost`). */
  hostname?: string;
}

interface SuiteParts {
  name: string;
  id: number;
  checks: ContractReport['checks'];
  /** Text for the suite's `<system-out>`. */
  out: string;
}

function caseLines(group: string, check: ContractReport['checks'][number]): string[] {
  const open = `    <testcase classname="contract.${escapeXml(group)}" name="${escapeXml(check.name)}" time="${seconds(check.durationMs)}"`;
  const out = check.warnings.length > 0 ? `      <system-out>${escapeXml(check.warnings.map((w) => `warning: ${w}`).join('\n'))}</system-out>` : undefined;
  if (check.status === 'passed' && !out) return [`${open}/>`];
  const lines = [`${open}>`];
  if (check.status === 'failed') {
    const type = check.violations[0]?.rule ?? 'failure';
    lines.push(`      <failure message="${escapeXml(failureMessage(check))}" type="${escapeXml(type)}">${escapeXml(failureDetails(check))}</failure>`);
  } else if (check.status === 'skipped') {
    lines.push(`      <skipped message="${escapeXml(check.skipReason ?? 'skipped')}" type="skipped"/>`);
  }
  if (out) lines.push(out);
  lines.push('    </testcase>');
  return lines;
}

function suiteLines(report: ContractReport, suite: SuiteParts, hostname: string): string[] {
  const { checks } = suite;
  const failures = checks.filter((c) => c.status === 'failed').length;
  const skipped = checks.filter((c) => c.status === 'skipped').length;
  const time = checks.reduce((sum, c) => sum + c.durationMs, 0);
  const attributes = [
    `name="${escapeXml(suite.name)}"`,
    `tests="${checks.length}"`,
    `failures="${failures}"`,
    'errors="0"',
    `skipped="${skipped}"`,
    `time="${seconds(time)}"`,
    `timestamp="${junitTimestamp(report.startedAt)}"`,
    `hostname="${escapeXml(hostname)}"`,
    `id="${suite.id}"`,
    `package="contract.${escapeXml(suite.name)}"`,
  ];
  return [
    `  <testsuite ${attributes.join(' ')}>`,
    `    <properties><property name="target" value="${escapeXml(report.target.baseUrl)}"/><property name="target.kind" value="${escapeXml(report.target.kind)}"/></properties>`,
    ...checks.flatMap((check) => caseLines(suite.name, check)),
    suite.out === '' ? '    <system-out/>' : `    <system-out>${escapeXml(suite.out)}</system-out>`,
    '    <system-err/>',
    '  </testsuite>',
  ];
}

/**
 * The report as JUnit XML in the common schema CI tools validate against (the Jenkins xUnit
 * `junit-10.xsd`, compatible with Ant's element order): `<testsuites name tests failures errors
 * time>` holding one `<testsuite name tests failures errors skipped time timestamp hostname id
 * package>` per group with `<properties>`, its `<testcase classname name time>` (each with
 * `<failure message type>`, `<skipped message type>` and/or `<system-out>`), then
 * `<system-out>` and `<system-err>`. Warnings outside any check (cleanup) go to a last suite
 * named `cleanup` with no tests.
 *
 * @example
 * await writeFile('contract-results.xml', toJUnitXml(report));
 * toJUnitXml(report, { hostname: 'ci-runner-1' });
 */
export function toJUnitXml(report: ContractReport, options: JUnitOptions | string = {}): string {
  // A string second argument is the suite name, as in earlier versions.
  const { suiteName = 'composio-mock contract suite', hostname = machineName() } = typeof options === 'string' ? { suiteName: options } : options;
  const groups = new Map<string, ContractReport['checks']>();
  for (const check of report.checks) groups.set(check.group, [...(groups.get(check.group) ?? []), check]);
  const suites: SuiteParts[] = [...groups].map(([name, checks], id) => ({ name, id, checks, out: '' }));
  const loose = report.warnings.filter((w) => !w.check);
  if (loose.length > 0) suites.push({ name: 'cleanup', id: suites.length, checks: [], out: loose.map((w) => `warning: ${w.message}`).join('\n') });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suiteName)}" tests="${report.checks.length}" failures="${report.failed}" errors="0" time="${seconds(report.durationMs)}">`,
    ...suites.flatMap((suite) => suiteLines(report, suite, hostname)),
    '</testsuites>',
    '',
  ].join('\n');
}

function machineName(): string {
  try {
    return hostname() || 'localhost';
  } catch {
    return 'localhost';
  }
}
