#!/usr/bin/env node
// Runs the fastest build there is: the one-file bundle, else the compiled modules, else the
// TypeScript sources through tsx (a checkout that was never built).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = ['../dist/bundle/cli/cli.js', '../dist/src/cli.js'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const compiled = candidates.find((file) => existsSync(file));
if (compiled) {
  const { main } = await import(compiled);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
