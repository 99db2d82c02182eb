// Hover on an indicator figure or a task count: what the engine read there.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { taskHover } from '../engine';
import { indicatorHover, type InsightsOf } from '../insights';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext, insightsOf: InsightsOf) {
  ctx.connection.onHover(async (p): Promise<Hover | null> => {
    const ins = await insightsOf(p.textDocument.uri);
    if (!ins) return null;
    const at = ins.lines.offsetAt(p.position);
    const m = ins.indicators.find((x) => x.start <= at && at <= x.end);
    if (m) return { contents: { kind: MarkupKind.Markdown, value: indicatorHover(m, ins) }, range: ins.lines.rangeAt(m.start, m.end) };
    const c = ins.tasks.counts.find((x) => x.start <= at && at <= x.end);
    if (c) return { contents: { kind: MarkupKind.Markdown, value: taskHover(c, ins.locale, (o) => ins.lines.positionAt(o).line) }, range: ins.lines.rangeAt(c.start, c.end) };
    return null;
  });
  return { hoverProvider: true };
}
