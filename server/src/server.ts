// LSP adapter: a thin layer over the engine. Documents -> debounced, sliced,
// cancellable checks -> diagnostics; findings' fixes -> code actions; config
// from .vnhrrc.json (or VS Code settings) -> re-check. No rule logic here.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  CodeActionKind,
  DidChangeConfigurationNotification,
  type Diagnostic,
  type CodeAction,
  type InitializeParams,
  type TextEdit,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { appendFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  checkSteps,
  allRules,
  applyFixes,
  check,
  getDefaultConfig,
  loadConfig,
  configFromObject,
  isVietnameseText,
  docsUrl,
  localize,
  LineIndex,
  DocumentCache,
  CancelledError,
  type Finding,
  type Locale,
  type ResolvedConfig,
  type Severity,
  type ConfigProblem,
} from './engine';
import { findConfigFile, readConfigFile } from './configFiles';
import { registerInsights } from './insights';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.vnhr';
export const FIX_ALL_COMMAND = 'vnhr.server.fixAll';

interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  locale: 'auto' | Locale;
  rules: Record<string, unknown>;
  terms: Record<string, unknown>;
  checkAllMarkdown: boolean;
}

const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', debounceMs: 300, locale: 'auto', rules: {}, terms: {}, checkAllMarkdown: false };

interface DocState {
  cache: DocumentCache;
  version: number;
  findings: Finding[];
  /** Version (and config key) the findings are for; a code action may check before the debounced check publishes. */
  checkedVersion: number;
  checkedKey?: string;
  timer?: NodeJS.Timeout;
  running?: { version: number; cancelled: boolean };
  config?: ResolvedConfig;
  /** Blocks of fixed text for fix-all offers that are likely not applied (see fixAllEdits). */
  fixCache?: DocumentCache;
}

/** What a lazily resolved "fix all <rule> problems" action carries. */
interface FixAllData {
  uri: string;
  version: number;
  rule: string;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const configCache = new Map<string, { config: ResolvedConfig; problems: ConfigProblem[]; text: string }>();
  let initLocale: Locale = 'vi';
  let hasConfigurationCapability = false;
  /** The client can fill in a code action's edit later (codeAction/resolve): VS Code can. */
  let canResolveEdits = false;
  const logFile = process.env.VNHR_LOG_FILE;
  const log = (s: string) => {
    connection.console.log(s);
    if (logFile) {
      try {
        appendFileSync(logFile, `[${new Date().toISOString()}] ${s}\n`);
      } catch {
        /* logging must never break checking */
      }
    }
  };

  connection.onInitialize((params: InitializeParams) => {
    initLocale = params.locale?.toLowerCase().startsWith('vi') ? 'vi' : params.locale ? 'en' : 'vi';
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    canResolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    log(`vnhr server started (locale ${params.locale ?? 'none'} -> ${initLocale}, ${allRules.length} rules)`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: true },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        hoverProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'vnhr', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  });

  async function settingsFor(uri: string): Promise<Settings> {
    if (!hasConfigurationCapability) return DEFAULT_SETTINGS;
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'vnHealthReport' })
        .then((s: Partial<Settings> | null) => ({ ...DEFAULT_SETTINGS, ...(s ?? {}) }))
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, p);
    }
    return p;
  }

  const localeOf = (s: Settings): Locale => (s.locale === 'vi' || s.locale === 'en' ? s.locale : initLocale);

  /** The config for a document: nearest .vnhrrc.json (open editor text wins), else settings. */
  function configFor(uri: string, settings: Settings): ResolvedConfig {
    if (uri.startsWith('file:')) {
      let path: string | undefined;
      try {
        path = findConfigFile(dirname(fileURLToPath(uri)));
      } catch {
        path = undefined;
      }
      if (path) {
        let c = configCache.get(path);
        if (!c) {
          const open = documents.get(pathToFileURL(path).toString());
          c = open ? { text: open.getText(), ...loadConfig(open.getText()) } : readConfigFile(path);
          configCache.set(path, c);
          publishConfigProblems(path, c);
        }
        return c.config;
      }
    }
    if (Object.keys(settings.rules ?? {}).length || Object.keys(settings.terms ?? {}).length) {
      const r = loadConfig(JSON.stringify({ rules: settings.rules ?? {}, terms: settings.terms ?? {} }));
      for (const p of r.problems) log(`settings vnHealthReport.rules/terms: ${p.message}`);
      return r.config;
    }
    return getDefaultConfig();
  }

  function publishConfigProblems(path: string, c: { problems: ConfigProblem[]; text: string }) {
    const li = new LineIndex(c.text);
    const diagnostics: Diagnostic[] = c.problems.map((p) => ({
      range: li.rangeAt(p.start, Math.max(p.end, p.start)),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'vnhr',
      message: p.message,
    }));
    for (const p of c.problems) log(`${path}: ${p.message}`);
    void connection.sendDiagnostics({ uri: pathToFileURL(path).toString(), diagnostics });
  }

  function isConfigUri(uri: string): boolean {
    return /\/\.vnhrrc(\.json)?$/.test(uri);
  }

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
    void settingsFor(doc.uri).then((settings) => {
      if (st.timer) clearTimeout(st.timer);
      st.timer = setTimeout(() => void validate(doc.uri), immediate ? 0 : Math.max(0, settings.debounceMs));
    });
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const st = stateOf(uri);
    const settings = await settingsFor(uri);
    const text = doc.getText();
    const version = doc.version;
    if (!settings.enable || !(settings.checkAllMarkdown || isVietnameseText(text))) {
      st.findings = [];
      st.checkedVersion = version;
      st.checkedKey = undefined;
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const config = configFor(uri, settings);
    st.config = config;
    if (st.checkedVersion === version && st.checkedKey === config.key) {
      // A code action request checked this version already: publish that.
      publish(uri, text, version, st.findings, settings);
      return;
    }
    const token = { version, cancelled: false };
    st.running = token;
    let findings: Finding[];
    try {
      // Slice the work: yield to the event loop between chunks of blocks, so
      // other requests are answered and a newer version cancels this one.
      const it = checkSteps(text, allRules, config, { cache: st.cache, isCancelled: () => token.cancelled || documents.get(uri)?.version !== version });
      let last = Date.now();
      for (;;) {
        const r = it.next();
        if (r.done) {
          findings = r.value;
          break;
        }
        if (Date.now() - last > 15) {
          await new Promise((res) => setImmediate(res));
          last = Date.now();
        }
      }
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
    publish(uri, text, version, findings, settings);
  }

  function publish(uri: string, text: string, version: number, findings: Finding[], settings: Settings) {
    const li = new LineIndex(text);
    const locale = localeOf(settings);
    const diagnostics = findings.map((f) => toDiagnostic(f, li, uri, locale));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function toDiagnostic(f: Finding, li: LineIndex, uri: string, locale: Locale): Diagnostic {
    const d: Diagnostic = {
      range: li.rangeAt(f.start, f.end),
      severity: SEVERITY[f.severity],
      code: f.rule,
      codeDescription: { href: docsUrl(f.rule) },
      source: 'vnhr',
      message: localize(f.message, locale),
      data: { rule: f.rule, start: f.start, end: f.end },
    };
    if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: li.rangeAt(r.start, r.end) }, message: localize(r.message, locale) }));
    return d;
  }

  documents.onDidOpen((e) => {
    if (isConfigUri(e.document.uri)) return onConfigText(e.document);
    schedule(e.document, true);
  });
  documents.onDidChangeContent((e) => {
    if (isConfigUri(e.document.uri)) return onConfigText(e.document);
    void settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onType' || stateOf(e.document.uri).checkedVersion < 0) schedule(e.document);
    });
  });
  documents.onDidSave((e) => {
    if (isConfigUri(e.document.uri)) return;
    void settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onSave') schedule(e.document, true);
    });
  });
  documents.onDidClose((e) => {
    const st = states.get(e.document.uri);
    if (st?.timer) clearTimeout(st.timer);
    if (st?.running) st.running.cancelled = true;
    states.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (isConfigUri(e.document.uri)) {
      // Back to the file on disk.
      configCache.clear();
      recheckAll();
      return;
    }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function onConfigText(doc: TextDocument) {
    try {
      const path = fileURLToPath(doc.uri);
      const c = { text: doc.getText(), ...loadConfig(doc.getText()) };
      configCache.clear();
      configCache.set(path, c);
      publishConfigProblems(path, c);
    } catch (e) {
      log(`config ${doc.uri}: ${(e as Error).message}`);
    }
    recheckAll();
  }

  function recheckAll() {
    for (const d of documents.all()) if (!isConfigUri(d.uri)) schedule(d, true);
  }

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    configCache.clear();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => isConfigUri(c.uri))) {
      configCache.clear();
      recheckAll();
    }
  });

  /**
   * Findings of the current version. When the debounced check has not run yet
   * (a save right after typing), check now and keep the result: the lightbulb
   * asks again at every cursor move, and the debounced check publishes it.
   */
  async function currentFindings(uri: string): Promise<{ doc: TextDocument; st: DocState; findings: Finding[]; config: ResolvedConfig } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const st = stateOf(uri);
    const settings = await settingsFor(uri);
    const config = configFor(uri, settings);
    if (st.checkedVersion !== doc.version || st.checkedKey !== config.key) {
      if (!settings.enable || !(settings.checkAllMarkdown || isVietnameseText(doc.getText()))) return { doc, st, findings: [], config };
      // Same text as a check of this version in flight, so sharing its cache is safe.
      st.findings = check(doc.getText(), config, { cache: st.cache });
      st.checkedVersion = doc.version;
      st.checkedKey = config.key;
    }
    return { doc, st, findings: st.findings, config };
  }

  /**
   * engine fixAll's rounds (apply the safe fixes, re-check, repeat), with the
   * first round from the findings this version already has: a save with
   * nothing to fix costs no check, and one with fixes one re-check of the
   * fixed text instead of a check from scratch plus that re-check.
   */
  function fixAllEdits(doc: TextDocument, st: DocState, findings: readonly Finding[], config: ResolvedConfig, only?: string[], chosen = false): TextEdit[] {
    const text = doc.getText();
    // The re-checks read the fixed text. Through the document's cache when
    // that text is likely the next version (fix-all, applied on save): its
    // check then finds every block parsed. Not while a check is in flight
    // (its blocks would move under it), nor for the per-rule offer the
    // lightbulb asks for at every cursor move and the writer seldom takes:
    // those have their own cache, so typing does not re-parse what they touched.
    const cache = st.running || (only && !chosen) ? (st.fixCache ??= new DocumentCache()) : st.cache;
    let fixed = text;
    let round = only ? findings.filter((f) => only.includes(f.rule)) : findings;
    for (let i = 0; i < 10; i++) {
      const r = applyFixes(fixed, round);
      if (!r.applied || r.text === fixed) break;
      fixed = r.text;
      round = check(fixed, config, { cache, only });
    }
    if (fixed === text) return [];
    // One minimal edit: the changed span between the common prefix and suffix.
    let a = 0;
    while (a < text.length && a < fixed.length && text.charCodeAt(a) === fixed.charCodeAt(a)) a++;
    let b = 0;
    while (b < text.length - a && b < fixed.length - a && text.charCodeAt(text.length - 1 - b) === fixed.charCodeAt(fixed.length - 1 - b)) b++;
    // Do not cut a surrogate pair.
    if (a > 0 && isHighSurrogate(text.charCodeAt(a - 1))) a--;
    return [{ range: { start: doc.positionAt(a), end: doc.positionAt(text.length - b) }, newText: fixed.slice(a, fixed.length - b) }];
  }

  connection.onCodeAction(async (params) => {
    const cur = await currentFindings(params.textDocument.uri);
    if (!cur) return [];
    const { doc, st, findings, config } = cur;
    const settings = await settingsFor(doc.uri);
    const locale = localeOf(settings);
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source);
    const actions: CodeAction[] = [];
    if (wantsFixAll) {
      const edits = fixAllEdits(doc, st, findings, config);
      if (edits.length) {
        actions.push({
          title: locale === 'vi' ? 'Sửa tất cả lỗi tự sửa được (vnhr)' : 'Fix all auto-fixable problems (vnhr)',
          kind: FIX_ALL_KIND,
          edit: { changes: { [doc.uri]: edits } },
        });
      }
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) return actions;
    }
    const li = new LineIndex(doc.getText());
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const byRule = new Map<string, number>();
    for (const f of findings) if (f.fixes?.some((x) => x.safe)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const rulesHere = new Set<string>();
    for (const f of findings) {
      if (f.end < start || f.start > end || !f.fixes?.length) continue;
      const diag = toDiagnostic(f, li, doc.uri, locale);
      const matched = params.context.diagnostics.find((d) => d.code === f.rule && d.range.start.line === diag.range.start.line && d.range.start.character === diag.range.start.character) ?? diag;
      f.fixes.forEach((fx, i) => {
        actions.push({
          title: localize(fx.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [matched],
          isPreferred: i === 0 && fx.safe,
          edit: { changes: { [doc.uri]: fx.edits.map((e) => ({ range: li.rangeAt(e.start, e.end), newText: e.newText })) } },
        });
      });
      rulesHere.add(f.rule);
    }
    for (const rule of rulesHere) {
      if ((byRule.get(rule) ?? 0) < 2) continue;
      const title = locale === 'vi' ? `Sửa tất cả lỗi ${rule} trong tệp này` : `Fix all ${rule} problems in this file`;
      if (canResolveEdits) {
        // The lightbulb asks at every cursor move; the edit (a re-check of the
        // fixed text) is worked out only if the writer picks this action.
        const data: FixAllData = { uri: doc.uri, version: doc.version, rule };
        actions.push({ title, kind: CodeActionKind.QuickFix, data });
        continue;
      }
      const edits = fixAllEdits(doc, st, findings, config, [rule]);
      if (edits.length) actions.push({ title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    if (!data?.rule || action.edit) return action;
    const cur = await currentFindings(data.uri);
    // A newer version: its own lightbulb offers it again; this one is stale.
    if (!cur || cur.doc.version !== data.version) return action;
    const edits = fixAllEdits(cur.doc, cur.st, cur.findings, cur.config, [data.rule], true);
    if (edits.length) action.edit = { changes: { [data.uri]: edits } };
    return action;
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== FIX_ALL_COMMAND) return undefined;
    const uri = String(params.arguments?.[0] ?? '');
    const cur = await currentFindings(uri);
    if (!cur) return { applied: 0 };
    const before = cur.findings.filter((f) => f.fixes?.some((x) => x.safe)).length;
    const edits = fixAllEdits(cur.doc, cur.st, cur.findings, cur.config);
    if (!edits.length) return { applied: 0 };
    const r = await connection.workspace.applyEdit({ label: 'vnhr: fix all', edit: { changes: { [uri]: edits } } });
    return { applied: r.applied ? before : 0 };
  });

  registerInsights(connection, {
    documents,
    configOf: async (uri) => configFor(uri, await settingsFor(uri)),
    cacheOf: (uri) => stateOf(uri).cache,
    localeOf: async (uri) => localeOf(await settingsFor(uri)),
    isChecked: async (uri) => {
      const d = documents.get(uri);
      const s = await settingsFor(uri);
      return !!d && s.enable && (s.checkAllMarkdown || isVietnameseText(d.getText()));
    },
  });

  documents.listen(connection);
  connection.listen();
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

// Started as a program (the bundle): speak LSP over IPC or stdio per argv.
if (require.main === module) {
  process.on('uncaughtException', (e) => {
    // Keep serving: one bad request must not take the server down.
    process.stderr.write(`vnhr: uncaught ${(e as Error)?.stack ?? String(e)}\n`);
  });
  startServer(createConnection(ProposedFeatures.all));
}
