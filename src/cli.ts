#!/usr/bin/env node
/**
 * `composio-mock <command>`: serve the mock, or run the contract suite against a target.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CatalogError } from './engine/catalog.js';
import { ManualClock } from './engine/clock.js';
import { startServer } from './server.js';

const MAIN_HELP = `composio-mock: a stateful mock of Composio's Tool Router Session API v3.1

Usage: composio-mock <command> [options]

Commands:
  serve       Serve the mock over HTTP (default 127.0.0.1:4010)
  contract    Run the contract suite against a deployment (this mock, Prism, staging)
  help        Show help for a command

Run "composio-mock <command> --help" for a command's options.
`;

const SERVE_HELP = `Usage: composio-mock serve [options]

Serve the mock on HTTP. The official SDK talks to it with only its base URL changed:
  COMPOSIO_BASE_URL=http://127.0.0.1:4010 COMPOSIO_API_KEY=any-key node app.js

Options:
  --port <n>           Port to listen on (env PORT; default 4010; 0 picks a free one)
  --host <addr>        Address to bind (env HOST; default 127.0.0.1)
  --seed <n>           Seed for every generated id and value (default 0)
  --frozen-time <iso>  Stop the clock at this instant (e.g. 2026-01-01T00:00:00Z)
  --api-key <key>      Accept only this key; repeat for several (default: any key,
                       each distinct key is its own project)
  --fixtures <dir>     Add or override toolkits from JSON files in <dir>; repeatable
  --auto-connect       New Connect links are ACTIVE at once (skip the Connect page)
  --quiet              Do not log requests
  -h, --help           Show this help

Control plane: GET /_mock/health, POST /_mock/reset, GET /_mock/state,
  GET|POST /_mock/clock, POST /_mock/connected_accounts (an ACTIVE account for a user
  and toolkit), GET|POST|DELETE /_mock/faults (make calls fail or slow down)
`;

const serveOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  'frozen-time': { type: 'string' },
  'api-key': { type: 'string', multiple: true },
  fixtures: { type: 'string', multiple: true },
  'auto-connect': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

class UsageError extends Error {}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${text}"`);
  return port;
}

/** A whole number that fits a double exactly is a numeric seed; anything else is a string seed. */
function parseSeed(text: string | undefined): number | string {
  if (text === undefined) return 0;
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Strict ISO 8601 (`Date.parse` accepts "1" or February 30 and rolls them over). */
function parseIsoTime(text: string): number {
  const m = ISO_TIME.exec(text);
  if (!m) throw new UsageError('not ISO');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw new UsageError('no such date');
  if (m[4] !== undefined && !/(Z|[+-]\d{2}:\d{2})$/.test(text)) throw new UsageError('a time needs Z or an offset');
  return Date.parse(text);
}

/** Start-up failures a user can act on get one line, not a stack trace. */
function startupMessage(error: unknown): string | undefined {
  const code = (error as { code?: string }).code;
  if (error instanceof CatalogError) return `the fixtures have problems:\n  ${error.problems.join('\n  ')}`;
  if (code === 'EADDRINUSE') return `the port is already in use (${(error as Error).message})`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EACCES') {
    return `cannot listen there (${(error as Error).message})`;
  }
  return undefined;
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: serveOptions, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = parsePort(values.port ?? process.env.PORT ?? '4010');
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const seed = parseSeed(values.seed);
  let clock: ManualClock | undefined;
  if (values['frozen-time'] !== undefined) {
    try {
      clock = new ManualClock(parseIsoTime(values['frozen-time']));
    } catch {
      throw new UsageError(`--frozen-time must be an ISO date-time between 1970 and 9998, e.g. 2026-01-01T00:00:00Z; got "${values['frozen-time']}"`);
    }
  }
  const apiKeys = values['api-key'];
  if (apiKeys?.some((k) => k.trim() === '')) throw new UsageError('--api-key must not be empty');
  const server = await startServer({
    port,
    host,
    seed,
    ...(clock ? { clock } : {}),
    ...(apiKeys ? { apiKeys } : {}),
    fixtureDirs: values.fixtures ?? [],
    ...(values['auto-connect'] ? { autoConnect: true } : {}),
    ...(values.quiet ? {} : { log: (line: string) => process.stdout.write(`${line}\n`) }),
  });
  process.stdout.write(`composio-mock listening on ${server.url} (seed ${String(seed)})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/**
 * Runs the CLI with the given arguments; resolves to the exit code.
 *
 * @example
 * process.exitCode = await main(['serve', '--port', '0']);
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
        process.stdout.write(MAIN_HELP);
        return command === undefined ? 1 : 0;
      case 'help':
        if (rest[0] !== undefined && rest[0] !== 'serve' && rest[0] !== 'contract') throw new UsageError(`Unknown command "${rest[0]}"`);
        process.stdout.write(rest[0] === 'serve' ? SERVE_HELP : rest[0] === 'contract' ? (await import('./cli-contract.js')).CONTRACT_HELP : MAIN_HELP);
        return 0;
      case 'serve':
        return await serve(rest);
      case 'contract':
        // Loaded on demand: the suite costs ~250 ms at start that `serve` should not pay.
        return await (await import('./cli-contract.js')).runContractCli(rest);
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`composio-mock: ${(error as Error).message}\nRun "composio-mock --help" for usage.\n`);
      return 2;
    }
    const message = startupMessage(error);
    if (message) {
      process.stderr.write(`composio-mock: ${message}\n`);
      return 1;
    }
    process.stderr.write(`composio-mock: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
