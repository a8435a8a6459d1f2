/**
 * Plain-text tables for the bench output (GitHub-flavoured Markdown, so a run can be pasted
 * into docs/benchmarks.md as is).
 */

/**
 * @example
 * markdownTable(['target', 'rps'], [['mock', '9000']]);
 */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** `12345.6` -> `12,346` */
export const fmtInt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
/** `1.234` -> `1.23` */
export const fmtMs = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
/** `12.3` -> `12.3x` */
export const fmtRatio = (n: number): string => (Number.isFinite(n) ? `${n >= 10 ? n.toFixed(0) : n.toFixed(2)}x` : 'n/a');
/** `0.456` -> `46%` */
export const fmtPct = (n: number): string => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : 'n/a');
