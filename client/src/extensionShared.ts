// What the desktop entry (extension.ts, server over node IPC) and the web entry
// (extension.browser.ts, server in a web worker) share: the client options,
// restart on crash, the status bar, the commands, templates and rule pages.
// Each entry only makes its LanguageClient and adds what its platform can do;
// a feature registered here is in both.
import * as vscode from 'vscode';
import { ErrorAction, CloseAction, RevealOutputChannelOn, type BaseLanguageClient, type LanguageClientOptions, type ErrorHandler, type DocumentSelector } from 'vscode-languageclient';
import { registerTemplateCommands } from './templates';
import { registerRulePages, rulePagesBase } from './rulePages';
import { registerIndicatorPanel } from './indicatorPanel';
import { FIX_ALL_COMMAND, INDICATOR_SUMMARY_REQUEST, type FixAllResult, type IndicatorSummaryParams, type IndicatorSummaryResult, type InitializationOptions } from '../../server/src/protocol';

export interface ClientPlatform {
  /** Documents the server checks (node: files on disk and untitled; web: the virtual file systems too). */
  documentSelector: DocumentSelector;
  /** Merged into initializationOptions (web: the config files' texts). */
  initializationOptions?: InitializationOptions;
  /** File watchers whose events go to the server (didChangeWatchedFiles). */
  fileEvents: vscode.FileSystemWatcher[];
  createClient(options: LanguageClientOptions): BaseLanguageClient;
  /** A restart made a new client (browser): what it must be told again. */
  restarted?(): void;
}

let client: BaseLanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;

/** The running client (a restart in the browser makes a new one). */
export const currentClient = (): BaseLanguageClient | undefined => client;

export async function activateShared(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, platform: ClientPlatform): Promise<void> {
  // Restart on crash, up to 5 times in 3 minutes, telling the user once.
  let crashes: number[] = [];
  const errorHandler: ErrorHandler = {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes = crashes.filter((t) => now - t < 180_000);
      crashes.push(now);
      if (crashes.length <= 5) {
        output.warn('server closed unexpectedly; restarting');
        void vscode.window.showWarningMessage(vscode.l10n.t('The vnhr server crashed; restarting'));
        return { action: CloseAction.Restart, handled: true };
      }
      void vscode.window.showErrorMessage(vscode.l10n.t('The vnhr server crashed 5 times in 3 minutes and will not be restarted. See the log.'));
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: platform.documentSelector,
    synchronize: { configurationSection: 'vnHealthReport', fileEvents: platform.fileEvents },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    diagnosticCollectionName: 'vnhr',
    // Diagnostics link rule pages through this extension (offline), or a published address.
    // watchesFiles: the watchers above send the file events; the server need not register its own.
    initializationOptions: { docsBaseUrl: rulePagesBase(context), watchesFiles: true, ...platform.initializationOptions } satisfies InitializationOptions,
  };

  client = platform.createClient(clientOptions);

  statusItem = vscode.window.createStatusBarItem('vnHealthReport.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = vscode.l10n.t('Vietnamese Health Report');
  statusItem.command = 'workbench.actions.view.problems';
  context.subscriptions.push(statusItem);
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!statusItem) return;
    if (!editor || editor.document.languageId !== 'markdown') {
      statusItem.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'vnhr').length;
    statusItem.text = count ? `$(checklist) vnhr: ${count}` : '$(check) vnhr';
    statusItem.tooltip = count ? vscode.l10n.t('{0} problems in this report', count) : vscode.l10n.t('No problems');
    statusItem.show();
  };
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('vnHealthReport.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return 0;
      const r = (await client.sendRequest('workspace/executeCommand', { command: FIX_ALL_COMMAND, arguments: [editor.document.uri.toString()] })) as FixAllResult | null;
      const n = r?.applied ?? 0;
      void vscode.window.setStatusBarMessage(n ? vscode.l10n.t('Fixed {0} problem(s)', n) : vscode.l10n.t('Nothing to fix'), 4000);
      return n;
    }),
    vscode.commands.registerCommand('vnHealthReport.restartServer', async () => {
      if (!client) return;
      // The node client restarts its process; the browser one has no restart: a new client (and worker).
      const c = client as BaseLanguageClient & { restart?: () => Promise<void> };
      if (c.restart) return c.restart();
      await client.stop();
      client = platform.createClient(clientOptions);
      await client.start();
      platform.restarted?.();
    }),
    vscode.commands.registerCommand('vnHealthReport.showLog', () => output.show(true)),
    vscode.commands.registerCommand('vnHealthReport.showIndicatorSummary', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return undefined;
      const r = await client.sendRequest<IndicatorSummaryResult>(INDICATOR_SUMMARY_REQUEST, { uri: editor.document.uri.toString() } satisfies IndicatorSummaryParams);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown || vscode.l10n.t('No indicators found in this report.') });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return r.markdown;
    }),
  );
  registerTemplateCommands(context);
  registerRulePages(context);
  registerIndicatorPanel(context, client);

  await client.start();
  updateStatus();
}

export async function deactivateShared(): Promise<void> {
  await client?.stop();
  client = undefined;
}
