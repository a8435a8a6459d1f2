/**
 * One valid call of every session-scoped operation, for asking "does this session still
 * exist?" everywhere at once. The bodies are valid so a 400 cannot hide a missing 404, and
 * harmless if a faulty target did run them (a link for a deleted session, an unused upload URL).
 */
import type { CallOptions } from '../check-context.js';

export interface OperationCall {
  operationId: string;
  options: CallOptions;
}

/** The mount the official SDK uses by default (`DEFAULT_TOOL_ROUTER_SESSION_FILES_MOUNT_ID`). */
export const FILES_MOUNT = 'files';

/**
 * @example
 * for (const call of deadSessionCalls('trs_abc')) await ctx.call(call.operationId, { ...call.options, expect: 404 });
 */
export function deadSessionCalls(sessionId: string): OperationCall[] {
  const params = { session_id: sessionId };
  const mount = { session_id: sessionId, mount_id: FILES_MOUNT };
  return [
    { operationId: 'getSession', options: { params } },
    { operationId: 'patchSession', options: { params, body: { search: { enable: true } } } },
    { operationId: 'attachSession', options: { params, body: {} } },
    { operationId: 'listSessionConfigHistory', options: { params } },
    { operationId: 'listSessionTools', options: { params } },
    { operationId: 'listSessionToolkits', options: { params } },
    { operationId: 'searchTools', options: { params, body: { queries: [{ use_case: 'read the latest news' }] } } },
    { operationId: 'executeTool', options: { params, body: { tool_slug: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'read the latest news' }] } } } },
    { operationId: 'executeMetaTool', options: { params, body: { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'read the latest news' }] } } } },
    { operationId: 'createLink', options: { params, body: { toolkit: 'github' } } },
    { operationId: 'proxyExecute', options: { params, body: { toolkit_slug: 'github', endpoint: '/user', method: 'GET' } } },
    { operationId: 'listMountItems', options: { params: mount } },
    { operationId: 'createMountUploadUrl', options: { params: mount, body: { mount_relative_path: 'contract/never-uploaded.txt', mimetype: 'text/plain' } } },
    { operationId: 'createMountDownloadUrl', options: { params: mount, body: { mount_relative_path: 'contract/never-uploaded.txt' } } },
    { operationId: 'deleteMountItem', options: { params: mount, body: { mount_relative_path: 'contract/never-uploaded.txt' } } },
    { operationId: 'deleteSession', options: { params } },
  ];
}
