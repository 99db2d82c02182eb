// Ratio cells of a table: a "So sánh (%)", "% so KH", "% so cùng kỳ" cell is
// the ratio of two other cells of its row (READING.md §8): "Kế hoạch 2024 |
// Thực hiện 2024 | So sánh (%)" with "150.000 | 162.340 | 108,2". The two
// columns are found from the headers (columns.ts); when the headers do not say
// clearly which two, the column is not checked.
import { analysis } from '../rule';
import type { Block, Segment } from '../types';
import type { ResolvedConfig } from '../config';
import { foldPhrase, lexString, type Tok } from './lexer';
import { readColumnHeader, type ColumnReading, type ColumnRole } from './columns';
import { matches } from './fractions';
import { formatVi, roundTo } from './compare';

export interface TableRatio {
  /** The ratio cell's number, % included (prose offsets). */
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  written: number;
  decimals: number;
  /** The two cells it divides (prose offsets of their numbers). */
  num: { start: number; end: number; value: number; header: string };
  den: { start: number; end: number; value: number; header: string };
  /** 100 × num / den. */
  exact: number;
  ratioHeader: string;
  ok: boolean;
  /**
   * A "Tăng/giảm (%)" column: the cell is the change of num over den in %
   * (exact = 100 × num / den − 100). Reported by change-mismatch, not as a ratio.
   */
  change?: boolean;
}

type N = Extract<Tok, { t: 'n' }>;

/** A ratio cell x against the two cells na / nb it divides, with their headers. */
function ratioOf(x: CellNum, na: CellNum, nb: CellNum, numHeader: string, denHeader: string, ratioHeader: string, exact: number, ok: boolean): TableRatio {
  return {
    start: x.start,
    end: x.end,
    numStart: x.numStart,
    numEnd: x.numEnd,
    written: x.value,
    decimals: x.decimals,
    num: { start: na.start, end: na.end, value: na.value, header: numHeader },
    den: { start: nb.start, end: nb.end, value: nb.value, header: denHeader },
    exact,
    ratioHeader,
    ok,
  };
}
interface CellNum {
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  value: number;
  decimals: number;
}

export const tableRatios = analysis(
  'table-ratios',
  (block: Block, _config: ResolvedConfig): TableRatio[] => {
    const out: TableRatio[] = [];
    if (block.type !== 'table' && !block.segments.some((s) => s.table)) return out;
    const tables = new Map<number, Segment[]>();
    for (const s of block.segments) {
      if (!s.table) continue;
      let l = tables.get(s.table.tableId);
      if (!l) tables.set(s.table.tableId, (l = []));
      l.push(s);
    }
    for (const cells of tables.values()) checkTable(block, cells, out);
    return out;
  },
  { transient: true },
);

/** The one number of a cell ("162.340", "108,2", "108,2%"), or undefined when the cell holds anything else. */
function cellNumber(block: Block, seg: Segment): CellNum | undefined {
  const text = block.prose.slice(seg.start, seg.end);
  const toks = lexString(text).filter((t) => !(t.t === 'p' && (t.k === '*' || t.k === '_')));
  if (toks.length !== 1 || toks[0].t !== 'n') return undefined;
  const n = (toks[0] as N).num;
  if (n.kind !== 'number' || n.value === undefined || n.scale) return undefined;
  // A signed cell ("+8,2", "-3") is a change, not a ratio; the tokenizer does not take the sign.
  const before = text.slice(0, n.start);
  if (/[+\-–−]\s*$/.test(before)) return undefined;
  return {
    start: seg.start + n.start,
    end: seg.start + Math.max(n.end, n.percentEnd ?? 0),
    numStart: seg.start + n.start,
    numEnd: seg.start + n.end,
    value: n.value,
    decimals: n.decimals ?? 0,
  };
}

const VALUE_ROLES: ColumnRole[] = ['achieved', 'estimate', 'target', 'previous'];

/** For a ratio column, the two columns it divides, or undefined when the headers leave a doubt. */
function operands(ratio: ColumnReading, col: number, cols: readonly ColumnReading[]): [number, number] | undefined {
  if (ratio.formula) {
    const a = cols.findIndex((c) => c.ref === ratio.formula![0]);
    const b = cols.findIndex((c) => c.ref === ratio.formula![1]);
    return a >= 0 && b >= 0 && VALUE_ROLES.includes(cols[a].role) && VALUE_ROLES.includes(cols[b].role) ? [a, b] : undefined;
  }
  const idx = (pred: (c: ColumnReading) => boolean): number[] => cols.map((c, i) => (pred(c) ? i : -1)).filter((i) => i >= 0);
  const done = idx((c) => c.role === 'achieved' || c.role === 'estimate');
  const targets = idx((c) => c.role === 'target');
  const prevs = idx((c) => c.role === 'previous');
  // Columns of another sub-year period than the ratio's own are not its operands.
  const samePeriod = (i: number) => !ratio.period || !cols[i].period || cols[i].period === ratio.period;
  const one = (l: number[]): number | undefined => (l.length === 1 ? l[0] : undefined);
  const latest = (l: number[]): number | undefined => {
    if (ratio.year !== undefined) return one(l.filter((i) => cols[i].year === ratio.year));
    if (l.length === 1) return l[0];
    // Several years: the latest, when every column names its year and they differ.
    if (l.some((i) => cols[i].year === undefined)) return undefined;
    const ys = l.map((i) => cols[i].year!);
    const max = Math.max(...ys);
    return ys.filter((y) => y === max).length === 1 ? l[ys.indexOf(max)] : undefined;
  };
  const toTarget = (): [number, number] | undefined => {
    const ts = targets.filter(samePeriod);
    const t = ratio.year !== undefined ? one(ts.filter((i) => cols[i].year === ratio.year || cols[i].year === undefined)) : one(ts);
    if (t === undefined) return undefined;
    const y = cols[t].year ?? ratio.year;
    const ds = done.filter(samePeriod).filter((i) => y === undefined || cols[i].year === undefined || cols[i].year === y);
    // An estimate and an achieved column of the same year: which one is meant is not said.
    const d = one(ds);
    return d === undefined ? undefined : [d, t];
  };
  const toPrevious = (): [number, number] | undefined => {
    const ds = done.filter(samePeriod);
    const p = one(prevs.filter(samePeriod));
    if (p !== undefined) {
      const d = latest(ds);
      return d === undefined ? undefined : [d, p];
    }
    // "TH 2023 | TH 2024 | So sánh": the later year over the earlier one.
    const d = latest(ds);
    if (d === undefined || cols[d].year === undefined) return undefined;
    const earlier = ds.filter((i) => cols[i].year !== undefined && cols[i].year! < cols[d].year!);
    const e = earlier.length === 1 ? earlier[0] : one(earlier.filter((i) => cols[i].year === cols[d].year! - 1));
    return e === undefined ? undefined : [d, e];
  };
  if (ratio.ratioOf?.denominator === 'target') return toTarget();
  if (ratio.ratioOf?.denominator === 'previous') return toPrevious();
  // "So sánh (%)", "%": clear only when the table has one kind of pair.
  const t = targets.length ? toTarget() : undefined;
  const p = prevs.length || done.length >= 2 ? toPrevious() : undefined;
  if (t && !p) return t;
  if (p && !t && !targets.length) return p;
  void col;
  return undefined;
}

function checkTable(block: Block, cells: Segment[], out: TableRatio[]): void {
  const headerTexts = cells.find((c) => c.table)?.table?.headers ?? [];
  const cols = headerTexts.map((h) => readColumnHeader(h));
  // "Tăng/giảm (%)": a change in % of the later value over the earlier one.
  const isChange = (c: ColumnReading) => c.role === 'change' && !!c.percent;
  const ratioCols = cols.map((c, i) => (c.role === 'ratio' || isChange(c) ? i : -1)).filter((i) => i >= 0);
  const rows = new Map<number, Map<number, Segment>>();
  for (const c of cells) {
    const t = c.table!;
    if (t.row === 0) continue;
    let r = rows.get(t.row);
    if (!r) rows.set(t.row, (r = new Map()));
    r.set(t.col, c);
  }
  shareColumns(block, headerTexts, new Set(ratioCols), rows, out);
  if (!ratioCols.length) return;
  const plans = new Map<number, [number, number]>();
  for (const rc of ratioCols) {
    // A change column's year ("% tăng/giảm so với 2024") is its base, not its own: later year over earlier.
    const asRatio: ColumnReading = { ...cols[rc], role: 'ratio', year: undefined, years: undefined, ratioOf: { numerator: 'achieved', denominator: 'previous' } };
    const ops = operands(isChange(cols[rc]) ? asRatio : cols[rc], rc, cols);
    if (ops) plans.set(rc, ops);
  }
  if (!plans.size) return;
  for (const [rc, [a, b]] of plans) {
    const change = isChange(cols[rc]);
    const found: TableRatio[] = [];
    let okCount = 0;
    for (const r of rows.values()) {
      const rs = r.get(rc);
      const as = r.get(a);
      const bs = r.get(b);
      if (!rs || !as || !bs) continue;
      const x = cellNumber(block, rs);
      const na = cellNumber(block, as);
      const nb = cellNumber(block, bs);
      if (!x || !na || !nb || nb.value === 0 || na.value === 0) continue;
      const ratio = (100 * na.value) / nb.value;
      const exact = change ? ratio - 100 : ratio;
      const ok = change
        ? // A fall written without its sign ("giảm" columns), or as points for two rates.
          matches(Math.abs(exact), x.value, x.decimals) || matches(Math.abs(na.value - nb.value), x.value, x.decimals)
        : matches(exact, x.value, x.decimals) ||
        // Other ways writers fill the column: the change in % (8,2 for 108,2), the difference of two rates, the inverse ratio.
        matches(exact - 100, x.value, x.decimals) ||
        matches(na.value - nb.value, x.value, x.decimals) ||
        matches((100 * nb.value) / na.value, x.value, x.decimals) ||
        // A ratio written as a fraction of 1 ("1,08").
        matches(na.value / nb.value, x.value, x.decimals);
      if (ok) okCount++;
      found.push({ ...ratioOf(x, na, nb, headerTexts[a], headerTexts[b], headerTexts[rc], exact, ok), change: change || undefined });
    }
    // A column where no row agrees is not the ratio we think (another base, another formula): not checked.
    if (okCount === 0 && found.length >= 2) continue;
    out.push(...found);
  }
}

// Words a share header and its count column share that say nothing of what is counted.
const GENERIC = new Set([...foldPhrase('số tỷ tỉ lệ tổng cơ sở người lượt ca đơn vị năm trong đó được có đã và của'), '%', '(', ')']);
const RATE_HEAD = foldPhrase('tỷ tỉ lệ');
const MIN_AGREE = 3;

/**
 * A share column, "Tỷ lệ vi phạm (%)" beside "Số cơ sở được kiểm tra | Số cơ sở vi phạm": its cell is
 * 100 × one count of the row over another. Which two the header does not say; the rows do. The column
 * is read only when exactly one pair of columns agrees with at least three rows and every row but one,
 * and the numerator's header names what the share's header names ("vi phạm"); the one row that
 * disagrees is then a slip.
 */
function shareColumns(block: Block, headers: readonly string[], taken: Set<number>, rows: Map<number, Map<number, Segment>>, out: TableRatio[]): void {
  if (rows.size < MIN_AGREE + 1) return;
  const words = (h: string) => new Set(lexString(h).map((t) => t.k).filter((k) => !GENERIC.has(k) && !/^\d/.test(k)));
  for (let rc = 0; rc < headers.length; rc++) {
    if (taken.has(rc)) continue;
    const toks = lexString(headers[rc]).map((t) => t.k);
    if (!(toks[0] === RATE_HEAD[0] || toks[0] === RATE_HEAD[1]) || toks[1] !== RATE_HEAD[2] || !toks.includes('%')) continue;
    const own = words(headers[rc]);
    if (!own.size) continue;
    // Every row's numbers, read once.
    const nums = [...rows.values()].map((r) => {
      const m = new Map<number, CellNum>();
      for (const [c, seg] of r) {
        const n = cellNumber(block, seg);
        if (n) m.set(c, n);
      }
      return m;
    });
    let pick: { a: number; b: number; agree: number } | undefined;
    let ties = 0;
    for (let a = 0; a < headers.length; a++) {
      if (a === rc || taken.has(a) || ![...words(headers[a])].some((w) => own.has(w))) continue;
      for (let b = 0; b < headers.length; b++) {
        if (b === rc || b === a || taken.has(b)) continue;
        let agree = 0;
        let seen = 0;
        for (const m of nums) {
          const x = m.get(rc);
          const na = m.get(a);
          const nb = m.get(b);
          if (!x || !na || !nb || nb.value <= 0 || na.value > nb.value) continue;
          seen++;
          if (matches((100 * na.value) / nb.value, x.value, x.decimals)) agree++;
        }
        if (agree < MIN_AGREE || seen - agree > 1) continue;
        if (!pick || agree > pick.agree) {
          pick = { a, b, agree };
          ties = 0;
        } else if (agree === pick.agree) ties++;
      }
    }
    if (!pick || ties) continue;
    for (const m of nums) {
      const x = m.get(rc);
      const na = m.get(pick.a);
      const nb = m.get(pick.b);
      if (!x || !na || !nb || nb.value <= 0 || na.value > nb.value) continue;
      const exact = (100 * na.value) / nb.value;
      const ok = matches(exact, x.value, x.decimals);
      out.push(ratioOf(x, na, nb, headers[pick.a], headers[pick.b], headers[rc], exact, ok));
    }
  }
}

/**
 * What a finding on a ratio or change cell quotes: the cell and its two operands as
 * written, the exact value (one more decimal than written, at least two) and the
 * value the cell should read (`should`, default the exact one) at the cell's precision.
 */
export function cellTexts(prose: string, t: TableRatio, should = t.exact): { written: string; a: string; b: string; exactVi: string; right: string } {
  const d = Math.max(2, t.decimals + 1);
  return {
    written: prose.slice(t.start, t.end),
    a: prose.slice(t.num.start, t.num.end),
    b: prose.slice(t.den.start, t.den.end),
    exactVi: formatVi(roundTo(t.exact, d), d).replace(/,?0+$/, ''),
    right: formatVi(roundTo(should, t.decimals), t.decimals),
  };
}
