/**
 * bench/startup-breakdown.ts still runs against the current sources: it imports modules by path,
 * outside the type checker, so a renamed export would otherwise only show as a failed bench section.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('times every startup stage of the sources and ends listening', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'bench', 'startup-breakdown.ts')], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const stages = JSON.parse(run.stdout) as Record<string, number>;
  for (const stage of ['import server modules', 'parse tool-router YAML', 'operation table', 'Ajv over both documents', 'compile request validators', 'load + validate catalog', 'startServer (YAML cached)']) {
    expect(stages[stage], stage).toBeGreaterThanOrEqual(0);
  }
  expect(stages['total, process start to listening']).toBeGreaterThan(stages['import server modules']!);
});
