// A minimal LSP client for protocol tests: starts the BUILT server bundle as a
// child process over stdio and speaks real JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './corpus';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
    relatedInformation?: unknown[];
  }[];
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  private waiters: { uri: string; pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  readonly latest = new Map<string, PublishedDiagnostics>();
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishedDiagnostics[] = [];
  /** $/progress notifications received (work done progress). */
  readonly progress: { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
  /** What workspace/configuration answers for the section vnHealthReport (null: the defaults). */
  settings: Record<string, unknown> | null = null;
  stderr = '';

  /** `command`: another server to start (e.g. an installed `vnhr-language-server`), default the built bundle. */
  constructor(env: Record<string, string> = {}, command: string[] = [process.execPath, join(REPO_ROOT, 'server', 'out', 'server.js'), '--stdio']) {
    this.proc = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.latest.set(p.uri, p);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('$/progress', (p: LspClient['progress'][number]) => void this.progress.push(p));
    this.conn.listen();
  }

  /** `more`: workspace folders, window capabilities (workDoneProgress), initializationOptions, more workspace capabilities. */
  async initialize(
    locale = 'vi',
    textDocument: Record<string, unknown> = {},
    more: { workspaceFolders?: { uri: string; name: string }[]; window?: Record<string, unknown>; initializationOptions?: unknown; workspace?: Record<string, unknown> } = {},
  ): Promise<unknown> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: { workspace: { configuration: true, workspaceFolders: !!more.workspaceFolders, ...more.workspace }, textDocument, window: more.window ?? {} },
      workspaceFolders: more.workspaceFolders ?? null,
      initializationOptions: more.initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Wait for diagnostics of `uri` that satisfy `pred` (the first ones if no predicate). Event-driven, with a safety timeout. */
  diagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 20000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri))}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  async stop(): Promise<number | null> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    const code = await new Promise<number | null>((res) => {
      if (this.proc.exitCode !== null) return res(this.proc.exitCode);
      const t = setTimeout(() => (this.proc.kill(), res(null)), 5000);
      this.proc.once('exit', (c) => (clearTimeout(t), res(c)));
    });
    this.conn.dispose();
    return code;
  }
}
