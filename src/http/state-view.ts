/**
 * The read-only view of a project that `GET /_mock/state` returns.
 */
import type { ProjectState } from '../engine/store.js';

/**
 * @example
 * projectState(store.peek('key'), 'key').sessions.length;
 */
export function projectState(project: ProjectState | undefined, apiKey: string) {
  return {
    api_key_hint: apiKey.length > 6 ? `${apiKey.slice(0, 3)}…${apiKey.slice(-2)}` : '…',
    sessions: [...(project?.sessions.values() ?? [])].map((s) => ({
      session_id: s.session_id,
      user_id: s.user_id,
      created_at: s.created_at,
      config_version: s.config_version,
      versions: s.versions.length,
      deleted: s.deleted,
    })),
    connected_accounts: [...(project?.connectedAccounts.values() ?? [])],
    executions: project?.executions ?? [],
    executions_dropped: project?.executionsDropped ?? 0,
    request_count: project?.requestCount ?? 0,
  };
}
