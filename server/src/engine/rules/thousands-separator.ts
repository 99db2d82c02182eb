// thousands-separator: a number grouped unlike the rest of its table or document.
//   "5412" in a row of "5.380 | 5.401 | 5.437"  -> "5.412"
//   "1893 lượt" in a sentence with "1.902 lượt"   -> "1.893"
//   "12450 người" in a report that writes "10.230 người" -> "12.450"
//   "5 412" (space-grouped cell) among dot-grouped cells -> "5.412"
// Vietnamese groups with a dot (CLDR vi, Luật Kế toán) or a space (QĐ 1989);
// many reports never group 4-digit numbers, and that is not an error: a 4-digit
// number is odd only beside grouped 4-digit numbers (in its row, column or
// sentence) or in a document that mostly groups them; 5+ digits are odd in a
// document that groups. Years, codes, document numbers, references ("số 1893",
// "năm 2023") and numbers whose role is unclear (no counted noun, not a table
// value) are never counted.
import type { Block } from '../types';
import { analysis, msg, type DocDraft, type Rule } from '../rule';
import { numbersOf, type BlockNumber } from '../vietnamese/numbers';
import { countedNounAt, referenceBefore } from '../vietnamese/quantity';
import { proseRuns } from '../vietnamese/text';

type Form = 'dot' | 'none' | 'space';

interface Grouped {
  start: number;
  end: number;
  raw: string;
  form: Form;
  /** Digits of the integer part. */
  digits: number;
  /** Segment index; for table values the table, row and column. */
  segment: number;
  table?: { id: number; row: number; col: number };
  /** A 4-digit number 1900-2100: a year unless its column says otherwise. */
  yearLike: boolean;
}

// Space-grouped quantities: "12 450", "5 412" (plain or non-breaking spaces); bounded, linear.
const SPACE_GROUPED = /(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}(?![\d]|[.,]\d)/gu;
const DOT_INT = /^(\d{1,3})((?:\.\d{3})+)(,\d+)?$/;
const NONE_INT = /^(\d{4,})(,\d+)?$/;

/** Columns and rows of codes, numbering, phone numbers or years hold no quantities. */
const NOT_QUANTITY = /^(?:stt|tt|số tt|mã|mã số|ký hiệu|kí hiệu|số hiệu|số điện thoại|điện thoại|sđt|năm|số quyết định|số văn bản)(?![\p{L}\p{M}])/iu;

/** The table value a number is, if it fills its cell alone (an optional % after it). */
function tableValue(block: Block, segment: number, start: number, end: number): { id: number; row: number; col: number } | undefined {
  const seg = block.segments[segment];
  const t = seg?.table;
  if (!t || t.row === 0 || t.col === 0 || NOT_QUANTITY.test(t.header) || NOT_QUANTITY.test(t.rowLabel)) return undefined;
  const cell = block.prose.slice(seg.start, seg.end);
  const before = cell.slice(0, start - seg.start).trim();
  const after = cell.slice(end - seg.start).trim();
  return before === '' && (after === '' || after === '%' || after === '‰') ? { id: t.tableId, row: t.row, col: t.col } : undefined;
}

const groupedOf = analysis('thousands-separator:numbers', (block: Block, config): Grouped[] => {
  const out: Grouped[] = [];
  if (!block.segments.length) return out;
  const prose = block.prose;
  const quantity = (segment: number, start: number, end: number, after: number) => {
    const table = tableValue(block, segment, start, end);
    if (table) return { table };
    if (referenceBefore(prose, start)) return undefined;
    return countedNounAt(prose, after) !== undefined ? { table: undefined } : undefined;
  };
  for (const t of numbersOf(block, config) as BlockNumber[]) {
    if (t.kind !== 'number' || t.rangeWith || t.raw[0] === '0') continue;
    let form: Form;
    let digits: number;
    let m: RegExpExecArray | null;
    if ((m = DOT_INT.exec(t.raw))) {
      form = 'dot';
      digits = m[1].length + m[2].length - m[2].length / 4;
    } else if ((m = NONE_INT.exec(t.raw))) {
      form = 'none';
      digits = m[1].length;
    } else continue;
    // Glued to other digits or signs: part of something else ("5.380|", "#1234", "1234-5").
    const prev = prose[t.start - 1];
    if (prev !== undefined && /[#№\-–/+]/.test(prev)) continue;
    if (/^[ \u00a0\u202f]\d/.test(prose.slice(t.end, t.end + 2))) continue; // "1 234" read below
    const q = quantity(t.segment, t.start, t.end, t.percentEnd ?? t.end);
    if (!q) continue;
    const yearLike = form === 'none' && digits === 4 && !t.raw.includes(',') && t.value! >= 1900 && t.value! <= 2100;
    // A year-like number in prose is a year ("năm 2023 người dân..."); in a table its column
    // decides, unless its row or column is about years ("Năm | 2019 | 2020").
    if (yearLike && (!q.table || /năm|year|giai đoạn/iu.test(block.segments[t.segment].table!.rowLabel + ' ' + block.segments[t.segment].table!.header))) continue;
    out.push({ start: t.start, end: t.end, raw: t.raw, form, digits, segment: t.segment, table: q.table, yearLike });
  }
  // Space-grouped numbers are not tokens: read them from the prose runs (most blocks have none).
  if (/\d[ \u00a0\u202f]\d{3}/.test(prose)) {
    for (const run of proseRuns(block)) {
      SPACE_GROUPED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SPACE_GROUPED.exec(run.text))) {
        const start = run.start + m.index;
        const end = start + m[0].length;
        const q = quantity(run.segment, start, end, end);
        // In prose only a non-breaking space is surely a group ("tháng 3 000 ca" is not).
        if (!q || (!q.table && !/[\u00a0\u202f]/.test(m[0]))) continue;
        if (!q.table && referenceBefore(prose, start)) continue;
        out.push({ start, end, raw: m[0], form: 'space', digits: m[0].replace(/\D/g, '').length, segment: run.segment, table: q.table, yearLike: false });
      }
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
});

/** The digits of `raw` regrouped with `sep` (its decimal part kept). */
function regroup(raw: string, sep: string): string {
  const m = /^([\d \u00a0\u202f.]+?)(,\d+)?$/.exec(raw)!;
  const digits = m[1].replace(/\D/g, '');
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out + (m[2] ?? '');
}

const FORM_VI: Record<Form, string> = { dot: 'nhóm bằng dấu chấm', none: 'không tách nhóm', space: 'nhóm bằng khoảng trắng' };
const FORM_EN: Record<Form, string> = { dot: 'grouped with dots', none: 'ungrouped', space: 'grouped with spaces' };

export const rule: Rule = {
  meta: {
    id: 'thousands-separator',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Số viết khác cách tách nhóm hàng nghìn của bảng hoặc văn bản (“5412” giữa “5.380 | 5.401”).',
      'A number grouped unlike the rest of its table or document (“5412” among “5.380 | 5.401”).',
    ),
    fixable: 'safe',
  },
  // The per-block facts are made while the block's (transient) number tokens are still cached.
  checkBlock(block, ctx) {
    groupedOf(block, ctx.config);
    return [];
  },
  checkDocument(doc, ctx) {
    // Document counts: 4-digit and 5+-digit numbers by form (years left out).
    const count = { dot4: 0, none4: 0, dot5: 0, none5: 0, space: 0 };
    const per: [Block, Grouped[]][] = [];
    for (const block of doc.blocks) {
      const g = groupedOf(block, ctx.config);
      if (!g.length) continue;
      per.push([block, g]);
      for (const x of g) {
        if (x.yearLike) continue;
        if (x.form === 'space') count.space++;
        else if (x.digits === 4) count[x.form === 'dot' ? 'dot4' : 'none4']++;
        else count[x.form === 'dot' ? 'dot5' : 'none5']++;
      }
    }
    const dots = count.dot4 + count.dot5;
    // The document's grouping: the space if it is clearly the majority, else the dot.
    const target: Form = count.space > dots ? 'space' : 'dot';
    const sep = target === 'space' ? '\u00a0' : '.';
    const out: DocDraft[] = [];
    for (const [block, g] of per) {
      // Peers in the same table row, table column and sentence/paragraph segment.
      const byRow = new Map<string, Grouped[]>();
      const byCol = new Map<string, Grouped[]>();
      const bySeg = new Map<number, Grouped[]>();
      const push = <K>(m: Map<K, Grouped[]>, k: K, x: Grouped) => (m.get(k) ?? m.set(k, []).get(k)!).push(x);
      for (const x of g) {
        if (x.table) {
          push(byRow, `${x.table.id}:${x.table.row}`, x);
          push(byCol, `${x.table.id}:${x.table.col}`, x);
        } else push(bySeg, x.segment, x);
      }
      for (const x of g) {
        if (x.form === target) continue;
        const peers = x.table ? [...(x.yearLike ? [] : byRow.get(`${x.table.id}:${x.table.row}`)!), ...byCol.get(`${x.table.id}:${x.table.col}`)!] : bySeg.get(x.segment)!;
        const grouped = (y: Grouped) => y !== x && y.form === target && !y.yearLike;
        // A row of years ("2019 | 2020 | 2021") is a header-like row, not values.
        if (x.yearLike && x.table && byRow.get(`${x.table.id}:${x.table.row}`)!.some((y) => y !== x && y.yearLike)) continue;
        let odd: string | undefined;
        if (x.form === 'none') {
          // Four digits: only beside grouped four-digit numbers, or in a document that mostly groups them.
          const localPeer = peers.find((y) => grouped(y) && (x.digits > 4 || y.digits === 4));
          if (localPeer) odd = x.table ? 'bảng' : 'câu';
          else if (x.yearLike) odd = undefined;
          else if (x.digits === 4 ? count.dot4 + (target === 'space' ? count.space : 0) > count.none4 : dots + count.space > count.none5) odd = 'văn bản';
        } else if (x.form === 'space' && target === 'dot') {
          if (peers.some(grouped) || count.space * 2 < dots) odd = peers.some(grouped) ? (x.table ? 'bảng' : 'câu') : 'văn bản';
        } else if (x.form === 'dot' && target === 'space') {
          if (count.space >= 2 * dots && count.space >= 3) odd = 'văn bản';
        }
        if (!odd) continue;
        const fixed = regroup(x.raw, sep);
        const shown = fixed.replace(/\u00a0/g, ' ');
        const where = { bảng: ['bảng', 'table'], câu: ['câu', 'sentence'], 'văn bản': ['văn bản', 'document'] }[odd]!;
        out.push({
          block,
          start: x.start,
          end: x.end,
          message: msg(
            `“${x.raw}” ${FORM_VI[x.form]}, khác cách viết số của ${where[0]} (${FORM_VI[target]}): viết “${shown}”.`,
            `“${x.raw}” is ${FORM_EN[x.form]}, unlike the other numbers of the ${where[1]} (${FORM_EN[target]}): write “${shown}”.`,
          ),
          fixes: [{ title: msg(`Sửa thành ${shown}`, `Change to ${shown}`), edits: [{ start: x.start, end: x.end, newText: fixed }], safe: true }],
        });
      }
    }
    return out;
  },
};
