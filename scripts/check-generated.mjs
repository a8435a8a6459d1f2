#!/usr/bin/env node
/**
 * Drift check for src/generated: regenerates both documents' types into a temporary directory
 * with the same openapi-typescript invocation as `npm run generate` (and the JSON documents and
 * the standalone Tool validator with scripts/spec-to-json.mjs), then compares byte for byte with
 * the committed files. Exits 1 naming every file that differs (or is missing).
 *
 * Usage: node scripts/check-generated.mjs   (run by `npm run check:generated` inside `npm test`)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/** Keep in step with the `generate` script in package.json. */
const TARGETS = [
  { input: 'openapi/tool-router.v3.1.yaml', output: 'src/generated/tool-router.ts' },
  { input: 'openapi/control-plane.yaml', output: 'src/generated/control-plane.ts' },
];

async function readOrNull(path) {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

const dir = await mkdtemp(join(tmpdir(), 'composio-mock-generated-'));
try {
  await run(process.execPath, [join(root, 'scripts', 'spec-to-json.mjs'), dir], { cwd: root });
  const jsonProblems = await Promise.all(
    ['tool-router.spec.json', 'control-plane.spec.json', 'tool-validator.ts'].map(async (name) => {
      const output = `src/generated/${name}`;
      const [expected, actual] = await Promise.all([readFile(join(dir, name)), readOrNull(join(root, output))]);
      if (actual === null) return `${output} is missing (run \`npm run generate\`)`;
      return expected.equals(actual) ? null : `${output} differs from what its YAML document generates (run \`npm run generate\` and commit)`;
    }),
  );
  const results = await Promise.all(
    TARGETS.map(async ({ input, output }) => {
      const fresh = join(dir, output.replaceAll('/', '_'));
      await run(process.execPath, [cli, input, '-o', fresh], { cwd: root });
      const [expected, actual] = await Promise.all([readFile(fresh), readOrNull(join(root, output))]);
      if (actual === null) return `${output} is missing (run \`npm run generate\`)`;
      if (!expected.equals(actual)) return `${output} differs from what ${input} generates (run \`npm run generate\` and commit)`;
      return null;
    }),
  );
  const problems = [...jsonProblems, ...results].filter(Boolean);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`check:generated: ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`check:generated: ${TARGETS.length + jsonProblems.length} generated files are up to date`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
