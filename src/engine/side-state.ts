/**
 * State that belongs to a project or an engine but is not part of the shared `ProjectState`
 * shape (link tokens, mounted files, public URL indexes). Kept in WeakMaps keyed by the owner,
 * so `reset()` (a fresh `ProjectState`) forgets it with no extra hook.
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
