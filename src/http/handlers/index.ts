/**
 * Every operation handler and mock-served route, by capability. Each capability keeps its
 * handlers in its own file and adds them here.
 */
import { connectPageRoute } from '../connect-page.js';
import { mcpRoute } from '../mcp-endpoint.js';
import { connectionHandlers } from './connections.js';
import { fileHandlers } from './files.js';
import { sessionHandlers } from './sessions.js';
import { toolHandlers } from './tools.js';
import type { MockRoute, OperationHandler } from './types.js';

export const operationHandlers: Record<string, OperationHandler> = {
  ...sessionHandlers,
  ...connectionHandlers,
  ...fileHandlers,
  ...toolHandlers,
};

/** Tried in order before API routing; the first that answers wins. */
export const mockRoutes: MockRoute[] = [connectPageRoute, mcpRoute];

export type { MockRoute, OperationHandler } from './types.js';
