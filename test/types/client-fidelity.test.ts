/**
 * Runtime half of the client-fidelity check: the API document has exactly the 17 Tool Router
 * operations of @composio/client 2.0.0-rc.6 (paths, methods, success codes), each of which is
 * proven type-compatible with the client in client-fidelity.test-d.ts.
 */
import { describe, expect, test } from 'vitest';
import { loadToolRouterSpec } from '../../src/spec/load-spec.js';

const P = '/api/v3.1/tool_router/session';

/** operationId -> [method, path, success status], as in the client's operation table. */
const TOOL_ROUTER_OPERATIONS = {
  createSession: ['post', P, '201'],
  getSession: ['get', `${P}/{session_id}`, '200'],
  patchSession: ['patch', `${P}/{session_id}`, '200'],
  deleteSession: ['delete', `${P}/{session_id}`, '200'],
  attachSession: ['post', `${P}/{session_id}/attach`, '200'],
  listSessionConfigHistory: ['get', `${P}/{session_id}/config_history`, '200'],
  searchTools: ['post', `${P}/{session_id}/search`, '200'],
  listSessionTools: ['get', `${P}/{session_id}/tools`, '200'],
  executeTool: ['post', `${P}/{session_id}/execute`, '200'],
  executeMetaTool: ['post', `${P}/{session_id}/execute_meta`, '200'],
  createLink: ['post', `${P}/{session_id}/link`, '201'],
  proxyExecute: ['post', `${P}/{session_id}/proxy_execute`, '200'],
  listSessionToolkits: ['get', `${P}/{session_id}/toolkits`, '200'],
  listMountItems: ['get', `${P}/{session_id}/mounts/{mount_id}/items`, '200'],
  createMountDownloadUrl: ['post', `${P}/{session_id}/mounts/{mount_id}/download_url`, '201'],
  createMountUploadUrl: ['post', `${P}/{session_id}/mounts/{mount_id}/upload_url`, '201'],
  deleteMountItem: ['post', `${P}/{session_id}/mounts/{mount_id}/delete`, '200'],
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface FoundOperation {
  operationId: string;
  method: string;
  path: string;
  successCodes: string[];
}

function toolRouterOperations(): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const [path, item] of Object.entries(loadToolRouterSpec().paths)) {
    if (!path.startsWith(P)) continue;
    for (const method of METHODS) {
      const op = item[method] as { operationId: string; responses: Record<string, unknown> } | undefined;
      if (!op) continue;
      found.push({ operationId: op.operationId, method, path, successCodes: Object.keys(op.responses).filter((c) => c.startsWith('2')) });
    }
  }
  return found;
}

describe('client fidelity (runtime)', () => {
  const found = toolRouterOperations();
  const expected = Object.keys(TOOL_ROUTER_OPERATIONS);

  test.each(Object.entries(TOOL_ROUTER_OPERATIONS))('%s: method, path and success status match the client', (id, [method, path, status]) => {
    const op = found.find((o) => o.operationId === id);
    expect(op, `${id} missing from the document`).toBeDefined();
    expect(op).toMatchObject({ method, path, successCodes: [status] });
  });

  test('the document has exactly the 17 Tool Router operations (17/17 type-checked against @composio/client)', () => {
    const ids = found.map((o) => o.operationId).sort();
    expect(ids).toEqual([...expected].sort());
    const compatible = expected.filter((id) => ids.includes(id)).length;
    console.info(`client fidelity: ${compatible}/${expected.length} Tool Router operations compatible with @composio/client 2.0.0-rc.6`);
    expect(`${compatible}/${expected.length}`).toBe('17/17');
  });

  test('the connected-account lookup is present and marked as a supporting operation', () => {
    const op = loadToolRouterSpec().paths['/api/v3.1/connected_accounts/{id}']?.get as Record<string, unknown> | undefined;
    expect(op).toMatchObject({ operationId: 'getConnectedAccount', 'x-supporting-operation': true, tags: ['supporting'] });
  });
});
