// date-format: dates that are certainly wrong.
//   impossible: "31/2/2024", "31/4", "ngày 32 tháng 1", "29/02/2023", "15/13/2024"
//   half-written: "(15/1/)", "ngày 15/1/." — a day/month with a dangling separator
//   the place-date line of an administrative document (NĐ 30/2020, FMT-01):
//     "Hà Nội, ngày 5 tháng 2 năm 2025" -> "ngày 05 tháng 02 năm 2025"
// Mixed date styles (11/7 and 11/07 in one report) are common and legitimate
// enough that they are not reported.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { numbersOf } from '../vietnamese/numbers';
import { proseRuns } from '../vietnamese/text';

/** A d/m without a year is a date after these words ("ngày 31/4", "sáng 30/2"). */
const DATE_WORDS = /(?:^|[^\p{L}\p{M}])(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|mùng)[ \u00a0]+$/iu;
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
        continue;
      }
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
      // "ngày 31/4": a day/month after a date word, impossible in any year.
      if (month >= 1 && month <= 12 && DATE_WORDS.test(prose.slice(Math.max(0, t.start - 12), t.start))) {
        const why = impossible(day, month);
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
