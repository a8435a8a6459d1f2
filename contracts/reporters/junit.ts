/**
 * JUnit XML for CI: one `<testsuite>` per group, one `<testcase>` per check, `<failure>` with
 * the full details (request, response excerpt, violated rules), `<skipped>` with the reason.
 */
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
 * @example
 * await writeFile('contract-results.xml', toJUnitXml(report));
 */
export function toJUnitXml(report: ContractReport, suiteName = 'composio-mock contract suite'): string {
  const groups = new Map<string, ContractReport['checks']>();
  for (const check of report.checks) groups.set(check.group, [...(groups.get(check.group) ?? []), check]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suiteName)}" tests="${report.checks.length}" failures="${report.failed}" errors="0" skipped="${report.skipped}" time="${seconds(report.durationMs)}" timestamp="${escapeXml(report.startedAt)}">`,
  ];
  for (const [group, checks] of groups) {
    const failures = checks.filter((c) => c.status === 'failed').length;
    const skipped = checks.filter((c) => c.status === 'skipped').length;
    const time = checks.reduce((sum, c) => sum + c.durationMs, 0);
    lines.push(
      `  <testsuite name="${escapeXml(group)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}" timestamp="${escapeXml(report.startedAt)}">`,
    );
    lines.push(`    <properties><property name="target" value="${escapeXml(report.target.baseUrl)}"/><property name="target.kind" value="${report.target.kind}"/></properties>`);
    for (const check of checks) {
      const open = `    <testcase classname="contract.${escapeXml(group)}" name="${escapeXml(check.name)}" time="${seconds(check.durationMs)}"`;
      const out = check.warnings.length > 0 ? `      <system-out>${escapeXml(check.warnings.map((w) => `warning: ${w}`).join('\n'))}</system-out>` : undefined;
      if (check.status === 'passed' && !out) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (check.status === 'failed') {
        const type = check.violations[0]?.rule ?? 'failure';
        lines.push(`      <failure message="${escapeXml(failureMessage(check))}" type="${escapeXml(type)}">${escapeXml(failureDetails(check))}</failure>`);
      } else if (check.status === 'skipped') {
        lines.push(`      <skipped message="${escapeXml(check.skipReason ?? 'skipped')}"/>`);
      }
      if (out) lines.push(out);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  const loose = report.warnings.filter((w) => !w.check);
  if (loose.length > 0) {
    // Warnings outside any check (cleanup): kept visible without counting as tests.
    lines.push(
      `  <testsuite name="cleanup" tests="0" failures="0" errors="0" skipped="0" time="0.000" timestamp="${escapeXml(report.startedAt)}">`,
      `    <system-out>${escapeXml(loose.map((w) => `warning: ${w.message}`).join('\n'))}</system-out>`,
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
