// The engine's document model as the editor features read it (hover, outline,
// indicator summary): indicator mentions and task counts in document offsets,
// computed once per document version through the check's own block cache.
// The model is built in slices (docModelSteps, yielding every ~15 ms) so a
// 10 MB document does not hold up requests on other documents; while a large
// document's new model is built, hover and outline answer from the last complete one.
import { docModelSteps, indicatorSummary, taskSummary, LineIndex, localize, msg, type IndicatorMentionInfo, type TaskSummary, type Locale, type Msg, type ResolvedConfig } from './engine';
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

/**
 * `current`: wait for the model of the document's current version (the
 * indicator summary command); without it, for a large document, a model of an
 * earlier version is answered while the current one is being built (hover, outline).
 */
export type InsightsOf = (uri: string, opts?: { current?: boolean }) => Promise<Insights | undefined>;

type Model = Omit<Insights, 'locale'>;

interface Build {
  version: number;
  configKey: string;
  /** Undefined when a newer version (or a close) dropped the build. */
  done: Promise<Model | undefined>;
  /** Set when the build has finished (synchronously for a small document). */
  result?: Model;
}

/** Work between two yields to the event loop (the same budget as checkSliced). */
const SLICE_MS = 15;

/**
 * From this length (UTF-16 units, ~200 KB) a model takes long enough to build
 * that hover and outline answer from the last complete one meanwhile; a
 * shorter document's requests wait for its current model (a few ms).
 */
const STALE_MIN_LENGTH = 200_000;

export function createInsights(ctx: ServerContext, conf: Configuration, diags: Diagnostics): InsightsOf {
  const complete = new Map<string, Model>();
  const building = new Map<string, Build>();
  ctx.documents.onDidClose((e) => {
    complete.delete(e.document.uri);
    building.delete(e.document.uri);
  });

  function start(uri: string, text: string, version: number, config: ResolvedConfig): Build {
    const b: Build = { version, configKey: config.key, done: Promise.resolve(undefined) };
    building.set(uri, b);
    const stale = () => building.get(uri) !== b || ctx.documents.get(uri)?.version !== version;
    b.done = (async () => {
      // The same block cache as the checks: only changed blocks are re-read. A
      // check of the same version may run meanwhile; both read the same text,
      // and a newer version drops this build at its next slice.
      const it = docModelSteps(text, config, diags.stateOf(uri).cache);
      let last = Date.now();
      // Awaited only when the slice is used up: a small document is built
      // synchronously, within start().
      const busy = () => Date.now() - last > SLICE_MS;
      /** Yield to the event loop; false when a newer version (or a close) dropped this build. */
      const pause = async (): Promise<boolean> => {
        await new Promise((res) => setImmediate(res));
        last = Date.now();
        return !stale();
      };
      let r = it.next();
      for (; !r.done; r = it.next()) if (busy() && !(await pause())) return undefined;
      // The two summaries resolve the whole document (a second or two on 10 MB): a pause between them.
      const indicators = indicatorSummary(r.value, config);
      if (busy() && !(await pause())) return undefined;
      const m: Model = { version, configKey: config.key, indicators, tasks: taskSummary(r.value, config), lines: new LineIndex(text) };
      b.result = m;
      if (building.get(uri) === b) {
        building.delete(uri);
        complete.set(uri, m);
      }
      return m;
    })();
    return b;
  }

  async function insightsOf(uri: string, opts: { current?: boolean } = {}): Promise<Insights | undefined> {
    // A newer version arriving while waiting: build that one (a few rounds at most).
    for (let round = 0; round < 3; round++) {
      const doc = ctx.documents.get(uri);
      if (!doc) return undefined;
      const settings = await conf.settingsFor(uri);
      const text = doc.getText();
      if (!conf.isChecked(settings, text, uri)) return undefined;
      const config = conf.configFor(uri, settings);
      const locale = conf.localeOf(settings);
      const hit = complete.get(uri);
      if (hit && hit.version === doc.version && hit.configKey === config.key) return { ...hit, locale };
      let b = building.get(uri);
      // start() runs the first slice at once: a small document is done here.
      if (!b || b.version !== doc.version || b.configKey !== config.key) b = start(uri, text, doc.version, config);
      if (b.result) return { ...b.result, locale };
      if (hit && !opts.current && text.length >= STALE_MIN_LENGTH) return { ...hit, locale };
      const m = await b.done;
      if (m) return { ...m, locale };
    }
    const last = complete.get(uri);
    return last && !opts.current ? { ...last, locale: conf.localeOf(await conf.settingsFor(uri)) } : undefined;
  }
  return insightsOf;
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
