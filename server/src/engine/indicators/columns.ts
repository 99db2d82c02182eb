// What a table column holds, read from its header alone: "Kế hoạch 2022",
// "TH 2021", "Ước TH 2024", "6 tháng đầu 2009", "% so KH", "So sánh (%)",
// "Tăng/giảm", "ĐVT", "Ghi chú". A ratio column ("% so KH") holds the ratio of
// two other cells of the row, not a value of the row's indicator. Words are
// matched folded (lexer.fold), so NFD input and either tone style read alike.
// Pure and cheap: headers are short; callers may memoize per table.
import { lexString, type Tok } from './lexer';

export type ColumnRole = 'label' | 'unit' | 'achieved' | 'target' | 'estimate' | 'previous' | 'ratio' | 'change' | 'note' | 'unknown';

export interface ColumnReading {
  role: ColumnRole;
  /** "TH 2022", "Năm 2023", "KH 2024" → the year. */
  year?: number;
  /** Normalized sub-year period: "6 tháng đầu năm" → "H1", "6 tháng cuối năm" → "H2", "9 tháng" → "9M", "quý I"/"3 tháng đầu năm" → "Q1", "tháng 6" → "M6". */
  period?: string;
  /** Ratio columns: which roles of the same row are divided ("% so KH" = achieved/target; "% so cùng kỳ" = achieved/previous). */
  ratioOf?: { numerator: ColumnRole; denominator: ColumnRole };
  /** Every year the header names, in order ("So sánh 2023/2022" → [2023, 2022]). */
  years?: number[];
  /** The header states its values are percentages ("(%)"); for ratio and change columns. */
  percent?: boolean;
  /** The column's own number when the header carries one ("Thực hiện (2)"). */
  ref?: number;
  /** A formula over column numbers: "(3)=(2)/(1)" → [2, 1]. */
  formula?: [number, number];
  /** The header words that decided it (for messages). */
  words: string;
}

type Item = { k: string; raw: string; year?: number; n?: number; paren?: boolean };

function items(header: string): Item[] {
  const out: Item[] = [];
  const push = (t: Tok): void => {
    if (t.t === 'n') {
      const num = t.num;
      if (num.kind === 'fraction' && num.numerator && num.denominator) {
        // "2023/2022": two years; "(3)=(2)/(1)" is read from the raw text.
        for (const [i, part] of [num.numerator, num.denominator].entries()) {
          if (i) out.push({ k: '/', raw: '/' });
          out.push(numItem(part.raw, part.value, part.decimals));
        }
      } else if (num.kind === 'date' && num.date?.year !== undefined && num.date.month !== undefined && num.date.day === undefined) {
        // "6/2023": month and year.
        out.push({ k: '#', raw: String(num.date.month), n: num.date.month });
        out.push({ k: '/', raw: '/' });
        out.push(numItem(String(num.date.year), num.date.year, 0));
      } else out.push(numItem(num.raw, num.value, num.decimals));
      if (num.percent) out.push({ k: num.percent, raw: num.percent });
      return;
    }
    if (t.t === 'nl') return;
    out.push({ k: t.k, raw: t.t === 'w' ? t.raw : t.k });
  };
  let depth = 0;
  for (const t of lexString(header)) {
    if (t.k === '(') depth++;
    else if (t.k === ')') depth = Math.max(0, depth - 1);
    const n = out.length;
    push(t);
    // Words in parentheses are a unit or an aside ("Năm 2022 (người)").
    if (depth > 0) for (let i = n; i < out.length; i++) out[i].paren = true;
  }
  return out;
}

function numItem(raw: string, value: number | undefined, decimals: number | undefined): Item {
  // "/2008" reads as a code to the number tokenizer: the raw digits decide.
  const y = /^\d{4}$/.test(raw) && !decimals ? Number(raw) : NaN;
  if (y >= 1945 && y <= 2100) return { k: '#Y', raw, year: y };
  return { k: '#', raw, n: value };
}

const fk = (s: string): string[] => lexString(s).map((t) => t.k);
/** Phrases, folded once. */
const P = (...ps: string[]): string[][] => ps.map(fk);

const NOTE = P('ghi chú', 'chú thích');
const UNIT = P('đơn vị tính', 'đvt', 'đv tính', 'đơn vị đo', 'đ.v.t');
const CHANGE = P('tăng/giảm', 'tăng giảm', 'tăng, giảm', 'tăng +/giảm -', 'tăng + /giảm -', 'tăng +/ giảm -', 'chênh lệch', '+/-', '+ / -', '±', 'tăng (+), giảm (-)');
const COMPARE = P('so sánh', 'so với', 'so', 'đạt so', 'tỷ lệ so');
const RATIO_DONE = P('tỷ lệ đạt', 'tỷ lệ hoàn thành', '% đạt', '% hoàn thành', '% thực hiện', 'đạt %', 'hoàn thành %', 'tỷ lệ thực hiện', 'mức đạt', 'tỷ lệ % đạt');
const TARGET_W = P('kế hoạch', 'kh', 'chỉ tiêu', 'mục tiêu', 'kh năm', 'kế hoạch năm', 'ct');
const PREV_W = P('cùng kỳ', 'năm trước', 'kỳ trước', 'cùng kỳ năm trước', 'ck', 'năm ngoái');
const ESTIMATE = P('ước', 'ước tính', 'ước thực hiện', 'ước th', 'ước đạt', 'dự ước', 'ước tính thực hiện');
const TARGET = P('kế hoạch', 'kh', 'mục tiêu', 'chỉ tiêu giao', 'chỉ tiêu được giao', 'chỉ tiêu kế hoạch', 'chỉ tiêu năm', 'dự kiến', 'giao', 'được giao');
const ACHIEVED = P('thực hiện', 'th', 'kết quả', 'kết quả thực hiện', 'thực tế', 'đã thực hiện', 'đạt được', 'số thực hiện', 'kq');
const LABEL = P('chỉ tiêu', 'nội dung', 'chỉ số', 'tên chỉ tiêu', 'tên chỉ số', 'hoạt động', 'nội dung hoạt động', 'danh mục', 'tên', 'nội dung chỉ tiêu', 'các chỉ tiêu', 'chỉ tiêu chủ yếu', 'hạng mục');
const BED = new Set(P('giường', 'bệnh').map((x) => x[0]));
const HOA = new Set(P('hóa', 'hoá').map((x) => x[0]));
// Words that say nothing about the role ("Năm 2023", "6 tháng đầu năm").
const FILLER = new Set(['năm', 'tháng', 'đầu', 'cuối', 'quý', 'cả', 'số', 'liệu', 'giai', 'đoạn', 'kỳ', 'báo', 'cáo', 'lũy', 'kế', 'đến', 'hết', 'từ', 'ngày', 'và'].flatMap(fk));

/** Where the phrase starts in the items (words and signs, parentheses skipped), or -1. */
function find(its: readonly Item[], phrases: readonly string[][], from = 0): { at: number; len: number; p: string[] } | undefined {
  let best: { at: number; len: number; p: string[] } | undefined;
  for (const p of phrases) {
    for (let i = from; i + p.length <= its.length; i++) {
      let ok = true;
      for (let j = 0; j < p.length && ok; j++) ok = its[i + j].k === p[j];
      if (ok) {
        if (!best || i < best.at || (i === best.at && p.length > best.len)) best = { at: i, len: p.length, p };
        break;
      }
    }
  }
  return best;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function periodOf(its: readonly Item[]): { period?: string; used: Set<number> } {
  const used = new Set<number>();
  const tk = fk('tháng')[0];
  const dau = fk('đầu')[0];
  const cuoi = fk('cuối')[0];
  const quy = fk('quý')[0];
  for (let i = 0; i < its.length; i++) {
    const it = its[i];
    // "6 tháng", "6 tháng đầu năm", "6 tháng cuối năm", "9 tháng", "3 tháng đầu năm".
    if (it.k === '#' && its[i + 1]?.k === tk && it.n !== undefined) {
      used.add(i).add(i + 1);
      const last = its[i + 2]?.k === cuoi;
      if (its[i + 2]?.k === dau || last) used.add(i + 2);
      const n = it.n;
      if (n === 6) return { period: last ? 'H2' : 'H1', used };
      if (n === 3) return { period: last ? 'Q4' : 'Q1', used };
      if (n === 9) return { period: '9M', used };
      if (n === 12) return { period: undefined, used };
      return { period: (last ? 'L' : '') + n + 'M', used };
    }
    // "quý I", "quý 2".
    if (it.k === quy && its[i + 1]) {
      const nx = its[i + 1];
      const q = nx.k === '#' ? nx.n : ROMAN[nx.raw.toLowerCase()];
      if (q !== undefined && q >= 1 && q <= 4) {
        used.add(i).add(i + 1);
        return { period: 'Q' + q, used };
      }
    }
    // "tháng 6", "tháng 6/2023".
    if (it.k === tk && its[i + 1]?.k === '#') {
      const m = its[i + 1].n;
      if (m !== undefined && m >= 1 && m <= 12) {
        used.add(i).add(i + 1);
        return { period: 'M' + m, used };
      }
    }
  }
  return { used };
}

const pctOf = (its: readonly Item[]): boolean => its.some((x) => x.k === '%');

/** What a column header says (pure and cheap: headers are short; tables are read once per block through `analysis()`). */
export function readColumnHeader(header: string): ColumnReading {
  return readHeader(header);
}

function readHeader(header: string): ColumnReading {
  const raw = header.normalize('NFC');
  // Column numbers "(1)", "(2)" and a formula "(3)=(2)/(1)" or "(3)=(2)/(1)x100".
  let ref: number | undefined;
  let formula: [number, number] | undefined;
  const fm = /\((\d{1,2})\)\s*=\s*\((\d{1,2})\)\s*[/:]\s*\((\d{1,2})\)/.exec(raw);
  if (fm) {
    ref = Number(fm[1]);
    formula = [Number(fm[2]), Number(fm[3])];
  } else {
    const rm = /\((\d{1,2})\)\s*$/.exec(raw);
    if (rm) ref = Number(rm[1]);
  }
  const text = fm ? raw.slice(0, fm.index) : ref !== undefined ? raw.replace(/\((\d{1,2})\)\s*$/, '') : raw;
  const its = items(text).filter((x) => x.k !== '(' && x.k !== ')' && x.k !== ':' && x.k !== '.' && x.k !== ',' && x.k !== '*');
  const years = its.filter((x) => x.year !== undefined).map((x) => x.year!);
  const base: Pick<ColumnReading, 'ref' | 'formula' | 'years'> = {};
  if (ref !== undefined) base.ref = ref;
  if (formula) base.formula = formula;
  if (years.length) base.years = years;
  const { period, used } = periodOf(its);
  const year = years.length === 1 ? years[0] : undefined;
  const withTime = (r: ColumnReading): ColumnReading => {
    if (year !== undefined) r.year = year;
    if (period) r.period = period;
    return r;
  };
  const words = (h: { at: number; len: number } | undefined): string =>
    h ? its.slice(h.at, h.at + h.len).map((x) => x.raw).join(' ') : text.trim();

  let h = find(its, NOTE);
  if (h) return { role: 'note', ...base, words: words(h) };
  h = find(its, UNIT);
  // "ĐVT" must be the whole header but for a parenthesis ("Đơn vị tính (người)" is not a thing).
  if (h && its.length <= h.len + 2) return { role: 'unit', ...base, words: words(h) };
  h = find(its, CHANGE);
  if (h) return withTime({ role: 'change', ...base, percent: pctOf(its) || undefined, words: words(h) });

  // Ratio columns: "So sánh (%)", "% so KH", "TH/KH", "Tỷ lệ đạt (%)", "So sánh 2023/2022", a bare "%".
  const cmp = find(its, COMPARE);
  const done = find(its, RATIO_DONE);
  const slash = its.findIndex((x, i) => x.k === '/' && i > 0);
  const est = find(its, ESTIMATE);
  const numRole: ColumnRole = est ? 'estimate' : 'achieved';
  if (cmp || done) {
    const after = cmp ? cmp.at + cmp.len : 0;
    const den = find(its, TARGET_W, after);
    const prev = find(its, PREV_W, after);
    const r: ColumnReading = { role: 'ratio', ...base, percent: pctOf(its) || undefined, words: words(cmp ?? done) };
    // The numerator's year: "Thực hiện 2023 so với KH", "So sánh 2023/2022"; "So với năm 2022" names only the denominator's.
    const own = its.findIndex((x, i) => x.year !== undefined && (!cmp || i < cmp.at));
    if (own >= 0) r.year = its[own].year;
    else if (years.length === 2 && its.some((x) => x.k === '/')) r.year = years[0];
    if (period) r.period = period;
    if (cmp && prev && (!den || prev.at < den.at)) r.ratioOf = { numerator: numRole, denominator: 'previous' };
    else if (cmp && den) r.ratioOf = { numerator: numRole, denominator: 'target' };
    // "So sánh 2023/2022", "So với năm 2022".
    else if (cmp && years.length && (years.length === 2 ? years[0] > years[1] : true)) r.ratioOf = { numerator: numRole, denominator: 'previous' };
    else if (done && !cmp) r.ratioOf = { numerator: numRole, denominator: 'target' };
    return r;
  }
  // "TH/KH", "Ước TH/KH (%)".
  if (slash > 0) {
    const a = find(its.slice(0, slash), [...ACHIEVED, ...ESTIMATE]);
    const b = find(its.slice(slash + 1), TARGET_W);
    const c = find(its.slice(slash + 1), PREV_W);
    if (a && (b || c)) {
      return { role: 'ratio', ...base, ratioOf: { numerator: numRole, denominator: b ? 'target' : 'previous' }, percent: pctOf(its) || undefined, words: text.trim() };
    }
  }
  const contentWords = its.filter((x, i) => /^\p{L}/u.test(x.k) && !x.paren && !FILLER.has(x.k) && !used.has(i));
  // A bare "%", "Tỷ lệ (%)", "Tỷ lệ %": a ratio of other cells of the row (which, the table says).
  if (pctOf(its) && years.length === 0 && !period && contentWords.every((x) => x.k === fk('tỷ')[0] || x.k === fk('lệ')[0])) {
    return { role: 'ratio', ...base, percent: true, words: text.trim() };
  }

  h = find(its, PREV_W);
  if (h) return withTime({ role: 'previous', ...base, words: words(h) });
  if (est) return withTime({ role: 'estimate', ...base, words: words(est) });
  h = find(its, TARGET);
  // "Giường kế hoạch", "kế hoạch hóa": a kind of bed, a programme; not the plan.
  if (h && ((h.at > 0 && BED.has(its[h.at - 1].k)) || HOA.has(its[h.at + h.len]?.k ?? ''))) h = undefined;
  // "Chỉ tiêu" alone names the rows ("Chỉ tiêu | ĐVT | KH | TH"); with a year or "giao" it is the target.
  const ct = find(its, P('chỉ tiêu'));
  if (h || (ct && (year !== undefined || period))) return withTime({ role: 'target', ...base, words: words(h ?? ct) });
  h = find(its, ACHIEVED);
  if (h) return withTime({ role: 'achieved', ...base, words: words(h) });
  // "Năm 2023", "2023", "6 tháng đầu 2009", "6 tháng/2008": a period alone holds what was achieved in it.
  if ((year !== undefined || period) && contentWords.length === 0) return withTime({ role: 'achieved', ...base, words: text.trim() });
  h = find(its, LABEL);
  if (h && years.length === 0) return { role: 'label', ...base, words: words(h) };
  return withTime({ role: 'unknown', ...base, words: text.trim() });
}
