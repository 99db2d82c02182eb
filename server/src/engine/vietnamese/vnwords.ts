// Per-block word analysis shared by the orthography rules (syllable,
// tone-mark-style, spelling-consistency): tokens of letters (and digits, so
// that VNI leftovers and codes stay whole), whether each starts a sentence,
// and the syllable model's verdict. Cached on the block with analysis().
import { MASK, type Block } from '../types';
import { analysis } from '../rule';
import { proseRuns } from './text';
import { analyzeWord, type WordAnalysis } from './syllable';

export interface VnToken {
  /** Offsets in block.prose. */
  start: number;
  end: number;
  text: string;
  segment: number;
  /** First word of a sentence, heading, cell or list item. */
  sentenceStart: boolean;
  /** Capitalised inside a sentence: a proper name. */
  properName: boolean;
  /** Joined to another word by an apostrophe (H'Mông, K'Bang) or inside an identifier (a_b, x@y). */
  glued: boolean;
  result: WordAnalysis;
}

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';', '(', '[', '"', '“', '‘', '–', '—', '-', '•', '*', '>', '|', MASK]);
const GLUE = new Set(["'", '’', '_', '@', '\\', '#', '&', '=', '~']);

function isSentenceStart(prose: string, segStart: number, start: number): boolean {
  let k = start - 1;
  while (k >= segStart && (prose[k] === ' ' || prose[k] === '\t' || prose[k] === '\u00a0')) k--;
  if (k < segStart) return true;
  const c = prose[k];
  if (c === '\n') return true;
  // "1." "a)" list-like numbering before the word.
  if (c === ')' && /[\p{N}\p{L}]/u.test(prose[k - 1] ?? '') && (k - 2 < segStart || /[\s(]/.test(prose[k - 2]))) return true;
  return SENTENCE_END.has(c);
}

export const vnTokens = analysis('vn-tokens', (block: Block): VnToken[] => {
  const out: VnToken[] = [];
  const p = block.prose;
  for (const run of proseRuns(block)) {
    const segStart = block.segments[run.segment].start;
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN_RE.exec(run.text))) {
      const start = run.start + m.index;
      const end = start + m[0].length;
      const text = m[0];
      if (/^[\p{N}]+$/u.test(text)) continue;
      const before = p[start - 1] ?? '';
      const after = p[end] ?? '';
      const glued = GLUE.has(before) || GLUE.has(after) || (before === '.' && /\p{L}/u.test(p[start - 2] ?? '')) || (after === '.' && /\p{L}/u.test(p[end + 1] ?? ''));
      const sentenceStart = isSentenceStart(p, segStart, start);
      const cap = text[0] !== text[0].toLowerCase();
      const properName = cap && !sentenceStart;
      out.push({ start, end, text, segment: run.segment, sentenceStart, properName, glued, result: analyzeWord(text) });
    }
  }
  return out;
});
