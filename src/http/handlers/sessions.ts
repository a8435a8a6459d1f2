/**
 * Session lifecycle operations -> engine calls.
 */
import {
  attachSession,
  createSession,
  type CreateSessionInput,
  deleteSession,
  getSession,
  listConfigHistory,
  patchSession,
  type PatchSessionInput,
} from '../../engine/sessions.js';
import type { CustomsInput } from '../../engine/custom-tools.js';
import type { ValidatedInput } from '../request-validator.js';
import type { OperationHandler } from './types.js';

const sid = (input: ValidatedInput): string => input.params.session_id as string;

export const sessionHandlers: Record<string, OperationHandler> = {
  createSession: (engine, ctx, input) => createSession(engine, ctx, input.body as CreateSessionInput),
  getSession: (engine, ctx, input) => getSession(engine, ctx, sid(input)),
  patchSession: (engine, ctx, input) => patchSession(engine, ctx, sid(input), input.body as PatchSessionInput),
  deleteSession: (engine, ctx, input) => deleteSession(engine, ctx, sid(input)),
  attachSession: (engine, ctx, input) => attachSession(engine, ctx, sid(input), input.body as { experimental?: CustomsInput }),
  listSessionConfigHistory: (engine, ctx, input) =>
    listConfigHistory(engine, ctx, sid(input), { limit: input.query.limit as number | undefined, cursor: input.query.cursor as string | undefined }),
};
