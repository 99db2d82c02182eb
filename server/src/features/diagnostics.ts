// Diagnostics and scheduling. Each open document has a DocumentCache and a
// version; a change schedules a check after the debounce; the check runs as a
// generator (checkSteps) that yields to the event loop every ~15 ms, so other
// requests are answered meanwhile and a newer version cancels it.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkSteps, allRules, check, docsUrl, localize, DocumentCache, CancelledError, type LineIndex, type Finding, type Locale, type ResolvedConfig, type Severity } from '../engine';
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
    data: { rule: f.rule, start: f.start, end: f.end },
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

/** Length of the common beginning of two texts. */
export function samePrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Every offset of the finding (its range, its related ranges) ends before `limit`: its line and column cannot have changed. */
export function before(f: Finding, limit: number): boolean {
  // `<`: a range ending at the first changed character would still read the same, but its end column is the edit's.
  if (f.end >= limit) return false;
  if (f.related) for (const r of f.related) if (r.end >= limit) return false;
  return true;
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
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
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
    workspace.openChecked(uri, { text, version, findings, config, locale, cache: stateOf(uri).cache });
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

  return { stateOf, currentFindings, recheckAll };
}
