// Desktop entry (package.json "main"): the language server runs under node
// over IPC; Word import/export is here only (node bundle). Everything else is
// shared with the web entry (extensionShared.ts).
import * as vscode from 'vscode';
import * as path from 'node:path';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { registerWordCommands } from './word';
import { activateShared, deactivateShared } from './extensionShared';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Vietnamese Health Report', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  registerWordCommands(context);
  await activateShared(context, output, {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/.vnhrrc.json' },
      { scheme: 'file', pattern: '**/.vnhrrc' },
    ],
    // Config files, and reports changed on disk (checked when vnHealthReport.scope is "workspace").
    fileEvents: [vscode.workspace.createFileSystemWatcher('**/.vnhrrc{,.json}'), vscode.workspace.createFileSystemWatcher('**/*.md')],
    createClient: (options) => new LanguageClient('vnHealthReport', 'Vietnamese Health Report', serverOptions, options),
  });
}

export function deactivate(): Promise<void> {
  return deactivateShared();
}
