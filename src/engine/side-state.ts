/**
 * State of an engine that belongs to no one project: the connection flow's settings, the
 * indexes that find a project from a link token or a presigned URL (which carry no API key), and
 * the URL-signing key. Kept in WeakMaps keyed by the engine, so each feature owns its slot;
 * per-project state (sessions, accounts, links, files, executions) lives in `ProjectState`.
 */

/**
 * A per-owner slot: the same owner always gets the same value, created on first use.
 *
 * @example
 * const links = sideSlot(() => new Map<string, LinkRecord>());
 * links(project).set('lt_x', record);
 */
export function sideSlot<Owner extends object, Value>(create: (owner: Owner) => Value): (owner: Owner) => Value {
  const values = new WeakMap<Owner, Value>();
  return (owner) => {
    let value = values.get(owner);
    if (value === undefined) {
      value = create(owner);
      values.set(owner, value);
    }
    return value;
  };
}
