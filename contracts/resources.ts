/**
 * Everything the suite creates on the target, so the cleanup phase can remove it whether the
 * checks passed or not.
 */

/** A connected account a link of the suite started. */
export interface CreatedAccount {
  id: string;
  toolkit: string;
  userId: string;
  /** The session whose link created it: removal runs through that session's meta tool. */
  sessionId: string;
  /** The session's `tool_router_tools` lists COMPOSIO_MANAGE_CONNECTIONS (its remove action). */
  manageConnections: boolean;
  /** As far as the suite knows: INITIATED until a check completes the link. */
  status: string;
}

export interface CreatedFile {
  sessionId: string;
  mountId: string;
  path: string;
  deleted: boolean;
}

/**
 * @example
 * const resources = new Resources();
 * resources.addSession('trs_abc');
 * resources.markSessionDeleted('trs_abc');
 * resources.liveSessions(); // []
 */
export class Resources {
  private readonly sessions = new Map<string, { deleted: boolean }>();
  private readonly files: CreatedFile[] = [];
  /**
   * Connected accounts started by links. The Tool Router API has no call to delete one; the
   * cleanup removes them through COMPOSIO_MANAGE_CONNECTIONS when it can.
   */
  readonly accounts: CreatedAccount[] = [];

  addSession(id: string): void {
    if (!this.sessions.has(id)) this.sessions.set(id, { deleted: false });
  }

  markSessionDeleted(id: string): void {
    const entry = this.sessions.get(id);
    if (entry) entry.deleted = true;
  }

  liveSessions(): string[] {
    return [...this.sessions].filter(([, s]) => !s.deleted).map(([id]) => id);
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  addFile(sessionId: string, mountId: string, path: string): void {
    if (!this.files.some((f) => f.sessionId === sessionId && f.mountId === mountId && f.path === path)) {
      this.files.push({ sessionId, mountId, path, deleted: false });
    }
  }

  markFileDeleted(sessionId: string, mountId: string, path: string): void {
    for (const f of this.files) if (f.sessionId === sessionId && f.mountId === mountId && f.path === path) f.deleted = true;
  }

  liveFiles(): CreatedFile[] {
    return this.files.filter((f) => !f.deleted);
  }
}
