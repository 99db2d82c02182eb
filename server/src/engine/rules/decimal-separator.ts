// decimal-separator: English number punctuation in Vietnamese prose.
//   "12.5 bác sĩ" -> "12,5 bác sĩ"       (a decimal point; NĐ 86/2012: "245,12 mm (không viết là 245.12 mm)")
//   "87,500 lượt" -> "87.500 lượt"       (an English thousands comma before a counted noun)
//   "1,234,567"   -> "1.234.567"         (several comma groups: only English reads it)
// Precision first: a dot number is reported only when a unit, %, a scale word or
// a counted noun follows it, so section numbers ("1.2 Kết quả", "Bảng 2.13."),
// dates ("Sáng 11.1,"), times and versions are never touched.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { numbersOf, type BlockNumber } from '../vietnamese/numbers';

/** Words after a number that make it a measured quantity (first syllable, lower case). */
const UNIT_WORDS = new Set([
  'bác', 'dược', 'điều', 'giường', 'lượt', 'tuổi', 'người', 'ca', 'trẻ', 'bé', 'xã', 'trạm', 'lần', 'con', 'điểm',
  'bệnh', 'mũi', 'liều', 'hộ', 'phần', 'đồng', 'tấn', 'lít', 'gam', 'mét', 'kg', 'g', 'mg', 'mcg', 'µg', 'ml', 'l',
  'km', 'm', 'cm', 'mm', 'ha', 'độ', 'triệu', 'tỷ', 'tỉ', 'nghìn', 'ngàn', 'vạn', 'trường', 'cơ', 'đơn', 'học',
  'sinh', 'bà', 'phụ', 'nam', 'nữ', 'dân', 'cán', 'nhân', 'ngày', 'tháng', 'năm', 'giờ', 'phút',
]);
/** ...but these time words after a dot number usually mean a date or a time ("15.3 năm 2024", "7.30 giờ"). */
const TIME_WORDS = new Set(['ngày', 'tháng', 'năm', 'giờ', 'phút']);

/** Counted nouns that are never fractional: "87,500 lượt" can only be 87 500. */
const COUNT_WORDS = new Set(['lượt', 'người', 'ca', 'bệnh', 'trường', 'mũi', 'liều', 'xã', 'trạm', 'hộ', 'đồng', 'cơ', 'đơn', 'học', 'trẻ', 'cán', 'nhân']);

/** A number right after these words is a reference (section, table, clause, version) or a date/time. */
const REFERENCE_BEFORE = new Set([
  'bảng', 'hình', 'biểu', 'đồ', 'mục', 'phần', 'chương', 'điều', 'khoản', 'điểm', 'lục', 'bước', 'tiết', 'câu', 'trang',
  'dòng', 'cột', 'mẫu', 'phiên', 'bản', 'version', 'ver', 'lúc', 'ngày', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'hôm',
  'mùng', 'tháng', 'số', 'tiêu', 'chí', 'hạng', 'cấp', 'khóa', 'khoá', 'lớp', 'kỳ',
]);

const NEXT_WORD = /^[ \u00a0]?([\p{L}\p{M}µ°]+)/u;
const PREV_WORD = /([\p{L}\p{M}]+)[ \u00a0]*$/u;

export const rule: Rule = {
  meta: {
    id: 'decimal-separator',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Dấu thập phân là dấu phẩy (12,5), dấu chấm ngăn cách hàng nghìn (87.500): không viết kiểu tiếng Anh 12.5 hay 87,500.',
      'Vietnamese writes 12,5 (decimal comma) and 87.500 (thousands dot): not the English 12.5 or 87,500.',
    ),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    const prose = block.prose;
    for (const t of numbersOf(block, ctx.config)) {
      // Only English-looking numbers can be reported: skip the rest before reading any words around them.
      if (t.kind === 'number' ? t.style !== 'en-decimal' && t.style !== 'en-thousands' && t.style !== 'vi-or-en' : t.kind !== 'section' || !/^\d{1,3}\.\d+$/.test(t.raw)) continue;
      if (prose[t.start - 1] !== undefined && /[.,\d]/.test(prose[t.start - 1])) continue;
      const next = NEXT_WORD.exec(prose.slice(t.percentEnd ?? t.end, (t.percentEnd ?? t.end) + 24));
      // Units and counted nouns are written in lower case; a capital starts a name or a sentence.
      const nextWord = next && (next[1] === next[1].toLowerCase() || next[1].startsWith('°')) ? next[1] : undefined;
      const prevWord = PREV_WORD.exec(prose.slice(Math.max(0, t.start - 24), t.start))?.[1].toLowerCase();
      if (prevWord && REFERENCE_BEFORE.has(prevWord)) continue;
      const d = dotDecimal(t, prose, nextWord);
      if (d) {
        out.push(d);
        continue;
      }
      if (t.kind !== 'number') continue;
      if (t.style === 'en-thousands') {
        // 1,234,567 or 1,234.5: only English reads this.
        const fixed = swapSeparators(t.raw);
        out.push({
          start: t.start,
          end: t.end,
          message: msg(`Số viết kiểu tiếng Anh: “${t.raw}”; tiếng Việt viết “${fixed}”.`, `English number format “${t.raw}”; Vietnamese writes “${fixed}”.`),
          fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: t.start, end: t.end, newText: fixed }], safe: true }],
        });
      } else if (t.style === 'vi-or-en' && !t.percent && !t.scale && nextWord && COUNT_WORDS.has(nextWord) && !isRate(prose, t.end)) {
        // 87,500 lượt: a count cannot have three decimals, so the comma groups thousands.
        const fixed = t.raw.replace(',', '.');
        out.push({
          start: t.start,
          end: t.end,
          message: msg(
            `“${t.raw}” trước danh từ đếm được đọc là số thập phân; nếu là ${fixed.replace('.', ' ')} thì viết “${fixed}”.`,
            `“${t.raw}” before a counted noun reads as a decimal in Vietnamese; for ${fixed.replace('.', ' ')} write “${fixed}”.`,
          ),
          fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: t.start, end: t.end, newText: fixed }], safe: true }],
        });
      }
    }
    return out;
  },
};

/** A decimal point (12.5) next to a unit, %, scale word or counted noun. */
function dotDecimal(t: BlockNumber, prose: string, nextWord: string | undefined): Draft | undefined {
  let raw: string;
  if (t.kind === 'number' && t.style === 'en-decimal') raw = t.raw;
  else if (t.kind === 'section' && /^\d{1,3}\.\d+$/.test(t.raw)) raw = t.raw; // "12.5 bác sĩ" at a line start
  else return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m) return undefined;
  const after = prose.slice(t.end, t.end + 2);
  const percent = t.percent !== undefined || /^[ \u00a0]?[%‰]/.test(after);
  const unit = nextWord !== undefined && ((UNIT_WORDS.has(nextWord) && !TIME_WORDS.has(nextWord)) || nextWord.startsWith('°'));
  if (!percent && !t.scale && !unit) return undefined;
  // A line-start "1.2 Kết quả" stays a section unless a lower-case unit follows.
  if (t.kind === 'section' && !percent && !/^[ \u00a0]\p{Ll}/u.test(after)) return undefined;
  const fixed = `${m[1]},${m[2]}`;
  return {
    start: t.start,
    end: t.end,
    message: msg(`Dấu thập phân tiếng Việt là dấu phẩy: viết “${fixed}”, không viết “${raw}”.`, `Vietnamese uses a decimal comma: write “${fixed}”, not “${raw}”.`),
    fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: t.start, end: t.end, newText: fixed }], safe: true }],
  };
}

/** "12,500 người/100.000 dân", "… trên 1.000 trẻ": a rate, whose value may be fractional. */
function isRate(prose: string, from: number): boolean {
  const tail = prose.slice(from, from + 40);
  const stop = tail.search(/[,;.:!?()\n\u0000]/);
  const phrase = stop < 0 ? tail : tail.slice(0, stop);
  return /\/|\btrên\b/u.test(phrase);
}

function swapSeparators(raw: string): string {
  return raw.replace(/[.,]/g, (c) => (c === ',' ? '.' : ','));
}
