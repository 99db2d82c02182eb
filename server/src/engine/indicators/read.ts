// Reading a token sequence: names of indicators, units after figures, periods,
// places, kinds, hedges and sub-types. Shared by prose sentences, table
// headers, headings and captions. Period phrases are read by period.ts, what a
// number token is by numbers.ts.
import type { Catalogue, NameEntry } from './catalogue';
import { type Tok } from './lexer';
import { countLabelAt, countPhraseAt, type CountPhrase } from './counts';
import { foldKeyOf as K, HEDGE_SYMBOLS, inW, isCap, lexiconStartWords, wordSet, matchPlace, matchQual, parsePer, type Den, type Qual } from './lexicon';
import { figureLike, isN, isYearTok, type NumTok } from './numbers';
import { PERIOD_START, periodAt, UNTIL_WORDS, YEAR_WORD, type PeriodSpec, type PeriodType } from './period';

export { figureLike, isN, isYearTok, numValue } from './numbers';
export type { PeriodSpec, PeriodType } from './period';

// Word sets of the hot paths, folded once, named by the word or what it marks.
/** "tăng/giảm tỷ lệ ...": a change verb before a name. */
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
/** "5 năm qua", "3 năm liên tiếp", "2 năm trở lại đây": a duration, not an age. */
const DURATION_AFTER_YEAR = wordSet('qua', 'nay', 'trước', 'gần', 'liên', 'tới', 'sau', 'trở', 'đầu', 'cuối', 'học', 'tuổi');
/** The bound an age group may start with: "dưới 5 tuổi", "từ 60 tuổi", "đủ 18 tuổi". */
const AGE_LEAD = wordSet('dưới', 'trên', 'từ', 'đủ');
/** Nouns of people before an age group ("người từ 60 tuổi trở lên"): an old age there is a group, not a value. */
const POPULATION_NOUNS = wordSet('người', 'nhóm', 'trẻ', 'em', 'nữ', 'nam', 'số', 'tuổi', 'giới', 'dân', 'bà', 'mẹ', 'cụ', 'già');
const UNDER_WORD = wordSet('dưới');
const TRO_WORD = wordSet('trở');
const UP_WORD = wordSet('lên');
/** Count phrases start with "số", "tổng" or a capital ("Số ca", "Tổng số lượt"). */
const SO_COUNT = K('số');
const TONG_COUNT = K('tổng');
const AVERAGE_LABEL = /^(trung bình|bình quân)$/iu;

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
  /** For each token, the index in `hits` of the hit covering it, or a negative number (free: -1, or NO_START). */
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

/** Words before a number that make it a label ("mũi 3", "Bảng 2", "lần thứ 31"), not a figure. */
const LABEL_WORDS = new Set(
  ['mũi', 'đợt', 'lần', 'thứ', 'số', 'bảng', 'biểu', 'mục', 'điều', 'khoản', 'chương', 'chí', 'lục', 'khóa', 'kỳ', 'cấp', 'loại', 'độ', 'hạng', 'top', 'tuần', 'ngày', 'phần', 'bước', 'nhóm', 'mẫu', 'phiên', 'tầng', 'phòng', 'lô', 'đoàn', 'hình', 'sơ đồ', 'tập', 'quyển', 'trang', 'dòng', 'cột'].map((w) => K(w)),
);
/** "mũi 2", "đợt 3": a dose, a sub-type of the figure after. */
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

/** hitOf of a free word that starts no name, period, label, age, place or qualifier (read once, by readNames). */
const NO_START = -2;
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

/** The hit covering token k, if any. */
export function hitAt(r: Reading, k: number): Hit | undefined {
  const h = k >= 0 && k < r.hitOf.length ? r.hitOf[k] : -1;
  return h >= 0 ? r.hits[h] : undefined;
}

/** Is a hit at index h visible from index v: not inside a parenthesis group that v is outside of? */
export function visibleFrom(r: Reading, h: number, v: number): boolean {
  const g = r.groupOf[h];
  if (g < 0) return true;
  return g < v && v < (r.closeOf.get(g) ?? r.toks.length);
}

/**
 * The folded words a hit of readNames and readQualifiers can start with (per
 * catalogue): a word outside it, not capitalised, starts none and is skipped
 * with one lookup instead of one per kind of hit. Derived from the catalogue
 * object (a WeakMap: it goes with the catalogue).
 */
const startWordsOf = new WeakMap<Catalogue, Set<string>>();
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
 * periods, labels, ages, places and the other qualifiers on what is left, then
 * counts outside the catalogue on the words still free.
 */
export function readTokens(toks: readonly Tok[], cat: Catalogue): Reading {
  const n = toks.length;
  const r: Reading = { toks, hits: [], hitOf: new Array(n).fill(-1), unitAt: NO_UNITS, groupOf: noGroups, closeOf: NO_PARENS, openOf: NO_PARENS };
  parens(r);
  readUnits(r, cat);
  readNames(r, cat);
  readQualifiers(r);
  readCounts(r);
  return r;
}

/** Units after figures: "12,5 bác sĩ/vạn dân", "12,1 trên 1.000 trẻ đẻ sống", "40/100.000 trẻ đẻ sống". */
function readUnits(r: Reading, cat: Catalogue): void {
  const toks = r.toks;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].t !== 'n' || !figureLike(toks[i])) continue;
    const u = unitAfter(toks, i, cat);
    if (!u) continue;
    if (r.unitAt === NO_UNITS) r.unitAt = new Array<UnitInfo | undefined>(toks.length);
    (r.unitAt as (UnitInfo | undefined)[])[i] = u;
    if (u.kind === 'per' && u.end > i + 1 && free(r, i + 1, u.end)) add(r, { type: 'unit', s: i + 1, e: u.end });
  }
}

/** Names of indicators on the tokens left (an alias with a denominator needs one after its head noun). */
function readNames(r: Reading, cat: Catalogue): void {
  const toks = r.toks;
  const starts = startWords(cat);
  for (let i = 0; i < toks.length; i++) {
    if (r.hitOf[i] >= 0) continue;
    const t = toks[i];
    if (t.t === 'p' || t.t === 'nl') continue;
    if (t.t === 'w' && !starts.has(t.k)) {
      // readQualifiers asks the same question: the answer is kept in hitOf (still free, no allocation).
      r.hitOf[i] = NO_START;
      continue;
    }
    const hit = nameAt(r, cat, i);
    if (!hit) continue;
    add(r, { type: 'name', s: i, e: hit.e, name: hit });
    i = hit.e - 1;
  }
}

/** The name of an indicator at token i (with the denominator written after it), if it fits the free tokens. */
function nameAt(r: Reading, cat: Catalogue, i: number): NameHit | undefined {
  const toks = r.toks;
  const m = cat.names.match(toks, i, true);
  if (!m || !free(r, i, m.end)) return undefined;
  const per = parsePer(toks, m.end);
  const entries = m.values.filter((en) => {
    if (!en.needsPer) return true;
    const ind = cat.byId.get(en.ind);
    return !!per && !!ind && (!ind.denominator || ind.denominator === per.den);
  });
  if (!entries.length) return undefined;
  const e = per && free(r, m.end, per.end) ? per.end : m.end;
  const hit: NameHit = { s: i, e, entries, per: e === m.end ? undefined : per?.per, den: e === m.end ? undefined : per?.den };
  const before = toks[i - 1];
  if (before && (inW(before, CHANGE_VERBS) || (inW(before, THEM_WORD) && inW(toks[i - 2], CHANGE_VERBS)))) hit.verb = 'change';
  return hit;
}

/** Periods, ages, labels, places, qualifiers on the tokens left. */
function readQualifiers(r: Reading): void {
  const toks = r.toks;
  for (let i = 0; i < toks.length; i++) {
    if (r.hitOf[i] >= 0) continue;
    const t = toks[i];
    if (t.t === 'p' || t.t === 'nl') {
      // No period, age, label, place or qualifier starts with punctuation or a line break: only a hedge sign ("> 90%", "~ 40").
      if (t.t === 'p' && HEDGE_SYMBOLS[t.k]) add(r, { type: 'qual', s: i, e: i + 1, qual: { cat: 'hedge', val: HEDGE_SYMBOLS[t.k] } });
      continue;
    }
    if (t.t === 'w' && r.hitOf[i] === NO_START && !isCap(t)) continue;
    i = qualifierAt(r, i) - 1;
  }
}

/** The period, age group, label, sex, place or qualifier at token i (added as a hit); the index after what was read. */
function qualifierAt(r: Reading, i: number): number {
  const toks = r.toks;
  const p = periodAt(toks, i);
  if (p && free(r, i, p.e)) {
    add(r, { type: 'period', s: i, e: p.e, spec: p.spec, ptype: p.type });
    return p.e;
  }
  const age = ageAt(toks, i);
  if (age && free(r, i, age.e)) {
    add(r, { type: 'sub', s: i, e: age.e, sub: age.sub });
    return age.e;
  }
  const label = labelAt(r, i);
  if (label) return label;
  if (sexAt(r, i)) return i + 1;
  const pl = matchPlace(toks, i);
  if (pl && free(r, i, pl.end)) {
    add(r, { type: 'place', s: i, e: pl.end, key: pl.key, label: pl.label });
    return pl.end;
  }
  const q = matchQual(toks, i);
  if (q && free(r, i, q.end)) {
    if (q.qual.cat === 'place') add(r, { type: 'place', s: i, e: q.end, key: q.qual.val, label: q.qual.label ?? q.qual.val });
    else if (q.qual.cat === 'sub') add(r, { type: 'sub', s: i, e: q.end, sub: q.qual.val });
    else add(r, { type: 'qual', s: i, e: q.end, qual: q.qual });
    return q.end;
  }
  return i + 1;
}

/** "mũi 3", "Bảng 2", "lần thứ 31", "nhóm 1" at token i: a label (or a dose, or a group of places), not a figure; the index after it, or 0. */
function labelAt(r: Reading, i: number): number {
  const toks = r.toks;
  const t = toks[i];
  const nx = toks[i + 1];
  if (t.t !== 'w' || !isN(nx) || r.hitOf[i + 1] >= 0 || !LABEL_WORDS.has(t.k) || nx.num.percent) return 0;
  if (inW(t, GROUP_WORD)) {
    const pl = matchPlace(toks, i);
    if (pl) {
      add(r, { type: 'place', s: i, e: pl.end, key: pl.key, label: pl.label });
      return pl.end;
    }
  }
  if (DOSE_WORDS.has(t.k)) add(r, { type: 'sub', s: i, e: i + 2, sub: `dose:${nx.num.raw}` });
  else add(r, { type: 'label', s: i, e: i + 2 });
  return i + 2;
}

/** "nam 72,1 tuổi và nữ 77,2 tuổi": lower-case nam/nữ right before a figure is the sex (Quảng Nam, Nam Định are capitalised). */
function sexAt(r: Reading, i: number): boolean {
  const toks = r.toks;
  const t = toks[i];
  if (t.t !== 'w' || (t.raw !== 'nam' && t.raw !== 'nữ')) return false;
  let k = i + 1;
  if (inW(toks[k], IS_OR_REACH) || toks[k]?.k === ':') k++;
  if (!isN(toks[k])) return false;
  add(r, { type: 'sub', s: i, e: i + 1, sub: t.raw === 'nam' ? 'sex:nam' : 'sex:nữ' });
  return true;
}

/** Counts outside the catalogue ("Tổng số lượt khám bệnh", "Số ca phẫu thuật"), on the words left free. */
function readCounts(r: Reading): void {
  const toks = r.toks;
  const isFree = (k: number): boolean => r.hitOf[k] < 0;
  // "Số lượt khám bệnh trung bình": an average word may stand inside the phrase.
  const inCountPhrase = (k: number): boolean => {
    const h = r.hitOf[k];
    if (h < 0) return true;
    const x = r.hits[h];
    return x.type === 'qual' && x.qual.cat === 'average' && AVERAGE_LABEL.test(x.qual.label ?? '');
  };
  const label = countLabelAt(toks, isFree);
  if (label) add(r, { type: 'name', s: label.s, e: label.e, name: { s: label.s, e: label.e, entries: [], count: label.phrase } });
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t !== 'w' || (t.k !== SO_COUNT && t.k !== TONG_COUNT && !isCap(t)) || !isFree(i)) continue;
    const c = countPhraseAt(toks, i, isFree, inCountPhrase);
    if (!c) continue;
    add(r, { type: 'name', s: c.s, e: c.e, name: { s: c.s, e: c.e, entries: [], count: c.phrase } });
    i = c.e - 1;
  }
}

/** The unit right after the figure at toks[i] (or the second figure of a range). */
function unitAfter(toks: readonly Tok[], i: number, cat: Catalogue): UnitInfo | undefined {
  const t = toks[i] as NumTok;
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

/** Age groups: "dưới 5 tuổi", "từ 5 đến dưới 12 tuổi", "18 tuổi trở lên", "15-49 tuổi". */
function ageAt(toks: readonly Tok[], i: number): { e: number; sub: string } | undefined {
  if (toks[i].t !== 'n' && !inW(toks[i], AGE_LEAD)) return undefined;
  let j = i;
  const parts: string[] = [];
  const lead = toks[j];
  if (inW(lead, AGE_LEAD)) {
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
    parts.push('-', (toks[j] as NumTok).num.raw);
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
