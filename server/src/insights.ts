// Editor features on the engine's model: hover, outline (document symbols) and
// the indicator summary. Filled by the indicator and task families.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentCache, Locale, ResolvedConfig } from './engine';

export interface InsightHost {
  documents: TextDocuments<TextDocument>;
  configOf(uri: string): Promise<ResolvedConfig>;
  cacheOf(uri: string): DocumentCache;
  localeOf(uri: string): Promise<Locale>;
  isChecked(uri: string): Promise<boolean>;
}

export function registerInsights(connection: Connection, host: InsightHost): void {
  connection.onHover(async () => null);
  connection.onDocumentSymbol(async () => []);
  connection.onRequest('vnhr/indicatorSummary', async (p: { uri: string }) => {
    const doc = host.documents.get(p.uri);
    if (!doc) return { markdown: '' };
    return { markdown: '' };
  });
}
