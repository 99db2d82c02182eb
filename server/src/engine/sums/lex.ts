// Tokens of one segment for the arithmetic rules (sum-mismatch,
// change-mismatch): figures from the number tokenizer (vietnamese/numbers.ts),
// lower-cased words and single punctuation characters, in prose offsets.
// Masked characters (emphasis markers, code) and line breaks are skipped, so
// "*tuyến huyện* 1.080" reads like "tuyến huyện 1.080".
import type { Block } from '../types';
import { numbersOf, type BlockNumber } from '../vietnamese/numbers';
import { analysis } from '../rule';
import type { ResolvedConfig } from '../config';
import { C_LM, CLASS, classAt, fillClass, lowerUnit } from '../vietnamese/chars';

export interface Tok {
  /** n: a quantity; x: another figure (date, fraction, code, document number); w: word; p: punctuation. */
  t: 'n' | 'x' | 'w' | 'p';
  /** Prose offsets; for a quantity, % and a scale word included. */
  s: number;
  e: number;
  /** Lower-cased word, the punctuation character, or the raw figure. */
  k: string;
  raw: string;
  /** Quantities: value with the scale word applied (4,4 triệu = 4.400.000). */
  v: number;
  /** Half of the last written digit's unit, scale applied: the rounding a written value may hide. */
  half: number;
  /** Digits after the decimal comma as written. */
  dec: number;
  pct: boolean;
  /** A plain 4-digit 1900-2100 integer (maybe a year). */
  year: boolean;
  /** One end of a range "2021-2025", "5 - 10". */
  range: boolean;
  /** Where the digits are (the text a suggestion replaces). */
  ns: number;
  ne: number;
  /** The number token, for quantities. */
  num?: BlockNumber;
}

/**
 * End of the run of letters and marks ([\p{L}\p{M}]+ by code point) starting at i,
 * or i; by the character table, not a regex per word.
 */
function wordEnd(p: string, i: number): number {
  let j = i;
  const n = p.length;
  while (j < n) {
    const c = p.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdbff) {
      const x = classAt(p, j, n);
      if ((x & C_LM) === 0) break;
      j += x >> 8;
      continue;
    }
    let k = CLASS[c];
    if (k === 0) k = fillClass(c);
    if ((k & C_LM) === 0) break;
    j++;
  }
  return j;
}

/** w.toLowerCase(), without a new string when every unit is already lower case. */
function lowerWord(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (lowerUnit(c) !== c) return w.toLowerCase();
  }
  return w;
}

function isSkip(c: number): boolean {
  return c === 0 || c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
}

/**
 * Tokens of each segment of the block (index = segment index); none for a prose
 * segment without numbers. Computed per call: rules cache their results.
 */
export function segmentTokens(block: Block, config: ResolvedConfig): Tok[][] {
  const p = block.prose;
  const nums = numbersOf(block, config);
  const out: Tok[][] = block.segments.map(() => []);
  let ni = 0;
  for (let si = 0; si < block.segments.length; si++) {
    const seg = block.segments[si];
    const toks = out[si];
    while (ni < nums.length && nums[ni].start < seg.start) ni++;
    // Every breakdown and change has a quantity: a prose segment where no number
    // starts has nothing to read (a table cell's lone "-" is read as 0: kept).
    if (seg.kind !== 'table-cell' && !(ni < nums.length && nums[ni].start < seg.end)) continue;
    let i = seg.start;
    // A segment may end past the prose (found by npm run fuzz on a block of masked text): read what exists.
    const segEnd = Math.min(seg.end, p.length);
    while (i < segEnd) {
      if (ni < nums.length && nums[ni].start === i) {
        const n = nums[ni++];
        toks.push(numTok(n, p));
        i = Math.max(n.end, n.percentEnd ?? 0, n.scale?.end ?? 0);
        // A range's second number shares the cluster; let the loop meet it.
        while (ni < nums.length && nums[ni].start < i) toks.push(numTok(nums[ni++], p));
        continue;
      }
      const c = p.charCodeAt(i);
      if (isSkip(c)) {
        i++;
        continue;
      }
      const we = wordEnd(p, i);
      if (we > i) {
        // A word cannot swallow a number's start (numbers start at digits, words at letters).
        const raw = p.slice(i, we);
        toks.push({ t: 'w', s: i, e: we, k: lowerWord(raw), raw, v: 0, half: 0, dec: 0, pct: false, year: false, range: false, ns: i, ne: i });
        i = we;
        continue;
      }
      if (c >= 48 && c <= 57) {
        // A digit the tokenizer did not report (inside a code): opaque.
        let j = i + 1;
        while (j < segEnd && /[0-9]/.test(p[j])) j++;
        toks.push({ t: 'x', s: i, e: j, k: p.slice(i, j), raw: p.slice(i, j), v: 0, half: 0, dec: 0, pct: false, year: false, range: false, ns: i, ne: j });
        i = j;
        continue;
      }
      const ch = String.fromCodePoint(p.codePointAt(i)!);
      toks.push({ t: 'p', s: i, e: i + ch.length, k: ch, raw: ch, v: 0, half: 0, dec: 0, pct: false, year: false, range: false, ns: i, ne: i });
      i += ch.length;
    }
  }
  return out;
}

function numTok(n: BlockNumber, p: string): Tok {
  const end = Math.max(n.end, n.percentEnd ?? 0, n.scale?.end ?? 0);
  if (n.kind !== 'number' || n.value === undefined || (n.style !== 'plain' && n.style !== 'vi' && n.style !== 'vi-or-en')) {
    return { t: 'x', s: n.start, e: end, k: n.raw, raw: n.raw, v: 0, half: 0, dec: 0, pct: false, year: false, range: false, ns: n.start, ne: n.end, num: n };
  }
  const factor = n.scale?.factor ?? 1;
  const dec = n.decimals ?? 0;
  // "87,500" may be English thousands: its value is not sure enough to add.
  const unsure = n.style === 'vi-or-en';
  return {
    t: unsure ? 'x' : 'n',
    s: n.start,
    e: end,
    k: n.raw,
    raw: p.slice(n.start, end),
    v: n.value * factor,
    // A plain integer count is exact; decimals, a scale word or a % say the value was rounded.
    half: dec > 0 || factor > 1 || n.percent ? (Math.pow(10, -dec) * factor) / 2 : 0,
    dec,
    pct: n.percent === '%',
    year: !!n.isYear && !n.percent,
    range: !!n.rangeWith,
    ns: n.start,
    ne: n.end,
    num: n,
  };
}

/** Sentences: token ranges ended by . ! ? (a figure's dots are inside its token). */
export function sentences(toks: Tok[]): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i].k;
    if (toks[i].t === 'p' && (k === '.' || k === '!' || k === '?' || k === '…')) {
      if (i > a) out.push([a, i]);
      a = i + 1;
    }
  }
  if (toks.length > a) out.push([a, toks.length]);
  return out;
}

/** The tokens of a block's segments, shared by the two rules while the block's rules run. */
export const sumsTokens = analysis('sums-tokens', (block: Block, config: ResolvedConfig): Tok[][] => segmentTokens(block, config), { transient: true });
