// Diagnostics and scheduling. Each open document has a DocumentCache and a
// version; a change schedules a check after the debounce; the check runs as a
// generator (checkSteps) that yields to the event loop every ~15 ms, so other
// requests are answered meanwhile and a newer version cancels it.
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkSteps, allRules, check, docsUrl, localize, buildDocModel, indicatorSummary, DocumentCache, CancelledError, type LineIndex, type Finding, type IndicatorMentionInfo, type Locale, type ResolvedConfig, type Severity } from '../engine';
import type { ServerContext, Workspace } from './context';
import type { Configuration } from './configuration';

export interface DocState {
  cache: DocumentCache;
  version: number;
  findings: Finding[];
  /** Version (and config key) the findings are for; a code action may check before the debounced check publishes. */
  checkedVersion: number;
  checkedKey?: string;
  timer?: NodeJS.Timeout;
  running?: { version: number; cancelled: boolean };
  /** Blocks of fixed text for fix-all offers that are likely not applied (see codeActions.ts fixAllEdits). */
  fixCache?: DocumentCache;
}

export interface Current {
  doc: TextDocument;
  st: DocState;
  findings: Finding[];
  config: ResolvedConfig;
  locale: Locale;
}

export interface Diagnostics {
  stateOf(uri: string): DocState;
  /** The findings of the document's current version (checking now if none are). */
  currentFindings(uri: string): Promise<Current | undefined>;
  /** Re-check every open document (the config changed). */
  recheckAll(): void;
  /** The version a check of the document is scheduled or running for (undefined: none was ever), once a change just received is scheduled. */
  scheduledVersion(uri: string): Promise<number | undefined>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Check in slices: yield to the event loop every ~15 ms, so other requests are
 * answered during a long check; `isCancelled` stops it (CancelledError).
 */
export async function checkSliced(text: string, config: ResolvedConfig, opts: { cache?: DocumentCache; isCancelled: () => boolean }): Promise<Finding[]> {
  const it = checkSteps(text, allRules, config, opts);
  let last = Date.now();
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (Date.now() - last > 15) {
      await new Promise((res) => setImmediate(res));
      last = Date.now();
    }
  }
}

/**
 * A finding as an LSP diagnostic (code actions match diagnostics by this).
 * `other(file)`: another report's URI and lines, for related ranges in it (cross-file findings); unknown ones are left out.
 */
export function toDiagnostic(f: Finding, li: Pick<LineIndex, 'rangeAt'>, uri: string, locale: Locale, docsBase: string, other?: (file: string) => { uri: string; lines: Pick<LineIndex, 'rangeAt'> } | undefined): Diagnostic {
  const d: Diagnostic = {
    range: li.rangeAt(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule, docsBase) },
    source: 'vnhr',
    message: localize(f.message, locale),
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.flatMap((r) => {
      if (r.file === undefined) return [{ location: { uri, range: li.rangeAt(r.start, r.end) }, message: localize(r.message, locale) }];
      const o = other?.(r.file);
      return o ? [{ location: { uri: o.uri, range: o.lines.rangeAt(r.start, r.end) }, message: localize(r.message, locale) }] : [];
    });
  }
  return d;
}

/** Compared as whole slices first (native, ~50× faster than char by char on 1 MB), then char by char in the first that differs. */
const PREFIX_SLICE = 2048;

/** Length of the common beginning of two texts. */
export function samePrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + PREFIX_SLICE <= n && a.slice(i, i + PREFIX_SLICE) === b.slice(i, i + PREFIX_SLICE)) i += PREFIX_SLICE;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of two texts, at most `limit` (what the common beginning left). */
export function sameSuffix(a: string, b: string, limit: number): number {
  const n = Math.min(a.length, b.length, limit);
  let i = 0;
  while (i + PREFIX_SLICE <= n && a.slice(a.length - i - PREFIX_SLICE, a.length - i) === b.slice(b.length - i - PREFIX_SLICE, b.length - i)) i += PREFIX_SLICE;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** What was last sent for a report: the Diagnostic of each finding (same order), and the text and lines they were made for. */
export interface SentDiagnostics {
  text: string;
  lines: LineIndex;
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
}

/**
 * The diagnostics of `findings` on `text`, reusing those of `prev` (the last ones sent for an earlier
 * text of the same report, same locale and docs base) wherever the position cannot have changed: a
 * finding's offsets all before the first changed character, or on lines that start after the changed
 * span (the same line and column, the line moved by the lines the edit added). A finding there is the
 * same when its rule, severity, message and related ranges are (the engine hands back shifted copies
 * for blocks after the edit, and new objects from document rules). Findings with related ranges in
 * other files are always rebuilt (those files' lines change apart). Typing into a 1 MB report
 * rebuilds only the diagnostics of the edited line instead of every one after it.
 */
export function reuseDiagnostics(prev: SentDiagnostics | undefined, text: string, lines: LineIndex, findings: readonly Finding[], make: (f: Finding) => Diagnostic): Diagnostic[] {
  if (!prev || !prev.findings.length) return findings.map(make);
  const same = samePrefix(prev.text, text);
  const tail = sameSuffix(prev.text, text, Math.min(prev.text.length, text.length) - same);
  const editEnd = text.length - tail; // first offset of the unchanged end, in the new text
  const delta = text.length - prev.text.length;
  const lineDelta = lines.lineCount - prev.lines.lineCount;
  // Line starts after editEnd are the same in both texts (the characters on both sides of each are).
  const starts = lines.lineStarts;
  const after = (o: number): boolean => o >= editEnd && starts[lines.positionAt(o).line] > editEnd;
  const kept = (o: number): boolean => o < same || after(o);
  // Old findings by start (a kept new finding's old start is its own before the edit, minus delta after it).
  const byStart = new Map<number, number[]>();
  const index = new Map<Finding, number>();
  prev.findings.forEach((f, k) => {
    index.set(f, k);
    const l = byStart.get(f.start);
    if (l) l.push(k);
    else byStart.set(f.start, [k]);
  });
  const old = (o: number) => (o >= editEnd ? o - delta : o);
  const sameFinding = (f: Finding, g: Finding): boolean => {
    if (f.rule !== g.rule || f.severity !== g.severity || old(f.end) !== g.end) return false;
    if (f.message !== g.message && (f.message.vi !== g.message.vi || f.message.en !== g.message.en)) return false;
    const fr = f.related ?? [];
    const gr = g.related ?? [];
    if (fr.length !== gr.length) return false;
    return fr.every((r, k) => {
      const q = gr[k];
      return q.file === undefined && old(r.start) === q.start && old(r.end) === q.end && (r.message === q.message || (r.message.vi === q.message.vi && r.message.en === q.message.en));
    });
  };
  const moved = (p: Position): Position => ({ line: p.line + lineDelta, character: p.character });
  const shift = (r: Range, startOffset: number, endOffset: number): Range => ({ start: startOffset >= editEnd ? moved(r.start) : r.start, end: endOffset >= editEnd ? moved(r.end) : r.end });
  return findings.map((f) => {
    if (!kept(f.start) || !kept(f.end) || f.related?.some((r) => r.file !== undefined || !kept(r.start) || !kept(r.end))) return make(f);
    let k = index.get(f);
    if (k !== undefined && prev.findings[k].start !== f.start) k = undefined; // (the same object cannot move; safety)
    if (k === undefined && f.start >= editEnd) k = byStart.get(f.start - delta)?.find((j) => sameFinding(f, prev.findings[j]));
    if (k === undefined && f.start < same) k = byStart.get(f.start)?.find((j) => sameFinding(f, prev.findings[j]));
    if (k === undefined) return make(f);
    const d = prev.diagnostics[k];
    const movedAny = lineDelta !== 0 && (f.end >= editEnd || !!f.related?.some((r) => r.end >= editEnd));
    if (!movedAny) return d;
    const c: Diagnostic = { ...d, range: shift(d.range, f.start, f.end) };
    if (d.relatedInformation && f.related) c.relatedInformation = d.relatedInformation.map((ri, j) => ({ ...ri, location: { uri: ri.location.uri, range: shift(ri.location.range, f.related![j].start, f.related![j].end) } }));
    return c;
  });
}

export function registerDiagnostics(ctx: ServerContext, conf: Configuration, workspace: Workspace): Diagnostics {
  const { connection, documents, log } = ctx;
  const states = new Map<string, DocState>();

  function stateOf(uri: string): DocState {
    let s = states.get(uri);
    if (!s) {
      s = { cache: new DocumentCache(), version: -1, findings: [], checkedVersion: -1 };
      states.set(uri, s);
    }
    return s;
  }

  function schedule(doc: TextDocument, immediate = false) {
    const st = stateOf(doc.uri);
    st.version = doc.version;
    if (st.running && st.running.version !== doc.version) st.running.cancelled = true;
    if (st.timer) clearTimeout(st.timer);
    void conf.settingsFor(doc.uri).then((settings) => {
      if (st.timer) clearTimeout(st.timer);
      st.timer = setTimeout(() => void validate(doc.uri), immediate ? 0 : Math.max(0, settings.debounceMs));
    });
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const st = stateOf(uri);
    const settings = await conf.settingsFor(uri);
    const text = doc.getText();
    const version = doc.version;
    const locale = conf.localeOf(settings);
    if (!conf.isChecked(settings, text, uri)) {
      st.findings = [];
      st.checkedVersion = version;
      st.checkedKey = undefined;
      workspace.openNotChecked(uri);
      if (ctx.pull.active) ctx.pull.set(uri, version, []);
      else void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const config = conf.configFor(uri, settings);
    if (st.checkedVersion === version && st.checkedKey === config.key) {
      // A code action request checked this version already: publish that.
      publish(uri, text, version, st.findings, config, locale);
      return;
    }
    const token = { version, cancelled: false };
    st.running = token;
    let findings: Finding[];
    try {
      // Slice the work: yield to the event loop between chunks of blocks, so
      // other requests are answered and a newer version cancels this one.
      findings = await checkSliced(text, config, { cache: st.cache, isCancelled: () => token.cancelled || documents.get(uri)?.version !== version });
    } catch (e) {
      if (e instanceof CancelledError) return;
      log(`check failed for ${uri}: ${(e as Error).stack ?? String(e)}`);
      return;
    } finally {
      if (st.running === token) st.running = undefined;
    }
    st.findings = findings;
    st.checkedVersion = version;
    st.checkedKey = config.key;
    publish(uri, text, version, findings, config, locale);
  }

  /** The workspace publishes it, with the cross-file findings (features/crossReports.ts). */
  function publish(uri: string, text: string, version: number, findings: Finding[], config: ResolvedConfig, locale: Locale) {
    const st = stateOf(uri);
    let mentions: IndicatorMentionInfo[] | undefined;
    const read = (): IndicatorMentionInfo[] => {
      try {
        // The check's blocks, unless a newer check is between two slices: moving the cache to this
        // text would move its blocks under it, so this rare read parses on its own.
        return indicatorSummary(buildDocModel(text, config, st.running ? new DocumentCache() : st.cache), config);
      } catch (e) {
        log(`indicator mentions failed: ${(e as Error).stack ?? String(e)}`);
        return [];
      }
    };
    workspace.openChecked(uri, { text, version, findings, config, locale, mentions: () => (mentions ??= read()), busy: () => !!st.running });
  }

  function recheckAll() {
    for (const d of documents.all()) if (!conf.isConfigUri(d.uri)) schedule(d, true);
  }

  documents.onDidOpen((e) => {
    if (conf.isConfigUri(e.document.uri)) return conf.configTextChanged(e.document);
    schedule(e.document, true);
  });
  documents.onDidChangeContent((e) => {
    if (conf.isConfigUri(e.document.uri)) return conf.configTextChanged(e.document);
    void conf.settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onType' || stateOf(e.document.uri).checkedVersion < 0) schedule(e.document);
    });
  });
  documents.onDidSave((e) => {
    if (conf.isConfigUri(e.document.uri)) return;
    void conf.settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onSave') schedule(e.document, true);
    });
  });
  documents.onDidClose((e) => {
    const st = states.get(e.document.uri);
    if (st?.timer) clearTimeout(st.timer);
    if (st?.running) st.running.cancelled = true;
    states.delete(e.document.uri);
    conf.forget(e.document.uri);
    // A config file goes back to its text on disk.
    if (conf.isConfigUri(e.document.uri)) return conf.configTextChanged(undefined);
    // Its workspace diagnostics (from the file on disk) replace the editor's, or none.
    workspace.closed(e.document.uri);
  });

  /**
   * Findings of the current version. When the debounced check has not run yet
   * (a save right after typing), check now and keep the result: the lightbulb
   * asks again at every cursor move, and the debounced check publishes it.
   */
  async function currentFindings(uri: string): Promise<Current | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const st = stateOf(uri);
    const settings = await conf.settingsFor(uri);
    const config = conf.configFor(uri, settings);
    const locale = conf.localeOf(settings);
    if (st.checkedVersion !== doc.version || st.checkedKey !== config.key) {
      if (!conf.isChecked(settings, doc.getText(), uri)) return { doc, st, findings: [], config, locale };
      // Same text as a check of this version in flight, so sharing its cache is safe.
      st.findings = check(doc.getText(), config, { cache: st.cache });
      st.checkedVersion = doc.version;
      st.checkedKey = config.key;
    }
    return { doc, st, findings: st.findings, config, locale };
  }

  async function scheduledVersion(uri: string): Promise<number | undefined> {
    // A change schedules its check once its settings are read (onDidChangeContent): after them.
    await conf.settingsFor(uri);
    return states.get(uri)?.version;
  }

  return { stateOf, currentFindings, recheckAll, scheduledVersion };
}
