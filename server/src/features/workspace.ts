// Whole-workspace diagnostics (setting vnHealthReport.scope = "workspace"):
// every report in the workspace folders is checked, not only the open ones,
// and its diagnostics are pushed (publishDiagnostics, as for open documents:
// every client takes it, and VS Code shows them in the Problems panel without
// mixing pull and push collections). The files are the CLI's (files.ts:
// **/*.md, config ignore/include). An open document's own checks own its
// diagnostics; when it closes, the file on disk is checked again.
//
// Responsiveness: one serial queue of work (a scan, a changed file), files
// read with node:fs, each check sliced like an open document's (yield every
// ~15 ms) and setImmediate between files; a new scan or shutdown cancels the
// running one. A file whose text, config and locale did not change is not
// re-checked nor re-sent (content hash).
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type FileEvent, type ServerCapabilities, type WorkspaceFolder } from 'vscode-languageserver/node';
import { CancelledError, msg, localize, buildDocModel, indicatorSummary, DocumentCache, type Finding, type IndicatorMentionInfo } from '../engine';
import { reportFilesIn, readText } from '../files';
import type { ServerContext, Workspace, OpenReport } from './context';
import type { Configuration, Settings } from './configuration';
import { checkSliced } from './diagnostics';
import { createCrossReports } from './crossReports';
import { compactMentions } from './compactMentions';
import { WORKSPACE_STATUS_REQUEST, type WorkspaceStatus } from '../protocol';
export type { Workspace };

interface FileState {
  hash: string;
  /** Config, locale and docs base the diagnostics were made with. */
  key: string;
  /** The last diagnostics sent were not empty (so a clean result must be sent). */
  published: boolean;
}

export function registerWorkspace(ctx: ServerContext, conf: Configuration): { workspace: Workspace; capabilities: ServerCapabilities } {
  const { connection, documents, log } = ctx;
  let folders: string[] = [];
  const files = new Map<string, FileState>();
  let generation = 0;
  let shuttingDown = false;
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  let checks = 0;
  let scans = 0;
  let firstScan = true;
  /** Closed documents whose editor diagnostics are on screen: the next result for them is sent even if empty. */
  const stale = new Set<string>();
  /** Every checked report (open and not), its findings and mentions; publishes them with the cross-file findings. */
  const store = createCrossReports(ctx);

  function enqueue(work: () => Promise<void>) {
    pending++;
    queue = queue
      .then(work)
      .catch((e) => log(`workspace: ${(e as Error)?.stack ?? String(e)}`))
      .finally(() => pending--);
  }

  const pathOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };

  /** The workspace folder holding a file (the innermost one), or undefined. By path: clients spell file URIs differently (VS Code escapes a drive's colon). */
  function folderOf(uri: string): string | undefined {
    const path = pathOf(uri);
    if (!path) return undefined;
    let best: string | undefined;
    let bestLength = -1;
    for (const f of folders) {
      const dir = pathOf(f);
      if (!dir) continue;
      const prefix = dir.endsWith(sep) ? dir : dir + sep;
      if (path.startsWith(prefix) && dir.length > bestLength) {
        best = f;
        bestLength = dir.length;
      }
    }
    return best;
  }

  /** One spelling per file (Node's), so a file event or a close finds the scan's entry: VS Code escapes more characters, e.g. "(" and ":". */
  const canonical = (uri: string): string => {
    const path = pathOf(uri);
    return path ? pathToFileURL(path).toString() : uri;
  };

  /** Is the file open in the editor (under whatever spelling of its URI)? */
  function isOpen(uri: string): boolean {
    if (documents.get(uri)) return true;
    const path = pathOf(uri);
    return !!path && documents.keys().some((k) => pathOf(k) === path);
  }

  const inWorkspaceScope = (s: Settings) => s.enable && s.scope !== 'openFiles';

  function clear(uri: string) {
    const st = files.get(uri);
    files.delete(uri);
    const wasStale = stale.delete(uri);
    const sent = store.sent(uri);
    store.delete(uri);
    if (st?.published || sent || wasStale) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A report's name in other reports' messages: its path in its workspace folder. */
  function nameOf(uri: string): string {
    const folder = folderOf(uri);
    const path = pathOf(uri);
    const dir = folder && pathOf(folder);
    if (path && dir) return relative(dir, path).split(sep).join('/');
    return path ?? uri;
  }

  /** The indicator mentions of a checked text, read from the check's blocks. */
  function mentionsOf(text: string, config: Parameters<typeof indicatorSummary>[1], cache: DocumentCache): IndicatorMentionInfo[] {
    try {
      return indicatorSummary(buildDocModel(text, config, cache), config);
    } catch (e) {
      log(`indicator mentions failed: ${(e as Error).stack ?? String(e)}`);
      return [];
    }
  }

  /** Check one unopened file from disk and publish if its diagnostics changed. */
  async function checkFile(uri: string, settings: Settings, gen: number): Promise<void> {
    if (isOpen(uri)) return; // open: its own checks publish
    const path = pathOf(uri);
    if (!path) return;
    const read = readText(path);
    if ('error' in read) {
      clear(uri);
      return;
    }
    const text = read.text;
    const config = conf.configFor(uri, settings);
    const locale = conf.localeOf(settings);
    const key = `${locale}\u0000${ctx.client.docsBase}\u0000${config.key}\u0000${JSON.stringify(config.crossFile)}`;
    const hash = createHash('sha1').update(text).digest('base64');
    const prev = files.get(uri);
    if (prev && prev.hash === hash && prev.key === key && !stale.has(uri)) return;
    let findings: Finding[] = [];
    let mentions: IndicatorMentionInfo[] | undefined;
    if (conf.isChecked(settings, text, uri)) {
      const cancelled = () => gen !== generation || shuttingDown || !!documents.get(uri);
      const cache = new DocumentCache();
      try {
        findings = await checkSliced(text, config, { cache, isCancelled: cancelled });
      } catch (e) {
        if (e instanceof CancelledError) return;
        log(`workspace: check failed for ${uri}: ${(e as Error).stack ?? String(e)}`);
        return;
      }
      // An unopened report's mentions are kept after its model is dropped: a compact copy whose
      // strings hold no block alive, labels shared across reports (compactMentions.ts). An open
      // document keeps its model anyway: no copy on every keystroke.
      mentions = compactMentions(mentionsOf(text, config, cache));
      // An unopened report's findings are only published and listed (code actions come from an open
      // document's own check): their fixes and data are not kept (~17 KB per 50 KB report).
      findings = findings.map(({ rule, severity, message, start, end, related }) => (related ? { rule, severity, message, start, end, related } : { rule, severity, message, start, end }));
      checks++;
    }
    if (isOpen(uri)) return; // opened meanwhile
    files.set(uri, { hash, key, published: false });
    const wasStale = stale.delete(uri);
    if (mentions) {
      // Published with its cross-file findings (and the reports it affects re-published once compared).
      store.set(uri, { text, hash, findings, mentions, config, locale, name: nameOf(uri) }, !!prev?.published || wasStale);
      return;
    }
    const sent = store.sent(uri);
    store.delete(uri);
    if (prev?.published || sent || wasStale) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** An open document's result: it stands for its file in the comparison (the disk entry of another spelling of its URI leaves). */
  function openChecked(uri: string, r: OpenReport) {
    const c = canonical(uri);
    if (c !== uri) store.delete(c);
    // Its mentions are read only when the comparison or the panel asks (not on every keystroke).
    store.set(uri, { text: r.text, version: r.version, findings: r.findings, get mentions() { return r.mentions(); }, busy: r.busy, config: r.config, locale: r.locale, name: nameOf(c) }, true);
  }

  function openNotChecked(uri: string) {
    store.delete(uri);
    const c = canonical(uri);
    if (c !== uri) store.delete(c);
  }

  async function scan(gen: number): Promise<void> {
    if (gen !== generation || shuttingDown) return;
    scans++;
    const progress = firstScan && folders.length ? await connection.window.createWorkDoneProgress() : undefined;
    firstScan = false;
    const seen = new Set<string>();
    // One comparison across reports when the scan ends, not one per file.
    const release = store.hold();
    try {
      const work: { uri: string; settings: Settings }[] = [];
      for (const folder of folders) {
        const settings = await conf.settingsFor(folder);
        if (!inWorkspaceScope(settings)) continue;
        const dir = pathOf(folder);
        if (!dir) continue;
        for (const f of await reportFilesIn(dir, { docx: false })) {
          const uri = pathToFileURL(f).toString();
          // Nested workspace folders: the innermost one's settings.
          if (seen.has(uri) || folderOf(uri) !== folder) continue;
          seen.add(uri);
          work.push({ uri, settings });
        }
        if (gen !== generation || shuttingDown) return;
      }
      progress?.begin(localize(msg('vnhr: kiểm tra các báo cáo', 'vnhr: checking reports'), ctx.client.locale), 0, `0/${work.length}`, false);
      let done = 0;
      for (const w of work) {
        if (gen !== generation || shuttingDown) return;
        await checkFile(w.uri, w.settings, gen);
        done++;
        if (progress && (done % 10 === 0 || done === work.length)) progress.report(Math.floor((done * 100) / Math.max(1, work.length)), `${done}/${work.length}`);
        // Between files: let requests and notifications in.
        await new Promise((res) => setImmediate(res));
      }
      for (const uri of [...files.keys()]) if (!seen.has(uri)) clear(uri);
      log(`workspace: ${work.length} report(s) in ${folders.length} folder(s), ${checks} check(s) so far`);
    } finally {
      release();
      progress?.done();
    }
  }

  function rescan() {
    const gen = ++generation; // cancels the running scan at its next step
    enqueue(() => scan(gen));
  }

  function changed(events: FileEvent[]) {
    for (const event of events) {
      if (!/\.md$/i.test(event.uri) || !event.uri.startsWith('file:')) continue;
      const e = { uri: canonical(event.uri), type: event.type };
      const folder = folderOf(e.uri);
      if (!folder || isOpen(e.uri)) continue;
      // What the scan skips (files.ts: node_modules, hidden folders and files) is skipped here too.
      if (relative(pathOf(folder) ?? '', pathOf(e.uri) ?? '').split(sep).some((part) => part === 'node_modules' || part.startsWith('.'))) continue;
      enqueue(async () => {
        if (e.type === FileChangeType.Deleted) return clear(e.uri);
        const settings = await conf.settingsFor(folder);
        if (!inWorkspaceScope(settings)) return clear(e.uri);
        await checkFile(e.uri, settings, generation);
      });
    }
  }
  ctx.watchers.push(changed);

  function closed(editorUri: string) {
    const uri = canonical(editorUri);
    const folder = folderOf(uri);
    // Another spelling of the URI leaves now; the same one stays in the comparison until the file on disk replaces it.
    if (editorUri !== uri || !folder) store.delete(editorUri);
    if (!folder) {
      void connection.sendDiagnostics({ uri: editorUri, diagnostics: [] });
      return;
    }
    // The editor's diagnostics are on screen: whatever checks the file next (this, or a scan if this is cancelled) replaces them.
    stale.add(uri);
    enqueue(async () => {
      const settings = await conf.settingsFor(folder);
      if (!inWorkspaceScope(settings)) return clear(uri);
      await checkFile(uri, settings, generation);
    });
  }

  connection.onInitialized(() => {
    folders = ctx.client.workspaceFolders;
    if (ctx.client.workspaceFoldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        rescan();
      });
    }
    if (ctx.client.registerWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }, { globPattern: '**/.vnhrrc{,.json}' }],
      });
    }
    rescan();
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    generation++;
    store.dispose();
  });

  connection.onRequest(WORKSPACE_STATUS_REQUEST, (): WorkspaceStatus => ({ folders, files: files.size, checks, scans, busy: pending > 0, cross: store.stats() }));

  return { workspace: { closed, rescan, reports: store.reports, onDidChangeReports: store.onDidChange, openChecked, openNotChecked }, capabilities: { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } };
}

/** Folder URIs from initialize: workspaceFolders, else rootUri / rootPath. */
export function initialFolders(params: { workspaceFolders?: WorkspaceFolder[] | null; rootUri?: string | null; rootPath?: string | null }): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  if (params.rootPath) return [pathToFileURL(params.rootPath.endsWith(sep) ? params.rootPath : params.rootPath + sep).toString().replace(/\/$/, '')];
  return [];
}
