// A percentage next to its own fraction: "66,3% xã (150/226 xã)",
// "150/226 xã (66,4%)", "150/226 xã, đạt 66,4%". Per block and cached.
import { analysis } from '../rule';
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import type { Tok } from './lexer';
import { readingsOf } from './mentions';
import { FOLLOW_OK, isN, type Hit, type Reading } from './read';
import { inW, wordSet } from './lexicon';
import { roundTo, truncTo, type Hedge } from './compare';

// Word sets of the hot paths, folded once.
const W0 = wordSet('ngày', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'hôm', 'mùng', 'mồng', 'từ', 'đến', 'tới', 'lúc', 'tháng', 'kỳ', 'quý', 'số');
const W1 = wordSet('số', 'các', 'những', 'tổng');

export interface FractionPair {
  segment: number;
  /** The fraction "150/226" (prose offsets). */
  fracStart: number;
  fracEnd: number;
  numerator: number;
  denominator: number;
  /** The percentage, % included, and its digits. */
  pctStart: number;
  pctEnd: number;
  pctNumStart: number;
  pctNumEnd: number;
  written: number;
  decimals: number;
  hedge?: Hedge;
  /** 100 × numerator / denominator. */
  exact: number;
  ok: boolean;
}

type N = Extract<Tok, { t: 'n' }>;
const MAX_GAP = 10;
/** A name may span many tokens but counts as one unit of gap; this bounds the search. */
const TOKEN_WINDOW = 40;

// Transient: only the fraction-percent-mismatch block rule reads it (dropped once the block's rules ran).
export const fractionPairs = analysis(
  'fraction-percent',
  (block: Block, config: ResolvedConfig): FractionPair[] => {
    const out: FractionPair[] = [];
    readingsOf(block, config).forEach((r, seg) => pairsIn(r, seg, out));
    return out;
  },
  { transient: true },
);

function hitAt(r: Reading, k: number): Hit | undefined {
  const h = k >= 0 && k < r.hitOf.length ? r.hitOf[k] : -1;
  return h >= 0 ? r.hits[h] : undefined;
}

function pairsIn(r: Reading, seg: number, out: FractionPair[]): void {
  const toks = r.toks;
  const fracs: number[] = [];
  const pcts: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!isN(t)) continue;
    if (t.num.kind === 'fraction' && isShare(r, i)) fracs.push(i);
    else if (t.num.kind === 'number' && t.num.percent === '%' && t.num.value !== undefined && !isChange(r, i)) pcts.push(i);
  }
  if (!fracs.length || !pcts.length) return;
  // Candidate pairs, nearest first; each percentage and fraction used once.
  const cands: { f: number; p: number; d: number }[] = [];
  // Only percentages within a token window of the fraction (pcts are in token order): linear in the segment.
  let lo = 0;
  for (const f of fracs) {
    while (lo < pcts.length && pcts[lo] < f - TOKEN_WINDOW) lo++;
    for (let q = lo; q < pcts.length && pcts[q] <= f + TOKEN_WINDOW; q++) {
      const p = pcts[q];
      const d = gap(r, Math.min(f, p), Math.max(f, p));
      if (d <= MAX_GAP && clearBetween(r, Math.min(f, p), Math.max(f, p)) && nounsAgree(r, f, p)) cands.push({ f, p, d });
    }
  }
  cands.sort((x, y) => x.d - y.d || x.f - y.f);
  const usedF = new Set<number>();
  const usedP = new Set<number>();
  for (const c of cands) {
    if (usedF.has(c.f) || usedP.has(c.p)) continue;
    usedF.add(c.f);
    usedP.add(c.p);
    const f = toks[c.f] as N;
    const p = toks[c.p] as N;
    const a = f.num.numerator!.value!;
    const b = f.num.denominator!.value!;
    const exact = (100 * a) / b;
    const written = p.num.value!;
    const decimals = p.num.decimals ?? 0;
    const hedge = hedgeBefore(r, c.p);
    out.push({
      segment: seg,
      fracStart: f.s,
      fracEnd: f.num.end,
      numerator: a,
      denominator: b,
      pctStart: p.s,
      pctEnd: p.e,
      pctNumStart: p.num.start,
      pctNumEnd: p.num.end,
      written,
      decimals,
      hedge,
      exact,
      ok: matches(exact, written, decimals, hedge),
    });
  }
}

/** Does the percentage, with the precision and hedge written, say the same as the fraction? */
export function matches(exact: number, written: number, decimals: number, hedge?: Hedge): boolean {
  const u = Math.pow(10, -decimals);
  const eq = (x: number, y: number) => Math.abs(x - y) < u / 1000;
  switch (hedge) {
    case 'approx':
    case 'estimate':
      return Math.abs(exact - written) <= 1 + u;
    case 'near':
      return exact <= written + u / 2 && exact >= written - 2.5;
    case 'lower':
      return exact >= written - u / 2;
    case 'upper':
      return exact <= written + u / 2;
    default:
      // Rounded (66,4) or truncated (66,3) from 66,37.
      return eq(roundTo(exact, decimals), written) || eq(truncTo(exact, decimals), written);
  }
}

/** A count out of a total ("150/226 xã"): integers, part ≤ whole, not a date or a rate ("40/100.000"). */
function isShare(r: Reading, i: number): boolean {
  const t = r.toks[i] as N;
  const a = t.num.numerator;
  const b = t.num.denominator;
  if (!a || !b || a.value === undefined || b.value === undefined) return false;
  if (a.decimals || b.decimals || b.value < 2 || a.value > b.value) return false;
  if (r.unitAt[i]?.kind === 'per') return false;
  if (t.num.percent) return false;
  const prev = r.toks[i - 1];
  if (inW(prev, W0)) return false;
  const next = r.toks[i + 1];
  const noun = next?.t === 'w' && !FOLLOW_OK.has(next.k);
  // "(24/2)", "Sáng 11/7,": a day and month, unless a noun says what is counted.
  if (b.value <= 12 && a.value <= 31 && !noun) return false;
  return true;
}

/** Distance in reading units: a name ("xã đạt Bộ tiêu chí quốc gia về y tế xã") counts as one. */
function gap(r: Reading, from: number, to: number): number {
  let d = 0;
  for (let k = from + 1; k < to; k++) {
    const h = hitAt(r, k);
    if (h && h.type === 'name') k = h.e - 1;
    if (++d > MAX_GAP) break;
  }
  return d + 1;
}

function hedgeBefore(r: Reading, i: number): Hedge | undefined {
  const h = hitAt(r, i - 1);
  return h?.type === 'qual' && h.qual.cat === 'hedge' ? (h.qual.val as Hedge) : undefined;
}

/** "tăng 5%", "vượt 2%": a change, not the share. */
function isChange(r: Reading, i: number): boolean {
  let k = i - 1;
  let h = hitAt(r, k);
  if (h?.type === 'qual' && h.qual.cat === 'hedge') h = hitAt(r, (k = h.s - 1));
  return h?.type === 'qual' && (h.qual.cat === 'change' || h.qual.cat === 'prev');
}

/** Nothing between them that belongs to another statement: no other figure, no clause break. */
function clearBetween(r: Reading, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const t = r.toks[k];
    if (t.k === ';' || t.k === '.' || t.t === 'nl') return false;
    if (isN(t) && hitAt(r, k)?.type !== 'period') return false;
  }
  return true;
}

const LINK = wordSet('và', 'là', 'so', 'với', 'trong', 'của', 'tại', 'ở', 'năm', 'đạt', 'tăng', 'giảm', 'cao', 'thấp', 'khi', 'nhưng', 'còn', 'theo', 'vào', 'thì', 'mà', 'đã', 'được', 'hoặc', 'hay', 'cho', 'trên', 'dưới', 'chiếm', 'bằng');

/** The nouns after them, when both have one, must be the same ("66,3% xã (150/226 xã)"), not "150/226 xã ... 70% dân số" or "90% kế hoạch". */
function nounsAgree(r: Reading, f: number, p: number): boolean {
  const nounAfter = (i: number): string | undefined => {
    let k = i + 1;
    if (inW(r.toks[k], W1)) k++;
    const t = r.toks[k];
    return t?.t === 'w' && !inW(t, LINK) && !/^\p{Lu}/u.test(t.raw) ? t.k : undefined;
  };
  const a = nounAfter(f);
  const b = nounAfter(p);
  return !a || !b || a === b;
}
