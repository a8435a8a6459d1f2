/**
 * A flow is a named group of checks run in order over one shared state: each step is a check
 * (one line in the report, one JUnit testcase) and may read what earlier steps left.
 */
import type { CheckContext } from './check-context.js';

export interface StepDefinition<S> {
  name: string;
  /** A write side effect (files, completing a link): runs only with `allowWrites`. */
  writes?: boolean;
  /** Uses the mock's own surface (Connect page): runs only against composio-mock. */
  mockOnly?: boolean;
  run(ctx: CheckContext, state: S): Promise<void>;
}

export interface FlowDefinition<S = unknown> {
  /** The group name: the JUnit testsuite, the first half of every check id. */
  group: string;
  /** Fresh state for one run. */
  state(): S;
  steps: StepDefinition<S>[];
}

/**
 * Types a flow's steps against its state.
 *
 * @example
 * export const pingFlow = defineFlow({ group: 'ping', state: () => ({}), steps: [
 *   { name: 'health', run: async (ctx) => { await ctx.call('getSession', { params: { session_id: 'trs_x' }, expect: 404 }); } },
 * ] });
 */
export function defineFlow<S>(flow: FlowDefinition<S>): FlowDefinition<S> {
  return flow;
}

/**
 * The id `--grep` matches: `<group> › <step>`.
 *
 * @example
 * checkId('sessions', 'get returns the same session'); // 'sessions › get returns the same session'
 */
export function checkId(group: string, step: string): string {
  return `${group} › ${step}`;
}
