/**
 * `/_mock/faults`: the app's fault plan over HTTP, so a test driving the node server (or any
 * face) can inject failures and latency as the MSW face's `scenarios` do. Global to the mock
 * instance, like the clock: not per project.
 */
import { badRequest } from '../engine/errors.js';
import { loadToolRouterSpec } from '../spec/load-spec.js';
import { readJsonBody } from './body.js';
import type { ControlPlaneContext } from './control-plane.js';
import { type FailureScenario, type FaultPlan, scenarioProblems } from './faults.js';
import { operationTable } from './operation-table.js';
import { jsonResponse } from './respond.js';

type FaultRoute = (request: Request, ctx: ControlPlaneContext) => Promise<Response> | Response;

let known: ReadonlySet<string> | undefined;
function operationIds(): ReadonlySet<string> {
  known ??= new Set(operationTable(loadToolRouterSpec() as unknown as Record<string, unknown>).map((op) => op.operationId));
  return known;
}

/** The `FaultsResponse` view of a plan. */
function view(faults: FaultPlan) {
  return {
    failures: faults.pending().map((f) => ({ operation_id: f.operationId, status: f.status, remaining: f.remaining })),
    delays: faults.delays(),
  };
}

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Every violation of a `FaultRequest` body, JSON-pointer located. */
function violations(body: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const op = body.operation_id;
  if (typeof op !== 'string' || op === '') errors.push('/body/operation_id: is required');
  else if (op !== '*' && !operationIds().has(op)) errors.push(`/body/operation_id: unknown operation "${op}"`);
  if (body.status === undefined && body.delay_ms === undefined) errors.push('/body: give status, delay_ms or both');
  if (body.status !== undefined) {
    // The same rules as scenarios.failNext (faults.ts), located in the body.
    errors.push(...scenarioProblems(body as unknown as FailureScenario).map((p) => `/body/${p}`));
  }
  if (body.status !== undefined && op === '*') errors.push('/body/operation_id: "*" applies to delay_ms only');
  if (body.delay_ms !== undefined && !(typeof body.delay_ms === 'number' && Number.isFinite(body.delay_ms) && body.delay_ms >= 0)) {
    errors.push('/body/delay_ms: must be a non-negative number');
  }
  for (const key of ['times', 'message', 'headers']) {
    if (body[key] !== undefined && body.status === undefined) errors.push(`/body/${key}: only applies with status`);
  }
  return errors;
}

/**
 * GET (read), POST (add a failure and/or a delay), DELETE (clear) on `/_mock/faults`.
 *
 * @example
 * routes['/_mock/faults'] = faultRoutes;
 */
export const faultRoutes: Record<string, FaultRoute> = {
  GET: (_request, ctx) => jsonResponse(200, view(ctx.app.faults), ctx.requestId),
  POST: async (request, ctx) => {
    const raw = await readJsonBody(request, { maxBytes: 64 * 1024 });
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('Request validation failed', ['/body: must be an object']);
    const body = raw as Record<string, unknown>;
    const errors = violations(body);
    if (errors.length) throw badRequest('Request validation failed', errors);
    const operationId = body.operation_id as string;
    if (typeof body.status === 'number') {
      ctx.app.faults.failNext(operationId, {
        status: body.status,
        ...(typeof body.times === 'number' ? { times: body.times } : {}),
        ...(typeof body.message === 'string' ? { message: body.message } : {}),
        ...(body.headers ? { headers: body.headers as Record<string, string> } : {}),
      });
    }
    if (typeof body.delay_ms === 'number') ctx.app.faults.delay(operationId, body.delay_ms);
    return jsonResponse(200, view(ctx.app.faults), ctx.requestId);
  },
  DELETE: (_request, ctx) => {
    ctx.app.faults.clear();
    return jsonResponse(200, view(ctx.app.faults), ctx.requestId);
  },
};
