// The indicator panel's data (client/src/indicatorPanel.ts shows it): request
// `vnhr/indicatorRows` { uri? } → one row per indicator figure of the workspace's
// reports (or of one file), strings in the UI locale; notification
// `vnhr/indicatorRowsChanged` when the reports change. The rows come from
// Workspace.reports(), the same model and findings the diagnostics publish.
import { localize, type Locale, type Finding } from '../engine';
import type { ServerContext, Workspace, WorkspaceReport } from './context';
import type { Configuration } from './configuration';
import { INDICATOR_ROWS_CHANGED, INDICATOR_ROWS_REQUEST, type IndicatorRow, type IndicatorRowsParams, type IndicatorRowsResult } from '../protocol';

// No node:url here: the web worker's server registers this feature too.
const pathOf = (uri: string): string => {
  try {
    if (!uri.startsWith('file:')) return uri;
    // Windows drive letters come in either case ("file:///C:/…", "file:///c%3A/…").
    return decodeURIComponent(new URL(uri).pathname).replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`);
  } catch {
    return uri;
  }
};

/** Do two URIs name one file? Clients spell file URIs differently (VS Code escapes ":" and "("). */
export function sameFile(a: string, b: string): boolean {
  return a === b || pathOf(a) === pathOf(b);
}

/** Ranges [start, end) in this report's offsets that indicator-conflict findings cover (their figure and same-file related figures). */
function conflictRanges(findings: readonly Finding[]): [number, number][] {
  const out: [number, number][] = [];
  for (const f of findings) {
    if (f.rule !== 'indicator-conflict') continue;
    out.push([f.start, f.end]);
    // A related figure in another report (cross-file) is flagged by that report's own finding.
    for (const r of f.related ?? []) if (!('file' in r && r.file)) out.push([r.start, r.end]);
  }
  return out;
}

/** The rows of the reports (one file's when `only` is given), sorted by file, line, column. */
export function indicatorRows(reports: ReadonlyMap<string, WorkspaceReport>, locale: Locale, only?: string): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const [uri, rep] of reports) {
    if (only !== undefined && !sameFile(uri, only)) continue;
    const conflicts = conflictRanges(rep.findings);
    for (const m of rep.indicators) {
      const s = rep.lines.positionAt(m.start);
      const e = rep.lines.positionAt(m.end);
      rows.push({
        uri,
        line: s.line,
        character: s.character,
        endCharacter: e.line === s.line ? e.character : s.character,
        indicator: m.indicator,
        name: localize(m.name, locale),
        subgroup: m.subtypes.map((t) => t.slice(t.indexOf(':') + 1)).join(', '),
        period: m.period ? localize(m.period.label, locale) : '',
        periodKey: m.period?.key ?? '',
        place: localize(m.place.label, locale),
        kind: localize(m.kindLabel, locale),
        value: m.value,
        written: localize(m.written, locale),
        unit: m.unit,
        ...(m.kind === 'target' ? { target: true } : {}),
        conflict: conflicts.some(([a, b]) => a < m.end && m.start < b),
      });
    }
  }
  rows.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.character - b.character));
  return rows;
}

export function registerIndicatorPanel(ctx: ServerContext, conf: Configuration, workspace: Workspace) {
  ctx.connection.onRequest(INDICATOR_ROWS_REQUEST, async (p: IndicatorRowsParams | null): Promise<IndicatorRowsResult> => {
    const uri = p?.uri || undefined;
    const settings = await conf.settingsFor(uri ?? ctx.client.workspaceFolders[0] ?? '');
    return { rows: indicatorRows(workspace.reports(), conf.localeOf(settings), uri) };
  });
  workspace.onDidChangeReports(() => void ctx.connection.sendNotification(INDICATOR_ROWS_CHANGED));
  return {};
}
