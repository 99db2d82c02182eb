// Configuration: VS Code settings (per resource, cached) and the nearest
// .vnhrrc.json (an open editor's text wins over the file on disk); a config
// file's problems are published as its diagnostics. Any change re-checks every
// open document (through `onChange`).
import { DiagnosticSeverity, DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getDefaultConfig, loadConfig, isVietnameseText, LineIndex, type Locale, type ResolvedConfig, type ConfigProblem } from '../engine';
import { findConfigFile, readConfigFile } from '../configFiles';
import type { ServerContext } from './context';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  locale: 'auto' | Locale;
  rules: Record<string, unknown>;
  terms: Record<string, unknown>;
  checkAllMarkdown: boolean;
}

const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', debounceMs: 300, locale: 'auto', rules: {}, terms: {}, checkAllMarkdown: false };

export interface Configuration {
  settingsFor(uri: string): Promise<Settings>;
  /** The config for a document: nearest .vnhrrc.json, else settings. */
  configFor(uri: string, settings: Settings): ResolvedConfig;
  localeOf(settings: Settings): Locale;
  /** Is this document checked at all (enabled, and Vietnamese or checkAllMarkdown)? */
  isChecked(settings: Settings, text: string): boolean;
  isConfigUri(uri: string): boolean;
  /** The editor's text of a config file changed (open, edit) or went back to disk (close). */
  configTextChanged(doc: TextDocument | undefined): void;
  /** A document closed: forget its settings. */
  forget(uri: string): void;
}

type LoadedConfig = { config: ResolvedConfig; problems: ConfigProblem[]; text: string };

export function registerConfiguration(ctx: ServerContext, onChange: () => void): Configuration {
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

  function publishConfigProblems(path: string, c: LoadedConfig) {
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

  function configTextChanged(doc: TextDocument | undefined) {
    configCache.clear();
    if (doc) {
      try {
        const path = fileURLToPath(doc.uri);
        const c = { text: doc.getText(), ...loadConfig(doc.getText()) };
        configCache.set(path, c);
        publishConfigProblems(path, c);
      } catch (e) {
        log(`config ${doc.uri}: ${(e as Error).message}`);
      }
    }
    onChange();
  }

  const isConfigUri = (uri: string) => /\/\.vnhrrc(\.json)?$/.test(uri);

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    configCache.clear();
    onChange();
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => isConfigUri(c.uri))) {
      configCache.clear();
      onChange();
    }
  });

  return {
    settingsFor,
    configFor,
    localeOf: (s) => (s.locale === 'vi' || s.locale === 'en' ? s.locale : ctx.client.locale),
    isChecked: (s, text) => s.enable && (s.checkAllMarkdown || isVietnameseText(text)),
    isConfigUri,
    configTextChanged,
    forget: (uri) => settingsCache.delete(uri),
  };
}
