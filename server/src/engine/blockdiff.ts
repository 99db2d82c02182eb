// Which blocks changed between two checks of one document. Unchanged blocks are
// the same Block objects (the DocumentCache reuses them), so the two lists are
// compared by identity: first from both ends (an edit touches one stretch), then
// with a Set over the stretch left, because blocks of identical text may come
// back in another order (the cache hands them out by text).
import type { Block } from './types';

interface Diff {
  prev: readonly Block[];
  next: readonly Block[];
  removed: Block[];
  added: Block[];
}

/**
 * The blocks of `prev` not in `next`, and the blocks of `next` not in `prev`
 * (each in list order). Several document rules ask about the same two lists in
 * one check: the answer is kept in the document's store. Callers must not
 * modify the lists returned.
 */
export function changedBlocks(store: Map<string, unknown>, prev: readonly Block[], next: readonly Block[]): { removed: Block[]; added: Block[] } {
  const last = store.get('blockdiff') as Diff | undefined;
  if (last && last.prev === prev && last.next === next) return last;
  const d: Diff = { prev, next, ...diff(prev, next) };
  store.set('blockdiff', d);
  return d;
}

/**
 * How many blocks two lists share at their start and, after that, at their
 * end (by identity): an edit replaced `prev[start, prev.length - end)` by
 * `next[start, next.length - end)`.
 */
export function commonEnds(prev: readonly Block[], next: readonly Block[]): { start: number; end: number } {
  const n = Math.min(prev.length, next.length);
  let start = 0;
  while (start < n && prev[start] === next[start]) start++;
  let end = 0;
  while (end < n - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { start, end };
}

function diff(prev: readonly Block[], next: readonly Block[]): { removed: Block[]; added: Block[] } {
  const { start: a, end: b } = commonEnds(prev, next);
  const removed = prev.slice(a, prev.length - b);
  const added = next.slice(a, next.length - b);
  if (!removed.length || !added.length) return { removed, added };
  const gone = new Set(removed);
  const fresh: Block[] = [];
  for (const x of added) if (!gone.delete(x)) fresh.push(x);
  return { removed: [...gone], added: fresh };
}
