// Totals in Markdown tables: a "Tổng số" / "Tổng cộng" / "Cộng" / "Toàn tỉnh"
// / "Cả nước" row against the rows it sums, a "Tổng số" column (or "6 tháng"
// after "Quý I | Quý II") against the columns it sums, sub-total rows (by
// label markers I./1./-/+ or "Cộng" rows closing each group), and a share
// column whose total is 100. Only columns and rows of counts are summed: a
// header or a unit with %, ‰, "/", "tỷ lệ", "bình quân", "công suất" is a ratio.
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { msg } from '../rule';
import { sumsTokens, type Tok } from './lex';
import type { Issue } from './verdicts';
import { formatLike, isQty } from './figures';

interface Cell {
  /** The figure, or 0 for "-", or undefined (empty, text, several figures). */
  tok?: Tok;
  zero: boolean;
  s: number;
  e: number;
  text: string;
}
interface Table {
  headers: string[];
  rows: Cell[][]; // data rows (header excluded)
  labels: string[]; // lower-case first cell of each data row
}

const TOTAL_LABEL = /^(?:tổng số|tổng cộng|tổng|cộng|toàn tỉnh|toàn huyện|toàn thành phố|toàn thị xã|toàn quận|toàn xã|toàn viện|toàn ngành|toàn quốc|cả nước|chung|chung toàn tỉnh|tổng chung)(?:\s*\(.*\))?\s*:?$/u;
const SUBTOTAL_LABEL = /^(?:cộng|tổng|tổng cộng|cộng tuyến|cộng khối|tổng tuyến)\b/u;
const RATIO = /%|‰|\/|tỷ lệ|tỉ lệ|tỷ suất|tỉ suất|tỷ số|tỉ số|bình quân|trung bình|công suất|so sánh|chỉ số|điểm|tuổi thọ|mật độ|hệ số|tốc độ|tăng\s*\/|tăng giảm|tăng, giảm|chênh lệch|ghi chú|mã/u;
const UNIT_HEADER = /^(?:đvt|đơn vị tính|đơn vị|đv)$/u;
const KIND_HEADER = /(?:^|\s)(?:kh|th|kế hoạch|thực hiện|ước|ước th|cùng kỳ|năm|chỉ tiêu|mục tiêu|so)(?:\s|$)|\b(?:19|20)\d\d\b/u;
const SCALED = /nghìn|ngàn|triệu|tỷ|tỉ/u;
const QUARTER = /^quý\s*(i{1,3}|iv|[1-4])$/u;

const clean = (s: string) => s.replace(/\u0000/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

function readTables(block: Block, config: ResolvedConfig): Table[] {
  const toks = sumsTokens(block, config);
  const byId = new Map<number, { headers: string[]; grid: Map<number, Cell[]> }>();
  block.segments.forEach((seg, si) => {
    const ti = seg.table;
    if (seg.kind !== 'table-cell' || !ti) return;
    let t = byId.get(ti.tableId);
    if (!t) byId.set(ti.tableId, (t = { headers: ti.headers.map(clean), grid: new Map() }));
    if (ti.row === 0) return;
    let row = t.grid.get(ti.row);
    if (!row) t.grid.set(ti.row, (row = []));
    const ts = toks[si];
    const text = clean(block.prose.slice(seg.start, seg.end));
    const cell: Cell = { zero: false, s: seg.start, e: seg.end, text };
    if (ts.length === 1 && isQty(ts[0]) && !ts[0].year) cell.tok = ts[0];
    else if (ts.length === 1 && ts[0].t === 'n' && ts[0].year) cell.tok = ts[0];
    else if (ts.length === 1 && ts[0].t === 'p' && (ts[0].k === '-' || ts[0].k === '–' || ts[0].k === '—')) cell.zero = true;
    row[ti.col] = cell;
  });
  const out: Table[] = [];
  for (const t of byId.values()) {
    const rows = [...t.grid.entries()].sort((a, b) => a[0] - b[0]).map((x) => x[1]);
    out.push({ headers: t.headers, rows, labels: rows.map((r) => r[0]?.text ?? '') });
  }
  return out;
}

const valueOf = (c: Cell | undefined): number | undefined => (c?.zero ? 0 : c?.tok && !c.tok.pct ? c.tok.v : undefined);

/** Rounding a cell may hide: its written digits, or one unit when the header says thousands/millions. */
function halfOf(c: Cell, scaled: boolean): number {
  if (!c.tok) return 0;
  return scaled && c.tok.dec === 0 ? 0.5 : c.tok.half;
}

export function tableIssues(block: Block, config: ResolvedConfig): Issue[] {
  const out: Issue[] = [];
  for (const t of readTables(block, config)) {
    if (t.headers.length < 2 || !t.rows.length) continue;
    if (t.rows.length >= 3) columnTotals(t, out);
    rowTotals(t, out);
  }
  return out;
}

/** Columns that hold counts: not the label column, not a unit column, not a ratio, no % in any cell. */
function countColumns(t: Table, min = 2): number[] {
  const cols: number[] = [];
  for (let c = 1; c < t.headers.length; c++) {
    const h = t.headers[c];
    if (UNIT_HEADER.test(h) || RATIO.test(h)) continue;
    let nums = 0;
    let bad = false;
    for (const r of t.rows) {
      const cell = r[c];
      if (!cell) continue;
      if (cell.tok?.pct || cell.tok?.num?.percent) bad = true;
      else if (cell.tok || cell.zero) nums++;
      else if (cell.text) bad = true;
    }
    if (!bad && nums >= min) cols.push(c);
  }
  return cols;
}

/** The unit-of-measure column ("ĐVT"); the first column is the rows' labels even when headed "Đơn vị" (the district, the facility). */
function unitColumn(t: Table): number {
  return t.headers.findIndex((h, c) => c > 0 && UNIT_HEADER.test(h));
}

/** Does row r count things (its unit or label is not a ratio)? */
function rowIsCount(t: Table, r: number): boolean {
  const unitCol = unitColumn(t);
  const unit = unitCol >= 0 ? t.rows[r][unitCol]?.text ?? '' : '';
  return !RATIO.test(unit) && !RATIO.test(t.labels[r]);
}

type Level = number;
function levelOf(label: string): Level {
  if (/^[ivx]+[.)]\s/u.test(label)) return 1;
  if (/^\d+[.)]\s/u.test(label)) return 2;
  if (/^(?:\d+\.\d+\.\d+|\+)/u.test(label)) return 4;
  if (/^(?:\d+\.\d+\.?|[a-zđ][.)])\s/u.test(label)) return 3;
  if (/^[-–•]/u.test(label)) return 3;
  return 9;
}

// "Trong đó", "Riêng": some of the whole; "Chia ra", "Gồm" headers introduce the whole split and are summed.
const isSubsetLabel = (l: string) => /^[-–+•]?\s*(?:trong đó|trong số đó|riêng|ghi chú|tr\.đó)(?![\p{L}\p{M}])/u.test(l);

interface Group {
  total: number; // row index
  parts: number[];
}

/** Which rows sum to which: the grand total and sub-totals. */
function rowGroups(t: Table): Group[] | undefined {
  const totals = t.labels.map((l, i) => (TOTAL_LABEL.test(l) ? i : -1)).filter((i) => i >= 0);
  if (totals.length !== 1) {
    // Several "Cộng" rows closing groups, then a grand total.
    return cộngGroups(t);
  }
  const ti = totals[0];
  const n = t.rows.length;
  // The total stands first or last; the parts are the others.
  if (ti !== 0 && ti !== n - 1) return undefined;
  const rows = [...Array(n).keys()].filter((i) => i !== ti);
  if (rows.some((i) => isSubsetLabel(t.labels[i]))) return undefined;
  const levels = rows.map((i) => levelOf(t.labels[i]));
  const distinct = [...new Set(levels)].sort((a, b) => a - b);
  if (distinct.length === 1) return [{ total: ti, parts: rows }];
  if (distinct.length !== 2) return undefined;
  // Two levels: the upper rows are sub-totals of the lower rows after them.
  const [top, low] = distinct;
  const groups: Group[] = [{ total: ti, parts: [] }];
  let cur: Group | undefined;
  rows.forEach((r, k) => {
    if (levels[k] === top) {
      groups[0].parts.push(r);
      cur = { total: r, parts: [] };
      groups.push(cur);
    } else if (levels[k] === low) {
      if (!cur) return;
      cur.parts.push(r);
    }
  });
  if (rows.some((_r, k) => levels[k] === low && rows.slice(0, k).every((_, j) => levels[j] !== top))) return undefined;
  return groups.filter((g) => g.parts.length >= 1 && (g.total === ti || g.parts.length >= 2));
}

/** "Cộng" rows under each group, then "Tổng cộng" (or nothing) at the end. */
function cộngGroups(t: Table): Group[] | undefined {
  const n = t.rows.length;
  const subs = t.labels.map((l, i) => (SUBTOTAL_LABEL.test(l) || TOTAL_LABEL.test(l) ? i : -1)).filter((i) => i >= 0);
  if (subs.length < 2) return undefined;
  const last = subs[subs.length - 1];
  const grand = last === n - 1 && /^(?:tổng cộng|tổng số|tổng|toàn|cả nước|chung)/u.test(t.labels[last]) ? last : -1;
  const groups: Group[] = [];
  let start = 0;
  for (const s of subs) {
    if (s === grand) break;
    const parts = [];
    for (let r = start; r < s; r++) parts.push(r);
    // A group's first row may be its heading (no figures): dropped by the column check.
    if (parts.length >= 2) groups.push({ total: s, parts });
    start = s + 1;
  }
  if (grand >= 0) groups.push({ total: grand, parts: subs.filter((s) => s !== grand) });
  return groups.length ? groups : undefined;
}

function columnTotals(t: Table, out: Issue[]): void {
  const groups = rowGroups(t);
  if (!groups) return;
  const cols = countColumns(t);
  shareColumns(t, groups, cols, out);
  // Share columns: a "%"/"tỷ lệ"/"cơ cấu" column whose total is 100.
  const results: { col: number; g: Group; sum: number; tol: number; total: Cell; parts: Cell[] }[] = [];
  let checked = 0;
  const unitCol = unitColumn(t);
  for (const g of groups) {
    if (!rowIsCount(t, g.total) || g.parts.some((r) => !rowIsCount(t, r))) continue;
    // Rows in different units (lượt, ca) do not add up.
    if (unitCol >= 0 && new Set([g.total, ...g.parts].map((r) => t.rows[r][unitCol]?.text ?? '')).size > 1) continue;
    for (const c of cols) {
      const total = t.rows[g.total][c];
      const tv = valueOf(total);
      if (tv === undefined || !total) continue;
      const scaled = SCALED.test(t.headers[c]);
      let sum = 0;
      let tol = halfOf(total, scaled) + 1e-9;
      const parts: Cell[] = [];
      let unknown = false;
      for (const r of g.parts) {
        const cell = t.rows[r][c];
        const v = valueOf(cell);
        if (v === undefined) {
          // A group heading row with no figure is not a part.
          if (!cell || !cell.text || cell.text === '') continue;
          unknown = true;
          break;
        }
        sum += v;
        tol += halfOf(cell!, scaled);
        parts.push(cell!);
      }
      if (unknown || parts.length < 2) continue;
      checked++;
      results.push({ col: c, g, sum, tol, total, parts });
    }
  }
  const bad = results.filter((x) => Math.abs(x.sum - valueOf(x.total)!) > x.tol);
  // Every column off: the rows are not what we think (an unmarked sub-total, a subset row).
  if (!bad.length || (checked >= 2 && bad.length === checked)) return;
  for (const x of bad) {
    const tv = valueOf(x.total)!;
    // A flat sum that is a multiple of the total: unmarked sub-total rows.
    if (tv > 0 && [2, 3].some((k) => Math.abs(x.sum - k * tv) <= x.tol)) continue;
    out.push(cellIssue(t, x.total, x.parts, x.sum, t.headers[x.col], t.labels[x.g.total]));
  }
}

/** A column of shares whose total row says 100: the shares add up to 100, and each matches its count over the total. */
function shareColumns(t: Table, groups: Group[], cols: number[], out: Issue[]): void {
  const g = groups[0];
  if (!g) return;
  for (let c = 1; c < t.headers.length; c++) {
    if (!/%|tỷ lệ|tỉ lệ|cơ cấu|tỷ trọng/u.test(t.headers[c]) || /\/|so sánh|so với|so kh|cùng kỳ/u.test(t.headers[c])) continue;
    const total = t.rows[g.total][c];
    if (!total?.tok || Math.abs(total.tok.v - 100) > 5) continue;
    let sum = 0;
    let tol = 1e-9;
    const parts: Cell[] = [];
    for (const r of g.parts) {
      const cell = t.rows[r][c];
      if (!cell?.tok) return;
      sum += cell.tok.v;
      tol += cell.tok.dec > 0 ? cell.tok.half : 0.5;
      parts.push(cell);
    }
    if (parts.length < 2) continue;
    const dec = Math.max(...parts.map((p) => p.tok!.dec));
    const expr = parts.map((p) => p.tok!.k).join(' + ');
    if (Math.abs(sum - 100) > tol) {
      out.push({
        start: total.s,
        end: total.e,
        message: msg(
          `Các tỷ lệ trong cột "${t.headers[c]}" không cộng lại thành 100: ${expr} = ${formatLike(sum, dec, false)}.`,
          `The shares in column "${t.headers[c]}" do not add up to 100: ${expr} = ${formatLike(sum, dec, false)}.`,
        ),
        related: parts.map((p) => ({ start: p.s, end: p.e, message: msg(`Tỷ lệ ${p.tok!.k}`, `Share ${p.tok!.k}`) })),
        fixes: [],
        data: { kind: 'table-shares', sum },
      });
    } else if (Math.abs(total.tok.v - 100) > total.tok.half + 1e-9) {
      out.push({
        start: total.s,
        end: total.e,
        message: msg(`Ô tổng của cột tỷ lệ phải là 100: ${expr} = ${formatLike(sum, dec, false)}, viết ${total.tok.k}.`, `The total of a share column must be 100: ${expr} = ${formatLike(sum, dec, false)}, written ${total.tok.k}.`),
        related: [],
        fixes: [{ title: msg('Sửa thành 100', 'Change to 100'), start: total.tok.ns, end: total.tok.ne, newText: formatLike(100, total.tok.dec, false) }],
        data: { kind: 'table-shares', sum },
      });
    }
    // Each share against its count over the total, when one count column sits beside it.
    const countCols = cols.filter((k) => k < c);
    if (countCols.length !== 1) continue;
    const k = countCols[0];
    const T = valueOf(t.rows[g.total][k]);
    if (!T) continue;
    // A total that its rows do not make is reported as such; which figure is wrong is unknown, so the shares are not read.
    let rowsSum = 0;
    for (const r of g.parts) rowsSum += valueOf(t.rows[r][k]) ?? NaN;
    if (!Number.isFinite(rowsSum) || Math.abs(rowsSum - T) > 1e-9) continue;
    for (const r of g.parts) {
      const cell = t.rows[r][c];
      const n = valueOf(t.rows[r][k]);
      if (n === undefined || !cell?.tok) continue;
      const exact = (100 * n) / T;
      const w = cell.tok.v;
      const h = cell.tok.dec > 0 ? cell.tok.half : 0.5;
      if (exact >= w - h - 1e-9 && exact <= w + 2 * h - 1e-6) continue;
      const right = formatLike(exact, cell.tok.dec, false);
      out.push({
        start: cell.s,
        end: cell.e,
        message: msg(
          `Tỷ lệ không khớp với số đếm: ${t.rows[r][k].tok?.k ?? '0'} / ${t.rows[g.total][k].tok?.k} = ${formatLike(exact, cell.tok.dec + 1, false)}%, viết ${cell.tok.k}.`,
          `The share does not match its count: ${t.rows[r][k].tok?.k ?? '0'} / ${t.rows[g.total][k].tok?.k} = ${formatLike(exact, cell.tok.dec + 1, false)}%, written ${cell.tok.k}.`,
        ),
        related: [
          { start: t.rows[r][k].s, end: t.rows[r][k].e, message: msg('Số đếm', 'Count') },
          { start: t.rows[g.total][k].s, end: t.rows[g.total][k].e, message: msg('Tổng', 'Total') },
        ],
        fixes: [{ title: msg(`Sửa thành ${right}`, `Change to ${right}`), start: cell.tok.ns, end: cell.tok.ne, newText: right }],
        data: { kind: 'table-share', exact },
      });
    }
  }
}

/** A "Tổng số" column (or "6 tháng" after "Quý I | Quý II") against the count columns it sums, row by row. */
function rowTotals(t: Table, out: Issue[]): void {
  const cols = countColumns(t, 1);
  const h = t.headers;
  for (const tc of cols) {
    let parts: number[] | undefined;
    if (TOTAL_LABEL.test(h[tc])) {
      // Parts: the count columns next to it on one side (left if it is last, right if first).
      const left: number[] = [];
      for (let c = tc - 1; c >= 1 && cols.includes(c) && !KIND_HEADER.test(h[c]); c--) left.unshift(c);
      const right: number[] = [];
      for (let c = tc + 1; c < h.length && cols.includes(c) && !KIND_HEADER.test(h[c]); c++) right.push(c);
      if (left.length >= 2 && right.length === 0 && (tc === h.length - 1 || !cols.includes(tc + 1))) parts = left;
      else if (right.length >= 2 && left.length === 0) parts = right;
      // "Tổng số | Trong đó: nữ | ...": a subset, not summed.
      if (parts && parts.some((c) => isSubsetLabel(h[c]))) parts = undefined;
    } else if (/^(?:6 tháng|9 tháng|cả năm|năm)(?:\s.*)?$/u.test(h[tc]) && !/\d{4}/.test(h[tc])) {
      const want = h[tc].startsWith('6') ? 2 : h[tc].startsWith('9') ? 3 : 4;
      const qs: number[] = [];
      for (let c = tc - 1; c >= 1 && QUARTER.test(h[c]); c--) qs.unshift(c);
      if (qs.length === want) parts = qs;
    }
    if (!parts) continue;
    const scaled = SCALED.test(h[tc]);
    const results: { r: number; sum: number; tol: number; total: Cell; cells: Cell[] }[] = [];
    t.rows.forEach((row, r) => {
      if (!rowIsCount(t, r) || isSubsetLabel(t.labels[r])) return;
      const total = row[tc];
      const tv = valueOf(total);
      if (tv === undefined || !total) return;
      let sum = 0;
      let tol = halfOf(total, scaled) + 1e-9;
      const cells: Cell[] = [];
      for (const c of parts!) {
        const v = valueOf(row[c]);
        if (v === undefined) return;
        sum += v;
        tol += halfOf(row[c], SCALED.test(h[c]));
        cells.push(row[c]);
      }
      results.push({ r, sum, tol, total, cells });
    });
    const bad = results.filter((x) => Math.abs(x.sum - valueOf(x.total)!) > x.tol);
    if (!bad.length || (results.length >= 2 && bad.length === results.length)) continue;
    for (const x of bad) out.push(cellIssue(t, x.total, x.cells, x.sum, h[tc], t.labels[x.r]));
  }
}

function cellIssue(t: Table, total: Cell, parts: Cell[], sum: number, header: string, label: string): Issue {
  const tok = total.tok;
  const dec = Math.max(tok?.dec ?? 0, ...parts.map((p) => p.tok?.dec ?? 0));
  const grouped = parts.some((p) => /\d\.\d{3}/.test(p.tok?.k ?? '')) || /\d\.\d{3}/.test(tok?.k ?? '');
  const s = formatLike(sum, dec, grouped);
  const expr = parts.map((p) => (p.zero ? '0' : p.tok!.k)).join(' + ');
  const written = total.zero ? '0' : tok!.k;
  void t;
  return {
    start: total.s,
    end: total.e,
    message: msg(
      `Ô tổng (${label || header}, ${header}) không khớp với các ô thành phần: ${expr} = ${s}, viết ${written}.`,
      `The total cell (${label || header}, ${header}) does not match its parts: ${expr} = ${s}, written ${written}.`,
    ),
    related: parts.map((p) => ({ start: p.s, end: p.e, message: msg(`Thành phần ${p.zero ? '0' : p.tok!.k}`, `Part ${p.zero ? '0' : p.tok!.k}`) })),
    fixes: tok ? [{ title: msg(`Sửa tổng thành ${s}`, `Change the total to ${s}`), start: tok.ns, end: tok.ne, newText: s }] : [],
    data: { kind: 'table-total', sum },
  };
}
