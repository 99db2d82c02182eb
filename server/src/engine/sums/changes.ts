// Stated changes and the two values they join, in one sentence:
//   ref:    "đạt 74,5 tuổi, tăng 0,3 tuổi so với năm 2022 (74,0 tuổi)"
//           "1.536 ca, tăng 8,2% so với cùng kỳ (1.420 ca)"
//   fromTo: "tăng từ 93,4% năm 2023 lên 94,3% năm 2024 (tăng 0,9 điểm phần trăm)"
//   total:  "năm trước có 1.320 người, năm nay tăng thêm 95 người, nâng tổng số lên 1.405 người"
// Only these plain shapes are read; the figures must sit where the shape puts
// them, with nothing but unit words between.
import type { Tok } from './lex';
import { hedgeBefore, HEDGES, isContentWord, isP, isQty, isW, unitAfter, unitsAgree } from './figures';

export interface Change {
  segment: number;
  shape: 'ref' | 'fromTo' | 'total';
  /** 'up' for tăng / cao hơn / lên, 'down' for giảm / thấp hơn / xuống. */
  dir: 'up' | 'down';
  /** The stated change (absent in a bare "từ X lên Y"). */
  d?: Tok;
  dUnit?: string;
  dHedge?: string;
  /** The later (or this place's) value and the earlier (or reference) value. */
  cur: Tok;
  curUnit?: string;
  prev: Tok;
  prevUnit?: string;
  hedged: boolean;
}

const UP = new Set(['tăng']);
const DOWN = new Set(['giảm']);

function verbAt(toks: Tok[], i: number): { dir: 'up' | 'down'; next: number } | undefined {
  const t = toks[i];
  if (!t || t.t !== 'w') return undefined;
  if (UP.has(t.k) || DOWN.has(t.k)) {
    let next = i + 1;
    if (isW(toks[next], 'thêm', 'đi', 'được')) next++;
    return { dir: UP.has(t.k) ? 'up' : 'down', next };
  }
  if ((t.k === 'cao' || t.k === 'nhiều' || t.k === 'thấp' || t.k === 'ít') && isW(toks[i + 1], 'hơn')) {
    return { dir: t.k === 'cao' || t.k === 'nhiều' ? 'up' : 'down', next: i + 2 };
  }
  return undefined;
}

const isLevel = (t: Tok | undefined): t is Tok => isQty(t) && !t.year && !t.range;

export function readChanges(toks: Tok[], lo: number, hi: number, segment: number, out: Change[]): void {
  for (let i = lo; i < hi; i++) {
    const verb = verbAt(toks, i);
    if (verb) {
      readRef(toks, i, verb, lo, hi, segment, out);
      continue;
    }
    if (isW(toks[i], 'từ')) readFromTo(toks, i, lo, hi, segment, out);
    else if (isW(toks[i], 'nâng') || (isW(toks[i], 'đưa') && isW(toks[i + 1], 'tổng'))) readTotal(toks, i, lo, hi, segment, out);
  }
}

/** The change figure after a verb: hedge, number, unit. */
function changeFigure(toks: Tok[], j: number, hi: number): { d: Tok; unit?: string; hedge?: string; next: number } | undefined {
  let hedge: string | undefined;
  while (j < hi && toks[j].t === 'w' && HEDGES.has(toks[j].k)) hedge = toks[j++].k;
  const d = toks[j];
  if (!isLevel(d)) return undefined;
  const u = unitAfter(toks, j, hi);
  if (u.key === 'lần') return undefined;
  return { d, unit: u.key, hedge, next: u.next };
}

/** "V [unit], tăng D [unit] so với <ref> (P [unit])" and "(tăng D so với năm 2022: P)". */
function readRef(toks: Tok[], i: number, verb: { dir: 'up' | 'down'; next: number }, lo: number, hi: number, segment: number, out: Change[]): void {
  const cf = changeFigure(toks, verb.next, hi);
  if (!cf) return;
  // V: right before the verb, only unit words, a comma or a parenthesis between.
  let k = i - 1;
  if (isP(toks[k], ',', '(')) k--;
  let words = 0;
  while (k >= lo && toks[k].t === 'w' && isContentWord(toks[k]) && words < 3) {
    k--;
    words++;
  }
  const cur = toks[k];
  if (k < lo || !isLevel(cur)) return;
  const curUnit = unitAfter(toks, k, hi);
  if (curUnit.next !== k + 1 + words && !(cur.pct && words === 0)) return;
  // P: "so với <ref words> (P)" or "(<ref words> P)" / "(<ref words>: P)" / "(<ref words> là P)".
  let j = cf.next;
  let sawSoVoi = false;
  if (isW(toks[j], 'so') && isW(toks[j + 1], 'với')) {
    j += 2;
    sawSoVoi = true;
    let n = 0;
    while (j < hi && n < 10 && (toks[j].t === 'w' || (isQty(toks[j]) && toks[j].year) || (toks[j].t === 'x' && toks[j].num?.kind === 'date'))) {
      j++;
      n++;
    }
  }
  if (!isP(toks[j], '(')) return;
  j++;
  let refWords = 0;
  let periodWord = false;
  while (j < hi && refWords < 8 && (toks[j].t === 'w' || (isQty(toks[j]) && toks[j].year && !isP(toks[j + 1], ')')))) {
    if (isW(toks[j], 'năm', 'kỳ', 'cùng', 'trước', 'tháng', 'quý') || (isQty(toks[j]) && toks[j].year)) periodWord = true;
    // A change or a share inside the parentheses: not the reference value.
    if (isW(toks[j], 'tăng', 'giảm', 'chiếm', 'bằng', 'đạt', 'vượt', 'kế', 'chỉ', 'mục')) return;
    j++;
    refWords++;
  }
  if (!sawSoVoi && !periodWord) return;
  if (isP(toks[j], ':')) j++;
  let pHedge = hedgeBefore(toks, j, lo);
  const prev = toks[j];
  if (!isLevel(prev)) return;
  const pu = unitAfter(toks, j, hi);
  if (!isP(toks[pu.next], ')')) return;
  if (!HEDGES.has(toks[j - 1]?.k ?? '')) pHedge = undefined;
  const cu = curUnit.key;
  if (!unitsAgree(cu === undefined ? pu.key : cu, pu.key ?? cu)) return;
  out.push({
    segment,
    shape: 'ref',
    dir: verb.dir,
    d: cf.d,
    dUnit: cf.unit,
    dHedge: cf.hedge,
    cur,
    curUnit: cu,
    prev,
    prevUnit: pu.key,
    hedged: !!(hedgeBefore(toks, k, lo) || pHedge),
  });
}

/** "[tăng D,] từ P [unit] [năm X] lên|xuống V [unit] [năm Y] [(tăng D ...)]". */
function readFromTo(toks: Tok[], i: number, lo: number, hi: number, segment: number, out: Change[]): void {
  let j = i + 1;
  const pHedge = toks[j]?.t === 'w' && HEDGES.has(toks[j].k) ? toks[j++].k : undefined;
  const prev = toks[j];
  if (!isLevel(prev)) return;
  const pu = unitAfter(toks, j, hi);
  j = pu.next;
  // "năm 2023", "(năm 2023)", "ở năm 2023": the period of P.
  let n = 0;
  while (j < hi && n < 4 && (isW(toks[j], 'năm', 'vào', 'ở', 'trong', 'của', 'quý', 'tháng', 'đầu', 'cuối') || (isQty(toks[j]) && toks[j].year))) {
    j++;
    n++;
  }
  if (!isW(toks[j], 'lên', 'xuống', 'đến', 'tới')) return;
  const word = toks[j].k;
  j++;
  const cHedge = toks[j]?.t === 'w' && HEDGES.has(toks[j].k) ? toks[j++].k : undefined;
  const cur = toks[j];
  if (!isLevel(cur)) return;
  const cu = unitAfter(toks, j, hi);
  if (!unitsAgree(pu.key ?? cu.key, cu.key ?? pu.key)) return;
  if (pu.key !== cu.key && pu.key !== undefined && cu.key !== undefined) return;
  // Direction: the verb before "từ", else lên/xuống.
  const before = verbBefore(toks, i, lo);
  let dir: 'up' | 'down' | undefined = word === 'lên' ? 'up' : word === 'xuống' ? 'down' : before?.dir;
  if (before && dir !== before.dir) dir = undefined;
  if (!dir) return;
  // The stated change: before "từ" ("tăng 0,9 điểm phần trăm, từ ...") or after V ("(tăng 0,9 ...)", ", tăng 0,9 ...").
  let d: ReturnType<typeof changeFigure> | undefined;
  if (before?.fig) d = before.fig;
  if (!d) {
    let k = cu.next;
    let m = 0;
    while (k < hi && m < 3 && (isW(toks[k], 'năm') || (isQty(toks[k]) && toks[k].year))) {
      k++;
      m++;
    }
    if (isP(toks[k], '(', ',')) k++;
    if (isW(toks[k], 'tức', 'tương')) {
      k++;
      if (isW(toks[k], 'là', 'đương')) k++;
    }
    const v = verbAt(toks, k);
    if (v && v.dir === dir) d = changeFigure(toks, v.next, hi);
    else if (v) return;
  }
  out.push({
    segment,
    shape: 'fromTo',
    dir,
    d: d?.d,
    dUnit: d?.unit,
    dHedge: d?.hedge,
    cur,
    curUnit: cu.key,
    prev,
    prevUnit: pu.key,
    hedged: !!(pHedge || cHedge || hedgeBefore(toks, i + 1, lo)),
  });
}

/** "tăng 0,9 điểm phần trăm, từ" / "tăng từ": the verb (and its figure) before "từ". */
function verbBefore(toks: Tok[], i: number, lo: number): { dir: 'up' | 'down'; fig?: ReturnType<typeof changeFigure> } | undefined {
  const v = verbAt(toks, i - 1);
  if (v && i - 1 >= lo) return { dir: v.dir };
  // "tăng D [unit], từ": look back over ", unit words, D, hedge, verb".
  let k = i - 1;
  if (isP(toks[k], ',')) k--;
  for (let back = 0; back < 6 && k >= lo; back++, k--) {
    const vb = verbAt(toks, k);
    if (vb) {
      const fig = changeFigure(toks, vb.next, toks.length);
      if (fig && fig.next <= i && (fig.next === i || (isP(toks[fig.next], ',') && fig.next + 1 === i))) return { dir: vb.dir, fig };
      return undefined;
    }
    if (toks[k].t === 'p') return undefined;
  }
  return undefined;
}

/** "P ..., tăng thêm D, nâng tổng số [...] lên V": P + D = V. */
function readTotal(toks: Tok[], i: number, lo: number, hi: number, segment: number, out: Change[]): void {
  let j = i + 1;
  let n = 0;
  while (j < hi && n < 8 && toks[j].t === 'w' && toks[j].k !== 'lên') {
    j++;
    n++;
  }
  if (!isW(toks[j], 'lên')) return;
  j++;
  if (toks[j]?.t === 'w' && HEDGES.has(toks[j].k)) return;
  const cur = toks[j];
  if (!isLevel(cur) || cur.pct) return;
  const cu = unitAfter(toks, j, hi);
  // D: the nearest figure before "nâng", after "thêm" / "tăng" / "mới".
  let k = i - 1;
  let d: Tok | undefined;
  let dIdx = -1;
  for (; k >= lo && k > i - 12; k--) {
    if (isQty(toks[k]) && !toks[k].year) {
      const pre = toks[k - 1];
      if (isW(pre, 'thêm', 'tăng', 'mới')) {
        d = toks[k];
        dIdx = k;
      }
      break;
    }
  }
  if (!d || d.pct) return;
  const du = unitAfter(toks, dIdx, hi);
  // P: the nearest figure before D, in the same unit, no other figure between.
  let p = dIdx - 1;
  while (p >= lo && !(isQty(toks[p]) && !toks[p].year) && toks[p].t !== 'x') p--;
  if (p < lo || !isLevel(toks[p]) || toks[p].pct) return;
  const prev = toks[p];
  const pu = unitAfter(toks, p, hi);
  const units = [pu.key, du.key, cu.key].filter((x) => x !== undefined);
  if (units.length < 2 || new Set(units).size !== 1) return;
  out.push({
    segment,
    shape: 'total',
    dir: 'up',
    d,
    dUnit: du.key,
    cur,
    curUnit: cu.key,
    prev,
    prevUnit: pu.key,
    hedged: !!(hedgeBefore(toks, p, lo) || hedgeBefore(toks, dIdx, lo)),
  });
}
