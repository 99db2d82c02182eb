// Shared text helpers for rules: prose runs (maximal unmasked stretches within
// one segment and one line) and word tokens.
import type { Block } from '../types';
import { analysis, TRANSIENT } from '../rule';

export interface Run {
  /** Offset in block.prose. */
  start: number;
  text: string;
  segment: number;
}

// Runs are read by the block rules and by analyses made in the block phase; no
// document rule needs them (abbreviation-undefined, off by default, rebuilds
// them for new blocks): they are dropped once the block rules ran.
TRANSIENT.add('runs');

/** Maximal stretches of prose (no MASK, no line end) inside each segment. */
export const proseRuns = (block: Block): Run[] => runsOf(block);
const runsOf = (block: Block): Run[] => {
  const cached = block.memo.get('runs') as Run[] | undefined;
  if (cached) return cached;
  const out: Run[] = [];
  const p = block.prose;
  const segs = block.segments;
  // charCodeAt, not p[k]: indexing allocates a one-char string per non-Latin-1 character.
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    let s = seg.start;
    for (let k = seg.start; k < seg.end; k++) {
      const c = p.charCodeAt(k);
      if (c === 0 || c === 10 || c === 13) {
        if (k > s) out.push({ start: s, text: p.slice(s, k), segment: i });
        s = k + 1;
      }
    }
    if (seg.end > s) out.push({ start: s, text: p.slice(s, seg.end), segment: i });
  }
  block.memo.set('runs', out);
  return out;
};

export interface Word {
  start: number;
  end: number;
  text: string;
  segment: number;
}

/** Letter runs (Vietnamese syllables, foreign words, abbreviations), in prose coordinates. */
export const WORD_RE = /[\p{L}\p{M}]+/gu;
/** Read only through the block rules' word chains (nearphrase.ts keyedChains): transient, not kept per block (14 MB on 1 MB of text). */
export const wordsOf = analysis(
  'words',
  (block): Word[] => {
    const out: Word[] = [];
    for (const run of runsOf(block)) {
      WORD_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = WORD_RE.exec(run.text))) out.push({ start: run.start + m.index, end: run.start + m.index + m[0].length, text: m[0], segment: run.segment });
    }
    return out;
  },
  { transient: true },
);
