// Configuration: VS Code settings (per resource, cached) and the nearest
// .vnhrrc.json (an open editor's text wins over the file on disk); a config
// file's problems are published as its diagnostics. Any change re-checks every
// open document (through `onChange`).
import { DiagnosticSeverity, DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getDefaultConfig, loadConfig, LineIndex, type Locale, type ResolvedConfig, type ConfigProblem } from '../engine';
import { isCheckedRel } from '../checked';
import type { ServerContext } from './context';
import { uiLocale } from '../protocol';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  locale: 'auto' | Locale;
  rules: Record<string, unknown>;
  terms: Record<string, unknown>;
  checkAllMarkdown: boolean;
  /** "workspace": every report in the workspace folders; "openFiles": only open ones. */
  scope: 'workspace' | 'openFiles';
}

const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', debounceMs: 300, locale: 'auto', rules: {}, terms: {}, checkAllMarkdown: false, scope: 'workspace' };

export interface Configuration {
  settingsFor(uri: string): Promise<Settings>;
  /** The config for a document: nearest .vnhrrc.json, else settings. */
  configFor(uri: string, settings: Settings): ResolvedConfig;
  localeOf(settings: Settings): Locale;
  /** Is this document checked at all: enabled, not in the config's `ignore`, and Vietnamese, in its `include` or checkAllMarkdown (as the CLI decides, files.ts)? */
  isChecked(settings: Settings, text: string, uri: string): boolean;
  isConfigUri(uri: string): boolean;
  /** The editor's text of a config file changed (open, edit) or went back to disk (close). */
  configTextChanged(doc: TextDocument | undefined): void;
  /** A document closed: forget its settings. */
  forget(uri: string): void;
}

/** A parsed config and its text (for locating its problems). */
export interface LoadedConfig {
  config: ResolvedConfig;
  problems: ConfigProblem[];
  text: string;
}

/**
 * Where config files are: the node server finds them on disk by path
 * (server.ts), the browser server among the files the client sent
 * (server.browser.ts). A config file is named by a key (node: its path;
 * browser: its URI); an open editor's text of it wins over `read`.
 */
export interface ConfigFiles {
  /** The nearest config file above a document, or undefined. */
  nearest(docUri: string): string | undefined;
  /** The key of a config document's URI, undefined if this side cannot place it. */
  keyOf(uri: string): string | undefined;
  uriOf(key: string): string;
  /** Its text and parse from storage; a read error is a problem, never a throw. */
  read(key: string): LoadedConfig;
  /** The document's path relative to the config's folder with "/" separators (what `ignore`/`include` match), undefined if it has none. */
  relative(docUri: string, key: string): string | undefined;
}

export function registerConfiguration(ctx: ServerContext, files: ConfigFiles, onChange: () => void): Configuration {
  const { connection, documents, log } = ctx;
  const settingsCache = new Map<string, Promise<Settings>>();
  const configCache = new Map<string, LoadedConfig>();

  connection.onInitialized(() => {
    if (ctx.client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  });

  function settingsFor(uri: string): Promise<Settings> {
    if (!ctx.client.configuration) return Promise.resolve(DEFAULT_SETTINGS);
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

  function configFor(uri: string, settings: Settings): ResolvedConfig {
    {
      const path = files.nearest(uri);
      if (path) {
        let c = configCache.get(path);
        if (!c) {
          const open = documents.get(files.uriOf(path));
          c = open ? { text: open.getText(), ...loadConfig(open.getText()) } : files.read(path);
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

  function publishConfigProblems(path: string, c: LoadedConfig) {
    const li = new LineIndex(c.text);
    const diagnostics: Diagnostic[] = c.problems.map((p) => ({
      range: li.rangeAt(p.start, Math.max(p.end, p.start)),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'vnhr',
      message: p.message,
    }));
    for (const p of c.problems) log(`${path}: ${p.message}`);
    void connection.sendDiagnostics({ uri: files.uriOf(path), diagnostics });
  }

  function configTextChanged(doc: TextDocument | undefined) {
    configCache.clear();
    if (doc) {
      const path = files.keyOf(doc.uri);
      if (path) {
        const c = { text: doc.getText(), ...loadConfig(doc.getText()) };
        configCache.set(path, c);
        publishConfigProblems(path, c);
      } else log(`config ${doc.uri}: not a file this server can place`);
    }
    onChange();
  }

  const isConfigUri = (uri: string) => /\/\.vnhrrc(\.json)?$/.test(uri);

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    configCache.clear();
    onChange();
  });

  // One handler per connection: config files here, reports in the workspace scan (ctx.watchers).
  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => isConfigUri(c.uri))) {
      configCache.clear();
      onChange();
    }
    for (const w of ctx.watchers) w(p.changes.filter((c) => !isConfigUri(c.uri)));
  });

  return {
    settingsFor,
    configFor,
    localeOf: (s) => uiLocale(s.locale, ctx.client.language),
    isChecked: (s, text, uri) => {
      if (!s.enable) return false;
      const configPath = files.nearest(uri);
      return isCheckedRel(text, configFor(uri, s), { rel: configPath && files.relative(uri, configPath), allMarkdown: s.checkAllMarkdown });
    },
    isConfigUri,
    configTextChanged,
    forget: (uri) => settingsCache.delete(uri),
  };
}
