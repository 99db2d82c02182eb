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

// Word sets of the hot paths, folded once, named by what they mean.
/** Words before "x/y" that make it a date ("ngày 11/7", "tháng 5/2024", "từ 2/9"), not a share. */
const DATE_BEFORE = wordSet('ngày', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'hôm', 'mùng', 'mồng', 'từ', 'đến', 'tới', 'lúc', 'tháng', 'kỳ', 'quý', 'số');
/** Quantifiers between a percentage and its noun ("73,7% số thôn", "các xã"). */
const QUANTIFIER = wordSet('số', 'các', 'những', 'tổng');

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
  /** A share of a stated base ("2.486.300 lượt, đạt 51,8% kế hoạch năm (4.800.000 lượt)"): the two figures as written. */
  base?: { numStart: number; numEnd: number; denStart: number; denEnd: number };
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
    readingsOf(block, config).forEach((r, seg) => {
      pairsIn(r, seg, out);
      basePairsIn(r, seg, out);
    });
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
  const nearPairs = new Set<number>();
  // Only percentages within a token window of the fraction (pcts are in token order): linear in the segment.
  let lo = 0;
  for (const f of fracs) {
    while (lo < pcts.length && pcts[lo] < f - TOKEN_WINDOW) lo++;
    for (let q = lo; q < pcts.length && pcts[q] <= f + TOKEN_WINDOW; q++) {
      const p = pcts[q];
      // After the fraction, a near percentage in the same clause (no comma between) is its share; else ownPercentAfter decides.
      if (p > f && hasComma(r, f, p)) continue;
      const d = gap(r, Math.min(f, p), Math.max(f, p));
      if (d <= MAX_GAP && clearBetween(r, Math.min(f, p), Math.max(f, p)) && (nounsAgree(r, f, p) || parenAfter(r, p, f))) {
        cands.push({ f, p, d });
        nearPairs.add(f * 4194304 + p);
      }
    }
    // After the fraction: as far as the clause or the sentence ("Có 42/57 thôn, bản ... được tập huấn lại, đạt 73,7%").
    const p = ownPercentAfter(r, f);
    if (p >= 0 && !nearPairs.has(f * 4194304 + p)) cands.push({ f, p, d: gap(r, f, p) });
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
      // Rounded (66,4) or truncated (66,3) from 66,37; or rounded twice (48,549 → 48,55 → 48,6), as writers do.
      return eq(roundTo(exact, decimals), written) || eq(truncTo(exact, decimals), written) || eq(roundTo(roundTo(exact, decimals + 1), decimals), written);
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
  if (inW(prev, DATE_BEFORE)) return false;
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

const W_RATE = wordSet('tỷ', 'tỉ');
const W_LE = wordSet('lệ');
// Words that may stand alone between the last comma and the percentage: ", đạt 73,7%", ", chiếm tỷ lệ 73,7%", ", tương đương 73,7%".
const INTRO = wordSet('đạt', 'chiếm', 'bằng', 'là', 'tỷ', 'tỉ', 'lệ', 'tương', 'đương', 'được', 'ở', 'mức', 'với', 'khoảng', 'đạt', 'tổng', 'cộng');
// The word right before the percentage that makes it the share of what precedes.
const INTRO_LAST = wordSet('đạt', 'chiếm', 'bằng', 'là', 'lệ', 'đương', 'được', 'mức');
// A turn to another statement between them.
const TURN = wordSet('nhưng', 'song', 'tuy', 'riêng', 'còn', 'khi', 'mà', 'so', 'cao', 'thấp', 'bình', 'trung');
const W_TRONG = wordSet('trong');
const W_DO_KHI = wordSet('đó', 'khi', 'số');
const AFTER_OK = wordSet('và', 'nhưng', 'song', 'tuy');
const FAR = 60;

/**
 * The percentage after fraction f that states its share, as far as the
 * sentence: in the same clause, introduced by "đạt", "chiếm", "(", "tỷ lệ"...;
 * across a comma, only when the last clause is nothing but that introducer
 * (", đạt 73,7%"). No other figure, no turn ("trong đó", "so với", "nhưng"),
 * no other rate ("tỷ lệ tiêm chủng đạt 95%"), no place and no change between;
 * and nothing after it that makes it a share of something else ("đạt 98% kế hoạch").
 */
function ownPercentAfter(r: Reading, f: number): number {
  const toks = r.toks;
  let comma = -1; // the last clause-breaking comma between
  let words = 0; // words since the fraction or the last comma
  let enumerating = true; // "42/57 thôn, bản": commas between bare nouns right after the fraction
  for (let k = f + 1; k < toks.length && k <= f + FAR; k++) {
    const t = toks[k];
    if (t.t === 'nl' || t.k === '.' || t.k === ';' || t.k === ':' || t.k === '!' || t.k === '?') return -1;
    const h = hitAt(r, k);
    if (isN(t)) {
      if (h?.type === 'period') {
        k = h.e - 1;
        enumerating = false;
        continue;
      }
      // "… khám thai từ 4 lần trở lên …", "trẻ từ 1 đến 5 tuổi": a measure inside the noun phrase.
      const u = r.unitAt[k]?.kind;
      if (comma < 0 && !t.num.percent && (u === 'years' || u === 'times' || u === 'duration')) continue;
      if (!(t.num.kind === 'number' && t.num.percent === '%' && t.num.value !== undefined)) return -1;
      if (isChange(r, k)) return -1;
      return introduced(r, k, comma) && afterOk(r, f, k) ? k : -1;
    }
    if (t.k === ',') {
      if (enumerating && words >= 1 && words <= 2 && toks[k + 1]?.t === 'w') {
        words = 0;
        continue;
      }
      comma = k;
      words = 0;
      enumerating = false;
      continue;
    }
    if (h) {
      const q = h.type === 'qual' ? h.qual.cat : undefined;
      if (h.type === 'place') return -1;
      // "từ 4 lần trở lên": a measure in the noun phrase, not an earlier level.
      const measure = q === 'from' && comma < 0 && isN(toks[h.e]) && ['years', 'times', 'duration'].includes(r.unitAt[h.e]?.kind ?? '');
      if (!measure && (q === 'place' || q === 'prev' || q === 'change' || q === 'subset' || q === 'othertime' || q === 'level' || q === 'from')) return -1;
      // "10/12 chỉ tiêu kế hoạch": the fraction's own noun; a target word later belongs to another statement.
      if (q === 'target' && h.s > f + 2) return -1;
      if (h.type !== 'qual' || q !== 'hedge') enumerating = false;
      words += h.e - h.s;
      k = h.e - 1;
      continue;
    }
    if (t.t === 'w') {
      // "tỷ lệ tiêm chủng đạt 95%": another rate is the subject; "đạt tỷ lệ 73,7%" is the introducer.
      if (inW(t, W_RATE) && inW(toks[k + 1], W_LE) && !pctAhead(r, k + 2)) return -1;
      // "trong đó", "trong khi", "trong số đó": another statement; "trong thai kỳ" is the noun phrase's.
      if (inW(t, TURN) || (inW(t, W_TRONG) && inW(toks[k + 1], W_DO_KHI))) return -1;
      words++;
      if (words > 2) enumerating = false;
    } else if (t.k !== '(' && t.k !== ')' && t.k !== '-' && t.k !== '–') return -1;
  }
  return -1;
}

/** Is the percentage at k (after optional hedge words) the next thing from i on, or is "là/đạt" then it? */
function pctAhead(r: Reading, i: number): boolean {
  let k = i;
  for (let n = 0; n < 3 && k < r.toks.length; n++) {
    const t = r.toks[k];
    if (isN(t)) return t.num.percent === '%';
    const h = hitAt(r, k);
    if (h?.type === 'qual' && (h.qual.cat === 'hedge' || h.qual.cat === 'weak')) k = h.e;
    else if (t.t === 'w' && inW(t, INTRO)) k++;
    else return false;
  }
  return false;
}

/** The percentage at p is introduced as the share: "(", "đạt", "chiếm", "tỷ lệ"; across a comma the clause is only that. */
function introduced(r: Reading, p: number, comma: number): boolean {
  let k = p - 1;
  const h = hitAt(r, k);
  if (h?.type === 'qual' && h.qual.cat === 'hedge') k = h.s - 1;
  const before = r.toks[k];
  if (!before) return false;
  const paren = before.k === '(' || before.k === '=';
  if (!paren && !inW(before, INTRO_LAST)) return false;
  if (comma < 0) return true;
  // ", đạt 73,7%": nothing but introducer words since the comma.
  for (let j = comma + 1; j <= k; j++) {
    const t = r.toks[j];
    const hj = hitAt(r, j);
    if (hj?.type === 'qual' && (hj.qual.cat === 'hedge' || hj.qual.cat === 'weak')) {
      j = hj.e - 1;
      continue;
    }
    if (!(t.t === 'w' && inW(t, INTRO)) && !(paren && j === k)) return false;
  }
  return true;
}

/** After the percentage: the end of the clause, or the fraction's own noun ("73,7% số thôn"), not "kế hoạch" or "so với". */
function afterOk(r: Reading, f: number, p: number): boolean {
  const t = r.toks[p + 1];
  if (!t || t.t === 'nl' || t.k === ',' || t.k === '.' || t.k === ';' || t.k === ')' || t.k === ':' || t.k === '(') return true;
  if (t.t === 'w' && inW(t, AFTER_OK)) return !isN(r.toks[p + 2]);
  if (t.t !== 'w') return false;
  let k = p + 1;
  if (inW(r.toks[k], QUANTIFIER)) k++;
  const fn = r.toks[f + 1];
  return fn?.t === 'w' && r.toks[k]?.t === 'w' && r.toks[k].k === fn.k;
}

/** "đạt 91,0% dân số (8.958/9.842 người)": the fraction opens a parenthesis right after the percentage's noun phrase. */
function parenAfter(r: Reading, p: number, f: number): boolean {
  const g = r.groupOf[f];
  if (g < 0 || g !== f - 1 || g <= p || g - p > 4) return false;
  for (let k = p + 1; k < g; k++) if (r.toks[k].t !== 'w') return false;
  return true;
}

function hasComma(r: Reading, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (r.toks[k].k === ',') return true;
  return false;
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
    if (inW(r.toks[k], QUANTIFIER)) k++;
    const t = r.toks[k];
    return t?.t === 'w' && !inW(t, LINK) && !/^\p{Lu}/u.test(t.raw) ? t.k : undefined;
  };
  const a = nounAfter(f);
  const b = nounAfter(p);
  return !a || !b || a === b;
}

// ---------------------------------------------------------------------------
// "A <unit>, đạt Z% kế hoạch năm (B <unit>)": a share of a base stated in the
// parenthesis right after it. A is the figure of the clause before "đạt" with
// the same unit word as B ("lượt" … "lượt"); without a unit word on B, the
// clause's only figure.

const BASE_WORDS = wordSet('kế', 'hoạch', 'chỉ', 'tiêu', 'dự', 'toán', 'số', 'tổng', 'so', 'với', 'mục', 'năm', 'giao', 'được', 'đề', 'ra', 'trong', 'diện', 'cả', 'đối', 'tượng', 'cần', 'phải', 'tiêm', 'khám', 'trẻ', 'người', 'sinh', 'dân');
const BASE_FIRST = wordSet('kế', 'chỉ', 'dự', 'số', 'tổng', 'so', 'mục');
const W_DAT = wordSet('đạt', 'bằng');
/** Words that end the base's noun phrase: what follows is another statement ("so với", "tăng"). */
const NOT_BASE = wordSet('so', 'với', 'tăng', 'giảm', 'và', 'hoặc', 'nhưng', 'là', 'của', 'cùng', 'kỳ', 'trước', 'thấp', 'cao', 'hơn', 'vượt');

/** Tokens taken by the scale word after a figure ("triệu" in "7,5 triệu lượt"): 0 or 1. */
function scaleSkip(toks: Reading['toks'], i: number, n: N): number {
  return n.num.scale && toks[i + 1]?.t === 'w' && toks[i + 1].s < n.num.scale.end ? 1 : 0;
}

function basePairsIn(r: Reading, seg: number, out: FractionPair[]): void {
  const toks = r.toks;
  for (let p = 0; p < toks.length; p++) {
    const t = toks[p];
    if (!isN(t) || t.num.kind !== 'number' || t.num.percent !== '%' || t.num.value === undefined) continue;
    // ", đạt [hedge] Z%"
    let k = p - 1;
    const hh = hitAt(r, k);
    if (hh?.type === 'qual' && hh.qual.cat === 'hedge') k = hh.s - 1;
    if (!inW(toks[k], W_DAT) || toks[k - 1]?.k !== ',') continue;
    const comma = k - 1;
    // "kế hoạch năm (", "số trẻ trong diện tiêm (": base words, then the parenthesis.
    let j = p + 1;
    if (!inW(toks[j], BASE_FIRST)) continue;
    // Other words in the base ("số người mắc ước tính (") only when B names its unit (checked below).
    let freeWords = false;
    while (j < toks.length && j < p + 8) {
      if (inW(toks[j], BASE_WORDS) || hitAt(r, j)?.type === 'period') j++;
      else if (toks[j].t === 'w' && !inW(toks[j], NOT_BASE)) {
        freeWords = true;
        j++;
      } else break;
    }
    if (toks[j]?.k !== '(') continue;
    const close = r.closeOf.get(j) ?? -1;
    let b = j + 1;
    while (b < close && b < j + 4 && toks[b].t === 'w') b++;
    if (toks[b]?.k === ':') b++;
    const B = toks[b];
    if (!isN(B) || B.num.kind !== 'number' || B.num.percent || B.num.value === undefined || B.num.isYear || B.num.value === 0) continue;
    // "7,5 triệu lượt": the scale word stands between the figure and its unit word.
    const bw = b + 1 + scaleSkip(toks, b, B);
    const bUnit = toks[bw]?.t === 'w' ? toks[bw].k : undefined;
    if (bw + (bUnit ? 1 : 0) < close - 1 || (freeWords && !bUnit)) continue;
    // A: back through the clause before the comma.
    let a = -1;
    let candidates = 0;
    for (let q = comma - 1; q >= 0 && q > comma - 40; q--) {
      const x = toks[q];
      if (x.t === 'nl' || x.k === '.' || x.k === ';' || x.k === ':' || x.k === ',' || x.k === ')' || x.k === '(') break;
      const h = hitAt(r, q);
      if (h?.type === 'period') {
        q = h.s;
        continue;
      }
      if (!isN(x)) continue;
      if (x.num.kind !== 'number' || x.num.value === undefined || x.num.isYear) continue;
      if (x.num.percent) {
        a = -2;
        break;
      }
      const u = r.unitAt[q]?.kind;
      if (u === 'years' || u === 'times' || u === 'duration') continue;
      candidates++;
      const xw = q + 1 + scaleSkip(toks, q, x);
      const xUnit = toks[xw]?.t === 'w' ? toks[xw].k : undefined;
      if (a === -1 && (bUnit ? xUnit === bUnit : true)) a = q;
    }
    if (a < 0 || (!bUnit && candidates !== 1)) continue;
    const A = toks[a] as N;
    // Scale words ("758,3 tỷ đồng", "7,86 triệu lượt") count: both sides in the same units.
    const exact = (100 * A.num.value! * (A.num.scale?.factor ?? 1)) / (B.num.value * (B.num.scale?.factor ?? 1));
    const written = t.num.value;
    const decimals = t.num.decimals ?? 0;
    const hedge = hedgeBefore(r, p);
    out.push({
      segment: seg,
      fracStart: A.s,
      fracEnd: A.num.scale?.end ?? A.num.end,
      numerator: A.num.value!,
      denominator: B.num.value,
      pctStart: t.s,
      pctEnd: t.e,
      pctNumStart: t.num.start,
      pctNumEnd: t.num.end,
      written,
      decimals,
      hedge,
      exact,
      ok: matches(exact, written, decimals, hedge),
      base: { numStart: A.s, numEnd: A.num.scale?.end ?? A.num.end, denStart: B.s, denEnd: B.num.scale?.end ?? B.num.end },
    });
  }
}
