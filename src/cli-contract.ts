/**
 * `composio-mock contract`: run the contract suite against a deployment from the command line.
 * Exit 0 when every check passed, 1 when one failed (or the target could not be reached),
 * 2 on a usage error or an --output path that cannot be written (checked before any check runs).
 */
import { mkdir, open, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkId, contractFlows, createConsoleReporter, grepMatcher, runContractSuite, toJUnitXml } from '../contracts/index.js';
import { DEFAULT_TIMEOUT_MS } from '../contracts/run-suite.js';

export const CONTRACT_HELP = `Usage: composio-mock contract --base-url <url> --api-key <key> [options]

Run the contract suite against a deployment of the Tool Router Session API v3.1 (this mock,
Prism, staging or production) and check every response against openapi/tool-router.v3.1.yaml.
It acts only for its own user (contract-<random>), deletes every session it creates, and never
prints the key.

Options:
  --base-url <url>     Deployment to test (env COMPOSIO_BASE_URL), e.g. http://127.0.0.1:4010
  --api-key <key>      Project API key (env COMPOSIO_API_KEY); sent as x-api-key, never printed
  --reporter <name>    console (default) or junit; junit without --output writes the XML to
                       stdout and the progress to stderr
  --output <file>      Write JUnit XML to <file> (with any reporter; progress stays on the console);
                       missing folders are created; an unwritable path exits 2 before any check
  --grep <pattern>     Run only checks whose "<group> › <name>" matches (case-insensitive regex)
  --allow-writes       Also run write side effects: the files round trip, removing the link's
                       connected account in the cleanup (COMPOSIO_MANAGE_CONNECTIONS) and,
                       against composio-mock, completing a link on its Connect page
  --timeout <ms>       Bound of every request (default ${DEFAULT_TIMEOUT_MS})
  --no-color           Plain output (also when NO_COLOR is set or the output is not a terminal)
  -h, --help           Show this help

Exit status: 0 every check passed, 1 a check failed, 2 usage error (or --output unwritable).
Example: composio-mock contract --base-url http://127.0.0.1:4010 --api-key any --allow-writes
`;

const options = {
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  reporter: { type: 'string' },
  output: { type: 'string' },
  grep: { type: 'string' },
  'allow-writes': { type: 'boolean' },
  timeout: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

const parse = (argv: string[]) => parseArgs({ args: argv, options, strict: true, allowPositionals: false });

/** Where the command writes; replaceable in tests. */
export interface ContractIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours). */
  isTty?: boolean;
  /** Aborted on Ctrl-C: the suite stops starting checks and cleans up. */
  signal?: AbortSignal;
}

const processIo = (): ContractIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  isTty: process.stdout.isTTY === true,
});

/**
 * Makes sure the JUnit file can be written before any check runs (a CI job learns of a bad
 * path at once, not after the whole suite): creates the missing parent folders as
 * `mkdir -p` does and opens the file for appending. Returns why it cannot, or undefined.
 */
async function prepareOutput(path: string): Promise<string | undefined> {
  const full = resolve(path);
  try {
    await mkdir(dirname(full), { recursive: true });
    const existed = await stat(full).then(() => true, () => false);
    const handle = await open(full, 'a');
    await handle.close();
    // Leave no empty file behind when the run is interrupted; the report writes it at the end.
    if (!existed) await unlink(full);
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return `cannot write --output ${path}: ${code ?? message}${code ? ` (${message.replace(/^[A-Z]+: /, '').split(',')[0]})` : ''}`;
  }
}

function usage(io: ContractIo, message: string): number {
  io.stderr(`composio-mock contract: ${message}\nRun "composio-mock contract --help" for usage.\n`);
  return 2;
}

/**
 * Runs the command; resolves to the exit code.
 *
 * @example
 * process.exitCode = await contractCommand(['--base-url', 'http://127.0.0.1:4010', '--api-key', 'any']);
 */
export async function contractCommand(argv: string[], io: ContractIo = processIo()): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (values.help) {
    io.stdout(CONTRACT_HELP);
    return 0;
  }
  const baseUrl = values['base-url'] ?? io.env.COMPOSIO_BASE_URL;
  const apiKey = values['api-key'] ?? io.env.COMPOSIO_API_KEY;
  if (!baseUrl) return usage(io, 'give the deployment with --base-url or COMPOSIO_BASE_URL');
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) return usage(io, `--base-url must be an http(s) URL, got "${baseUrl}"`);
  if (!apiKey || apiKey.trim() === '') return usage(io, 'give the API key with --api-key or COMPOSIO_API_KEY');
  const reporter = values.reporter ?? 'console';
  if (reporter !== 'console' && reporter !== 'junit') return usage(io, `--reporter must be console or junit, got "${reporter}"`);
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    if (!/^\d+$/.test(values.timeout) || Number(values.timeout) <= 0) return usage(io, `--timeout must be a positive number of milliseconds, got "${values.timeout}"`);
    timeoutMs = Number(values.timeout);
  }
  if (values.grep !== undefined) {
    try {
      new RegExp(values.grep, 'i');
    } catch {
      return usage(io, `--grep is not a valid regular expression: "${values.grep}"`);
    }
    const matches = grepMatcher(values.grep);
    if (!contractFlows.some((flow) => flow.steps.some((step) => matches(checkId(flow.group, step.name))))) {
      return usage(io, `--grep "${values.grep}" matches no check`);
    }
  }
  if (values.output !== undefined && values.output.trim() === '') return usage(io, '--output needs a file name');
  if (values.output !== undefined) {
    const problem = await prepareOutput(values.output);
    if (problem !== undefined) {
      io.stderr(`composio-mock contract: ${problem}\n`);
      return 2;
    }
  }

  // With the XML on stdout, the progress moves to stderr so stdout stays one XML document.
  const xmlToStdout = reporter === 'junit' && values.output === undefined;
  const progress = xmlToStdout ? io.stderr : io.stdout;
  const color = !values['no-color'] && !xmlToStdout && io.isTty === true && io.env.NO_COLOR === undefined;
  const report = await runContractSuite({
    baseUrl,
    apiKey,
    timeoutMs,
    allowWrites: values['allow-writes'] === true,
    ...(values.grep !== undefined ? { grep: values.grep } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    onProgress: createConsoleReporter({ write: progress, color }),
  });
  const xml = toJUnitXml(report);
  if (values.output !== undefined) {
    try {
      await mkdir(dirname(resolve(values.output)), { recursive: true });
      await writeFile(values.output, xml, 'utf8');
      progress(`JUnit XML written to ${values.output}\n`);
    } catch (error) {
      // The path was writable at the start; something changed during the run.
      io.stderr(`composio-mock contract: could not write JUnit XML to ${values.output}: ${(error as Error).message}\n`);
      return 1;
    }
  } else if (xmlToStdout) {
    io.stdout(xml);
  }
  // An interrupted run is never a pass, even if every check that ran passed.
  return report.ok && !io.signal?.aborted ? 0 : 1;
}

/**
 * The command as the CLI runs it: Ctrl-C stops the run and still cleans up.
 *
 * @example
 * process.exitCode = await runContractCli(process.argv.slice(3));
 */
export async function runContractCli(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('\nInterrupted: cleaning up what the suite created...\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  try {
    return await contractCommand(argv, { ...processIo(), signal: controller.signal });
  } finally {
    process.off('SIGINT', stop);
  }
}
