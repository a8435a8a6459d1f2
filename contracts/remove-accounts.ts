/**
 * The cleanup of connected accounts the suite's links created. The Tool Router API has no call
 * to delete an account; the remove action of COMPOSIO_MANAGE_CONNECTIONS (through
 * `execute_meta`, on the session whose link made it) does remove them, so the cleanup uses it
 * when writes are allowed and the session exposes that meta tool. Anything it cannot remove
 * is a leftover, reported as a cleanup warning.
 */
import { buildUrl, type SuiteRuntime } from './check-context.js';
import { type HttpClient, TransportError } from './http-client.js';
import type { CreatedAccount } from './resources.js';
import { operation } from './spec-expectations.js';
import type { CleanupSummary } from './types.js';

const META_TOOL = 'COMPOSIO_MANAGE_CONNECTIONS';

function whyKept(runtime: SuiteRuntime, account: CreatedAccount): string | undefined {
  if (!runtime.allowWrites) return `removing it through ${META_TOOL} needs --allow-writes`;
  if (!account.manageConnections) return `the Tool Router API has no call to delete it and its session does not expose ${META_TOOL}`;
  return undefined;
}

/** The in-band error of an `execute_meta` answer, or undefined when it succeeded. */
function metaError(status: number, text: string, successStatus: number): string | undefined {
  let body: { error?: unknown } | undefined;
  try {
    body = JSON.parse(text) as { error?: unknown };
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  if (status !== successStatus) return `answered ${status}: ${text.slice(0, 300)}`;
  if (body?.error !== null && body?.error !== undefined) return `answered with error: ${String(typeof body.error === 'string' ? body.error : JSON.stringify(body.error)).slice(0, 300)}`;
  return undefined;
}

/**
 * Removes the suite's connected accounts where it can (one `remove` call per session and
 * toolkit), counting them in `summary.accountsRemoved`; every other account goes to
 * `summary.leftovers` with the reason, and to `warn`.
 *
 * @example
 * await removeAccounts(runtime, http, summary, (message) => warnings.push(message));
 */
export async function removeAccounts(runtime: SuiteRuntime, http: HttpClient, summary: CleanupSummary, warn: (message: string) => void): Promise<void> {
  const leave = (account: CreatedAccount, why: string) => {
    const note = `connected account ${account.id} (${account.toolkit}, ${account.status}) of user ${account.userId}: ${why}`;
    summary.leftovers.push(note);
    warn(`cleanup: left ${note}`);
  };
  const groups = new Map<string, CreatedAccount[]>();
  for (const account of runtime.resources.accounts) {
    const why = whyKept(runtime, account);
    if (why !== undefined) {
      leave(account, why);
      continue;
    }
    const key = `${account.sessionId}\u0000${account.toolkit}`;
    groups.set(key, [...(groups.get(key) ?? []), account]);
  }
  const op = operation('executeMetaTool');
  for (const accounts of groups.values()) {
    const { sessionId, toolkit } = accounts[0]!;
    let problem: string | undefined;
    try {
      const res = await http.send(
        buildUrl(runtime.baseUrl, op.path, { session_id: sessionId }),
        {
          method: op.method,
          headers: { 'x-api-key': runtime.apiKey, accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ slug: META_TOOL, arguments: { toolkits: [toolkit], action: 'remove' } }),
        },
        'executeMetaTool',
      );
      problem = metaError(res.status, res.text, op.successStatus);
    } catch (error) {
      problem = `failed: ${error instanceof TransportError ? error.message : String(error)}`;
    }
    if (problem === undefined) summary.accountsRemoved += accounts.length;
    else for (const account of accounts) leave(account, `${META_TOOL} removal ${problem}`);
  }
}
