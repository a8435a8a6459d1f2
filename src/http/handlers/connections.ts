/**
 * Connections: Connect links, the connected-account lookup the SDK polls, and
 * proxy_execute (which needs a connection) -> engine calls.
 */
import { getConnectedAccount } from '../../engine/connected-accounts.js';
import { createLink, type LinkInput } from '../../engine/links.js';
import { proxyExecute, type ProxyInput } from '../../engine/proxy.js';
import type { ValidatedInput } from '../request-validator.js';
import type { OperationHandler } from './types.js';

const sid = (input: ValidatedInput): string => input.params.session_id as string;

export const connectionHandlers: Record<string, OperationHandler> = {
  createLink: (engine, ctx, input) => createLink(engine, ctx, sid(input), input.body as LinkInput),
  getConnectedAccount: (engine, ctx, input) => getConnectedAccount(engine, ctx, input.params.id as string),
  proxyExecute: (engine, ctx, input) => proxyExecute(engine, ctx, sid(input), input.body as ProxyInput),
};
