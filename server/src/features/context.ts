// What every feature module gets: the connection, the open documents, the log,
// and what the client said it can do (filled in at initialize).
import type { Connection, TextDocuments, FileEvent, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, IndicatorMentionInfo, LineIndex, Locale, ResolvedConfig } from '../engine';

export interface ClientInfo {
  /** initialize's locale (the editor's language tag), if any. */
  language?: string;
  /** The locale that tag gives (the `locale` setting may override it per document). */
  locale: Locale;
  /** workspace/configuration is available. */
  configuration: boolean;
  /** The client can fill in a code action's edit later (codeAction/resolve): VS Code can. */
  resolveEdits: boolean;
  /** Where diagnostics link rule pages: the client's initializationOptions.docsBaseUrl, else the pages shipped beside the server. */
  docsBase: string;
  /** Workspace folder URIs (initialize's workspaceFolders, else rootUri). */
  workspaceFolders: string[];
  /** The client sends workspace/didChangeWorkspaceFolders. */
  workspaceFoldersChange: boolean;
  /** The server registers its file watchers (dynamic registration, and the client does not watch by itself like ours in VS Code). */
  registerWatchers: boolean;
}

/** Where an open document's diagnostics go when the client pulls them (ctx.pull; features/pullDiagnostics.ts). */
export interface PullResults {
  /** The client pulls an open document's diagnostics (set at initialize). */
  active: boolean;
  /** The diagnostics of this version of an open document (replacing a push). */
  set(uri: string, version: number, diagnostics: readonly Diagnostic[]): void;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  client: ClientInfo;
  log(s: string): void;
  /** Listeners of workspace/didChangeWatchedFiles for non-config files (the protocol allows one handler; configuration.ts owns it). */
  watchers: ((changes: FileEvent[]) => void)[];
  /** An open document's diagnostics when the client pulls them (pull.active); else they are pushed. */
  pull: PullResults;
}

/** `host`: what the node or browser entry adds (server.ts, server.browser.ts). */
export function createContext(connection: Connection, documents: TextDocuments<TextDocument>, host: { docsBase: string; appendLog?: (line: string) => void }): ServerContext {
  const log = (s: string) => {
    connection.console.log(s);
    try {
      host.appendLog?.(`[${new Date().toISOString()}] ${s}\n`);
    } catch {
      /* logging must never break checking */
    }
  };
  const pull: PullResults = { active: false, set: () => undefined }; // replaced by serverMain (pullDiagnostics.ts)
  return { connection, documents, client: { locale: 'vi', configuration: false, resolveEdits: false, docsBase: host.docsBase, workspaceFolders: [], workspaceFoldersChange: false, registerWatchers: false }, log, watchers: [], pull };
}

/** One checked report of the workspace (open: its editor text; else the file on disk). */
export interface WorkspaceReport {
  /** Positions of offsets (an unopened report keeps no text, hence no full LineIndex). */
  lines: Pick<LineIndex, 'positionAt' | 'rangeAt'>;
  indicators: IndicatorMentionInfo[];
  /** What is published for it: its own findings and the cross-file ones. */
  findings: Finding[];
}

/** An open document's check result, handed to the workspace, which publishes it with its cross-file findings. */
export interface OpenReport {
  text: string;
  version: number;
  findings: Finding[];
  config: ResolvedConfig;
  locale: Locale;
  /**
   * Its indicator mentions, read from the check's blocks when first asked (the comparison across
   * reports, the panel) and kept: an indicator summary of the whole report costs about as much as
   * the check itself, too much for every keystroke when nothing reads it.
   */
  mentions(): IndicatorMentionInfo[];
  /** A newer check of the document is running: reading the mentions now would move its cache under it (read them later). */
  busy(): boolean;
}

/** The whole-workspace scan as other features see it (features/workspace.ts implements it). */
export interface Workspace {
  /** Every checked report (URI -> report), open ones from their editor text. */
  reports(): ReadonlyMap<string, WorkspaceReport>;
  /** Fired (debounced) when reports() changed. */
  onDidChangeReports(listener: () => void): { dispose(): void };
  /** An open document was checked: publish its findings with the cross-file ones (and re-publish the reports it affects). */
  openChecked(uri: string, report: OpenReport): void;
  /** An open document is not checked (disabled, ignored, not Vietnamese): it leaves the comparison. */
  openNotChecked(uri: string): void;
  /** An open document closed: its diagnostics come from the file on disk again (or are cleared). */
  closed(uri: string): void;
  /** Settings or a config file changed: scan again (unchanged files are skipped by the hash). */
  rescan(): void;
}
