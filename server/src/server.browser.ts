// The language server in a web worker (vscode.dev, github.dev, any VS Code
// for the web): the shared wiring (serverMain.ts) with what a worker has. No
// file system: the client reads the config files through vscode.workspace.fs
// and sends them (initializationOptions.files at start, then
// `vnhr/configFiles` when one changes); only open reports are checked (no
// workspace scan). scripts/build.mjs bundles this for platform "browser" and
// fails if a node built-in is imported on the way.
import { createConnection, BrowserMessageReader, BrowserMessageWriter, type ServerCapabilities, type InitializeParams } from 'vscode-languageserver/browser';
import type { ServerContext, Workspace, WorkspaceReport } from './features/context';
import { toDiagnostic, reuseDiagnostics, type SentDiagnostics } from './features/diagnostics';
import { LineIndex } from './engine';
import { sentConfigFiles } from './serverBrowserConfig';
import { CONFIG_FILES_NOTIFICATION, type ConfigFilesParams } from './protocol';
import { startServer, type ServerPlatform } from './serverMain';

/** No workspace scan in the browser: open reports only; a closed report's diagnostics are cleared. */
function openReportsOnly(ctx: ServerContext): { workspace: Workspace; capabilities: ServerCapabilities } {
  // The open reports only (no file system to scan): published as checked, kept for the indicator panel.
  const reports = new Map<string, WorkspaceReport>();
  /** The last diagnostics sent for each open report (reused while typing). */
  const sent = new Map<string, SentDiagnostics & { locale: string; docsBase: string }>();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => listeners.forEach((l) => l()), 150);
  };
  return {
    workspace: {
      reports: () => reports,
      onDidChangeReports(listener) {
        listeners.add(listener);
        return { dispose: () => void listeners.delete(listener) };
      },
      openChecked(uri, r) {
        const lines = new LineIndex(r.text);
        const docsBase = ctx.client.docsBase;
        const last = sent.get(uri);
        const prev = last && last.locale === r.locale && last.docsBase === docsBase ? last : undefined;
        const diagnostics = reuseDiagnostics(prev, r.text, lines, r.findings, (f) => toDiagnostic(f, lines, uri, r.locale, docsBase));
        sent.set(uri, { text: r.text, lines, findings: r.findings, diagnostics, locale: r.locale, docsBase });
        if (ctx.pull.active) ctx.pull.set(uri, r.version, diagnostics);
        else void ctx.connection.sendDiagnostics({ uri, version: r.version, diagnostics });
        reports.set(uri, {
          lines,
          get indicators() {
            return r.mentions();
          },
          findings: r.findings,
        });
        changed();
      },
      openNotChecked(uri) {
        sent.delete(uri);
        if (reports.delete(uri)) changed();
      },
      closed(uri) {
        sent.delete(uri);
        if (reports.delete(uri)) changed();
        void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      },
      rescan: () => undefined,
    },
    capabilities: {},
  };
}

export function browserPlatform(workerUrl: string | undefined): ServerPlatform {
  const files = sentConfigFiles();
  return {
    name: 'browser',
    // The rule pages beside the bundle (server/out/server.browser.js → docs/rules/), as the node server finds them.
    docsBase: () => {
      try {
        return workerUrl ? new URL('../../docs/rules/', workerUrl).href : '';
      } catch {
        return ''; // started from a blob: URL (extension.browser.ts), which has no folders; the client names the base
      }
    },
    configFiles: files,
    initialFolders: (params: InitializeParams) => params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []),
    registerWorkspace(ctx, conf) {
      ctx.connection.onNotification(CONFIG_FILES_NOTIFICATION, (p: ConfigFilesParams) => {
        files.replace(p?.files ?? []);
        conf.configTextChanged(undefined); // forget parsed configs, re-check
      });
      return openReportsOnly(ctx);
    },
    initialize(options) {
      if (Array.isArray(options?.files)) files.replace(options.files);
    },
  };
}

/** A worker has no setImmediate (diagnostics.ts yields with it between slices): a message to itself is the same "after pending events", without setTimeout's 4 ms clamp. */
function installSetImmediate(): void {
  const g = globalThis as { setImmediate?: unknown };
  if (typeof g.setImmediate === 'function') return;
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  // The DOM MessagePort (this project's types are node's): onmessage also starts the port.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  g.setImmediate = (fn: (...args: unknown[]) => void, ...args: unknown[]) => {
    queue.push(() => fn(...args));
    channel.port2.postMessage(0);
  };
}

/** Runs when loaded as the worker's script. */
function main(): void {
  installSetImmediate();
  const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0] & { location?: { href: string } };
  const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
  startServer(connection, browserPlatform(scope.location?.href));
}

// A worker has postMessage; node (a unit test importing this module) has none.
if (typeof (globalThis as { postMessage?: unknown }).postMessage === 'function') main();
