// What every feature module gets: the connection, the open documents, the log,
// and what the client said it can do (filled in at initialize).
import type { Connection, TextDocuments, FileEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../engine';

export interface ClientInfo {
  /** The locale the client started with (settings may override it). */
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

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  client: ClientInfo;
  log(s: string): void;
  /** Listeners of workspace/didChangeWatchedFiles for non-config files (the protocol allows one handler; configuration.ts owns it). */
  watchers: ((changes: FileEvent[]) => void)[];
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
  return { connection, documents, client: { locale: 'vi', configuration: false, resolveEdits: false, docsBase: host.docsBase, workspaceFolders: [], workspaceFoldersChange: false, registerWatchers: false }, log, watchers: [] };
}

/** The whole-workspace scan as other features see it (features/workspace.ts implements it). */
export interface Workspace {
  /** An open document closed: its diagnostics come from the file on disk again (or are cleared). */
  closed(uri: string): void;
  /** Settings or a config file changed: scan again (unchanged files are skipped by the hash). */
  rescan(): void;
}
