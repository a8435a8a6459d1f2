import type { ExecutionScope, ToolOutcome } from '../execute.js';

const NOTICE = 'composio-mock simulates the sandbox: nothing was executed on any machine.';

/**
 * COMPOSIO_REMOTE_WORKBENCH, simulated: prints of string literals (`print("…")`) appear in
 * stdout, in order; nothing else runs. Deterministic for the same code.
 *
 * @example
 * simulateWorkbench(scope, { code_to_execute: 'print("hi")' }).data.stdout; // 'hi\n'
 */
export function simulateWorkbench(_scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  const code = args.code_to_execute as string;
  const prints = [...code.matchAll(/print\(\s*(?:f?)(["'])((?:\\.|(?!\1).)*)\1\s*\)/g)].map((m) => m[2]!.replace(/\\n/g, '\n'));
  return {
    data: { stdout: prints.map((p) => `${p}\n`).join(''), stderr: '', results: [], simulated: true, message: NOTICE },
    error: null,
  };
}

/**
 * COMPOSIO_REMOTE_BASH_TOOL, simulated: `echo`, `pwd` and `whoami` answer as a shell would;
 * any other command answers exit code 0 with empty output and the notice.
 *
 * @example
 * simulateBash(scope, { command: 'echo hello' }).data.stdout; // 'hello\n'
 */
export function simulateBash(_scope: ExecutionScope, args: Record<string, unknown>): ToolOutcome {
  const command = (args.command as string).trim();
  let stdout = '';
  const echo = /^echo\s+(.*)$/s.exec(command);
  if (echo) stdout = `${echo[1]!.replace(/^(["'])(.*)\1$/s, '$2')}\n`;
  else if (command === 'pwd') stdout = '/home/user\n';
  else if (command === 'whoami') stdout = 'user\n';
  return { data: { stdout, stderr: '', exit_code: 0, simulated: true, message: NOTICE }, error: null };
}
