// The indicator panel inside its webview: toolbar (scope, search, filters,
// export), the trend chart of one indicator (plain SVG) and the table of
// figures. Built with DOM calls only (no innerHTML of report text, no inline
// handlers: the page's Content-Security-Policy allows only this nonce'd script).
// Colours come from the VS Code theme's CSS variables (indicatorPanel.css).
import { COLUMNS, STRINGS, filterRows, format, sortRows, trendOf, type Column, type Filter, type FromWebview, type PanelLocale, type PanelRow, type PanelStrings, type Scope, type ToWebview, type Trend } from '../src/panelModel';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const NUMBER_LOCALE: Record<PanelLocale, string> = { vi: 'vi-VN', en: 'en-US' };

interface UiState {
  filter: Filter;
  sort: { col: Column; desc: boolean } | undefined;
  selected?: { uri: string; line: number; character: number };
}

let rows: PanelRow[] = [];
let version = 0;
let scope: Scope = 'workspace';
let locale: PanelLocale = 'vi';
let fileLabel: string | undefined;
let shown: number[] = [];
let selected: number | undefined;
const state: UiState = { filter: {}, sort: undefined, ...((vscode.getState() as Partial<UiState> | undefined) ?? {}) };
const t = (): PanelStrings => STRINGS[locale];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const root = document.getElementById('vnhr-panel')!;
const toolbar = el('div', { class: 'toolbar', role: 'toolbar' });
const scopeButton = el('button', { type: 'button', id: 'scope' });
const search = el('input', { type: 'search', id: 'search' });
const indicatorSelect = el('select', { id: 'f-indicator' });
const periodSelect = el('select', { id: 'f-period' });
const placeSelect = el('select', { id: 'f-place' });
const conflictsLabel = el('label', { class: 'check' });
const conflictsBox = el('input', { type: 'checkbox', id: 'f-conflicts' });
const conflictsText = el('span');
conflictsLabel.append(conflictsBox, conflictsText);
const exportButton = el('button', { type: 'button', id: 'export' });
const count = el('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
toolbar.append(scopeButton, search, indicatorSelect, periodSelect, placeSelect, conflictsLabel, exportButton, count);
const chart = el('figure', { class: 'chart', id: 'chart' });
const table = el('table', { id: 'rows' });
const thead = el('thead');
const tbody = el('tbody');
table.append(thead, tbody);
const empty = el('p', { class: 'empty', id: 'empty' });
// The table and, beside it (below it in a narrow view), the chart.
const content = el('div', { class: 'content' });
const tableBox = el('div', { class: 'table' });
tableBox.append(empty, table);
content.append(tableBox, chart);
root.append(toolbar, content);

function fillSelect(select: HTMLSelectElement, all: string, values: [string, string][], current: string | undefined) {
  select.replaceChildren(el('option', { value: '' }, all), ...values.map(([v, label]) => el('option', { value: v }, label)));
  select.value = current && values.some(([v]) => v === current) ? current : '';
}

function uniq(pairs: [string, string][]): [string, string][] {
  const m = new Map(pairs.filter(([v]) => v));
  return [...m].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
}

function renderToolbar() {
  const s = t();
  scopeButton.textContent = scope === 'workspace' ? s.scopeWorkspace : `${s.scopeFile}${fileLabel ? `: ${fileLabel}` : ''}`;
  scopeButton.title = s.switchScope;
  scopeButton.setAttribute('aria-label', `${s.switchScope}: ${scopeButton.textContent}`);
  search.placeholder = s.search;
  search.setAttribute('aria-label', s.search);
  search.value = state.filter.text ?? '';
  indicatorSelect.setAttribute('aria-label', s.colName);
  periodSelect.setAttribute('aria-label', s.colPeriod);
  placeSelect.setAttribute('aria-label', s.colPlace);
  fillSelect(indicatorSelect, s.allIndicators, uniq(rows.map((r) => [r.indicator, r.name])), state.filter.indicator);
  fillSelect(periodSelect, s.allPeriods, uniq(rows.map((r) => [r.period, r.period])), state.filter.period);
  fillSelect(placeSelect, s.allPlaces, uniq(rows.map((r) => [r.place, r.place])), state.filter.place);
  conflictsText.textContent = s.conflictsOnly;
  conflictsBox.checked = !!state.filter.conflictsOnly;
  exportButton.textContent = s.exportCsv;
  const head = el('tr');
  for (const col of columns()) {
    const name = columnName(col);
    const sorted = state.sort?.col === col;
    const th = el('th', { scope: 'col', 'aria-sort': sorted ? (state.sort!.desc ? 'descending' : 'ascending') : 'none' });
    const b = el('button', { type: 'button', 'data-col': col, title: format(s.sortBy, name) }, name + (sorted ? (state.sort!.desc ? ' ▾' : ' ▴') : ''));
    th.append(b);
    head.append(th);
  }
  thead.replaceChildren(head);
  table.setAttribute('aria-label', s.table);
}

/** The columns shown: the sub-group only when some figure has one. */
function columns(): Column[] {
  return COLUMNS.filter((c) => c !== 'subgroup' || rows.some((r) => r.subgroup));
}

function columnName(col: Column): string {
  const s = t();
  return { name: s.colName, subgroup: s.colSubgroup, period: s.colPeriod, place: s.colPlace, kind: s.colKind, value: s.colValue, unit: s.colUnit, file: s.colFile }[col];
}

function renderRows() {
  const s = t();
  let idx = filterRows(rows, state.filter);
  if (state.sort) idx = sortRows(rows, idx, state.sort.col, state.sort.desc);
  shown = idx;
  vscode.postMessage({ type: 'shown', version, indexes: shown });
  count.textContent = format(s.count, shown.length, rows.length);
  empty.textContent = rows.length ? '' : s.empty;
  empty.hidden = rows.length > 0;
  const cols = columns();
  const trs = shown.map((i) => {
    const r = rows[i];
    const tr = el('tr', { tabindex: '0', 'data-index': String(i), class: r.conflict ? 'conflict' : '' });
    const where = `${r.file}:${r.line + 1}`;
    tr.setAttribute('aria-label', `${r.name}${r.subgroup ? ` (${r.subgroup})` : ''}, ${r.period || '?'}, ${r.place}, ${r.kind}: ${r.written}${r.conflict ? `, ${s.conflict}` : ''}. ${where}. ${s.openHint}`);
    const nameCell = el('td', { class: 'name' });
    if (r.conflict) nameCell.append(el('span', { class: 'badge', title: s.conflict, 'aria-hidden': 'true' }, '⚠'));
    nameCell.append(document.createTextNode(r.name));
    // The value in the catalogue unit (the Unit column's), the report's own spelling on hover.
    const value = el('td', { class: 'num', title: r.written }, fmt(r.value));
    const cells: Record<Column, HTMLElement> = {
      name: nameCell,
      subgroup: el('td', {}, r.subgroup),
      period: el('td', {}, r.period),
      place: el('td', {}, r.place),
      kind: el('td', {}, r.kind),
      value,
      unit: el('td', {}, r.unit),
      file: el('td', { class: 'file', title: where }, where),
    };
    tr.append(...cols.map((c) => cells[c]));
    if (i === selected) tr.classList.add('selected');
    return tr;
  });
  tbody.replaceChildren(...trs);
  renderChart();
}

function renderChart() {
  const s = t();
  const indicator = state.filter.indicator || (selected !== undefined ? rows[selected]?.indicator : undefined) || firstTrendIndicator();
  const trend = indicator ? trendOf(rows, shown, indicator, selected) : undefined;
  chart.replaceChildren();
  chart.hidden = !trend;
  if (!trend) return;
  chart.append(drawTrend(trend, s));
}

function firstTrendIndicator(): string | undefined {
  const seen = new Set<string>();
  for (const i of shown) {
    const ind = rows[i].indicator;
    if (seen.has(ind)) continue;
    seen.add(ind);
    if (trendOf(rows, shown, ind)) return ind;
  }
  return undefined;
}

function drawTrend(trend: Trend, s: PanelStrings): Node {
  const W = 360;
  const H = 150;
  const pad = { l: 44, r: 12, t: 12, b: 26 };
  const pts = [...trend.achieved, ...trend.target];
  const years = [...new Set(pts.map((p) => p.year))].sort((a, b) => a - b);
  let lo = Math.min(...pts.map((p) => p.value));
  let hi = Math.max(...pts.map((p) => p.value));
  if (hi === lo) {
    hi += Math.abs(hi) * 0.05 || 1;
    lo -= Math.abs(lo) * 0.05 || 1;
  }
  const span = hi - lo;
  lo -= span * 0.1;
  hi += span * 0.1;
  // A time axis: a missing year leaves its gap.
  const y0 = years[0];
  const y1 = years[years.length - 1];
  const x = (year: number) => pad.l + (y1 === y0 ? 0.5 : (year - y0) / (y1 - y0)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  const title = format(s.trendOf, `${trend.name}${trend.subgroup ? ` (${trend.subgroup})` : ''} — ${trend.place} (${trend.unit})`);
  const box = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'trend' });
  box.append(svg('title', {}, title));
  // Gridlines at round values (1, 2 or 5 times a power of ten).
  for (const v of niceTicks(lo, hi)) {
    box.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'grid' }));
    box.append(svg('text', { x: pad.l - 4, y: y(v) + 3, class: 'tick', 'text-anchor': 'end' }, fmt(v)));
  }
  for (const yr of years) box.append(svg('text', { x: x(yr), y: H - 8, class: 'tick', 'text-anchor': 'middle' }, String(yr)));
  box.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: 'axis' }));
  const series = (points: typeof trend.achieved, cls: string, label: string) => {
    if (!points.length) return;
    if (points.length > 1) box.append(svg('polyline', { points: points.map((p) => `${x(p.year)},${y(p.value)}`).join(' '), class: `line ${cls}` }));
    for (const p of points) {
      const dot = svg('circle', { cx: x(p.year), cy: y(p.value), r: p.conflict ? 4.5 : 3.5, class: `dot ${cls}${p.conflict ? ' conflict' : ''}`, 'data-index': p.row });
      dot.append(svg('title', {}, `${label} ${p.year}: ${fmt(p.value)}${p.conflict ? ` — ${s.conflict}` : ''}`));
      box.append(dot);
    }
  };
  series(trend.target, 'target', s.target);
  series(trend.achieved, 'achieved', s.achieved);
  const legend = el('figcaption');
  legend.append(el('span', { class: 'key achieved' }, s.achieved), el('span', { class: 'key target' }, s.target), el('span', { class: 'caption' }, title));
  const frag = document.createDocumentFragment();
  frag.append(box, legend);
  return frag;
}

/** About three round values inside [lo, hi]. */
function niceTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 3;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((st) => st >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9 && out.length < 10; v += step) out.push(Math.round(v / step) * step);
  return out;
}

function fmt(v: number): string {
  return v.toLocaleString(NUMBER_LOCALE[locale], { maximumFractionDigits: 3 });
}

function saveState() {
  const sel = selected !== undefined ? rows[selected] : undefined;
  state.selected = sel && { uri: sel.uri, line: sel.line, character: sel.character };
  vscode.setState(state);
}

function open(index: number) {
  selected = index;
  saveState();
  for (const tr of tbody.querySelectorAll('tr.selected')) tr.classList.remove('selected');
  tbody.querySelector(`tr[data-index="${index}"]`)?.classList.add('selected');
  renderChart();
  vscode.postMessage({ type: 'open', version, index });
}

// Events: delegated, no inline handlers.
search.addEventListener('input', () => {
  state.filter.text = search.value || undefined;
  saveState();
  renderRows();
});
const onSelect = (select: HTMLSelectElement, key: 'indicator' | 'period' | 'place') =>
  select.addEventListener('change', () => {
    state.filter[key] = select.value || undefined;
    saveState();
    renderRows();
  });
onSelect(indicatorSelect, 'indicator');
onSelect(periodSelect, 'period');
onSelect(placeSelect, 'place');
conflictsBox.addEventListener('change', () => {
  state.filter.conflictsOnly = conflictsBox.checked || undefined;
  saveState();
  renderRows();
});
scopeButton.addEventListener('click', () => vscode.postMessage({ type: 'scope' }));
exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
thead.addEventListener('click', (e) => {
  const col = (e.target as Element).closest('button')?.getAttribute('data-col') as Column | null;
  if (!col) return;
  state.sort = state.sort?.col === col ? (state.sort.desc ? undefined : { col, desc: true }) : { col, desc: false };
  saveState();
  renderToolbar();
  renderRows();
  thead.querySelector<HTMLButtonElement>(`button[data-col="${col}"]`)?.focus();
});
tbody.addEventListener('click', (e) => {
  const tr = (e.target as Element).closest('tr');
  if (tr) open(Number(tr.getAttribute('data-index')));
});
tbody.addEventListener('keydown', (e) => {
  const tr = (e.target as Element).closest('tr');
  if (!tr) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open(Number(tr.getAttribute('data-index')));
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
    next?.focus();
  } else if (e.key === 'Home' || e.key === 'End') {
    e.preventDefault();
    ((e.key === 'Home' ? tbody.firstElementChild : tbody.lastElementChild) as HTMLElement | null)?.focus();
  }
});
chart.addEventListener('click', (e) => {
  const i = (e.target as Element).getAttribute('data-index');
  if (i !== null) open(Number(i));
});

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m?.type !== 'rows') return;
  rows = m.rows;
  version = m.version;
  scope = m.scope;
  locale = m.locale;
  fileLabel = m.fileLabel;
  document.documentElement.lang = locale;
  const sel = state.selected;
  const found = sel ? rows.findIndex((r) => r.uri === sel.uri && r.line === sel.line && r.character === sel.character) : -1;
  selected = found >= 0 ? found : undefined;
  renderToolbar();
  renderRows();
});

vscode.postMessage({ type: 'ready' });
