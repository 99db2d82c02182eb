// Extension host side: starts the language server over IPC (restarting it if
// it crashes), shows the problem count of the current report in the status
// bar, and contributes the commands. All checking happens in the server.
import * as vscode from 'vscode';
import * as path from 'node:path';
import {
  LanguageClient,
  TransportKind,
  ErrorAction,
  CloseAction,
  RevealOutputChannelOn,
  type LanguageClientOptions,
  type ServerOptions,
  type ErrorHandler,
} from 'vscode-languageclient/node';
import { registerTemplateCommands } from './templates';
import { registerWordCommands } from './word';
import { registerRulePages, rulePagesBase } from './rulePages';
import { registerIndicatorPanel } from './indicatorPanel';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;

const FIX_ALL_COMMAND = 'vnhr.server.fixAll';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Vietnamese Health Report', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

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
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/.vnhrrc.json' },
      { scheme: 'file', pattern: '**/.vnhrrc' },
    ],
    synchronize: {
      configurationSection: 'vnHealthReport',
      // Config files, and reports changed on disk (checked when vnHealthReport.scope is "workspace").
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.vnhrrc{,.json}'), vscode.workspace.createFileSystemWatcher('**/*.md')],
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    diagnosticCollectionName: 'vnhr',
    // Diagnostics link rule pages through this extension (offline), or a published address.
    // watchesFiles: the watchers above send the file events; the server need not register its own.
    initializationOptions: { docsBaseUrl: rulePagesBase(context), watchesFiles: true },
  };

  client = new LanguageClient('vnHealthReport', 'Vietnamese Health Report', serverOptions, clientOptions);

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
      const r = (await client.sendRequest('workspace/executeCommand', { command: FIX_ALL_COMMAND, arguments: [editor.document.uri.toString()] })) as { applied: number } | null;
      const n = r?.applied ?? 0;
      void vscode.window.setStatusBarMessage(n ? vscode.l10n.t('Fixed {0} problem(s)', n) : vscode.l10n.t('Nothing to fix'), 4000);
      return n;
    }),
    vscode.commands.registerCommand('vnHealthReport.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('vnHealthReport.showLog', () => output.show(true)),
    vscode.commands.registerCommand('vnHealthReport.showIndicatorSummary', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return undefined;
      const r = (await client.sendRequest('vnhr/indicatorSummary', { uri: editor.document.uri.toString() })) as { markdown: string };
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown || vscode.l10n.t('No indicators found in this report.') });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return r.markdown;
    }),
  );
  registerTemplateCommands(context);
  registerWordCommands(context);
  registerRulePages(context);
  registerIndicatorPanel(context, client);

  await client.start();
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
