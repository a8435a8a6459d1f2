/**
 * All state the mock holds, one project per API key. Plain maps, so a snapshot is a
 * structured clone and a reset is a new object.
 */
import { Random } from './random.js';
import type { StoredFile } from './files.js';
import type { LinkRecord } from './links.js';
import type { SessionRecord } from './types.js';

export type ConnectedAccountStatus = 'INITIALIZING' | 'INITIATED' | 'ACTIVE' | 'FAILED' | 'EXPIRED' | 'INACTIVE' | 'REVOKED';

export interface ConnectedAccountRecord {
  id: string;
  user_id: string;
  toolkit: string;
  status: ConnectedAccountStatus;
  status_reason: string | null;
  alias?: string;
  account_type: 'PRIVATE' | 'SHARED';
  acl_config_for_shared?: { allow_all_users: boolean; allowed_user_ids: string[]; not_allowed_user_ids: string[] };
  auth_config: { id: string; auth_scheme: string; is_composio_managed: boolean };
  created_at: string;
  updated_at: string;
  /** The session whose link created it, if any. */
  session_id?: string;
  callback_url?: string;
  is_disabled: boolean;
}

/** One execute/execute_meta call, as `/_mock/state` shows it. */
export interface ExecutionRecord {
  log_id: string;
  session_id: string;
  tool_slug: string;
  arguments: Record<string, unknown>;
  account?: string;
  error: string | null;
  executed_at: string;
}

export interface ProjectState {
  readonly apiKey: string;
  random: Random;
  sessions: Map<string, SessionRecord>;
  connectedAccounts: Map<string, ConnectedAccountRecord>;
  /** Connect link tokens and what they complete (links.ts). */
  links: Map<string, LinkRecord>;
  /** Files by session, then mount, then path (files.ts). */
  mounts: Map<string, Map<string, Map<string, StoredFile>>>;
  /** The most recent executions, oldest first (at most MAX_LOGGED_EXECUTIONS). */
  executions: ExecutionRecord[];
  /** Executions dropped from the front of `executions` to keep it bounded. */
  executionsDropped: number;
  requestCount: number;
}

/** Executions a project keeps: enough for any test to inspect, bounded for a long-running server. */
export const MAX_LOGGED_EXECUTIONS = 1000;

/**
 * Appends to the project's execution log, dropping the oldest entries past the bound (a tenth
 * at a time, so that a full log does not shift on every call).
 *
 * @example
 * logExecution(project, { log_id: 'log_1', session_id: 'trs_1', tool_slug: 'X', arguments: {}, error: null, executed_at: now });
 */
export function logExecution(project: ProjectState, execution: ExecutionRecord): void {
  if (project.executions.length >= MAX_LOGGED_EXECUTIONS) {
    const drop = Math.ceil(MAX_LOGGED_EXECUTIONS / 10);
    project.executions.splice(0, drop);
    project.executionsDropped += drop;
  }
  project.executions.push(execution);
}

/**
 * Projects by API key, created on first use.
 *
 * @example
 * const store = new Store(42);
 * store.project('key-a').sessions.size; // 0
 * store.reset('key-a');
 */
export class Store {
  private readonly projects = new Map<string, ProjectState>();

  /**
   * @param settle brings a project up to the clock before anyone reads it (the engine passes
   * link expiry): time-based changes happen lazily, in this one place, for every read path.
   */
  constructor(
    private readonly seed: number | string,
    private readonly settle: (project: ProjectState) => void = () => {},
  ) {}

  project(apiKey: string): ProjectState {
    let project = this.projects.get(apiKey);
    if (!project) {
      project = this.freshProject(apiKey);
      this.projects.set(apiKey, project);
    }
    this.settle(project);
    return project;
  }

  /** Existing projects only: reading state must not create one. */
  peek(apiKey: string): ProjectState | undefined {
    const project = this.projects.get(apiKey);
    if (project) this.settle(project);
    return project;
  }

  /** Forgets one project, or all; ids start over, as after a fresh start. */
  reset(apiKey?: string): void {
    if (apiKey === undefined) this.projects.clear();
    else this.projects.delete(apiKey);
  }

  get projectCount(): number {
    return this.projects.size;
  }

  private freshProject(apiKey: string): ProjectState {
    return {
      apiKey,
      // Each project draws ids from its own stream, so one project's traffic never shifts another's ids.
      random: Random.derive(this.seed, `project:${apiKey}`),
      sessions: new Map(),
      connectedAccounts: new Map(),
      links: new Map(),
      mounts: new Map(),
      executions: [],
      executionsDropped: 0,
      requestCount: 0,
    };
  }
}
