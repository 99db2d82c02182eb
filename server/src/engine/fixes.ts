// Applying fixes: non-overlapping safe edits, repeated until nothing fixable is
// left (bounded), so fixing twice equals fixing once.
import type { Edit, Finding } from './types';
import { firstStartAtOrAfter } from './search';

export interface ApplyResult {
  text: string;
  applied: number;
}

/** Apply the first safe fix of each finding whose edits overlap no earlier accepted edit. */
export function applyFixes(text: string, findings: readonly Finding[], opts: { includeUnsafe?: boolean } = {}): ApplyResult {
  const chosen: Edit[][] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe || opts.includeUnsafe);
    if (fix && fix.edits.length) chosen.push(fix.edits);
  }
  return applyEditGroups(text, chosen);
}

/** Apply groups of edits (each group all-or-nothing), skipping groups that overlap earlier ones. */
export function applyEditGroups(text: string, groups: readonly (readonly Edit[])[]): ApplyResult {
  // `taken` stays sorted by start; groups mostly come in document order, so
  // inserts are appends and the whole pass is close to linear.
  const taken: Edit[] = [];
  let applied = 0;
  const clashes = (e: Edit): boolean => {
    const i = firstStartAtOrAfter(taken, e.start);
    // Neighbours: the edit before (may extend over e) and the ones starting inside e.
    for (let k = Math.max(0, i - 1); k < taken.length && taken[k].start <= e.end; k++) {
      const t = taken[k];
      if (e.start < t.end && t.start < e.end) return true;
      // Two insertions at the same point, or an insertion at the edge of a replacement, would be ambiguous.
      if ((e.start === e.end || t.start === t.end) && (t.start === e.start || t.end === e.start || e.end === t.start)) return true;
    }
    return false;
  };
  for (const g of groups) {
    if (!g.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end)) continue;
    const sorted = [...g].sort((a, b) => a.start - b.start);
    let ok = true;
    for (let k = 0; k < sorted.length && ok; k++) {
      if (k > 0 && sorted[k].start < sorted[k - 1].end) ok = false;
      else if (clashes(sorted[k])) ok = false;
    }
    if (!ok) continue;
    for (const e of sorted) taken.splice(firstStartAtOrAfter(taken, e.start), 0, e);
    applied++;
  }
  if (!taken.length) return { text, applied: 0 };
  const parts: string[] = [];
  let pos = 0;
  for (const e of taken) {
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), applied };
}
