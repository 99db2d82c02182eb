// Period phrases at a token: a year, a range of years ("giai đoạn 2021-2025"),
// part of a year ("6 tháng đầu năm 2023", "quý II/2024", "tháng 6/2024"), a
// deadline or status date ("đến năm 2030", "tính đến hết năm 2025"), a start
// ("từ năm 2020"), a comparison ("so với cùng kỳ năm 2022"), a provisional
// figure's year ("sơ bộ năm 2024").
import type { Tok } from './lexer';
import { foldKeyOf as K, inW, wordSet } from './lexicon';
import { isN, isYearTok, yearOf } from './numbers';

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

/** at: the figure's period; until: a deadline; from: a start; cmp: compared with; doc: a legal document's year. */
export type PeriodType = 'at' | 'until' | 'from' | 'cmp' | 'doc';

/** A period phrase read at a token: it ends before token `e`. */
export interface PeriodAt {
  e: number;
  spec: PeriodSpec;
  type: PeriodType;
}

/** Period words other readers share (one list each). */
export const YEAR_WORD = wordSet('năm');
const FROM_WORD = wordSet('từ');
const KE_WORD = wordSet('kể');
/** "so (với)": compared with. */
export const SO_WORD = wordSet('so');
const WITH_WORD = wordSet('với');
/** "cùng kỳ": the same part of an earlier year. */
export const SAME_WORD = wordSet('cùng');
export const TERM_WORD = wordSet('kỳ');
const TINH_WORD = wordSet('tính');
const DEN_WORD = wordSet('đến');
const TOI_WORD = wordSet('tới');
export const UNTIL_WORDS = wordSet('đến', 'tới');
const END_OF_WORDS = wordSet('hết', 'cuối');
const DAY_WORD = wordSet('ngày');
const SO_PRELIM_WORD = wordSet('sơ');
const BO_PRELIM_WORD = wordSet('bộ');
const MONTH_WORD = wordSet('tháng');
const FIRST_PART_WORD = wordSet('đầu');
const LAST_PART_WORD = wordSet('cuối');
const QUARTER_WORD = wordSet('quý');
/** giai đoạn, nhiệm kỳ, thời kỳ: a span of years. */
const SPAN_FIRST_WORDS = wordSet('giai', 'nhiệm', 'thời');
const SPAN_SECOND_WORDS = wordSet('đoạn', 'kỳ');
/** "trong năm 2023", "vào năm 2023". */
const IN_OR_AT_WORDS = wordSet('trong', 'vào');
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
/** "ba/sáu/chín tháng đầu năm". */
const WORD_MONTHS: Record<string, number> = { [K('ba')]: 3, [K('sáu')]: 6, [K('chín')]: 9 };
/** The month counts a report's part of a year is written with ("6 tháng", "9 tháng"). */
const PART_MONTHS = new Set([3, 6, 9, 10, 11]);

/** Folded words a period phrase can start with (besides a number). */
export const PERIOD_START = wordSet('từ', 'kể', 'so', 'tính', 'đến', 'tới', 'sơ', 'quý', 'tháng', 'giai', 'nhiệm', 'thời', 'năm', 'trong', 'vào', 'ba', 'sáu', 'chín');

/** A period phrase starting at toks[i], by its first word. */
export function periodAt(toks: readonly Tok[], i: number): PeriodAt | undefined {
  const t = toks[i];
  // Fast exit: a period starts with one of a few words or a number.
  if (t.t === 'p' || t.t === 'nl' || (t.t === 'w' && !PERIOD_START.has(t.k))) return undefined;
  if (inW(t, FROM_WORD) || (inW(t, KE_WORD) && inW(toks[i + 1], FROM_WORD))) return sinceYear(toks, i);
  if (inW(t, SO_WORD)) return comparedYear(toks, i);
  if (inW(t, TINH_WORD) || inW(t, DEN_WORD) || inW(t, TOI_WORD)) return untilDate(toks, i);
  if (inW(t, SO_PRELIM_WORD) && inW(toks[i + 1], BO_PRELIM_WORD)) return prelimYear(toks, i);
  const months = isN(t) && t.num.kind === 'number' && !t.num.percent ? t.num.value : t.t === 'w' ? WORD_MONTHS[t.k] : undefined;
  if (months !== undefined && PART_MONTHS.has(months) && inW(toks[i + 1], MONTH_WORD)) return firstMonths(toks, i, months);
  if (inW(t, QUARTER_WORD)) return quarterOf(toks, i);
  if (inW(t, MONTH_WORD)) return monthOf(toks, i);
  if (inW(t, SPAN_FIRST_WORDS)) return inW(toks[i + 1], SPAN_SECOND_WORDS) ? yearRange(toks, i + 2) : undefined;
  if (inW(t, YEAR_WORD)) return yearAt(toks, i, i + 1);
  if (inW(t, IN_OR_AT_WORDS) && inW(toks[i + 1], YEAR_WORD)) return yearAt(toks, i, i + 2);
  if (isYearTok(t)) return yearAt(toks, i, i);
  return undefined;
}

/** "từ năm 2020", "kể từ 2020": the start of a change. */
function sinceYear(toks: readonly Tok[], i: number): PeriodAt | undefined {
  let j = i + (inW(toks[i], KE_WORD) ? 2 : 1);
  if (inW(toks[j], YEAR_WORD)) j++;
  return isYearTok(toks[j]) ? { e: j + 1, spec: { year: yearOf(toks[j]) }, type: 'from' } : undefined;
}

/** "so với năm 2022", "so với cùng kỳ năm 2022", "so năm 2022": the year compared with. */
function comparedYear(toks: readonly Tok[], i: number): PeriodAt | undefined {
  let j = i + 1;
  if (inW(toks[j], WITH_WORD)) j++;
  if (inW(toks[j], SAME_WORD) && inW(toks[j + 1], TERM_WORD)) j += 2;
  if (inW(toks[j], YEAR_WORD)) j++;
  return isYearTok(toks[j]) ? { e: j + 1, spec: { year: yearOf(toks[j]) }, type: 'cmp' } : undefined;
}

/** "đến năm 2030" is a deadline; "tính đến hết năm 2025", "đến ngày 31/12/2024" a status as of then. */
function untilDate(toks: readonly Tok[], i: number): PeriodAt | undefined {
  let j = i;
  let asOf = false;
  if (inW(toks[i], TINH_WORD)) {
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
  if (!isYearTok(toks[j])) return undefined;
  return { e: j + 1, spec: asOf ? { year: yearOf(toks[j]) } : { year: yearOf(toks[j]), until: true }, type: asOf ? 'at' : 'until' };
}

/** "sơ bộ năm 2024": a provisional figure of that year. */
function prelimYear(toks: readonly Tok[], i: number): PeriodAt | undefined {
  let j = i + 2;
  if (inW(toks[j], YEAR_WORD)) j++;
  return isYearTok(toks[j]) ? { e: j + 1, spec: { year: yearOf(toks[j]), prelim: true }, type: 'at' } : undefined;
}

/** "6 tháng đầu năm (2023)", "sáu tháng cuối năm", "9 tháng năm 2024": the first (or last) months of a year. */
function firstMonths(toks: readonly Tok[], i: number, months: number): PeriodAt | undefined {
  let j = i + 2;
  let ok = false;
  if (inW(toks[j], FIRST_PART_WORD) || inW(toks[j], LAST_PART_WORD)) {
    j++;
    ok = true;
  }
  if (inW(toks[j], YEAR_WORD)) {
    j++;
    ok = true;
  }
  const spec: PeriodSpec = { months };
  if (isYearTok(toks[j])) {
    spec.year = yearOf(toks[j]);
    j++;
    ok = true;
  }
  return ok ? { e: j, spec, type: 'at' } : undefined;
}

/** "quý II/2024", "quý 3 năm 2023", "quý 1/2024" (a date token). */
function quarterOf(toks: readonly Tok[], i: number): PeriodAt | undefined {
  let j = i + 1;
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

/** "tháng 6/2024", "tháng 6 năm 2024": one month. */
function monthOf(toks: readonly Tok[], i: number): PeriodAt | undefined {
  const d = toks[i + 1];
  if (isN(d) && d.num.kind === 'date' && d.num.date?.month && d.num.date.year && !d.num.date.day) return { e: i + 2, spec: { month: d.num.date.month, year: d.num.date.year }, type: 'at' };
  if (isN(d) && d.num.kind === 'number' && (d.num.value ?? 0) >= 1 && (d.num.value ?? 0) <= 12 && inW(toks[i + 2], YEAR_WORD) && isYearTok(toks[i + 3])) {
    return { e: i + 4, spec: { month: d.num.value, year: yearOf(toks[i + 3]) }, type: 'at' };
  }
  return undefined;
}

/** A year at toks[j] (the phrase started at i: "năm 2023", "trong năm 2023", "2023"), or a range of years. */
function yearAt(toks: readonly Tok[], i: number, j: number): PeriodAt | undefined {
  if (!isYearTok(toks[j])) return undefined;
  const r = yearRange(toks, j);
  if (r) return r;
  // "Quyết định 1980/QĐ-TTg năm 2016": the year of a document, not of a figure.
  return { e: j + 1, spec: { year: yearOf(toks[j]) }, type: afterDocNumber(toks, i) ? 'doc' : 'at' };
}

/** "2021-2025", "2021 – 2025": a range of years at toks[j]. */
function yearRange(toks: readonly Tok[], j: number): PeriodAt | undefined {
  const a = toks[j];
  if (!isYearTok(a) || !isN(a) || a.num.rangeWith !== 'next') return undefined;
  let k = j + 1;
  if (toks[k]?.t === 'p' && /[-–—]/.test(toks[k].k)) k++;
  const b = toks[k];
  if (!isYearTok(b)) return undefined;
  return { e: k + 1, spec: { year: yearOf(a), year2: yearOf(b) }, type: 'at' };
}

/** Is a document number ("1980/QĐ-TTg") a few tokens before, in the same clause? */
function afterDocNumber(toks: readonly Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const t = toks[k];
    if (isN(t) && t.num.kind === 'docnum') return true;
    if (t.k === ',' || t.k === ';' || t.k === '.' || t.k === '\n') return false;
  }
  return false;
}
