// The outline: indicators (one symbol each, its figures as children) and task
// groups (by their totals).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { localize, msg, type IndicatorMentionInfo } from '../engine';
import type { InsightsOf } from '../insights';
import type { ServerContext } from './context';

export function registerDocumentSymbols(ctx: ServerContext, insightsOf: InsightsOf) {
  ctx.connection.onDocumentSymbol(async (p): Promise<DocumentSymbol[]> => {
    const ins = await insightsOf(p.textDocument.uri);
    if (!ins) return [];
    const { locale } = ins;
    const out: DocumentSymbol[] = [];
    const range = (s: number, e: number) => ins.lines.rangeAt(s, e);
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
      out.push({ name: localize(msg('Chỉ số', 'Indicators'), locale), kind: SymbolKind.Namespace, range: range(first.start, last.end), selectionRange: range(first.start, first.end), children });
    }
    const groups = ins.tasks.groups;
    if (groups.length) {
      const children: DocumentSymbol[] = groups.map((g) => {
        const counts = g.counts.map((i) => ins.tasks.counts[i]);
        const lastC = counts[counts.length - 1] ?? g.first;
        return {
          name: `${localize(g.label, locale)}: ${g.totals.join(' / ')}`,
          detail: counts.map((c) => c.text).slice(0, 4).join('; '),
          kind: SymbolKind.Array,
          range: range(Math.min(g.first.start, counts[0]?.start ?? g.first.start), Math.max(g.first.end, lastC.end)),
          selectionRange: range(g.first.start, g.first.end),
          children: counts.map((c) => ({ name: c.text, kind: SymbolKind.Number, range: range(c.start, c.end), selectionRange: range(c.numbers.start, c.numbers.end) })),
        };
      });
      const s = Math.min(...children.map((c) => ins.lines.offsetAt(c.range.start)));
      const e = Math.max(...children.map((c) => ins.lines.offsetAt(c.range.end)));
      out.push({ name: localize(msg('Nhiệm vụ, chỉ tiêu', 'Tasks and targets'), locale), kind: SymbolKind.Namespace, range: range(s, e), selectionRange: range(s, s), children });
    }
    return out;
  });
  return { documentSymbolProvider: true };
}
