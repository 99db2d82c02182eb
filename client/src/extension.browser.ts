// Web entry (package.json "browser": vscode.dev, github.dev, VS Code for the
// web): the same language server, bundled for a web worker
// (server/out/server.browser.js). No file system here: the config files are
// read through vscode.workspace.fs and sent to the server; only open reports
// are checked (no workspace scan from disk); Word import/export needs the
// desktop (its commands are hidden by the `vnHealthReport.web` context key and
// say so if run anyway). Everything else is shared (extensionShared.ts).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateShared, currentClient, deactivateShared } from './extensionShared';
import { CONFIG_FILES_NOTIFICATION, type ConfigFilesParams } from '../../server/src/protocol';

/** The web worker constructor and blob URLs (the web extension host has them; the DOM types are not in this project's lib). */
interface WorkerLike {
  terminate(): void;
}
const web = globalThis as unknown as {
  Worker: new (url: string) => WorkerLike;
  Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
};

/**
 * A URL the worker can load the server from. vscode.dev serves extensions
 * over https: that URL. An extension on a remote (code-server, Codespaces)
 * has a vscode-remote: URI, from which the web extension host refuses to start
 * a worker ("Creating workers from remote extensions is currently not
 * supported"): the bundle is read through the workspace API and started from
 * a blob: URL instead.
 */
async function serverUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme !== 'vscode-remote') return uri.toString(true);
  // The shared engine (server/out/engine.js) first: a blob has no folder to load it from.
  const [engine, bytes] = await Promise.all([vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, '..', 'engine.js')), vscode.workspace.fs.readFile(uri)]);
  return web.URL.createObjectURL(new web.Blob([engine, new TextEncoder().encode('\n'), bytes], { type: 'text/javascript' }));
}

let worker: WorkerLike | undefined;

const CONFIG_WAIT_MS = 3000;
const CONFIG_GLOB = '**/.vnhrrc{,.json}';
/** Schemes of the web's file systems: local folders, GitHub/Azure repos (vscode-vfs), remotes, the test host. */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

/** Every config file of the workspace with its text (a file that cannot be read is left out). */
async function readConfigFiles(): Promise<ConfigFilesParams['files']> {
  const uris = await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 200);
  const files = await Promise.all(
    uris.map(async (uri) => {
      try {
        return { uri: uri.toString(), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
      } catch {
        return undefined;
      }
    }),
  );
  return files.filter((f): f is { uri: string; text: string } => !!f);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Vietnamese Health Report', { log: true });
  context.subscriptions.push(output);
  output.info('web extension: the language server runs in a web worker');
  void vscode.commands.executeCommand('setContext', 'vnHealthReport.web', true);

  const desktopOnly = () => void vscode.window.showInformationMessage(vscode.l10n.t('Word import and export need VS Code for the desktop; they are not available in the browser.'));
  context.subscriptions.push(vscode.commands.registerCommand('vnHealthReport.importWord', desktopOnly), vscode.commands.registerCommand('vnHealthReport.exportWord', desktopOnly));

  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(configWatcher);
  const serverMain = await serverUrl(vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'server.browser.js'));
  // A config file created, changed or deleted: send them all again (a workspace has few).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const resend = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void readConfigFiles().then((files) => currentClient()?.sendNotification(CONFIG_FILES_NOTIFICATION, { files } satisfies ConfigFilesParams)), 200);
  };
  // The config files go with initialize, so the first checks use them; a
  // search slower than this (a large repository on github.dev) does not hold
  // the server back: they follow as a notification.
  const reading = readConfigFiles();
  const early = await Promise.race([reading, new Promise<undefined>((r) => setTimeout(() => r(undefined), CONFIG_WAIT_MS))]);
  await activateShared(context, output, {
    documentSelector: SCHEMES.flatMap((scheme) => [
      { scheme, language: 'markdown' },
      ...(scheme === 'untitled' ? [] : [{ scheme, pattern: '**/.vnhrrc.json' }, { scheme, pattern: '**/.vnhrrc' }]),
    ]),
    initializationOptions: { files: early ?? [] },
    fileEvents: [configWatcher],
    // The config files may have changed since initialize's copy.
    restarted: () => resend(),
    createClient: (options) => {
      worker?.terminate(); // a restart: the old client is stopped
      worker = new web.Worker(serverMain);
      // (id, name, the worker, options): vscode-languageclient 10's order.
      return new LanguageClient('vnHealthReport', 'Vietnamese Health Report', worker as unknown as ConstructorParameters<typeof LanguageClient>[2], options);
    },
  });
  if (!early) void reading.then((files) => currentClient()?.sendNotification(CONFIG_FILES_NOTIFICATION, { files } satisfies ConfigFilesParams));
  context.subscriptions.push(configWatcher.onDidCreate(resend), configWatcher.onDidChange(resend), configWatcher.onDidDelete(resend));
}

export async function deactivate(): Promise<void> {
  await deactivateShared();
  worker?.terminate();
}
