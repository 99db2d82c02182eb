// Reading a token sequence: names of indicators, units after figures, periods,
// places, kinds, hedges and sub-types. Shared by prose sentences, table
// headers, headings and captions.
import type { Catalogue, NameEntry } from './catalogue';
import { type Tok } from './lexer';
import { countLabelAt, countPhraseAt, type CountPhrase } from './counts';
import { foldKeyOf as K, HEDGE_SYMBOLS, inW, isCap, lexiconStartWords, wordSet, matchPlace, matchQual, parsePer, type Den, type Qual } from './lexicon';
import { parseViNumber } from '../vietnamese/numbers';

// Word sets of the hot paths, folded once (named by the word or what it marks: "tháng" = MONTH_WORD).
const CHANGE_VERBS = wordSet('tăng', 'giảm');
const THEM_WORD = wordSet('thêm');
const GROUP_WORD = wordSet('nhóm');
const IS_OR_REACH = wordSet('là', 'đạt');
const PHAN_WORD = wordSet('phần');
const TRAM_WORD = wordSet('trăm');
const POINT_WORD = wordSet('điểm');
const TIMES_WORD = wordSet('lần');
const AGE_WORD = wordSet('tuổi');
const HEALTHY_WORD = wordSet('khỏe');
const YEAR_WORD = wordSet('năm');
const DURATION_AFTER_YEAR = wordSet('qua', 'nay', 'trước', 'gần', 'liên', 'tới', 'sau', 'trở', 'đầu', 'cuối', 'học', 'tuổi');
const FROM_WORD = wordSet('từ');
const KE_WORD = wordSet('kể');
const SO_WORD = wordSet('so');
const WITH_WORD = wordSet('với');
const SAME_WORD = wordSet('cùng');
const PERIOD_KY_WORD = wordSet('kỳ');
const TINH_WORD = wordSet('tính');
const DEN_WORD = wordSet('đến');
const TOI_WORD = wordSet('tới');
const UNTIL_WORDS = wordSet('đến', 'tới');
const END_OF_WORDS = wordSet('hết', 'cuối');
const DAY_WORD = wordSet('ngày');
const SO_PRELIM_WORD = wordSet('sơ');
const BO_PRELIM_WORD = wordSet('bộ');
const MONTH_WORD = wordSet('tháng');
const FIRST_PART_WORD = wordSet('đầu');
const LAST_PART_WORD = wordSet('cuối');
const QUARTER_WORD = wordSet('quý');
const GIAI_WORD = wordSet('giai');
const NHIEM_WORD = wordSet('nhiệm');
const THOI_WORD = wordSet('thời');
const PHASE_SECOND_WORDS = wordSet('đoạn', 'kỳ');
const IN_WORD = wordSet('trong');
const AT_WORD = wordSet('vào');
const AGE_BOUND_WORDS = wordSet('dưới', 'trên', 'từ', 'đủ');
const POPULATION_NOUNS = wordSet('người', 'nhóm', 'trẻ', 'em', 'nữ', 'nam', 'số', 'tuổi', 'giới', 'dân', 'bà', 'mẹ', 'cụ', 'già');
const UNDER_WORD = wordSet('dưới');
const TRO_WORD = wordSet('trở');
const UP_WORD = wordSet('lên');

export interface PeriodSpec {
  year?: number;
  /** Second year of a range (giai đoạn 2021-2025). */
  year2?: number;
  /** 6 = "6 tháng đầu năm", 9 = "9 tháng". */
  months?: number;
  quarter?: number;
  month?: number;
  day?: number;
  /** Sơ bộ: a provisional figure. */
  prelim?: boolean;
  /** "đến năm 2030": a deadline (a target when it is after the document's year). */
  until?: boolean;
}

export type PeriodType = 'at' | 'until' | 'from' | 'cmp' | 'doc';

export interface NameHit {
  s: number;
  e: number;
  entries: NameEntry[];
  per?: number;
  den?: Den;
  /** A change verb right before the name ("giảm tỷ lệ ..."). */
  verb?: 'change';
  /** Not a name in the text: the indicator of the previous figure, carried to the figures listed after it. */
  synthetic?: boolean;
  /** A counted noun phrase outside the catalogue ("số lượt khám bệnh"): `entries` is then empty. */
  count?: CountPhrase;
}

export interface UnitInfo {
  /** noun: the indicator's head noun without a denominator ("32 giường"), a headcount unless a name with a denominator just said what it is. */
  kind: 'pct' | 'per' | 'years' | 'times' | 'pp' | 'count' | 'bare' | 'noun' | 'duration';
  end: number;
  per?: number;
  den?: Den;
  /** Numerator candidates ("bác sĩ" -> doctors_per_10k). */
  numInds?: string[];
}

export type Hit =
  | { type: 'name'; s: number; e: number; name: NameHit }
  | { type: 'period'; s: number; e: number; spec: PeriodSpec; ptype: PeriodType }
  | { type: 'place'; s: number; e: number; key: string; label: string }
  | { type: 'qual'; s: number; e: number; qual: Qual }
  | { type: 'sub'; s: number; e: number; sub: string }
  | { type: 'unit' | 'label'; s: number; e: number };

/** Everything found in a token sequence. */
export interface Reading {
  toks: readonly Tok[];
  hits: Hit[];
  /** For each token, the index in `hits` of the hit covering it, or -1. */
  hitOf: number[];
  /** Units after figures, by the figure's token index. */
  unitAt: readonly (UnitInfo | undefined)[];
  /** For each token, the index of the '(' of the innermost group containing it, or -1. */
  groupOf: number[];
  /** For each '(' index, the index of its ')' (toks.length when unclosed). */
  closeOf: Map<number, number>;
  /** For each ')' index, the index of its '('. */
  openOf: Map<number, number>;
}

const isN = (t: Tok | undefined): t is Extract<Tok, { t: 'n' }> => !!t && t.t === 'n';

export function isYearTok(t: Tok | undefined): boolean {
  if (!isN(t) || t.num.percent || t.num.scale) return false;
  if (t.num.kind === 'number') return !!t.num.isYear;
  return t.num.kind === 'code' && /^(19|20)\d\d$/.test(t.num.raw);
}
const yearOf = (t: Tok): number => Number((t as Extract<Tok, { t: 'n' }>).num.raw);

/** A figure's numeric value, also for tokens the tokenizer saw as codes ("sĩ/10.000") or document numbers ("12,5/vạn"). */
export function numValue(t: Tok | undefined): { value: number; decimals: number } | undefined {
  if (!isN(t)) return undefined;
  const n = t.num;
  if (n.kind === 'number') return n.value === undefined ? undefined : { value: n.value, decimals: n.decimals ?? 0 };
  if (n.kind === 'code' || n.kind === 'docnum') {
    const v = parseViNumber(n.raw);
    return v && (v.style === 'plain' || v.style === 'vi' || v.style === 'vi-or-en') ? { value: v.value, decimals: v.decimals } : undefined;
  }
  return undefined;
}

/** Could this number token be a figure (not a year, date, time, section number...)? */
export function figureLike(t: Tok | undefined): boolean {
  if (!isN(t)) return false;
  const k = t.num.kind;
  if (k === 'number') return !isYearTok(t) || !!t.num.percent;
  if (k === 'fraction') return true;
  if (k === 'code' || k === 'docnum') return !!numValue(t) && !isYearTok(t);
  return false;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const WORD_MONTHS: Record<string, number> = { [K('ba')]: 3, [K('sáu')]: 6, [K('chín')]: 9 };
const LABEL_WORDS = new Set(
  ['mũi', 'đợt', 'lần', 'thứ', 'số', 'bảng', 'biểu', 'mục', 'điều', 'khoản', 'chương', 'chí', 'lục', 'khóa', 'kỳ', 'cấp', 'loại', 'độ', 'hạng', 'top', 'tuần', 'ngày', 'phần', 'bước', 'nhóm', 'mẫu', 'phiên', 'tầng', 'phòng', 'lô', 'đoàn', 'hình', 'sơ đồ', 'tập', 'quyển', 'trang', 'dòng', 'cột'].map((w) => K(w)),
);
const DOSE_WORDS = new Set(['mũi', 'đợt'].map((w) => K(w)));

/** Words that may follow a bare figure without being its unit noun. */
export const FOLLOW_OK = new Set(
  [
    'và', 'so', 'với', 'trong', 'tại', 'ở', 'của', 'theo', 'khi', 'nhưng', 'còn', 'trở', 'tăng', 'giảm', 'vượt', 'đạt', 'cao', 'thấp', 'là', 'lên',
    'xuống', 'hoặc', 'hay', 'thì', 'đến', 'tới', 'sau', 'trước', 'kể', 'cả', 'toàn', 'đối', 'bằng', 'ước', 'tương', 'chiếm', 'vào', 'từ', 'song',
    'nên', 'do', 'vì', 'mà', 'như', 'cùng', 'năm', 'đã', 'được', 'chỉ', 'mới', 'vẫn', 'đều', 'trên', 'dưới', 'gần', 'hơn', 'khoảng', 'cho', 'này',
    'đó', 'nay', 'hiện', 'ra', 'giao', 'đề', 'kế', 'mục', 'thực', 'hoàn', 'riêng', 'tính', 'trung', 'bình', 'chung', 'mức', 'xếp', 'đứng',
  ].map((w) => K(w)),
);

const NO_PARENS = new Map<number, number>();
const NO_UNITS: (UnitInfo | undefined)[] = [];
/** -1 everywhere (only read): the group of every token of a text without parentheses. */
let noGroups: number[] = [];

/** Parenthesis groups of the tokens (into r.groupOf, r.closeOf, r.openOf). */
function parens(r: Reading): void {
  const toks = r.toks;
  const n = toks.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) if (toks[i].k === '(' || toks[i].k === ')') any = true;
  if (!any) {
    // No parenthesis: no groups (the shared arrays and maps are only read).
    if (noGroups.length < n) noGroups = new Array(Math.max(n, 2 * noGroups.length)).fill(-1);
    r.groupOf = noGroups;
    return;
  }
  const groupOf: number[] = new Array(n).fill(-1);
  const closeOf = new Map<number, number>();
  const openOf = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = toks[i].k;
    if (k === '\n' && stack.length > 0) {
      for (const o of stack) closeOf.set(o, i);
      stack.length = 0;
    }
    groupOf[i] = stack.length ? stack[stack.length - 1] : -1;
    if (k === '(') stack.push(i);
    else if (k === ')') {
      const o = stack.pop();
      if (o !== undefined) {
        closeOf.set(o, i);
        openOf.set(i, o);
      }
      groupOf[i] = stack.length ? stack[stack.length - 1] : -1;
    }
  }
  for (const o of stack) closeOf.set(o, toks.length);
  r.groupOf = groupOf;
  r.closeOf = closeOf;
  r.openOf = openOf;
}

function add(r: Reading, h: Hit): void {
  const idx = r.hits.length;
  r.hits.push(h);
  for (let k = h.s; k < h.e; k++) r.hitOf[k] = idx;
}

function free(r: Reading, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (r.hitOf[k] >= 0) return false;
  return true;
}

/** Is a hit at index h visible from index v: not inside a parenthesis group that v is outside of? */
export function visibleFrom(r: Reading, h: number, v: number): boolean {
  const g = r.groupOf[h];
  if (g < 0) return true;
  return g < v && v < (r.closeOf.get(g) ?? r.toks.length);
}

/**
 * The folded words a hit of steps 2 and 3 of readTokens can start with (per
 * catalogue): a word outside it, not capitalised, starts none and is skipped
 * with one lookup instead of one per kind of hit.
 */
const startWordsOf = new WeakMap<Catalogue, Set<string>>();
/** Scratch (per readTokens call): token i may start a hit of step 3. */
let mayStart = new Uint8Array(256);
function startWords(cat: Catalogue): Set<string> {
  let s = startWordsOf.get(cat);
  if (!s) {
    s = new Set([...cat.names.firstKeys(), ...PERIOD_START, ...AGE_LEAD, ...LABEL_WORDS, ...lexiconStartWords(), K('nam'), K('nữ')]);
    startWordsOf.set(cat, s);
  }
  return s;
}

/**
 * Read a token sequence. Order matters: units after figures first (so the
 * "bác sĩ" of "12,5 bác sĩ/vạn dân" is a unit, not a name), then names, then
 * periods, labels, ages, places and the other qualifiers on what is left.
 */
export function readTokens(toks: readonly Tok[], cat: Catalogue): Reading {
  const n = toks.length;
  const r: Reading = { toks, hits: [], hitOf: new Array(n).fill(-1), unitAt: NO_UNITS, groupOf: noGroups, closeOf: NO_PARENS, openOf: NO_PARENS };
  parens(r);

  // 1. Units after figures: "12,5 bác sĩ/vạn dân", "12,1 trên 1.000 trẻ đẻ sống", "40/100.000 trẻ đẻ sống".
  for (let i = 0; i < n; i++) {
    if (toks[i].t !== 'n' || !figureLike(toks[i])) continue;
    const u = unitAfter(toks, i, cat);
    if (!u) continue;
    if (r.unitAt === NO_UNITS) r.unitAt = new Array<UnitInfo | undefined>(n);
    (r.unitAt as (UnitInfo | undefined)[])[i] = u;
    if (u.kind === 'per' && u.end > i + 1 && free(r, i + 1, u.end)) add(r, { type: 'unit', s: i + 1, e: u.end });
  }

  const starts = startWords(cat);
  // 2. Names of indicators (an alias with a denominator needs one after its head noun).
  if (mayStart.length < n) mayStart = new Uint8Array(Math.max(n, 2 * mayStart.length));
  for (let i = 0; i < n; i++) {
    if (r.hitOf[i] >= 0) continue;
    const t = toks[i];
    if (t.t === 'p' || t.t === 'nl') continue;
    // Step 3 asks again for the words left: remember the answer.
    const may = t.t !== 'w' || starts.has(t.k);
    mayStart[i] = may ? 1 : 0;
    if (!may) continue;
    const m = cat.names.match(toks, i, true);
    if (!m || !free(r, i, m.end)) continue;
    const per = parsePer(toks, m.end);
    const entries = m.values.filter((en) => {
      if (!en.needsPer) return true;
      const ind = cat.byId.get(en.ind);
      return !!per && !!ind && (!ind.denominator || ind.denominator === per.den);
    });
    if (!entries.length) continue;
    const e = per && free(r, m.end, per.end) ? per.end : m.end;
    const hit: NameHit = { s: i, e, entries, per: e === m.end ? undefined : per?.per, den: e === m.end ? undefined : per?.den };
    const before = toks[i - 1];
    if (before && (inW(before, CHANGE_VERBS) || (inW(before, THEM_WORD) && inW(toks[i - 2], CHANGE_VERBS)))) hit.verb = 'change';
    add(r, { type: 'name', s: i, e, name: hit });
    i = e - 1;
  }

  // 3. Periods, ages, labels, places, qualifiers.
  for (let i = 0; i < n; i++) {
    if (r.hitOf[i] >= 0) continue;
    const ti = toks[i];
    if (ti.t === 'p' || ti.t === 'nl') {
      // No period, age, label, place or qualifier starts with punctuation or a line break: only a hedge sign ("> 90%", "~ 40").
      if (ti.t === 'p' && HEDGE_SYMBOLS[ti.k]) add(r, { type: 'qual', s: i, e: i + 1, qual: { cat: 'hedge', val: HEDGE_SYMBOLS[ti.k] } });
      continue;
    }
    if (ti.t === 'w' && !mayStart[i] && !isCap(ti)) continue;
    const p = periodAt(toks, i);
    if (p && free(r, i, p.e)) {
      add(r, { type: 'period', s: i, e: p.e, spec: p.spec, ptype: p.type });
      i = p.e - 1;
      continue;
    }
    const age = ageAt(toks, i);
    if (age && free(r, i, age.e)) {
      add(r, { type: 'sub', s: i, e: age.e, sub: age.sub });
      i = age.e - 1;
      continue;
    }
    const t = toks[i];
    const nx = toks[i + 1];
    if (t.t === 'w' && isN(nx) && r.hitOf[i + 1] < 0 && LABEL_WORDS.has(t.k) && !nx.num.percent) {
      // "mũi 3", "Bảng 2", "lần thứ 31", "nhóm 1": a label, not a figure.
      if (inW(t, GROUP_WORD)) {
        const pl = matchPlace(toks, i);
        if (pl) {
          add(r, { type: 'place', s: i, e: pl.end, key: pl.key, label: pl.label });
          i = pl.end - 1;
          continue;
        }
      }
      if (DOSE_WORDS.has(t.k)) add(r, { type: 'sub', s: i, e: i + 2, sub: `dose:${nx.num.raw}` });
      else add(r, { type: 'label', s: i, e: i + 2 });
      i++;
      continue;
    }
    // "nam 72,1 tuổi và nữ 77,2 tuổi": lower-case nam/nữ right before a figure is the sex (Quảng Nam, Nam Định are capitalised).
    if (t.t === 'w' && (t.raw === 'nam' || t.raw === 'nữ')) {
      let k = i + 1;
      if (inW(toks[k], IS_OR_REACH) || toks[k]?.k === ':') k++;
      if (isN(toks[k])) {
        add(r, { type: 'sub', s: i, e: i + 1, sub: t.raw === 'nam' ? 'sex:nam' : 'sex:nữ' });
        continue;
      }
    }
    const pl = matchPlace(toks, i);
    if (pl && free(r, i, pl.end)) {
      add(r, { type: 'place', s: i, e: pl.end, key: pl.key, label: pl.label });
      i = pl.end - 1;
      continue;
    }
    const q = matchQual(toks, i);
    if (q && free(r, i, q.end)) {
      if (q.qual.cat === 'place') add(r, { type: 'place', s: i, e: q.end, key: q.qual.val, label: q.qual.label ?? q.qual.val });
      else if (q.qual.cat === 'sub') add(r, { type: 'sub', s: i, e: q.end, sub: q.qual.val });
      else add(r, { type: 'qual', s: i, e: q.end, qual: q.qual });
      i = q.end - 1;
      continue;
    }
    if (t.t === 'p' && HEDGE_SYMBOLS[t.k]) add(r, { type: 'qual', s: i, e: i + 1, qual: { cat: 'hedge', val: HEDGE_SYMBOLS[t.k] } });
  }

  // 4. Counts outside the catalogue ("Tổng số lượt khám bệnh", "Số ca phẫu thuật"), on the words left free.
  const isFree = (k: number): boolean => r.hitOf[k] < 0;
  const inCountPhrase = (k: number): boolean => {
    const h = r.hitOf[k];
    if (h < 0) return true;
    const x = r.hits[h];
    return x.type === 'qual' && x.qual.cat === 'average' && /^(trung bình|bình quân)$/iu.test(x.qual.label ?? '');
  };
  const label = countLabelAt(toks, isFree);
  if (label) add(r, { type: 'name', s: label.s, e: label.e, name: { s: label.s, e: label.e, entries: [], count: label.phrase } });
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.t !== 'w' || (t.k !== SO_COUNT && t.k !== TONG_COUNT && !isCap(t)) || !isFree(i)) continue;
    const c = countPhraseAt(toks, i, isFree, inCountPhrase);
    if (!c) continue;
    add(r, { type: 'name', s: c.s, e: c.e, name: { s: c.s, e: c.e, entries: [], count: c.phrase } });
    i = c.e - 1;
  }
  return r;
}
const SO_COUNT = K('số');
const TONG_COUNT = K('tổng');

/** The unit right after the figure at toks[i] (or the second figure of a range). */
function unitAfter(toks: readonly Tok[], i: number, cat: Catalogue): UnitInfo | undefined {
  const t = toks[i] as Extract<Tok, { t: 'n' }>;
  const j = i + 1;
  if (t.num.percent) return { kind: 'pct', end: j, per: t.num.percent === '%' ? 100 : 1000 };
  if (t.num.kind === 'fraction') {
    // "40/100.000 trẻ đẻ sống": a rate written as a fraction of its base.
    const dn = t.num.denominator?.value;
    if (dn && [100, 1000, 10000, 100000].includes(dn)) {
      const d = parsePer([{ t: 'p', s: 0, e: 0, k: '/' }, { ...t, num: t.num.denominator! }, ...toks.slice(j, j + 6)] as Tok[], 0);
      if (d) return { kind: 'per', end: j + (d.end - 2), per: dn, den: d.den };
    }
    return undefined;
  }
  if (t.num.scale) return { kind: 'count', end: j + 1 };
  const num = cat.numerators.match(toks, j);
  if (num) {
    const per = parsePer(toks, num.end);
    if (per) return { kind: 'per', end: per.end, per: per.per, den: per.den, numInds: num.values };
    return { kind: 'noun', end: num.end, numInds: num.values };
  }
  const per = parsePer(toks, j);
  if (per) return { kind: 'per', end: per.end, per: per.per, den: per.den };
  const w = toks[j];
  if (!w) return { kind: 'bare', end: j };
  if (w.t !== 'w') return { kind: 'bare', end: j };
  if (inW(w, PHAN_WORD) && inW(toks[j + 1], TRAM_WORD)) return { kind: 'pct', end: j + 2, per: 100 };
  if (inW(w, POINT_WORD)) return { kind: 'pp', end: j + 1 };
  if (inW(w, TIMES_WORD)) return { kind: 'times', end: j + 1 };
  if (inW(w, AGE_WORD)) return { kind: 'years', end: inW(toks[j + 1], HEALTHY_WORD) ? j + 3 : j + 1 };
  if (inW(w, YEAR_WORD)) {
    const nx = toks[j + 1];
    if (isYearTok(nx)) return { kind: 'bare', end: j };
    if (inW(nx, DURATION_AFTER_YEAR)) return { kind: 'duration', end: j + 1 };
    return { kind: 'years', end: j + 1 };
  }
  if (/^\p{Lu}/u.test(w.raw)) return { kind: 'bare', end: j };
  if (FOLLOW_OK.has(w.k)) return { kind: 'bare', end: j };
  return { kind: 'count', end: j + 1 };
}

/** A period expression at toks[i]. */
const AGE_LEAD = wordSet('dưới', 'trên', 'từ', 'đủ');
const PERIOD_START = wordSet('từ', 'kể', 'so', 'tính', 'đến', 'tới', 'sơ', 'quý', 'tháng', 'giai', 'nhiệm', 'thời', 'năm', 'trong', 'vào', 'ba', 'sáu', 'chín');

function periodAt(toks: readonly Tok[], i: number): { e: number; spec: PeriodSpec; type: PeriodType } | undefined {
  const t = toks[i];
  // Fast exit: a period starts with one of a few words or a number.
  if (t.t === 'p' || t.t === 'nl' || (t.t === 'w' && !PERIOD_START.has(t.k))) return undefined;
  let j = i;
  // from / compared-with / until prefixes
  if (inW(t, FROM_WORD) || (inW(t, KE_WORD) && inW(toks[i + 1], FROM_WORD))) {
    j += inW(t, KE_WORD) ? 2 : 1;
    if (inW(toks[j], YEAR_WORD)) j++;
    if (isYearTok(toks[j])) return { e: j + 1, spec: { year: yearOf(toks[j]) }, type: 'from' };
    return undefined;
  }
  if (inW(t, SO_WORD)) {
    j++;
    if (inW(toks[j], WITH_WORD)) j++;
    if (inW(toks[j], SAME_WORD) && inW(toks[j + 1], PERIOD_KY_WORD)) j += 2;
    if (inW(toks[j], YEAR_WORD)) j++;
    if (isYearTok(toks[j])) return { e: j + 1, spec: { year: yearOf(toks[j]) }, type: 'cmp' };
    return undefined;
  }
  if (inW(t, TINH_WORD) || inW(t, DEN_WORD) || inW(t, TOI_WORD)) {
    // "đến năm 2030" is a deadline; "tính đến hết năm 2025" is a status as of then.
    let asOf = false;
    if (inW(t, TINH_WORD)) {
      j++;
      asOf = true;
    }
    if (!inW(toks[j], UNTIL_WORDS)) return undefined;
    j++;
    if (inW(toks[j], END_OF_WORDS)) {
      j++;
      asOf = true;
    }
    if (inW(toks[j], DAY_WORD)) j++;
    const d = toks[j];
    if (isN(d) && d.num.kind === 'date' && d.num.date?.year) return { e: j + 1, spec: { year: d.num.date.year, month: d.num.date.month, day: d.num.date.day }, type: 'at' };
    if (inW(toks[j], YEAR_WORD)) j++;
    if (isYearTok(toks[j])) return { e: j + 1, spec: asOf ? { year: yearOf(toks[j]) } : { year: yearOf(toks[j]), until: true }, type: asOf ? 'at' : 'until' };
    return undefined;
  }
  if (inW(t, SO_PRELIM_WORD) && inW(toks[i + 1], BO_PRELIM_WORD)) {
    j = i + 2;
    if (inW(toks[j], YEAR_WORD)) j++;
    if (isYearTok(toks[j])) return { e: j + 1, spec: { year: yearOf(toks[j]), prelim: true }, type: 'at' };
    return undefined;
  }
  // 6 tháng đầu năm (2023), "sáu tháng đầu năm"
  const monthsN = isN(t) && t.num.kind === 'number' && !t.num.percent ? t.num.value : t.t === 'w' ? WORD_MONTHS[t.k] : undefined;
  if (monthsN !== undefined && [3, 6, 9, 10, 11].includes(monthsN) && inW(toks[i + 1], MONTH_WORD)) {
    j = i + 2;
    let ok = false;
    if (inW(toks[j], FIRST_PART_WORD) || inW(toks[j], LAST_PART_WORD)) {
      j++;
      ok = true;
    }
    if (inW(toks[j], YEAR_WORD)) {
      j++;
      ok = true;
    }
    const spec: PeriodSpec = { months: monthsN };
    if (isYearTok(toks[j])) {
      spec.year = yearOf(toks[j]);
      j++;
      ok = true;
    }
    return ok ? { e: j, spec, type: 'at' } : undefined;
  }
  if (inW(t, QUARTER_WORD)) {
    j = i + 1;
    const q = toks[j];
    let quarter: number | undefined;
    if (q?.t === 'w' && ROMAN[q.raw.toLowerCase()]) quarter = ROMAN[q.raw.toLowerCase()];
    else if (isN(q) && q.num.kind === 'date' && q.num.date?.month && q.num.date.month <= 4 && q.num.date.year) {
      return { e: j + 1, spec: { quarter: q.num.date.month, year: q.num.date.year }, type: 'at' };
    } else if (isN(q) && q.num.kind === 'number' && (q.num.value ?? 0) >= 1 && (q.num.value ?? 0) <= 4) quarter = q.num.value;
    if (!quarter) return undefined;
    j++;
    if (toks[j]?.k === '/' || inW(toks[j], YEAR_WORD)) j++;
    const spec: PeriodSpec = { quarter };
    if (isYearTok(toks[j])) {
      spec.year = yearOf(toks[j]);
      j++;
    }
    return { e: j, spec, type: 'at' };
  }
  if (inW(t, MONTH_WORD)) {
    const d = toks[i + 1];
    if (isN(d) && d.num.kind === 'date' && d.num.date?.month && d.num.date.year && !d.num.date.day) return { e: i + 2, spec: { month: d.num.date.month, year: d.num.date.year }, type: 'at' };
    if (isN(d) && d.num.kind === 'number' && (d.num.value ?? 0) >= 1 && (d.num.value ?? 0) <= 12 && inW(toks[i + 2], YEAR_WORD) && isYearTok(toks[i + 3])) {
      return { e: i + 4, spec: { month: d.num.value, year: yearOf(toks[i + 3]) }, type: 'at' };
    }
    return undefined;
  }
  // giai đoạn / nhiệm kỳ 2021-2025, or a bare range of years.
  if (inW(t, GIAI_WORD) || inW(t, NHIEM_WORD) || inW(t, THOI_WORD)) {
    if (!inW(toks[i + 1], PHASE_SECOND_WORDS)) return undefined;
    j = i + 2;
    const r = yearRange(toks, j);
    if (r) return r;
    return undefined;
  }
  if (inW(t, YEAR_WORD) || ((inW(t, IN_WORD) || inW(t, AT_WORD)) && inW(toks[i + 1], YEAR_WORD))) {
    j = inW(t, YEAR_WORD) ? i + 1 : i + 2;
    if (!isYearTok(toks[j])) return undefined;
    const r = yearRange(toks, j);
    if (r) return r;
    const y = yearOf(toks[j]);
    // "Quyết định 1980/QĐ-TTg năm 2016": the year of a document, not of a figure.
    if (afterDocNumber(toks, i)) return { e: j + 1, spec: { year: y }, type: 'doc' };
    return { e: j + 1, spec: { year: y }, type: 'at' };
  }
  if (isYearTok(t)) {
    const r = yearRange(toks, i);
    if (r) return r;
    if (afterDocNumber(toks, i)) return { e: i + 1, spec: { year: yearOf(t) }, type: 'doc' };
    return { e: i + 1, spec: { year: yearOf(t) }, type: 'at' };
  }
  return undefined;
}

function yearRange(toks: readonly Tok[], j: number): { e: number; spec: PeriodSpec; type: PeriodType } | undefined {
  const a = toks[j];
  if (!isYearTok(a) || !isN(a) || a.num.rangeWith !== 'next') return undefined;
  let k = j + 1;
  if (toks[k]?.t === 'p' && /[-–—]/.test(toks[k].k)) k++;
  const b = toks[k];
  if (!isYearTok(b)) return undefined;
  return { e: k + 1, spec: { year: yearOf(a), year2: yearOf(b) }, type: 'at' };
}

function afterDocNumber(toks: readonly Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const t = toks[k];
    if (isN(t) && t.num.kind === 'docnum') return true;
    if (t.k === ',' || t.k === ';' || t.k === '.' || t.k === '\n') return false;
  }
  return false;
}

/** Age groups: "dưới 5 tuổi", "từ 5 đến dưới 12 tuổi", "18 tuổi trở lên", "15-49 tuổi". */
function ageAt(toks: readonly Tok[], i: number): { e: number; sub: string } | undefined {
  if (toks[i].t !== 'n' && !inW(toks[i], AGE_LEAD)) return undefined;
  let j = i;
  const parts: string[] = [];
  const lead = toks[j];
  if (inW(lead, AGE_BOUND_WORDS)) {
    parts.push((lead as { raw: string }).raw.toLowerCase());
    j++;
  }
  const a = toks[j];
  if (!isN(a) || a.num.kind !== 'number' || a.num.percent) return undefined;
  // "trẻ dưới 5 tuổi", "người từ 60 tuổi trở lên" (an age group); "tuổi thọ đạt trên 75 tuổi" is a value.
  const old = (a.num.value ?? 0) >= 40;
  if (old && !(j > i && inW(toks[i - 1], POPULATION_NOUNS))) return undefined;
  parts.push(a.num.raw);
  j++;
  if (inW(toks[j], UNTIL_WORDS) || (toks[j]?.t === 'p' && /[-–]/.test(toks[j].k))) {
    j++;
    if (inW(toks[j], UNDER_WORD)) j++;
    const b = toks[j];
    if (!isN(b) || b.num.kind !== 'number') return undefined;
    parts.push('-', b.num.raw);
    j++;
  } else if (isN(a) && a.num.rangeWith === 'next' && isN(toks[j])) {
    parts.push('-', (toks[j] as Extract<Tok, { t: 'n' }>).num.raw);
    j++;
  }
  if (!inW(toks[j], AGE_WORD)) return undefined;
  j++;
  if (inW(toks[j], TRO_WORD) && inW(toks[j + 1], UP_WORD)) {
    parts.push('+');
    j += 2;
  }
  return { e: j, sub: 'age:' + parts.join(' ') };
}

export { isN };
