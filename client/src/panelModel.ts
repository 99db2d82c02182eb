// The indicator panel's model, shared by the extension (client/src/indicatorPanel.ts)
// and the webview script (client/webview/indicatorPanel.ts): the rows the server
// sends, the messages between the two sides, filtering and sorting, the trend
// series of one indicator, the CSV text, and the UI strings. Pure: no vscode, no DOM.
import type { IndicatorRow } from '../../server/src/protocol';

/** One figure, as the server's `vnhr/indicatorRows` sends it. */
export type { IndicatorRow };

export type PanelLocale = 'vi' | 'en';
export type Scope = 'workspace' | 'file';

/** A row with where it is shown: the file relative to the workspace. */
export interface PanelRow extends IndicatorRow {
  file: string;
}

/** Extension → webview. */
export type ToWebview = { type: 'rows'; version: number; rows: PanelRow[]; scope: Scope; locale: PanelLocale; fileLabel?: string };
/** Webview → extension. `shown`: indexes of the rows (of that `version` of them) as filtered and sorted, for the CSV export. */
export type FromWebview = { type: 'ready' } | { type: 'open'; version: number; index: number } | { type: 'shown'; version: number; indexes: number[] } | { type: 'export' } | { type: 'scope' };

export type Column = 'name' | 'subgroup' | 'period' | 'place' | 'kind' | 'value' | 'unit' | 'file';
export const COLUMNS: readonly Column[] = ['name', 'subgroup', 'period', 'place', 'kind', 'value', 'unit', 'file'];

export interface Filter {
  indicator?: string;
  period?: string;
  place?: string;
  /** Free text, matched without regard to case or tone marks' encoding (NFC). */
  text?: string;
  conflictsOnly?: boolean;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

export function filterRows(rows: readonly PanelRow[], f: Filter): number[] {
  const text = f.text ? fold(f.text.trim()) : '';
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (f.indicator && r.indicator !== f.indicator) return;
    if (f.period && r.period !== f.period) return;
    if (f.place && r.place !== f.place) return;
    if (f.conflictsOnly && !r.conflict) return;
    if (text && !fold([r.name, r.subgroup, r.period, r.place, r.kind, r.written, r.unit, r.file].join('\u0000')).includes(text)) return;
    out.push(i);
  });
  return out;
}

/** Period keys in time order: "2023" < "6T/2024" < "2024"; an unknown period last. */
function periodOrder(key: string): number {
  const years = key.match(/\d{4}/g);
  if (!years) return Number.MAX_SAFE_INTEGER;
  const year = Number(years[years.length - 1]);
  const months = /^(\d{1,2})T\//.exec(key);
  const quarter = /^Q(\d)\//.exec(key);
  const month = /^(?:\d{1,2}\/)?(\d{1,2})\/\d{4}/.exec(key);
  const sub = months ? Number(months[1]) : quarter ? Number(quarter[1]) * 3 : month ? Number(month[1]) : 12.5;
  return year * 100 + sub;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Sort indexes by a column (stable: ties keep file and line order). */
export function sortRows(rows: readonly PanelRow[], indexes: number[], col: Column, descending: boolean): number[] {
  const cmp = (a: PanelRow, b: PanelRow): number => {
    switch (col) {
      case 'value':
        return a.value - b.value;
      case 'period':
        return periodOrder(a.periodKey) - periodOrder(b.periodKey) || collator.compare(a.period, b.period);
      case 'file':
        return collator.compare(a.file, b.file) || a.line - b.line || a.character - b.character;
      default:
        return collator.compare(a[col], b[col]);
    }
  };
  const sign = descending ? -1 : 1;
  return indexes.map((i, k) => [i, k] as const).sort((x, y) => sign * cmp(rows[x[0]], rows[y[0]]) || x[1] - y[1]).map((x) => x[0]);
}

export interface TrendPoint {
  year: number;
  value: number;
  row: number;
  conflict: boolean;
}
export interface Trend {
  indicator: string;
  name: string;
  unit: string;
  place: string;
  subgroup: string;
  achieved: TrendPoint[];
  target: TrendPoint[];
}

/**
 * The yearly values of one indicator for one place and sub-group (the anchor
 * row's, else the most frequent), achieved and target apart. Only whole-year
 * periods; a year given twice keeps its first value (a conflict is marked on
 * it). Undefined unless there are at least two years.
 */
export function trendOf(rows: readonly PanelRow[], indexes: readonly number[], indicator: string, anchor?: number): Trend | undefined {
  const of = indexes.filter((i) => rows[i].indicator === indicator && /^\d{4}$/.test(rows[i].periodKey));
  if (!of.length) return undefined;
  let place: string;
  let subgroup: string;
  if (anchor !== undefined && rows[anchor]?.indicator === indicator) {
    place = rows[anchor].place;
    subgroup = rows[anchor].subgroup;
  } else {
    const counts = new Map<string, number>();
    for (const i of of) {
      const k = `${rows[i].place}\u0000${rows[i].subgroup}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0][0].split('\u0000');
    place = best[0];
    subgroup = best[1];
  }
  const achieved = new Map<number, TrendPoint>();
  const target = new Map<number, TrendPoint>();
  for (const i of of) {
    const r = rows[i];
    if (r.place !== place || r.subgroup !== subgroup) continue;
    const series = r.target ? target : achieved;
    const year = Number(r.periodKey);
    const had = series.get(year);
    if (had) had.conflict ||= r.conflict || had.value !== r.value;
    else series.set(year, { year, value: r.value, row: i, conflict: r.conflict });
  }
  const years = new Set([...achieved.keys(), ...target.keys()]);
  if (years.size < 2) return undefined;
  const first = rows[of[0]];
  const sorted = (m: Map<number, TrendPoint>) => [...m.values()].sort((a, b) => a.year - b.year);
  return { indicator, name: first.name, unit: first.unit, place, subgroup, achieved: sorted(achieved), target: sorted(target) };
}

/** A CSV field: quoted when it holds a separator, quote or line break, or spaces at an end; a text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (UTF-8 BOM first, CRLF line ends, so Excel opens Vietnamese correctly). Values in the dot notation; "written" keeps the report's own spelling. */
export function toCsv(rows: readonly PanelRow[], indexes: readonly number[], locale: PanelLocale): string {
  const s = STRINGS[locale];
  const header = [s.colName, s.colIndicatorId, s.colSubgroup, s.colPeriod, s.colPlace, s.colKind, s.colValue, s.colWritten, s.colUnit, s.colTarget, s.colConflict, s.colFile, s.colLine];
  const lines = [header.map(csvField).join(',')];
  for (const i of indexes) {
    const r = rows[i];
    lines.push([r.name, r.indicator, r.subgroup, r.period, r.place, r.kind, r.value, r.written, r.unit, r.target ? s.yes : '', r.conflict ? s.yes : '', r.file, r.line + 1].map(csvField).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export interface PanelStrings {
  title: string;
  scopeWorkspace: string;
  scopeFile: string;
  switchScope: string;
  noFile: string;
  search: string;
  allIndicators: string;
  allPeriods: string;
  allPlaces: string;
  conflictsOnly: string;
  exportCsv: string;
  /** "{0} of {1} figures". */
  count: string;
  empty: string;
  conflict: string;
  target: string;
  achieved: string;
  trendOf: string;
  table: string;
  sortBy: string;
  yes: string;
  colName: string;
  colIndicatorId: string;
  colSubgroup: string;
  colPeriod: string;
  colPlace: string;
  colKind: string;
  colValue: string;
  colWritten: string;
  colUnit: string;
  colTarget: string;
  colConflict: string;
  colFile: string;
  colLine: string;
  openHint: string;
}

export const STRINGS: Record<PanelLocale, PanelStrings> = {
  vi: {
    title: 'Bảng chỉ số',
    scopeWorkspace: 'Cả thư mục làm việc',
    scopeFile: 'Tệp hiện tại',
    switchScope: 'Chuyển phạm vi',
    noFile: 'Chưa mở báo cáo nào',
    search: 'Tìm kiếm',
    allIndicators: 'Mọi chỉ số',
    allPeriods: 'Mọi kỳ',
    allPlaces: 'Mọi địa bàn',
    conflictsOnly: 'Chỉ số liệu mâu thuẫn',
    exportCsv: 'Xuất CSV',
    count: '{0}/{1} số liệu',
    empty: 'Không có số liệu chỉ số nào.',
    conflict: 'Giá trị mâu thuẫn',
    target: 'Kế hoạch',
    achieved: 'Thực hiện',
    trendOf: 'Xu hướng: {0}',
    table: 'Các số liệu chỉ số',
    sortBy: 'Sắp xếp theo {0}',
    yes: 'có',
    colName: 'Chỉ số',
    colIndicatorId: 'Mã chỉ số',
    colSubgroup: 'Nhóm',
    colPeriod: 'Kỳ',
    colPlace: 'Địa bàn',
    colKind: 'Loại',
    colValue: 'Giá trị',
    colWritten: 'Cách ghi',
    colUnit: 'Đơn vị',
    colTarget: 'Kế hoạch',
    colConflict: 'Mâu thuẫn',
    colFile: 'Tệp:dòng',
    colLine: 'Dòng',
    openHint: 'Nhấn Enter để mở tại số liệu',
  },
  en: {
    title: 'Indicators',
    scopeWorkspace: 'Whole workspace',
    scopeFile: 'Current file',
    switchScope: 'Switch scope',
    noFile: 'No report is open',
    search: 'Search',
    allIndicators: 'All indicators',
    allPeriods: 'All periods',
    allPlaces: 'All places',
    conflictsOnly: 'Conflicts only',
    exportCsv: 'Export CSV',
    count: '{0} of {1} figures',
    empty: 'No indicator figures.',
    conflict: 'Conflicting value',
    target: 'Target',
    achieved: 'Achieved',
    trendOf: 'Trend: {0}',
    table: 'Indicator figures',
    sortBy: 'Sort by {0}',
    yes: 'yes',
    colName: 'Indicator',
    colIndicatorId: 'Indicator id',
    colSubgroup: 'Sub-group',
    colPeriod: 'Period',
    colPlace: 'Place',
    colKind: 'Kind',
    colValue: 'Value',
    colWritten: 'Written',
    colUnit: 'Unit',
    colTarget: 'Target',
    colConflict: 'Conflict',
    colFile: 'File:line',
    colLine: 'Line',
    openHint: 'Press Enter to open at the figure',
  },
};

export function format(s: string, ...args: (string | number)[]): string {
  return s.replace(/\{(\d)\}/g, (m, d: string) => (args[Number(d)] !== undefined ? String(args[Number(d)]) : m));
}
