// What every feature module gets: the connection, the open documents, the log,
// and what the client said it can do (filled in at initialize).
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { appendFileSync } from 'node:fs';
import type { Locale } from '../engine';
import { localDocsBase } from '../docsLink';

export interface ClientInfo {
  /** The locale the client started with (settings may override it). */
  locale: Locale;
  /** workspace/configuration is available. */
  configuration: boolean;
  /** The client can fill in a code action's edit later (codeAction/resolve): VS Code can. */
  resolveEdits: boolean;
  /** Where diagnostics link rule pages: the client's initializationOptions.docsBaseUrl, else the pages shipped beside the server. */
  docsBase: string;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  client: ClientInfo;
  log(s: string): void;
}

export function createContext(connection: Connection, documents: TextDocuments<TextDocument>): ServerContext {
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
  return { connection, documents, client: { locale: 'vi', configuration: false, resolveEdits: false, docsBase: localDocsBase() }, log };
}
