// A whole broken down into parts by status, read in one sentence as a reviewer adds it up:
// "Trong 12 nhiệm vụ trọng tâm, đã hoàn thành 7 nhiệm vụ, 4 nhiệm vụ đang triển khai và 1
// nhiệm vụ chưa triển khai" (7 + 4 + 1 = 12), and the rest of a count given by status:
// "hoàn thành 14/18 nhiệm vụ; 4 nhiệm vụ đang triển khai" (18 − 14 = 4).
// Parts are counts of the same noun whose words say where their items stand; a status seen
// twice ("hoàn thành 7 nhiệm vụ, trong đó 3 nhiệm vụ hoàn thành sớm") or "đạt" beside a bare
// "vượt" may overlap, and then nothing is added up.
import type { TaskCount, TaskStatus } from './counts';

export interface Parts {
  parts: TaskCount[];
  sum: number;
  /** The statuses cover every item: "hoàn thành" with "chưa hoàn thành", "đạt" with "chưa/không đạt", or done, in progress and not started. */
  exhaustive: boolean;
  /** Every part is in the head's sentence. */
  sameSentence: boolean;
}

const NOT_DONE: ReadonlySet<TaskStatus> = new Set(['progress', 'notdone', 'notmet', 'notstarted']);

function sameNoun(a: TaskCount, b: TaskCount): boolean {
  if (a.noun.syllables.join(' ') !== b.noun.syllables.join(' ')) return false;
  // "12 nhiệm vụ trọng tâm" and "7 nhiệm vụ thường xuyên" are two groups; a part may drop the modifier.
  return !b.modifier || !a.modifier || a.modifier === b.modifier;
}

/** The parts after counts[i] in the same sentence (or, with `nextSentence`, the one after), while each says its status. */
function partsAfter(counts: readonly TaskCount[], i: number, allowed: (s: TaskStatus) => boolean, nextSentence: boolean): Parts | undefined {
  const head = counts[i];
  const parts: TaskCount[] = [];
  const seen = new Set<TaskStatus>();
  let sentence = head.sentenceStart;
  let sentences = 1;
  for (let q = i + 1; q < counts.length; q++) {
    const o = counts[q];
    if (o.segment !== head.segment) break;
    if (o.sentenceStart !== sentence) {
      if (!nextSentence || sentences > 1 || parts.length) break;
      sentence = o.sentenceStart;
      sentences++;
    }
    if (o.kind !== 'bare' || o.approx || o.whole || !sameNoun(head, o)) break;
    const st = o.status;
    if (!st || !allowed(st) || seen.has(st)) return undefined;
    seen.add(st);
    parts.push(o);
  }
  if (!parts.length) return undefined;
  if (seen.has('exceeded') && seen.has('met')) return undefined;
  const exhaustive =
    (seen.has('done') && seen.has('notdone')) ||
    (seen.has('met') && seen.has('notmet')) ||
    (seen.has('done') && seen.has('progress') && seen.has('notstarted'));
  return { parts, sum: parts.reduce((n, p) => n + p.x.value, 0), exhaustive, sameSentence: sentences === 1 };
}

/** "Trong 12 nhiệm vụ, ..., ..." : the parts of counts[i] when it is a whole broken down in its sentence. */
export function breakdownOf(counts: readonly TaskCount[], i: number): Parts | undefined {
  const c = counts[i];
  if (!c.whole || c.kind !== 'bare' || c.approx) return undefined;
  return partsAfter(counts, i, () => true, false);
}

/** "hoàn thành 14/18 nhiệm vụ; 4 nhiệm vụ đang triển khai": the rest of a fraction told by status, in its sentence or the next. */
export function restByStatusOf(counts: readonly TaskCount[], i: number): Parts | undefined {
  const c = counts[i];
  if (c.kind !== 'fraction' || c.negated) return undefined;
  return partsAfter(counts, i, (s) => NOT_DONE.has(s), true);
}
