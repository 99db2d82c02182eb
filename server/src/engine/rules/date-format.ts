// date-format: dates that are certainly wrong.
//   impossible: "31/2/2024", "31/4", "ngày 32 tháng 1", "29/02/2023", "15/13/2024"
//   half-written: "(15/1/)", "ngày 15/1/." — a day/month with a dangling separator
//   the place-date line of an administrative document (NĐ 30/2020, FMT-01):
//     "Hà Nội, ngày 5 tháng 2 năm 2025" -> "ngày 05 tháng 02 năm 2025"
// A d/m without a year is judged only where it certainly stands for a date: after a
// date word ("ngày 9/13"), zero-padded with a day above the month ("30/02"), before
// "năm 2024", in a "Ngày" table column, or joined by a range/list word to such a date
// or to a full date ("từ 30/02 đến 02/3/2024"). Fractions, counts (8/8 chỉ tiêu),
// ratios and document numbers are never dates.
// Mixed date styles (11/7 and 11/07 in one report) are common and legitimate
// enough that they are not reported.
import type { Block, Draft } from '../types';
import { msg, type Rule } from '../rule';
import { numbersOf, type BlockNumber } from '../vietnamese/numbers';
import { proseRuns } from '../vietnamese/text';
import { countedNounAt, DATE_HEADERS, DATE_WORDS as DATE_WORD_LIST, RANGE_JOINERS } from '../vietnamese/quantity';

const alt = (xs: readonly string[]) => xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** A d/m without a year is a date after these words ("ngày 31/4", "sáng 30/2"). */
const DATE_WORDS = new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${alt(DATE_WORD_LIST)})[ \\u00a0]+$`, 'iu');
/** What may stand between two dates of a range or list ("28/2 - 31/4", "30/02 đến ngày 02/3/2024"). */
const JOIN = new RegExp(`^[ \\u00a0]*(?:${alt(RANGE_JOINERS)})[ \\u00a0]*(?:ngày[ \\u00a0]+)?$`, 'iu');
const YEAR_AFTER = /^[ \u00a0]+năm[ \u00a0]+(\d{4})(?!\d)/u;
const DATE_HEADER = new RegExp(`^(?:${alt(DATE_HEADERS)})(?![\\p{L}\\p{M}])`, 'iu');
// "ngày 32 tháng 1 năm 2024" (words); bounded gaps keep it linear.
const WORDY = /(?<![\p{L}\p{M}])(ngày)[ \u00a0]{1,3}(\d{1,3})[ \u00a0]{1,3}tháng[ \u00a0]{1,3}(\d{1,3})(?:[ \u00a0]{1,3}năm[ \u00a0]{1,3}(\d{4}))?(?![\p{N}])/giu;
// The place-date line: "<Place>, ngày d tháng m năm yyyy" at the start of a line.
const PLACE = /^[ \u00a0]*\p{Lu}[\p{L}\p{M} .]{1,40},[ \u00a0]*$/u;

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function maxDay(month: number, year?: number): number {
  if (month === 2 && year !== undefined) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1];
}

/** Why a day/month(/year) cannot be a date, or undefined when it can. */
function impossible(day: number, month: number, year?: number): { vi: string; en: string } | undefined {
  if (month < 1 || month > 12) return { vi: `không có tháng ${month}`, en: `there is no month ${month}` };
  if (day < 1) return { vi: 'không có ngày 0', en: 'there is no day 0' };
  const max = maxDay(month, year);
  if (day > max) {
    return month === 2 && day === 29
      ? { vi: `năm ${year} không nhuận, tháng 2 chỉ có 28 ngày`, en: `${year} is not a leap year: February has 28 days` }
      : { vi: `tháng ${month} chỉ có ${max} ngày`, en: `month ${month} has only ${max} days` };
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'date-format',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Ngày tháng không thể có (31/2/2024, ngày 32 tháng 1) hoặc viết dở (15/1/); dòng địa danh, ngày tháng theo Nghị định 30/2020.',
      'Impossible (31/2/2024, ngày 32 tháng 1) or half-written (15/1/) dates; the place-date line per Decree 30/2020.',
    ),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    const prose = block.prose;
    const bad = (start: number, end: number, text: string, why: { vi: string; en: string }) =>
      out.push({ start, end, message: msg(`Ngày “${text}” không thể có: ${why.vi}.`, `Impossible date “${text}”: ${why.en}.`) });

    for (const t of numbersOf(block, ctx.config)) {
      if (t.kind === 'date' && t.date && t.date.day !== undefined && t.date.month !== undefined) {
        const { day, month, year } = t.date;
        // Only real calendar years: "1/2/3" is not a date worth judging.
        if (year === undefined || year < 1900 || year > 2100) continue;
        const why = impossible(day, month, year);
        if (why) bad(t.start, t.end, t.raw, why);
      }
    }
    const nums = numbersOf(block, ctx.config);
    const dayMonth = dayMonths(block, nums);
    for (const t of nums) {
      if (t.kind !== 'fraction' || !t.numerator || !t.denominator) continue;
      const [d, m] = [t.numerator, t.denominator];
      if (d.style !== 'plain' || m.style !== 'plain' || d.raw.length > 2 || m.raw.length > 2) continue;
      const day = d.value!;
      const month = m.value!;
      const after = prose[t.end];
      const after2 = prose[t.end + 1];
      // "(15/1/)": a day/month whose year was never typed ("15/1- 20/1" is a range: only "/" counts).
      if (after === '/' && (after2 === undefined || !/[\p{L}\p{M}\p{N}]/u.test(after2)) && day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        out.push({
          start: t.start,
          end: t.end + 1,
          message: msg(`Ngày viết dở “${t.raw}${after}”: thiếu năm, hoặc thừa dấu “${after}”.`, `Half-written date “${t.raw}${after}”: the year is missing, or the “${after}” is extra.`),
          fixes: [{ title: msg(`Bỏ dấu “${after}” thừa`, `Remove the extra “${after}”`), edits: [{ start: t.end, end: t.end + 1, newText: '' }], safe: false }],
        });
        continue;
      }
      // "ngày 31/4", "ngày 9/13", "từ 30/02 đến 02/3/2024": a day/month where a date stands, impossible in any year.
      const year = dayMonth.get(t);
      if (year !== undefined) {
        const why = impossible(day, month, year || undefined);
        if (why) bad(t.start, t.end, t.raw, why);
      }
    }

    // One test of the whole block first: most blocks have no "tháng" at all.
    const runs = /tháng/iu.test(prose) ? proseRuns(block) : [];
    for (const run of runs) {
      if (!/tháng/iu.test(run.text)) continue;
      WORDY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = WORDY.exec(run.text))) {
        const s = run.start + m.index;
        const e = s + m[0].length;
        const [dayRaw, monthRaw, yearRaw] = [m[2], m[3], m[4]];
        const year = yearRaw ? Number(yearRaw) : undefined;
        const why = impossible(Number(dayRaw), Number(monthRaw), year);
        if (why) {
          bad(s, e, m[0], why);
          continue;
        }
        // NĐ 30/2020 Phụ lục I II.4.b: in the place-date line, days < 10 and months 1, 2 take a leading 0, other months none.
        // A place name is short: look at the line start only (and never copy long prefixes).
        if (!yearRaw || m.index > 64 || !PLACE.test(run.text.slice(0, m.index))) continue;
        const day = Number(dayRaw);
        const month = Number(monthRaw);
        const wantDay = day < 10 ? `0${day}` : String(day);
        const wantMonth = month <= 2 ? `0${month}` : String(month);
        if (wantDay === dayRaw && wantMonth === monthRaw) continue;
        const fixed = `${m[1]} ${wantDay} tháng ${wantMonth} năm ${yearRaw}`;
        out.push({
          start: s,
          end: e,
          message: msg(
            `Dòng địa danh, ngày tháng: viết “${fixed}” (ngày nhỏ hơn 10 và tháng 1, 2 thêm số 0; Nghị định 30/2020/NĐ-CP).`,
            `Place-date line: write “${fixed}” (days below 10 and months 1 and 2 take a leading zero; Decree 30/2020/NĐ-CP).`,
          ),
          fixes: [{ title: msg(`Sửa thành “${fixed}”`, `Change to “${fixed}”`), edits: [{ start: s, end: e, newText: fixed }], safe: true }],
        });
      }
    }
    return out;
  },
};

const isFullDate = (t: BlockNumber) => t.kind === 'date' && t.date?.day !== undefined && t.date.year !== undefined && t.date.year >= 1900 && t.date.year <= 2100;

/**
 * The day/month fractions of a block that certainly stand for dates, with their
 * year (0 when none is written). One pass for the certain ones, then one pass
 * each way along range/list joins.
 */
function dayMonths(block: Block, nums: readonly BlockNumber[]): Map<BlockNumber, number> {
  const out = new Map<BlockNumber, number>();
  const prose = block.prose;
  const candidate = (t: BlockNumber) =>
    t.kind === 'fraction' && !t.percent && !t.scale && t.numerator?.style === 'plain' && t.denominator?.style === 'plain' && t.numerator.raw.length <= 2 && t.denominator.raw.length <= 2;
  // A counted noun after x/y makes it a count ("ngày 3/15 xã").
  const counted = (t: BlockNumber) => countedNounAt(prose, t.end) !== undefined;
  const cands: boolean[] = nums.map((t) => candidate(t) && prose[t.end] !== '/' && !counted(t));
  nums.forEach((t, i) => {
    if (!cands[i]) return;
    const year = YEAR_AFTER.exec(prose.slice(t.end, t.end + 12));
    if (year) return out.set(t, Number(year[1]));
    const d = t.numerator!;
    const m = t.denominator!;
    if (DATE_WORDS.test(prose.slice(Math.max(0, t.start - 12), t.start))) return out.set(t, 0);
    // "30/02": nobody zero-pads a fraction's denominator under a larger numerator.
    if (m.raw[0] === '0' && d.value! > m.value! && m.value! >= 1) return out.set(t, 0);
    const seg = block.segments[t.segment];
    if (seg?.table && seg.table.row > 0 && DATE_HEADER.test(seg.table.header) && prose.slice(seg.start, seg.end).trim() === t.raw) out.set(t, 0);
  });
  const joined = (a: BlockNumber, b: BlockNumber) => a.segment === b.segment && b.start - a.end <= 16 && JOIN.test(prose.slice(a.end, b.start));
  const spread = (i: number, j: number) => {
    const a = nums[i];
    const b = nums[j];
    if (!cands[j] || out.has(b) || !joined(i < j ? a : b, i < j ? b : a)) return;
    if (out.has(a)) out.set(b, out.get(a)!);
    else if (isFullDate(a)) out.set(b, a.date!.year!);
  };
  for (let i = 0; i + 1 < nums.length; i++) spread(i, i + 1);
  for (let i = nums.length - 1; i > 0; i--) spread(i, i - 1);
  return out;
}
