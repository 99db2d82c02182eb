// LSP adapter: a thin layer over the engine that wires one module per feature
// (server/src/features/): configuration, diagnostics and scheduling, code
// actions and fix-all, commands, hover, document symbols, the indicator
// summary. Each registers its handlers and returns its server capabilities.
// No rule logic here, and no node built-in: the node entry (server.ts) and the
// web-worker entry (server.browser.ts) both call startServer with what differs
// between them (a ServerPlatform), so a feature is registered once, here.
import { TextDocuments, TextDocumentSyncKind, type InitializeParams, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_COUNT } from './buildId';
import { VERSION } from './version';
import { normalizeDocsBase } from './docsBase';
import { createContext, type ServerContext, type Workspace } from './features/context';
import { registerConfiguration, type ConfigFiles, type Configuration } from './features/configuration';
import { registerDiagnostics } from './features/diagnostics';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { registerHover } from './features/hover';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerIndicatorSummary } from './features/indicatorSummary';
import { registerIndicatorPanel } from './features/indicatorPanel';
import { createInsights } from './insights';
import { uiLocale, type InitializationOptions } from './protocol';
import { createPullDiagnostics } from './features/pullDiagnostics';

/** What differs between the node server and the web-worker server. */
export interface ServerPlatform {
  /** Which entry runs ("node" | "browser"): logged at start, and answered in serverInfo. */
  name: 'node' | 'browser';
  /** Rule pages when the client names no docsBaseUrl. */
  docsBase(): string;
  /** Where log lines also go (node: the file VNHR_LOG_FILE names). */
  appendLog?(line: string): void;
  configFiles: ConfigFiles;
  /** Workspace folder URIs from initialize. */
  initialFolders(params: InitializeParams): string[];
  /** Reports beyond the open ones (node: the workspace scan from disk; browser: none). */
  registerWorkspace(ctx: ServerContext, conf: Configuration): { workspace: Workspace; capabilities: ServerCapabilities };
  /** initialize's initializationOptions, for what only this platform reads (browser: the config files the client sent). */
  initialize?(options: InitializationOptions | undefined): void;
}

export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  const ctx = createContext(connection, documents, { docsBase: platform.docsBase(), appendLog: platform.appendLog?.bind(platform) });
  const pull = createPullDiagnostics(ctx);
  ctx.pull = pull.results;
  // Configuration changes re-check every document and the workspace (called only once listening).
  const conf = registerConfiguration(ctx, platform.configFiles, () => {
    diags.recheckAll();
    workspace.workspace.rescan();
  });
  const workspace = platform.registerWorkspace(ctx, conf);
  const diags = registerDiagnostics(ctx, conf, workspace.workspace);
  pull.register((uri) => diags.scheduledVersion(uri));
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
    ctx.client.language = params.locale;
    ctx.client.locale = uiLocale('auto', params.locale);
    ctx.client.configuration = !!params.capabilities.workspace?.configuration;
    ctx.client.resolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    // Sent by any client: a field of the wrong type is ignored where it is read.
    const options = params.initializationOptions as InitializationOptions | undefined;
    ctx.client.docsBase = normalizeDocsBase(options?.docsBaseUrl) ?? platform.docsBase();
    ctx.client.workspaceFolders = platform.initialFolders(params);
    ctx.client.workspaceFoldersChange = !!params.capabilities.workspace?.workspaceFolders;
    ctx.client.registerWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration && !options?.watchesFiles;
    // Pull diagnostics when the client asks for them (initializationOptions.pullDiagnostics) and can also be asked
    // to pull again (a result changed by a check it did not wait for). Opt-in: VS Code's client pulls only for
    // documents shown in a tab, so an open document without one would lose its diagnostics, which push shows.
    ctx.pull.active = options?.pullDiagnostics === true && !!params.capabilities.textDocument?.diagnostic && !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    if (ctx.pull.active) capabilities.diagnosticProvider = { identifier: 'vnhr', interFileDependencies: true, workspaceDiagnostics: false };
    platform.initialize?.(options);
    ctx.log(`vnhr server started (${platform.name}, locale ${params.locale ?? 'none'} -> ${ctx.client.locale}, ${RULE_COUNT} rules)`);
    return { capabilities, serverInfo: { name: 'vnhr', version: VERSION } };
  });

  documents.listen(connection);
  connection.listen();
}

