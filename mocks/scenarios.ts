/**
 * Per-test scenarios over one mock's fault plan, typed by operationId: make the next call(s)
 * to an operation fail, or slow operations down. Values, not control headers.
 */
import type { FailureScenario, FaultPlan, PendingFailure } from '../src/http/faults.js';
import type { OperationId } from '../src/openapi-types.js';

/** How the next call(s) to an operation fail. */
export type FailNextOptions = FailureScenario;

/** Scenario controls of one mock instance. `reset()` of the mock clears them too. */
export interface Scenarios {
  /**
   * The next `times` (default 1) calls to `operationId` answer `status` in the API's error
   * envelope, with an `x-request-id`, without running. Queued behind earlier ones.
   *
   * @example
   * mock.scenarios.failNext('executeTool', { status: 503, times: 2 });
   * mock.scenarios.failNext('createSession', { status: 429, headers: { 'retry-after': '1' } });
   */
  failNext(operationId: OperationId, options: FailNextOptions): void;
  /**
   * Adds latency to every call of one operation, or of all with `'*'`, until cleared (`0` removes).
   *
   * @example
   * mock.scenarios.delay('*', 25);
   */
  delay(operationId: OperationId | '*', ms: number): void;
  /**
   * Failures still queued.
   *
   * @example
   * expect(mock.scenarios.pending()).toEqual([]); // every injected failure was hit
   */
  pending(): PendingFailure[];
  /**
   * Forgets every failure and delay.
   *
   * @example
   * mock.scenarios.clear();
   */
  clear(): void;
}

/**
 * @example
 * const scenarios = createScenarios(app.faults, new Set(['createSession', 'executeTool']));
 */
export function createScenarios(faults: FaultPlan, operationIds: ReadonlySet<string>): Scenarios {
  // A typo from untyped code would otherwise queue a failure that never fires.
  const known = (operationId: string, allowAll: boolean): string => {
    if ((allowAll && operationId === '*') || operationIds.has(operationId)) return operationId;
    throw new TypeError(`composio-mock scenarios: unknown operationId ${JSON.stringify(operationId)}; known: ${[...operationIds].join(', ')}`);
  };
  return {
    failNext: (operationId, options) => faults.failNext(known(operationId, false), options),
    delay: (operationId, ms) => faults.delay(known(operationId, true), ms),
    pending: () => faults.pending(),
    clear: () => faults.clear(),
  };
}
