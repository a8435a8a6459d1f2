/**
 * Tools, toolkits, search and execution operations -> engine calls.
 */
import { executeMetaTool, type ExecuteInput, type ExecuteMetaInput, executeTool } from '../../engine/execute.js';
import { type SearchInput, searchSession } from '../../engine/session-search.js';
import { listSessionToolkits } from '../../engine/session-toolkits.js';
import { listSessionTools } from '../../engine/session-tools.js';
import type { ValidatedInput } from '../request-validator.js';
import type { OperationHandler } from './types.js';

const sid = (input: ValidatedInput): string => input.params.session_id as string;

export const toolHandlers: Record<string, OperationHandler> = {
  listSessionTools: (engine, ctx, input) =>
    listSessionTools(engine, ctx, sid(input), { limit: input.query.limit as number | undefined, cursor: input.query.cursor as string | undefined }),
  listSessionToolkits: (engine, ctx, input) =>
    listSessionToolkits(engine, ctx, sid(input), {
      limit: input.query.limit as number | undefined,
      cursor: input.query.cursor as string | undefined,
      toolkits: input.query.toolkits as string[] | null | undefined,
      is_connected: input.query.is_connected as boolean | null | undefined,
      search: input.query.search as string | undefined,
    }),
  searchTools: (engine, ctx, input) => searchSession(engine, ctx, sid(input), input.body as SearchInput),
  executeTool: (engine, ctx, input) => executeTool(engine, ctx, sid(input), input.body as ExecuteInput),
  executeMetaTool: (engine, ctx, input) => executeMetaTool(engine, ctx, sid(input), input.body as ExecuteMetaInput),
};
