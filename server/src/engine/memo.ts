// Values derived from an immutable input (a resolved config's term list, a
// catalogue, a list of matchers), computed once per input object and dropped
// with it. Rules and readers use this instead of keeping caches of their own;
// per-document state goes through `analysis()` and the engine's groups.

/** A function that derives a value from `key` once, and returns the same value while `key` lives. */
export function derivedFrom<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key: K): V => {
    if (memo.has(key)) return memo.get(key)!;
    const v = build(key);
    memo.set(key, v);
    return v;
  };
}
