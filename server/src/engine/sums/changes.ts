// Stated changes and the two values they join, in one sentence:
//   ref:    "đạt 74,5 tuổi, tăng 0,3 tuổi so với năm 2022 (74,0 tuổi)"
//           "1.536 ca, tăng 8,2% so với cùng kỳ (1.420 ca)"
//   fromTo: "tăng từ 93,4% năm 2023 lên 94,3% năm 2024 (tăng 0,9 điểm phần trăm)"
//   total:  "năm trước có 1.320 người, năm nay tăng thêm 95 người, nâng tổng số lên 1.405 người"
// Only these plain shapes are read; the figures must sit where the shape puts
// them, with nothing but unit words between.
import type { Tok } from './lex';
import { hedgeBefore, HEDGES, isP, isQty, isW, unitAfter, unitsAgree } from './figures';

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
  /** An estimate ("ước đạt"): one more unit of the last digit is allowed. */
  est?: boolean;
  /** The verb as written when not tăng/giảm ("vượt" a plan). */
  word?: string;
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

/** A hedge that stops the arithmetic ("hơn", "gần", "khoảng"); "ước" (an estimate) does not. */
const real = (h: string | undefined) => !!h && h !== 'ước';

const isLevel = (t: Tok | undefined): t is Tok => isQty(t) && !t.year && !t.range;

/** "quý II/2026", "tháng 6/2026": the "/year" that ends a period after its quarter or month. */
function periodSlash(toks: Tok[], j: number): boolean {
  const y = toks[j + 1];
  return isP(toks[j], '/') && toks[j - 1]?.t === 'w' && y !== undefined && (y.t === 'x' || y.t === 'n') && /^(?:19|20)\d\d$/.test(y.raw) && !isP(toks[j + 2], '/');
}

export function readChanges(toks: Tok[], lo: number, hi: number, segment: number, out: Change[]): void {
  for (let i = lo; i < hi; i++) {
    const verb = verbAt(toks, i);
    if (verb) {
      readRef(toks, i, verb, lo, hi, segment, out);
      continue;
    }
    if (isW(toks[i], 'vượt')) readPlanExcess(toks, i, lo, hi, segment, out);
    else if (isW(toks[i], 'từ')) readFromTo(toks, i, lo, hi, segment, out);
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
  // V: right before the verb, only unit words, a comma or a parenthesis between;
  // a plan clause may stand between ("8.426 lượt, vượt kế hoạch (8.000 lượt), tăng ...").
  let k = i - 1;
  if (isP(toks[k], ',', '(') || isW(toks[k], 'và')) k--;
  const planStart = planClauseBefore(toks, k, lo);
  if (planStart !== undefined) k = planStart - 1;
  // "đạt 92,7% (9.126/9.842 người), tăng ...": the level's own fraction in parentheses.
  if (isP(toks[k], ')')) {
    const open = fractionParenBefore(toks, k, lo);
    if (open !== undefined) k = open - 1;
  }
  // "V (năm 2023 là P), tăng D": the reference before the verb.
  if (isP(toks[k], ')')) {
    const back = refParenBefore(toks, k, lo);
    if (!back) return;
    const cf0 = cf;
    const v = levelBefore(toks, back.open - 1, lo, hi);
    if (!v) return;
    if (!unitsAgree(v.unit ?? back.unit, back.unit ?? v.unit) || v.tok.pct !== back.prev.pct) return;
    out.push({ segment, shape: 'ref', dir: verb.dir, d: cf0.d, dUnit: cf0.unit, dHedge: cf0.hedge, cur: v.tok, curUnit: v.unit, prev: back.prev, prevUnit: back.unit, hedged: !!(real(v.hedge) || real(back.hedge)), est: v.hedge === 'ước' || back.hedge === 'ước' });
    return;
  }
  // "Xảy ra 135 vụ ...; so với năm 2023, số vụ giảm 13 vụ (năm 2023 là 148 vụ)": "số <unit>" names the sentence's count in that unit.
  const lv = levelBefore(toks, k, lo, hi) ?? countNamedBefore(toks, i, lo, hi);
  if (!lv) return;
  // "1.258 bác sĩ, trong đó 82 bác sĩ mới tuyển, tăng 7,0% ...": the change may be the whole's, not the part's.
  for (let j = lo; j < i; j++) if (isW(toks[j], 'trong') && isW(toks[j + 1], 'đó')) return;
  const cur = lv.tok;
  const curUnit = { key: lv.unit };
  // P: "so với <ref words> (P)" or "(<ref words> P)" / "(<ref words>: P)" / "(<ref words> là P)".
  let j = cf.next;
  // "tăng 82 bác sĩ (7,0%) so với ...": the same change as a percentage too.
  let rel: Tok | undefined;
  if (isP(toks[j], '(') && isQty(toks[j + 1]) && toks[j + 1].pct && isP(toks[j + 2], ')') && !cf.d.pct) {
    rel = toks[j + 1];
    j += 3;
  }
  let sawSoVoi = false;
  if (isW(toks[j], 'so') && isW(toks[j + 1], 'với')) {
    j += 2;
    sawSoVoi = true;
    let n = 0;
    while (j < hi && n < 10 && (toks[j].t === 'w' || (isQty(toks[j]) && toks[j].year) || (toks[j].t === 'x' && toks[j].num?.kind === 'date') || periodSlash(toks, j))) {
      j += periodSlash(toks, j) ? 2 : 1;
      n++;
    }
  }
  if (!isP(toks[j], '(')) return;
  j++;
  let refWords = 0;
  let periodWord = false;
  while (j < hi && refWords < 8 && (toks[j].t === 'w' || (isQty(toks[j]) && toks[j].year && !isP(toks[j + 1], ')')) || periodSlash(toks, j))) {
    if (periodSlash(toks, j)) {
      j += 2;
      periodWord = true;
      continue;
    }
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
  if (cur.pct !== prev.pct) return;
  const base: Change = {
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
    hedged: !!(real(lv.hedge) || real(pHedge)),
    est: lv.hedge === 'ước' || pHedge === 'ước',
  };
  out.push(base);
  if (rel) out.push({ ...base, d: rel, dUnit: '%', dHedge: undefined });
}

/** Words between "kế hoạch" / "chỉ tiêu" and the plan's parenthesis ("kế hoạch năm 2024 được giao (…)"). */
const PLAN_TAIL = new Set(['năm', 'được', 'giao', 'đề', 'ra']);

/**
 * "V [unit], vượt D% kế hoạch [năm] (P [unit])": the result over the plan, a change from P to V.
 * "vượt 104,4% kế hoạch" written for "đạt 104,4%" (the ratio, not the excess) is a wording slip,
 * not a wrong figure: it is not read as a change.
 */
function readPlanExcess(toks: Tok[], i: number, lo: number, hi: number, segment: number, out: Change[]): void {
  const cf = changeFigure(toks, i + 1, hi);
  if (!cf || !cf.d.pct || cf.hedge) return;
  let j = cf.next;
  if (isW(toks[j], 'kế') && isW(toks[j + 1], 'hoạch')) j += 2;
  else if (isW(toks[j], 'chỉ') && isW(toks[j + 1], 'tiêu')) j += 2;
  else if (isW(toks[j], 'kh')) j++;
  else return;
  for (let n = 0; j < hi && n < 4 && (isW(toks[j], ...PLAN_TAIL) || (isQty(toks[j]) && toks[j].year)); n++) j++;
  if (!isP(toks[j], '(')) return;
  j++;
  if (isP(toks[j], ':')) j++;
  const prev = toks[j];
  if (!isLevel(prev) || prev.pct || prev.v <= 0 || hedgeBefore(toks, j, lo)) return;
  const pu = unitAfter(toks, j, hi);
  if (!isP(toks[pu.next], ')')) return;
  // V: the clause before the comma.
  if (!isP(toks[i - 1], ',')) return;
  const lv = levelBefore(toks, i - 2, lo, hi);
  if (!lv || lv.tok.pct || real(lv.hedge)) return;
  if (!unitsAgree(lv.unit ?? pu.key, pu.key ?? lv.unit) || (lv.unit !== undefined && pu.key !== undefined && lv.unit !== pu.key)) return;
  const ratio = (100 * lv.tok.v) / prev.v;
  if (Math.abs(ratio - cf.d.v) <= cf.d.half + 1e-9) return;
  out.push({ segment, shape: 'ref', dir: 'up', d: cf.d, dUnit: '%', cur: lv.tok, curUnit: lv.unit, prev, prevUnit: pu.key, hedged: false, est: lv.hedge === 'ước', word: 'vượt' });
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
  // "lên 132/158 xã": the count is the numerator.
  const cur = toks[j]?.num?.kind === 'fraction' ? numeratorTok(toks[j]) : toks[j];
  if (!cur || !isLevel(cur) || cur.pct) return;
  const cu = unitAfter(toks, j, hi);
  // D: the nearest figure before "nâng", after "thêm" / "tăng" / "mới".
  let k = i - 1;
  let d: Tok | undefined;
  let dIdx = -1;
  for (; k >= lo && k > i - 30; k--) {
    if (isP(toks[k], ';')) break;
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
  // P: the nearest figure before D, in the same unit, no other figure between;
  // else "(năm 2023 là 124/158 xã ...)" after the new total.
  let p = dIdx - 1;
  while (p >= lo && !(isQty(toks[p]) && !toks[p].year) && toks[p].t !== 'x') p--;
  let prev: Tok | undefined;
  let pu: { key?: string } = {};
  if (p >= lo && isLevel(toks[p]) && !toks[p].pct) {
    prev = toks[p];
    pu = unitAfter(toks, p, hi);
  } else {
    const after = refParenAfter(toks, cu.next, hi);
    if (after) {
      prev = after.prev;
      pu = { key: after.unit };
    }
  }
  if (!prev) return;
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
    hedged: !!((p >= lo && hedgeBefore(toks, p, lo)) || hedgeBefore(toks, dIdx, lo)),
  });
}

/** Words after a percentage that make it a share of a plan, not a level ("104% kế hoạch"). */
const PLAN_WORDS = new Set(['kế', 'hoạch', 'kh', 'chỉ', 'tiêu', 'mục', 'so', 'với', 'cùng', 'kỳ', 'dự', 'toán']);

/** Words that end the noun phrase of a level read backwards from a change verb. */
const NOT_NP = new Set(['tăng', 'giảm', 'đạt', 'là', 'có', 'so', 'với', 'chiếm', 'vượt', 'bằng', 'và', 'nhưng', 'còn', 'từ', 'lên', 'xuống', 'hơn', 'cao', 'thấp', 'trong', 'đó', 'gồm']);

/** The level ending at k: "V", "V unit [noun phrase]" ("214 ca sốt xuất huyết", "2,6 triệu đồng/người/tháng"), "V% dân số". */
function levelBefore(toks: Tok[], k: number, lo: number, hi: number): { tok: Tok; unit?: string; hedge?: string } | undefined {
  let words = 0;
  while (k >= lo && words < 7 && ((toks[k].t === 'w' && !NOT_NP.has(toks[k].k) && toks[k].raw[0] === toks[k].k[0]) || (isP(toks[k], '/') && toks[k - 1]?.t === 'w'))) {
    if (PLAN_WORDS.has(toks[k].k)) return undefined;
    k--;
    words++;
  }
  const tok = toks[k];
  if (k < lo || !isLevel(tok)) return undefined;
  const u = unitAfter(toks, k, hi);
  // A count needs its unit right after it; a percentage may be followed by its base ("94,2% dân số").
  if (!tok.pct && words > 0 && u.key === undefined) return undefined;
  if (!tok.pct && words === 0 && u.next !== k + 1) return undefined;
  return { tok, unit: u.key, hedge: hedgeBefore(toks, k, lo) };
}

/** A plan clause ending at k: ", đạt 104,9% kế hoạch (14.500 lượt)", ", vượt kế hoạch (8.000 lượt)"; returns the index of its comma. */
function planClauseBefore(toks: Tok[], k: number, lo: number): number | undefined {
  let plan = false;
  let figures = 0;
  for (let j = k; j >= lo && j > k - 14; j--) {
    const t = toks[j];
    if (isP(t, ',')) return plan && figures <= 2 ? j : undefined;
    if (isP(t, ';', '.')) return undefined;
    if (isW(t, 'kế') || isW(t, 'kh') || (isW(t, 'chỉ') && isW(toks[j + 1], 'tiêu'))) plan = true;
    if (isW(t, 'tăng', 'giảm', 'so')) return undefined;
    if (isQty(t)) figures++;
    if (t.t === 'x') return undefined;
  }
  return undefined;
}

/**
 * The words after "(" that name the earlier period ("năm 2023 là", "cùng kỳ:"),
 * from j up to hi: where the figure starts, or undefined when no period is named.
 * `closing` (the figure ends at the ")"): month and quarter count as periods, a
 * year just before ")" is the figure, and a word of a change or a plan means the
 * parenthesis is not a reference.
 */
function parenPeriod(toks: Tok[], j: number, hi: number, closing: boolean): { next: number } | undefined {
  let period = false;
  while (j < hi && (toks[j].t === 'w' || (isQty(toks[j]) && toks[j].year && !(closing && isP(toks[j + 1], ')'))))) {
    if (isW(toks[j], 'năm', 'kỳ', 'cùng', 'trước') || (closing && isW(toks[j], 'tháng', 'quý')) || (isQty(toks[j]) && toks[j].year)) period = true;
    if (closing && isW(toks[j], 'tăng', 'giảm', 'kế', 'chỉ', 'mục', 'chiếm')) return undefined;
    if (isW(toks[j], 'là')) {
      j++;
      break;
    }
    j++;
  }
  if (isP(toks[j], ':')) j++;
  return period ? { next: j } : undefined;
}

/** "(năm 2023 là 92,7%)" / "(năm 2023: 92,7%)" ending at k (the ")"). */
function refParenBefore(toks: Tok[], k: number, lo: number): { open: number; prev: Tok; unit?: string; hedge?: string } | undefined {
  let open = -1;
  for (let j = k - 1; j >= lo && j > k - 14; j--) {
    if (isP(toks[j], '(')) {
      open = j;
      break;
    }
    if (toks[j].t === 'p' && !isP(toks[j], ':')) return undefined;
  }
  if (open < 0) return undefined;
  const words = parenPeriod(toks, open + 1, k, true);
  if (!words) return undefined;
  let j = words.next;
  const hedge = toks[j]?.t === 'w' && HEDGES.has(toks[j].k) ? toks[j++].k : undefined;
  const prev = toks[j];
  if (!isLevel(prev)) return undefined;
  const u = unitAfter(toks, j, k + 1);
  if (u.next !== k) return undefined;
  return { open, prev, unit: u.key, hedge };
}

/** A fraction's numerator as a quantity of its own ("132/158 xã" → 132). */
function numeratorTok(t: Tok): Tok | undefined {
  const n = t.num?.numerator;
  if (!n || n.value === undefined || n.decimals) return undefined;
  return { t: 'n', s: t.s, e: n.end, k: n.raw, raw: n.raw, v: n.value, half: 0, dec: 0, pct: false, year: false, range: false, ns: n.start, ne: n.end };
}

/** "(năm 2023 là 124/158 xã, ...)" / "(năm 2023: 16/21 xã)" within the next tokens: the earlier count. */
function refParenAfter(toks: Tok[], j: number, hi: number): { prev: Tok; unit?: string } | undefined {
  // Skip ", đạt 83,5%" between the new total and the parenthesis.
  let n = 0;
  while (j < hi && n < 5 && !isP(toks[j], '(')) {
    if (isP(toks[j], ';') || isW(toks[j], 'tăng', 'giảm')) return undefined;
    j++;
    n++;
  }
  if (!isP(toks[j], '(')) return undefined;
  const words = parenPeriod(toks, j + 1, hi, false);
  if (!words) return undefined;
  const t = toks[words.next];
  const prev = t?.num?.kind === 'fraction' ? numeratorTok(t) : isLevel(t) && !t.pct ? t : undefined;
  if (!prev) return undefined;
  return { prev, unit: unitAfter(toks, words.next, hi).key };
}

/** "số vụ giảm": the first count of the sentence in that unit ("135 vụ"), when exactly one is there. */
function countNamedBefore(toks: Tok[], i: number, lo: number, hi: number): { tok: Tok; unit?: string; hedge?: string } | undefined {
  if (!isW(toks[i - 2], 'số') || toks[i - 1]?.t !== 'w') return undefined;
  const unit = toks[i - 1].k;
  let found: { tok: Tok; unit?: string; hedge?: string } | undefined;
  for (let k = lo; k < i - 2; k++) {
    if (!isLevel(toks[k]) || toks[k].pct) continue;
    if (unitAfter(toks, k, hi).key !== unit) continue;
    if (found) return undefined;
    found = { tok: toks[k], unit, hedge: hedgeBefore(toks, k, lo) };
  }
  return found;
}

/** "(9.126/9.842 người)" ending at k: a fraction and words only; returns the index of "(". */
function fractionParenBefore(toks: Tok[], k: number, lo: number): number | undefined {
  let frac = false;
  for (let j = k - 1; j >= lo && j > k - 8; j--) {
    const t = toks[j];
    if (isP(t, '(')) return frac ? j : undefined;
    if (t.t === 'x' && t.num?.kind === 'fraction') frac = true;
    else if (t.t !== 'w') return undefined;
  }
  return undefined;
}
