// decimal-separator: English number punctuation in Vietnamese prose.
//   "12.5 bác sĩ" -> "12,5 bác sĩ"       (a decimal point; NĐ 86/2012: "245,12 mm (không viết là 245.12 mm)")
//   "87,500 lượt" -> "87.500 lượt"       (an English thousands comma before a counted noun)
//   "1,234,567"   -> "1.234.567"         (several comma groups: only English reads it)
// Precision first: a dot number is reported only when a unit, %, a scale word or
// a counted noun follows it, so section numbers ("1.2 Kết quả", "Bảng 2.13."),
// dates ("Sáng 11.1,"), times and versions are never touched.
import type { Block, Draft } from '../types';
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
    const nums = numbersOf(block, ctx.config);
    const tables = block.type === 'table' ? tableColumns(block, nums) : undefined;
    for (const t of nums) {
      if (tables) {
        const d = tableEnglish(block, t, tables);
        if (d) {
          out.push(d);
          continue;
        }
      }
      // Only English-looking numbers can be reported: skip the rest before reading any words around them.
      if (t.kind === 'number' ? t.style !== 'en-decimal' && t.style !== 'en-thousands' && t.style !== 'vi-or-en' : t.kind !== 'section' || !/^\d{1,3}\.\d+$/.test(t.raw)) continue;
      if (prose[t.start - 1] !== undefined && /[.,\d]/.test(prose[t.start - 1])) continue;
      const next = NEXT_WORD.exec(prose.slice(t.percentEnd ?? t.end, (t.percentEnd ?? t.end) + 24));
      // Units and counted nouns are written in lower case; a capital starts a name or a sentence.
      const nextWord = next && (next[1] === next[1].toLowerCase() || next[1].startsWith('°')) ? next[1] : undefined;
      const prevWord = PREV_WORD.exec(prose.slice(Math.max(0, t.start - 24), t.start))?.[1].toLowerCase();
      if (prevWord && REFERENCE_BEFORE.has(prevWord)) continue;
      const d = dotDecimal(t, prose, nextWord, prevWord);
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
/** A verb of measure before a number makes it a value: "đạt 28.40", "chiếm 12.5" are decimals. */
const MEASURE_VERBS = new Set(['đạt', 'là', 'chiếm', 'còn', 'tăng', 'giảm', 'khoảng', 'bằng']);

function dotDecimal(t: BlockNumber, prose: string, nextWord: string | undefined, prevWord?: string): Draft | undefined {
  let raw: string;
  if (t.kind === 'number' && t.style === 'en-decimal') raw = t.raw;
  else if (t.kind === 'section' && /^\d{1,3}\.\d+$/.test(t.raw)) raw = t.raw; // "12.5 bác sĩ" at a line start
  else return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m) return undefined;
  const after = prose.slice(t.end, t.end + 2);
  const percent = t.percent !== undefined || /^[ \u00a0]?[%‰]/.test(after);
  const unit = nextWord !== undefined && ((UNIT_WORDS.has(nextWord) && !TIME_WORDS.has(nextWord)) || nextWord.startsWith('°'));
  // After a verb of measure, a dot before one or two digits is a decimal point, unless a time word follows ("còn 15.3 năm 2024"?).
  const measured = prevWord !== undefined && MEASURE_VERBS.has(prevWord) && /^\d{1,3}\.\d{1,2}$/.test(raw) && t.kind === 'number' && !(nextWord && TIME_WORDS.has(nextWord)) && !/^[ \u00a0]?[\p{Lu}]/u.test(after);
  if (!percent && !t.scale && !unit && !measured) return undefined;
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

// Tables: a value alone in its cell is read against its column and its table.
//   "3,215" in a column of integer counts ("1.205 | 987 | 3,215") -> "3.215"
//   "12.75" / "28.40" in a table whose other decimals use the comma ("12,5") -> "12,75"
// Numbering, code and date columns (STT, Mục, Mã, Ngày...) and the first column are never read.
const NOT_VALUES = /^(?:stt|tt|số tt|mục|mã|ký hiệu|kí hiệu|số hiệu|phiên bản|ngày|thời gian|thời điểm|chương|phần|điều|khoản)(?![\p{L}\p{M}])/iu;
const RATE_HEADER = /%|‰|tỷ lệ|tỉ lệ|tỷ suất|tỉ suất|bình quân|trung bình|hệ số|chỉ số|\/|mật độ|tuổi thọ/iu;

interface Column {
  header: string;
  /** Values alone in their cells, by row. */
  values: BlockNumber[];
  /** Counts over `values`, made once so each cell's test is O(1) (a cell against its column, not every pair). */
  stats?: { intOk: number; big: number; numbering: number };
}

const isIntOk = (x: BlockNumber) => x.decimals === 0 && (x.style === 'plain' || x.style === 'vi') && !x.percent;
const isNumbering = (x: BlockNumber) => /^\d{1,2}\.\d$/.test(x.raw);

function statsOf(col: Column): NonNullable<Column['stats']> {
  if (!col.stats) {
    let intOk = 0;
    let big = 0;
    let numbering = 0;
    for (const x of col.values) {
      if (isIntOk(x)) {
        intOk++;
        if (x.value! >= 1000) big++;
      }
      if (isNumbering(x)) numbering++;
    }
    col.stats = { intOk, big, numbering };
  }
  return col.stats;
}
interface TableFacts {
  columns: Map<string, Column>;
  /** A Vietnamese decimal (comma, 1-2 decimals, or with % / ‰) anywhere in the table. */
  viDecimal: Set<number>;
}

function cellValue(block: Block, t: BlockNumber): { key: string; header: string; tableId: number } | undefined {
  const seg = block.segments[t.segment];
  const info = seg?.table;
  if (!info || info.row === 0 || info.col === 0) return undefined;
  const cell = block.prose.slice(seg.start, seg.end).trim();
  const end = t.percentEnd ?? t.end;
  if (cell !== block.prose.slice(t.start, end).trim()) return undefined;
  return { key: `${info.tableId}:${info.col}`, header: info.header, tableId: info.tableId };
}

function tableColumns(block: Block, nums: readonly BlockNumber[]): TableFacts {
  const columns = new Map<string, Column>();
  const viDecimal = new Set<number>();
  for (const t of nums) {
    const info = block.segments[t.segment]?.table;
    if (!info) continue;
    if (t.kind === 'number' && t.style === 'vi' && t.decimals! > 0 && (t.decimals! <= 2 || t.percent)) viDecimal.add(info.tableId);
    const c = cellValue(block, t);
    if (!c || (t.kind !== 'number' && t.kind !== 'section')) continue;
    let col = columns.get(c.key);
    if (!col) columns.set(c.key, (col = { header: c.header, values: [] }));
    col.values.push(t);
  }
  return { columns, viDecimal };
}

function tableEnglish(block: Block, t: BlockNumber, facts: TableFacts): Draft | undefined {
  // A cell value at the start of its line is tokenized as a section number ("1.2 Kết quả"): read it here.
  const dotted = t.kind === 'section' && /^\d+\.\d{1,2}$/.test(t.raw);
  if (!dotted && (t.kind !== 'number' || (t.style !== 'vi-or-en' && t.style !== 'en-decimal'))) return undefined;
  const c = cellValue(block, t);
  if (!c || NOT_VALUES.test(c.header)) return undefined;
  const col = facts.columns.get(c.key)!;
  // t is one of the column's values (a number or section alone in its cell): the others are the rest.
  const others = col.values.length - 1;
  const st = statsOf(col);
  const tInt = isIntOk(t) ? 1 : 0;
  if (t.style === 'vi-or-en') {
    // 3,215 among integer counts, at least one of them in the thousands: only English reads a comma there.
    if (t.percent || RATE_HEADER.test(c.header) || others < 2) return undefined;
    if (st.intOk - tInt !== others) return undefined;
    if (st.big - (tInt && t.value! >= 1000 ? 1 : 0) <= 0) return undefined;
    const fixed = t.raw.replace(',', '.');
    return {
      start: t.start,
      end: t.end,
      message: msg(
        `“${t.raw}” trong cột số nguyên “${c.header}” là cách viết tiếng Anh của ${fixed.replace('.', ' ')}: viết “${fixed}”.`,
        `“${t.raw}” in the integer column “${c.header}” is the English form of ${fixed.replace('.', ' ')}: write “${fixed}”.`,
      ),
      fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: t.start, end: t.end, newText: fixed }], safe: true }],
    };
  }
  // 12.75 in a table that writes its decimals with a comma (12,5): a decimal point.
  const m = /^(\d+)\.(\d{1,2})$/.exec(t.raw);
  if (!m || !facts.viDecimal.has(c.tableId)) return undefined;
  // A column of 1.1, 1.2, 2.1 is numbering: every other value a one-decimal dot number with a small integer part.
  if (others && isNumbering(t) && st.numbering - 1 === others) return undefined;
  const fixed = `${m[1]},${m[2]}`;
  return {
    start: t.start,
    end: t.end,
    message: msg(`Bảng viết số thập phân bằng dấu phẩy: viết “${fixed}”, không viết “${t.raw}”.`, `The table writes decimals with a comma: write “${fixed}”, not “${t.raw}”.`),
    fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: t.start, end: t.end, newText: fixed }], safe: true }],
  };
}
