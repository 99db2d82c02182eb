// The engine's document model as the editor features read it (hover, outline,
// indicator summary): indicator mentions and task counts in document offsets,
// computed once per document version through the check's own block cache.
import { buildDocModel, indicatorSummary, taskSummary, LineIndex, localize, msg, type IndicatorMentionInfo, type TaskSummary, type Locale, type Msg } from './engine';
import type { ServerContext } from './features/context';
import type { Configuration } from './features/configuration';
import type { Diagnostics } from './features/diagnostics';

export interface Insights {
  version: number;
  configKey: string;
  indicators: IndicatorMentionInfo[];
  tasks: TaskSummary;
  lines: LineIndex;
  locale: Locale;
}

export type InsightsOf = (uri: string) => Promise<Insights | undefined>;

export function createInsights(ctx: ServerContext, conf: Configuration, diags: Diagnostics): InsightsOf {
  const memo = new Map<string, Omit<Insights, 'locale'>>();
  ctx.documents.onDidClose((e) => memo.delete(e.document.uri));
  return async (uri) => {
    const doc = ctx.documents.get(uri);
    if (!doc) return undefined;
    const settings = await conf.settingsFor(uri);
    const text = doc.getText();
    if (!conf.isChecked(settings, text, uri)) return undefined;
    const config = conf.configFor(uri, settings);
    const locale = conf.localeOf(settings);
    const hit = memo.get(uri);
    if (hit && hit.version === doc.version && hit.configKey === config.key) return { ...hit, locale };
    // The same block cache as the checks: only changed blocks are re-read.
    const model = buildDocModel(text, config, diags.stateOf(uri).cache);
    const r = { version: doc.version, configKey: config.key, indicators: indicatorSummary(model, config), tasks: taskSummary(model, config), lines: new LineIndex(text) };
    memo.set(uri, r);
    return { ...r, locale };
  };
}

/** Hover text for an indicator figure: what it was read as, and the other mentions of that indicator. */
export function indicatorHover(m: IndicatorMentionInfo, ins: Insights): string {
  const { locale } = ins;
  const t = (x: Msg) => localize(x, locale);
  const lines: string[] = [];
  lines.push(`**${t(m.name)}**${m.subtypes.length ? ` (${m.subtypes.map((s) => s.slice(s.indexOf(':') + 1)).join(', ')})` : ''}`);
  lines.push(
    [
      `${t(msg('Giá trị', 'Value'))}: ${t(m.written)} → ${m.normalized} ${m.unit}`,
      `${t(msg('Kỳ', 'Period'))}: ${m.period ? t(m.period.label) : t(msg('không rõ (không so sánh)', 'unknown (not compared)'))}`,
      `${t(msg('Địa bàn', 'Place'))}: ${t(m.place.label)}`,
      `${t(msg('Loại', 'Kind'))}: ${t(m.kindLabel)}`,
      `${t(msg('Cách đọc', 'Read as'))}: ${t(m.reading)}`,
    ].join('  \n'),
  );
  const others = ins.indicators.filter((x) => x !== m && x.indicator === m.indicator);
  if (others.length) {
    const shown = others.slice(0, 10).map((x) => {
      const same = m.key && x.key === m.key;
      const where = t(msg(`dòng ${x.line + 1}`, `line ${x.line + 1}`));
      return `- ${where}: ${t(x.written)} (${x.period ? t(x.period.label) : '?'}, ${t(x.place.label)}, ${t(x.kindLabel)})${same ? t(msg(' — cùng kỳ, địa bàn, loại', ' — same period, place, kind')) : ''}`;
    });
    if (others.length > 10) shown.push(t(msg(`- … và ${others.length - 10} lần khác`, `- … and ${others.length - 10} more`)));
    lines.push(`${t(msg('Các lần nêu khác trong văn bản', 'Other mentions in this document'))}:\n${shown.join('\n')}`);
  }
  return lines.join('\n\n');
}
