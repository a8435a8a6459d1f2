/**
 * Runs one flow: the steps `--grep` selects, plus the earlier steps they build on (run
 * silently, as setup). Decides pass, fail or skip per step, and how a missing prerequisite
 * counts: skipped when its failure is already reported, failed when it ran unreported.
 */
import { CheckAbort, CheckContext, CheckSkip, PrerequisiteMissing, type SuiteRuntime } from './check-context.js';
import { checkId, type FlowDefinition } from './flow.js';
import type { CheckResult, ProgressEvent, Violation } from './types.js';

interface StepOutcome {
  status: CheckResult['status'];
  selected: boolean;
  firstProblem?: string;
}

export interface FlowRunOptions {
  matches(id: string): boolean;
  signal?: AbortSignal;
  emit(event: ProgressEvent): void;
  /** Redacts a result before anyone sees it. */
  seal(result: CheckResult): CheckResult;
}

/**
 * How many checks of the flow `matches` selects.
 *
 * @example
 * selectedCount(sessionsFlow, grepMatcher('^sessions')); // 7
 */
export function selectedCount(flow: FlowDefinition<any>, matches: (id: string) => boolean): number {
  return flow.steps.filter((s) => matches(checkId(flow.group, s.name))).length;
}

function describe(violation: Violation | undefined): string {
  return violation ? `${violation.pointer ? `${violation.pointer}: ` : ''}${violation.message}` : 'no detail';
}

/**
 * @example
 * const results = await runFlow(sessionsFlow, runtime, { matches: () => true, emit: console.log, seal: (r) => r });
 */
export async function runFlow(flow: FlowDefinition<any>, runtime: SuiteRuntime, options: FlowRunOptions): Promise<CheckResult[]> {
  const selected = flow.steps.map((s) => options.matches(checkId(flow.group, s.name)));
  const last = selected.lastIndexOf(true);
  const results: CheckResult[] = [];
  if (last === -1) return results;
  const state = flow.state();
  const outcomes = new Map<string, StepOutcome>();

  for (let i = 0; i <= last; i++) {
    const step = flow.steps[i]!;
    const id = checkId(flow.group, step.name);
    const isSelected = selected[i]!;
    if (isSelected) options.emit({ type: 'check-start', id });
    const ctx = new CheckContext(runtime);
    const started = performance.now();
    let status: CheckResult['status'] = 'passed';
    let skipReason: string | undefined;

    if (options.signal?.aborted) {
      status = 'skipped';
      skipReason = 'the run was interrupted';
    } else if (step.writes && !runtime.allowWrites) {
      status = 'skipped';
      skipReason = 'a write side effect: needs --allow-writes';
    } else if (step.mockOnly && runtime.target.kind !== 'composio-mock') {
      status = 'skipped';
      skipReason = 'uses the mock-only surface: runs only against composio-mock';
    } else {
      try {
        await step.run(ctx, state);
      } catch (error) {
        if (error instanceof CheckSkip) {
          status = 'skipped';
          skipReason = error.message;
        } else if (error instanceof PrerequisiteMissing) {
          const before = outcomes.get(error.step);
          if (!before) {
            ctx.violations.push({ rule: 'internal', message: `the suite names an unknown prerequisite "${error.step}" in ${flow.group}` });
          } else if (before.status === 'skipped') {
            status = 'skipped';
            skipReason = `needs "${error.step}", which was skipped (${before.firstProblem ?? 'no reason'})`;
          } else if (before.status === 'failed' && before.selected) {
            status = 'skipped';
            skipReason = `needs "${error.step}", which failed`;
          } else if (before.status === 'failed') {
            ctx.violations.push({ rule: 'prerequisite', message: `needs "${error.step}" (run as setup, not selected), which failed: ${before.firstProblem ?? 'no detail'}` });
          } else {
            ctx.violations.push({ rule: 'prerequisite', message: `"${error.step}" passed but left nothing for this check` });
          }
        } else if (!(error instanceof CheckAbort)) {
          ctx.violations.push({ rule: 'internal', message: `the check threw: ${(error as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error)}` });
        }
      }
      if (status !== 'skipped' && ctx.violations.length > 0) status = 'failed';
    }

    outcomes.set(step.name, {
      status,
      selected: isSelected,
      ...(status === 'failed' ? { firstProblem: describe(ctx.violations[0]) } : skipReason ? { firstProblem: skipReason } : {}),
    });
    if (!isSelected) continue;
    const result = options.seal({
      id,
      group: flow.group,
      name: step.name,
      status,
      durationMs: Math.round(performance.now() - started),
      violations: status === 'skipped' ? [] : ctx.violations,
      warnings: ctx.warnings,
      ...(skipReason ? { skipReason } : {}),
      exchanges: ctx.exchanges,
    });
    results.push(result);
    options.emit({ type: 'check-end', result });
  }
  return results;
}
