// Editor features on the engine's model: hover on a figure or a count, the
// outline (indicators and task groups as document symbols), and the indicator
// summary table. Summaries are computed once per document version.
import { SymbolKind, MarkupKind, type Connection, type TextDocuments, type DocumentSymbol, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDocModel, LineIndex, localize, type DocumentCache, type Locale, type ResolvedConfig } from './engine';
import { indicatorSummary, renderIndicatorSummary, type IndicatorMentionInfo } from './engine/indicators';
import { taskSummary, taskHover, type TaskSummary } from './engine/tasks';

export interface InsightHost {
  documents: TextDocuments<TextDocument>;
  configOf(uri: string): Promise<ResolvedConfig>;
  cacheOf(uri: string): DocumentCache;
  localeOf(uri: string): Promise<Locale>;
  isChecked(uri: string): Promise<boolean>;
}

interface Insights {
  version: number;
  configKey: string;
  indicators: IndicatorMentionInfo[];
  tasks: TaskSummary;
  lines: LineIndex;
}

export function registerInsights(connection: Connection, host: InsightHost): void {
  const memo = new Map<string, Insights>();

  async function insightsOf(uri: string): Promise<Insights | undefined> {
    const doc = host.documents.get(uri);
    if (!doc || !(await host.isChecked(uri))) return undefined;
    const config = await host.configOf(uri);
    const hit = memo.get(uri);
    if (hit && hit.version === doc.version && hit.configKey === config.key) return hit;
    const text = doc.getText();
    // The same block cache as the checks: only changed blocks are re-read.
    const model = buildDocModel(text, config, host.cacheOf(uri));
    const r: Insights = { version: doc.version, configKey: config.key, indicators: indicatorSummary(model, config), tasks: taskSummary(model, config), lines: new LineIndex(text) };
    memo.set(uri, r);
    return r;
  }

  host.documents.onDidClose((e) => memo.delete(e.document.uri));

  connection.onHover(async (p): Promise<Hover | null> => {
    const ins = await insightsOf(p.textDocument.uri);
    if (!ins) return null;
    const locale = await host.localeOf(p.textDocument.uri);
    const at = ins.lines.offsetAt(p.position);
    const m = ins.indicators.find((x) => x.start <= at && at <= x.end);
    if (m) return { contents: { kind: MarkupKind.Markdown, value: indicatorHover(m, ins, locale) }, range: ins.lines.rangeAt(m.start, m.end) };
    const c = ins.tasks.counts.find((x) => x.start <= at && at <= x.end);
    if (c) return { contents: { kind: MarkupKind.Markdown, value: taskHover(c, locale, (o) => ins.lines.positionAt(o).line) }, range: ins.lines.rangeAt(c.start, c.end) };
    return null;
  });

  connection.onDocumentSymbol(async (p): Promise<DocumentSymbol[]> => {
    const ins = await insightsOf(p.textDocument.uri);
    if (!ins) return [];
    const locale = await host.localeOf(p.textDocument.uri);
    const out: DocumentSymbol[] = [];
    const range = (s: number, e: number) => ins.lines.rangeAt(s, e);
    // Indicators: one symbol per indicator, its figures as children.
    const byId = new Map<string, IndicatorMentionInfo[]>();
    for (const m of ins.indicators) {
      const l = byId.get(m.indicator);
      if (l) l.push(m);
      else byId.set(m.indicator, [m]);
    }
    if (byId.size) {
      const children: DocumentSymbol[] = [...byId.values()].map((ms) => ({
        name: localize(ms[0].name, locale),
        detail: ms.map((m) => localize(m.written, locale)).slice(0, 6).join('; '),
        kind: SymbolKind.Number,
        range: range(ms[0].start, ms[ms.length - 1].end),
        selectionRange: range(ms[0].start, ms[0].end),
        children: ms.map((m) => ({
          name: `${localize(m.written, locale)}`,
          detail: [m.period ? localize(m.period.label, locale) : '?', localize(m.place.label, locale), localize(m.kindLabel, locale)].join(' · '),
          kind: SymbolKind.Number,
          range: range(m.start, m.end),
          selectionRange: range(m.start, m.end),
        })),
      }));
      const first = ins.indicators[0];
      const last = ins.indicators[ins.indicators.length - 1];
      out.push({ name: locale === 'vi' ? 'Chỉ số' : 'Indicators', kind: SymbolKind.Namespace, range: range(first.start, last.end), selectionRange: range(first.start, first.end), children });
    }
    const groups = ins.tasks.groups;
    if (groups.length) {
      const children: DocumentSymbol[] = groups.map((g) => {
        const counts = g.counts.map((i) => ins.tasks.counts[i]);
        const lastC = counts[counts.length - 1] ?? g.first;
        return {
          name: `${locale === 'vi' ? g.label : g.labelEn}: ${g.totals.join(' / ')}`,
          detail: counts.map((c) => c.text).slice(0, 4).join('; '),
          kind: SymbolKind.Array,
          range: range(Math.min(g.first.start, counts[0]?.start ?? g.first.start), Math.max(g.first.end, lastC.end)),
          selectionRange: range(g.first.start, g.first.end),
          children: counts.map((c) => ({ name: c.text, kind: SymbolKind.Number, range: range(c.start, c.end), selectionRange: range(c.numbers.start, c.numbers.end) })),
        };
      });
      const s = Math.min(...children.map((c) => ins.lines.offsetAt(c.range.start)));
      const e = Math.max(...children.map((c) => ins.lines.offsetAt(c.range.end)));
      out.push({ name: locale === 'vi' ? 'Nhiệm vụ, chỉ tiêu' : 'Tasks and targets', kind: SymbolKind.Namespace, range: range(s, e), selectionRange: range(s, s), children });
    }
    return out;
  });

  connection.onRequest('vnhr/indicatorSummary', async (p: { uri: string }) => {
    const ins = await insightsOf(p.uri);
    if (!ins) return { markdown: '', count: 0 };
    const locale = await host.localeOf(p.uri);
    const title = locale === 'vi' ? '# Tổng hợp chỉ số trong báo cáo' : '# Indicators in this report';
    return { markdown: `${title}\n\n${renderIndicatorSummary(ins.indicators, locale)}`, count: ins.indicators.length };
  });
}

function indicatorHover(m: IndicatorMentionInfo, ins: Insights, locale: Locale): string {
  const vi = locale === 'vi';
  const lines: string[] = [];
  lines.push(`**${localize(m.name, locale)}**${m.subtypes.length ? ` (${m.subtypes.map((s) => s.slice(s.indexOf(':') + 1)).join(', ')})` : ''}`);
  lines.push(
    [
      `${vi ? 'Giá trị' : 'Value'}: ${localize(m.written, locale)} → ${m.normalized} ${m.unit}`,
      `${vi ? 'Kỳ' : 'Period'}: ${m.period ? localize(m.period.label, locale) : vi ? 'không rõ (không so sánh)' : 'unknown (not compared)'}`,
      `${vi ? 'Địa bàn' : 'Place'}: ${localize(m.place.label, locale)}`,
      `${vi ? 'Loại' : 'Kind'}: ${localize(m.kindLabel, locale)}`,
      `${vi ? 'Cách đọc' : 'Read as'}: ${localize(m.reading, locale)}`,
    ].join('  \n'),
  );
  const others = ins.indicators.filter((x) => x !== m && x.indicator === m.indicator);
  if (others.length) {
    const shown = others.slice(0, 10).map((x) => {
      const same = m.key && x.key === m.key;
      const where = `${vi ? 'dòng' : 'line'} ${x.line + 1}`;
      return `- ${where}: ${localize(x.written, locale)} (${x.period ? localize(x.period.label, locale) : '?'}, ${localize(x.place.label, locale)}, ${localize(x.kindLabel, locale)})${same ? (vi ? ' — cùng kỳ, địa bàn, loại' : ' — same period, place, kind') : ''}`;
    });
    if (others.length > 10) shown.push(vi ? `- … và ${others.length - 10} lần khác` : `- … and ${others.length - 10} more`);
    lines.push(`${vi ? 'Các lần nêu khác trong văn bản' : 'Other mentions in this document'}:\n${shown.join('\n')}`);
  }
  return lines.join('\n\n');
}
