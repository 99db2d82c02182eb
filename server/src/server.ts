// LSP adapter: a thin layer over the engine that wires one module per feature
// (server/src/features/): configuration, diagnostics and scheduling, code
// actions and fix-all, commands, hover, document symbols, the indicator
// summary. Each registers its handlers and returns its server capabilities.
// No rule logic here.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from './engine';
import { VERSION } from './version';
import { localDocsBase, normalizeDocsBase } from './docsLink';
import { createContext } from './features/context';
import { registerConfiguration } from './features/configuration';
import { registerDiagnostics } from './features/diagnostics';
import { registerWorkspace, initialFolders } from './features/workspace';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { registerHover } from './features/hover';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerIndicatorSummary } from './features/indicatorSummary';
import { registerIndicatorPanel } from './features/indicatorPanel';
import { createInsights } from './insights';

export { FIX_ALL_KIND } from './features/codeActions';
export { FIX_ALL_COMMAND } from './features/commands';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const ctx = createContext(connection, documents);
  // Configuration changes re-check every document and the workspace (called only once listening).
  const conf = registerConfiguration(ctx, () => {
    diags.recheckAll();
    workspace.workspace.rescan();
  });
  const workspace = registerWorkspace(ctx, conf);
  const diags = registerDiagnostics(ctx, conf, workspace.workspace);
  const insightsOf = createInsights(ctx, conf, diags);
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    ...workspace.capabilities,
    ...registerCodeActions(ctx, diags),
    ...registerCommands(ctx, diags),
    ...registerHover(ctx, insightsOf),
    ...registerDocumentSymbols(ctx, insightsOf),
    ...registerIndicatorSummary(ctx, insightsOf),
    ...registerIndicatorPanel(ctx, conf, workspace.workspace),
  };

  connection.onInitialize((params: InitializeParams) => {
    ctx.client.locale = params.locale?.toLowerCase().startsWith('vi') ? 'vi' : params.locale ? 'en' : 'vi';
    ctx.client.configuration = !!params.capabilities.workspace?.configuration;
    ctx.client.resolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    const options = params.initializationOptions as { docsBaseUrl?: string; watchesFiles?: boolean } | undefined;
    ctx.client.docsBase = normalizeDocsBase(options?.docsBaseUrl) ?? localDocsBase();
    ctx.client.workspaceFolders = initialFolders(params);
    ctx.client.workspaceFoldersChange = !!params.capabilities.workspace?.workspaceFolders;
    ctx.client.registerWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration && !options?.watchesFiles;
    ctx.log(`vnhr server started (locale ${params.locale ?? 'none'} -> ${ctx.client.locale}, ${allRules.length} rules)`);
    return { capabilities, serverInfo: { name: 'vnhr', version: VERSION } };
  });

  documents.listen(connection);
  connection.listen();
}

/** Run as a program: speak LSP over IPC, stdio, a pipe or a socket, as argv says (--stdio, --node-ipc…). */
export function runServer(): void {
  process.on('uncaughtException', (e) => {
    // Keep serving: one bad request must not take the server down.
    process.stderr.write(`vnhr: uncaught ${(e as Error)?.stack ?? String(e)}\n`);
  });
  startServer(createConnection(ProposedFeatures.all));
}

// Started as the bundle itself (the VS Code client); bin/vnhr-language-server.js calls runServer().
if (require.main === module) runServer();
