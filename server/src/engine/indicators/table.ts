// Tables: a row names the indicator and the column header gives the year or
// kind ("Thực hiện 2023", "Kế hoạch 2024"), or the other way round; a unit
// column ("ĐVT") gives the unit; a caption right above gives what neither says.
import type { Block } from '../types';
import type { Hedge } from './compare';
import { readColumnHeader } from './columns';
import { contextOf } from './context';
import { countIdOf, countUnitAt } from './counts';
import { lexString, type Tok } from './lexer';
import { foldKeyOf as K, inW, wordSet } from './lexicon';
import { extractable, figureAt, markClashes, specKey, wordsOf, type Context, type Fig, type Mention, type MentionKind, type ReadCtx } from './mention';
import { figureLike, isN } from './numbers';
import { SO_WORD, type PeriodSpec } from './period';
import { hitAt, type Hit, type NameHit, type Reading } from './read';

/** A unit column's header: "ĐVT", "Đơn vị tính". */
const UNIT_HEADERS = new Set(['đvt', 'đơn vị tính', 'dvt', 'đơn vị tính (đvt)'].map((w) => lexString(w).map((t) => t.k).join(' ')));
/** Header words that say nothing about which value a column holds. */
const FILLER = new Set(
  ['năm', 'cả', 'số', 'liệu', 'giá', 'trị', 'ghi', 'chú', 'tt', 'stt', 'nội', 'dung', 'chỉ', 'tiêu', 'đơn', 'vị', 'tính', 'kết', 'quả', 'chung', 'tổng', 'cộng', 'the', 'value'].map((w) => K(w)),
);
const SEX_HEADERS = new Map([
  [K('nam'), 'sex:nam'],
  [K('nữ'), 'sex:nữ'],
]);
/** "KH", "CT": a plan (target) column; "TH", "TT": an achieved one. */
const HDR_TARGET = new Set(['kh', 'ct'].map((w) => K(w)));
const HDR_ACHIEVED = new Set(['th', 'tt'].map((w) => K(w)));
/** "Chênh lệch" (and "So sánh", SO_WORD): a comparison column. */
const CHENH_WORD = wordSet('chênh');
/** The words of a total row: "Tổng số", "Tổng cộng", "Cộng", "Toàn bộ". */
const TOTAL_WORDS = wordSet('tổng', 'số', 'cộng', 'chung', 'toàn', 'bộ');
const OWN_OR_NATIONAL = /^(national|province|district|hospital|commune)$/;
const ROMAN_WORD = /^[IVXLivxl]+$/;
const ROMAN_NUMBERING = /^[IVXLivxl]+\.?$/;
const FOOTNOTE_MARKS = /[*†‡)]/;
const ESTIMATE_LABEL = /^ước/i;
/** Column periods (columns.ts) that are a part of the year. */
const HALF: Record<string, PeriodSpec> = { H1: { months: 6 }, '9M': { months: 9 }, Q1: { quarter: 1 }, Q2: { quarter: 2 }, Q3: { quarter: 3 }, Q4: { quarter: 4 } };

interface Cell {
  seg: number;
  row: number;
  col: number;
  r: Reading;
}

/** What a header cell (or a row label) says about the figures on its axis. */
interface HeaderInfo {
  name?: NameHit;
  unit?: { pct?: number; per?: number };
  period?: PeriodSpec;
  kind?: MentionKind;
  place?: { key: string; label: string };
  sub: string[];
  comparison: boolean;
}

/** A table read once: its header cells and what they say, its rows, its unit column. */
interface Layout {
  ctx: ReadCtx;
  header: Map<number, Cell>;
  headerCtx: Map<number, HeaderInfo>;
  rows: Map<number, Cell[]>;
  unitCol: number;
  tableId: number;
  caption: Context | undefined;
  /** The cue of each header cell and row label quoted so far. */
  cues: Map<Cell, string | undefined>;
}

/** The mentions of one table (its cells are the segments `segs` of the block) into `out`. */
export function extractTable(ctx: ReadCtx, block: Block, readings: Reading[], segs: number[], tableId: number, out: Mention[], caption: Context | undefined): void {
  const t = layoutOf(ctx, block, readings, segs, tableId, caption);
  const made: { m: Mention; ctxKey: string }[] = [];
  for (const [, rowCells] of t.rows) rowMentions(t, rowCells, made);
  // The same indicator in two rows (or columns) with the same qualifiers and different values: sections we cannot see.
  const groups = new Map<string, Mention[]>();
  for (const x of made) {
    const g = groups.get(x.ctxKey);
    if (g) g.push(x.m);
    else groups.set(x.ctxKey, [x.m]);
  }
  markClashes(ctx.cat, groups.values());
  for (const x of made) out.push(x.m);
}

/** The table's header row (what each column says), its body rows and its unit column. */
function layoutOf(ctx: ReadCtx, block: Block, readings: Reading[], segs: number[], tableId: number, caption: Context | undefined): Layout {
  const header = new Map<number, Cell>();
  const rows = new Map<number, Cell[]>();
  for (const s of segs) {
    const c: Cell = { seg: s, row: block.segments[s].table!.row, col: block.segments[s].table!.col, r: readings[s] };
    if (c.row === 0) header.set(c.col, c);
    else {
      const l = rows.get(c.row);
      if (l) l.push(c);
      else rows.set(c.row, [c]);
    }
  }
  let unitCol = -1;
  for (const [col, c] of header) if (UNIT_HEADERS.has(c.r.toks.filter((t) => t.t === 'w' || t.k === '(' || t.k === ')').map((t) => t.k).join(' '))) unitCol = col;
  const headerCtx = new Map<number, HeaderInfo>();
  for (const [col, c] of header) headerCtx.set(col, withColumnRole(headerInfo(c.r), ctx.prose.slice(block.segments[c.seg].start, block.segments[c.seg].end)));
  return { ctx, header, headerCtx, rows, unitCol, tableId, caption, cues: new Map() };
}

/** One body row: its label (the first cell that is not a lone figure), its unit, and the mentions of its figure cells. */
function rowMentions(t: Layout, rowCells: Cell[], made: { m: Mention; ctxKey: string }[]): void {
  const { ctx, unitCol } = t;
  rowCells.sort((x, y) => x.col - y.col);
  // The row label: the first cell that is not a lone figure (a numbering cell "1", "I" is skipped; a year "2023" is a label).
  const label = rowCells.find((c) => c.col !== unitCol && !loneFigure(c.r) && !romanNumbering(c.r.toks));
  if (!label) return;
  const unitCell = unitCol >= 0 ? rowCells.find((c) => c.col === unitCol) : undefined;
  let rowName = firstName(label.r);
  if (!rowName && unitCell) {
    // "Số bác sĩ | Bác sĩ/vạn dân": the head noun in the label, the denominator in the unit column.
    const u = firstName(unitCell.r);
    if (u?.per && label.r.toks.some((_, k) => ctx.cat.numerators.match(label.r.toks, k)?.values.some((id) => u.entries.some((e) => e.ind === id)))) rowName = u;
  }
  const row: Row = { label, unitCell, rowName, rowUnit: unitFromText(label.r, unitCell?.r), rowInfo: headerInfo(label.r) };
  for (const c of rowCells) {
    if (c === label || c.col === unitCol || c.col < label.col) continue;
    const fig = loneFigure(c.r);
    if (!fig) continue;
    const m = cellMention(t, row, c, fig);
    if (m) made.push({ m, ctxKey: [m.ind, m.kind, m.period ? specKey(m.period) : 'null', m.place ?? '', m.sub.join('+')].join('|') });
  }
}

/** A body row as read: its label cell, unit cell, the indicator its label names, its unit and what the label says. */
interface Row {
  label: Cell;
  unitCell: Cell | undefined;
  rowName: NameHit | undefined;
  rowUnit: { pct?: number; per?: number } | undefined;
  rowInfo: HeaderInfo;
}

/** The first name of an indicator in a cell. */
function firstName(r: Reading): NameHit | undefined {
  return r.hits.find((h): h is Extract<Hit, { type: 'name' }> => h.type === 'name')?.name;
}

/** The mention of a figure cell: named by its row (qualified by its column) or by its column (qualified by its row). */
function cellMention(t: Layout, row: Row, c: Cell, fig: LoneFig): Mention | undefined {
  const { ctx, header, caption } = t;
  const { label, unitCell, rowName, rowInfo } = row;
  const hdr = t.headerCtx.get(c.col);
  let name = rowName;
  let qual: HeaderInfo | undefined = hdr;
  let own: HeaderInfo | undefined = rowInfo;
  let unit = row.rowUnit;
  if (!name && hdr?.name) {
    name = hdr.name;
    qual = rowInfo;
    own = hdr;
    unit = hdr.unit;
  }
  if (!name || !qual || qual.comparison) return undefined;
  let countId: { id: string; unit: string } | undefined;
  if (name.count) {
    // A count is read only where the other axis says which value it is: a column "TH 2024", "KH 2025", "Năm 2023",
    // "6 tháng" for a row naming it; the total row ("Tổng số", "Toàn tỉnh") or a year row for a column naming it.
    const fromRow = name === rowName;
    if (fromRow ? !(hdr?.period || hdr?.kind) : !(rowInfo.period || totalRow(label.r))) return undefined;
    countId = tableCountId(name, fromRow ? label.r : header.get(c.col)?.r, fromRow ? unitCell?.r : undefined);
    if (!countId) return undefined;
  }
  // The other axis qualifies the figure; what the indicator's own cell says (a year, a place) applies too.
  qual = mergeInfo(qual, own);
  const m = countId ? countMention(ctx, c, fig, countId.id, name.count!.label, qual) : tableMention(ctx, c, fig, name, unit, qual);
  if (!m) return undefined;
  m.tableId = t.tableId;
  // Say why: the column header (or row label) that gave the kind and period.
  const hc = name === rowName ? header.get(c.col) : label;
  if (hc && hc.r.toks.length) m.cue = cueOf(t, hc);
  // A caption in the same block ("Bảng 3. ... năm 2023" right above the table).
  if (!m.period && caption?.period) {
    m.period = caption.period;
    m.periodFrom = 'table';
  }
  if (!m.kindExplicit && caption?.kind) {
    m.kind = caption.kind;
    m.kindExplicit = true;
  }
  if (caption?.unit && countId) m.sub = [...m.sub, 'unit:' + caption.unit].sort();
  return m;
}

/** The words of a header cell or row label as written (once per cell: every figure of its column or row quotes them). */
function cueOf(t: Layout, hc: Cell): string | undefined {
  if (t.cues.has(hc)) return t.cues.get(hc);
  const cue = wordsOf(t.ctx.prose, hc.r, 0, hc.r.toks.length);
  t.cues.set(hc, cue);
  return cue;
}

/** A numbering cell "I", "IV." (the cell's tokens written together). */
function romanNumbering(toks: readonly Tok[]): boolean {
  // Only words and a final "." can spell it: test the joined text only then.
  for (let k = 0; k < toks.length; k++) if (toks[k].t !== 'w' && !(k === toks.length - 1 && toks[k].k === '.')) return false;
  return ROMAN_NUMBERING.test(toks.map((t) => (t.t === 'w' ? t.raw : t.k)).join(''));
}

/** What a header cell or row label says: the indicator it names, its unit, period, kind, place, sub-types, or that it is a comparison. */
function headerInfo(r: Reading): HeaderInfo {
  const info: HeaderInfo = { sub: [], comparison: false };
  const c = contextOf(r, false);
  info.period = c.period;
  info.kind = c.kind;
  info.place = c.place;
  const leftover: string[] = [];
  for (let i = 0; i < r.toks.length; i++) {
    const t = r.toks[i];
    const h = hitAt(r, i);
    if (h) {
      headerHit(r, h, info);
      i = h.e - 1;
      continue;
    }
    if (t.t === 'w') {
      if (HDR_TARGET.has(t.k)) info.kind = 'target';
      else if (HDR_ACHIEVED.has(t.k)) info.kind ??= 'achieved';
      else if (inW(t, SO_WORD) || inW(t, CHENH_WORD)) info.comparison = true;
      else if (!FILLER.has(t.k) && !ROMAN_WORD.test(t.raw)) leftover.push(t.k);
    }
    if (t.t === 'p' && (t.k === '%' || t.k === '‰')) info.unit = { pct: t.k === '%' ? 100 : 1000 };
    if (t.k === '/' && HDR_ACHIEVED.has(r.toks[i - 1]?.k ?? '') && HDR_TARGET.has(r.toks[i + 1]?.k ?? '')) info.comparison = true;
  }
  if (info.name?.per) info.unit = { per: info.name.per };
  // A bare "%" or "Tỷ lệ (%)" column beside values is a ratio to plan or year, not a level.
  if (!info.name && info.unit?.pct && !info.period) info.comparison = true;
  // A column "Nam" / "Nữ" is the sex, as "nam giới" / "nữ giới" in prose.
  if (leftover.length === 1 && SEX_HEADERS.has(leftover[0])) info.sub.push(SEX_HEADERS.get(leftover[0])!);
  else if (leftover.length && !info.name) info.sub.push('col:' + leftover.join(' '));
  return info;
}

/** A hit of a header cell: the first name, sub-types, an earlier year's column, a change or comparison column. */
function headerHit(r: Reading, h: Hit, info: HeaderInfo): void {
  if (h.type === 'name' && !info.name) info.name = h.name;
  if (h.type === 'sub') info.sub.push(h.sub);
  if (h.type === 'qual' && (h.qual.cat === 'change' || h.qual.cat === 'prev')) {
    if (h.qual.cat === 'prev') info.kind = 'previous';
    else info.comparison = true;
  }
  if (h.type === 'qual' && h.qual.cat === 'weak' && inW(r.toks[h.s], SO_WORD)) info.comparison = true;
}

/**
 * What the column header says by its role (columns.ts) when the words read
 * as in prose did not say it: "6 tháng", "Quý II", "6 tháng/2008" give their
 * part of the year; "% so KH năm", "Tăng/giảm" are ratios or changes of other
 * cells, never values of the row.
 */
function withColumnRole(info: HeaderInfo, text: string): HeaderInfo {
  if (info.name || info.comparison) return info;
  const cr = readColumnHeader(text);
  if (cr.role === 'ratio' || cr.role === 'change') return { ...info, comparison: true };
  if (info.period || !cr.period || !HALF[cr.period] || (cr.years && cr.years.length > 1)) return info;
  const period: PeriodSpec = { ...HALF[cr.period] };
  if (cr.year !== undefined) period.year = cr.year;
  return { ...info, period, kind: info.kind ?? (cr.role === 'target' ? 'target' : cr.role === 'previous' ? 'previous' : undefined), sub: info.sub.filter((x) => !x.startsWith('col:')) };
}

/** The other axis's qualifiers with what the indicator's own cell adds (a year, a place, its sub-types). */
function mergeInfo(main: HeaderInfo, own: HeaderInfo | undefined): HeaderInfo {
  if (!own) return main;
  return {
    ...main,
    period: main.period ?? own.period,
    kind: main.kind ?? own.kind,
    place: main.place ?? own.place,
    // (Most cells: no sub-type of their own, and at most one on the other axis: nothing to merge.)
    sub: main.sub.length <= 1 && own.sub.every((x) => x.startsWith('col:')) ? main.sub : [...new Set([...main.sub, ...own.sub.filter((x) => !x.startsWith('col:'))])],
  };
}

/** The unit a row writes: a "%" in its unit cell or label, or the base of the name there. */
function unitFromText(label: Reading, unitCell: Reading | undefined): { pct?: number; per?: number } | undefined {
  for (const r of [unitCell, label]) {
    if (!r) continue;
    for (const t of r.toks) if (t.t === 'p' && (t.k === '%' || t.k === '‰')) return { pct: t.k === '%' ? 100 : 1000 };
    const name = firstName(r);
    if (name?.per) return { per: name.per };
    for (const h of r.hits) if (h.type === 'unit') return undefined;
  }
  return undefined;
}

interface LoneFig extends Fig {
  hedge?: Hedge;
}

/** A cell that is just a figure: "12,5", "~ 95%", "2,0 - 2,1", "12,5 bác sĩ/vạn dân". */
function loneFigure(r: Reading): LoneFig | undefined {
  const toks = r.toks;
  let i = 0;
  let hedge: Hedge | undefined;
  while (i < toks.length) {
    const h = hitAt(r, i);
    if (h?.type === 'qual' && h.qual.cat === 'hedge') {
      hedge ??= h.qual.val as Hedge;
      i = h.e;
      continue;
    }
    if (h?.type === 'qual' && h.qual.cat === 'achieved' && ESTIMATE_LABEL.test(h.qual.label ?? '')) {
      hedge ??= 'estimate';
      i = h.e;
      continue;
    }
    break;
  }
  if (!figureLike(toks[i])) return undefined;
  const fig = figureAt(r, i);
  if (!fig) return undefined;
  let j = Math.max(fig.last + 1, fig.unit.end);
  while (j < toks.length && toks[j].t === 'p' && FOOTNOTE_MARKS.test(toks[j].k)) j++;
  if (j < toks.length) return undefined;
  if (fig.unit.kind === 'count' || fig.unit.kind === 'times' || fig.unit.kind === 'pp') return undefined;
  // figureAt made the object for this call: give it the hedge in place of a copy.
  const lone: LoneFig = fig;
  lone.hedge = hedge;
  return lone;
}

/** A total row: "Tổng số", "Tổng cộng", "Cộng", "Toàn tỉnh" (the document's own scope or the country). */
function totalRow(r: Reading): boolean {
  let words = 0;
  for (let i = 0; i < r.toks.length; i++) {
    const t = r.toks[i];
    const h = hitAt(r, i);
    if (h) {
      if (h.type !== 'place' || !OWN_OR_NATIONAL.test(h.key)) return false;
      words++;
      i = h.e - 1;
      continue;
    }
    if (t.t === 'n') return false;
    if (t.t === 'w') {
      if (!inW(t, TOTAL_WORDS)) return false;
      words++;
    }
  }
  return words > 0;
}

/**
 * The identity of a count named in a table cell: its phrase's unit, else the
 * unit column ("lượt") or the unit in parentheses after the phrase ("Số lượt
 * khám bệnh (lượt)"); a unit there that differs from the phrase's is refused.
 */
function tableCountId(name: NameHit, cell: Reading | undefined, unitCell: Reading | undefined): { id: string; unit: string } | undefined {
  let unit: string | undefined;
  if (unitCell && unitCell.toks.length) {
    const u = countUnitAt(unitCell.toks, 0);
    if (!u || u.end !== unitCell.toks.length) return undefined;
    unit = u.unit;
  }
  if (cell && cell.toks[name.e]?.k === '(') {
    const u = countUnitAt(cell.toks, name.e + 1);
    if (u && cell.toks[u.end]?.k === ')') {
      if (unit !== undefined && unit !== u.unit) return undefined;
      unit = u.unit;
    }
  }
  return countIdOf(name.count!, unit);
}

/** A count's figure in a cell (a plain number, no unit of its own). */
function countMention(ctx: ReadCtx, c: Cell, fig: LoneFig, id: string, label: string, q: HeaderInfo): Mention | undefined {
  const t = c.r.toks[fig.first];
  if (fig.unit.kind !== 'bare' || !isN(t) || t.num.kind !== 'number' || t.num.scale || fig.hi !== undefined) return undefined;
  return cellMentionOf(ctx, c, fig, q, id, '', undefined, [...q.sub].sort(), true, label);

}

/** A catalogued indicator's figure in a cell: the one indicator of the name its unit (written on the figure, the row or the name) fits. */
function tableMention(ctx: ReadCtx, c: Cell, fig: LoneFig, name: NameHit, unit: { pct?: number; per?: number } | undefined, q: HeaderInfo): Mention | undefined {
  const { cat } = ctx;
  const ids = [...new Set(name.entries.map((e) => e.ind))].filter((id) => extractable(cat.byId.get(id)!));
  let per: number | undefined;
  let explicit = false;
  const u = fig.unit;
  if (u.kind === 'pct' || u.kind === 'per') {
    per = u.per;
    explicit = true;
  } else if (unit?.pct || unit?.per) {
    per = unit.pct ?? unit.per;
    explicit = true;
  } else if (name.per) {
    per = name.per;
    explicit = true;
  }
  const ok = ids.filter((id) => {
    const ind = cat.byId.get(id)!;
    switch (ind.kind) {
      case 'percent':
        return u.kind === 'pct' || u.kind === 'bare';
      case 'permille':
      case 'ratio':
        return u.kind !== 'years';
      case 'rate':
        return (u.kind === 'per' && u.den === ind.denominator) || (u.kind === 'bare' && (per !== undefined || !name.entries.find((e) => e.ind === id)?.needsPer) && !unit?.pct);
      case 'years':
        return (u.kind === 'bare' || u.kind === 'years') && fig.value >= 40 && fig.value < 130;
      default:
        return false;
    }
  });
  if (ok.length !== 1) return undefined;
  const ind = cat.byId.get(ok[0])!;
  if (ind.kind === 'percent' && per !== undefined && per !== 100 && per !== 1000) return undefined;
  const unitText = u.end > fig.last + 1 ? ctx.prose.slice(fig.end, c.r.toks[u.end - 1].e).trim() : '';
  // "trẻ dưới 5 tuổi" in the row label is part of what the indicator is (as in prose), not a sub-type.
  const sub = (ind.age ? q.sub.filter((x) => x !== 'age:' + ind.age) : [...q.sub]).sort();
  return cellMentionOf(ctx, c, fig, q, ind.id, unitText, per, sub, explicit, undefined);

}

/**
 * A table cell's mention. One object literal, keys in one order, for every cell mention (a spread of
 * shared fields made each mention a slow dictionary object).
 */
function cellMentionOf(ctx: ReadCtx, c: Cell, fig: LoneFig, q: HeaderInfo, ind: string, unitText: string, per: number | undefined, sub: string[], unitExplicit: boolean, countLabel: string | undefined): Mention {
  return {
    segment: c.seg,
    start: fig.start,
    end: fig.end,
    numStart: fig.numStart,
    numEnd: fig.numEnd,
    raw: ctx.prose.slice(fig.start, fig.end),
    numText: ctx.prose.slice(fig.numStart, fig.numEnd),
    value: fig.value,
    hi: fig.hi,
    decimals: fig.decimals,
    hedge: fig.hedge,
    kind: q.kind ?? 'achieved',
    kindExplicit: !!q.kind,
    period: q.period,
    periodFrom: q.period ? 'table' : undefined,
    place: q.place?.key,
    placeLabel: q.place?.label,
    ind,
    unitText,
    per,
    sub,
    unitExplicit,
    countLabel,
  };
}
