// "Bảng chỉ số" / "Indicators": a webview view in the Explorer listing every
// indicator figure of the workspace (or of the current report), from the
// server's `vnhr/indicatorRows`; refreshed on `vnhr/indicatorRowsChanged`.
// The webview (client/webview/indicatorPanel.ts, bundled to
// client/out/webview/) runs under a strict Content-Security-Policy: its own
// nonce'd script and stylesheet from the extension, nothing remote.
import * as vscode from 'vscode';
import { toCsv, type FromWebview, type IndicatorRow, type PanelLocale, type PanelRow, type Scope, type ToWebview } from './panelModel';
import { INDICATOR_ROWS_CHANGED, INDICATOR_ROWS_REQUEST, uiLocale, type IndicatorRowsParams, type IndicatorRowsResult } from '../../server/src/protocol';

export const INDICATOR_VIEW = 'vnHealthReport.indicators';
const CSV_NAME: Record<PanelLocale, string> = { vi: 'bang-chi-so.csv', en: 'indicators.csv' };

/** What the panel needs of the language client (node or browser). */
export interface PanelClient {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  onNotification(method: string, handler: () => void): vscode.Disposable;
}

function panelLocale(): PanelLocale {
  return uiLocale(vscode.workspace.getConfiguration('vnHealthReport').get<string>('locale', 'auto'), vscode.env.language);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export function registerIndicatorPanel(context: vscode.ExtensionContext, client: PanelClient): void {
  const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'out', 'webview');
  let view: vscode.WebviewView | undefined;
  let scope: Scope = context.workspaceState.get<Scope>('vnHealthReport.indicators.scope', 'workspace');
  let rows: PanelRow[] = [];
  /** Indexes of the rows the webview shows (filtered, sorted); undefined = all. */
  let shown: number[] | undefined;
  let lastFile: vscode.Uri | undefined;
  let seq = 0;
  /** The `seq` of the rows held: messages about older rows are dropped. */
  let version = 0;

  const currentFile = (): vscode.Uri | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === 'markdown') lastFile = doc.uri;
    return lastFile;
  };

  async function load(): Promise<PanelRow[]> {
    const file = scope === 'file' ? currentFile() : undefined;
    if (scope === 'file' && !file) return [];
    const r = await client.sendRequest<IndicatorRowsResult>(INDICATOR_ROWS_REQUEST, (file ? { uri: file.toString() } : {}) satisfies IndicatorRowsParams);
    return r.rows.map((row) => ({ ...row, file: vscode.workspace.asRelativePath(vscode.Uri.parse(row.uri), vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1) }));
  }

  async function refresh(): Promise<void> {
    const n = ++seq;
    let next: PanelRow[];
    try {
      next = await load();
    } catch {
      return; // the server is restarting: its next notification refreshes
    }
    if (n !== seq) return; // a newer refresh is under way
    rows = next;
    version = n;
    shown = undefined;
    const file = scope === 'file' ? currentFile() : undefined;
    const msg: ToWebview = { type: 'rows', version, rows, scope, locale: panelLocale(), fileLabel: file && vscode.workspace.asRelativePath(file) };
    if (view) view.description = msg.fileLabel;
    await view?.webview.postMessage(msg);
  }

  function html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'indicatorPanel.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'indicatorPanel.css'));
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${n}'; font-src ${webview.cspSource}`;
    return `<!DOCTYPE html>
<html lang="${panelLocale()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
</head>
<body>
<main id="vnhr-panel"></main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  async function open(row: IndicatorRow): Promise<void> {
    const uri = vscode.Uri.parse(row.uri);
    const range = new vscode.Range(row.line, row.character, row.line, row.endCharacter);
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Write the rows as shown to a CSV file (a save dialog unless `target` is given); returns the file or undefined if cancelled. */
  async function exportCsv(target?: vscode.Uri | string): Promise<string | undefined> {
    if (!view) await refresh().catch(() => undefined);
    let uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
    if (!uri) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = CSV_NAME[panelLocale()];
      uri = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { CSV: ['csv'] },
        title: vscode.l10n.t('Export indicators to CSV'),
      });
      if (!uri) return undefined;
    }
    const indexes = shown ?? rows.map((_, i) => i);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(toCsv(rows, indexes, panelLocale())));
    if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} indicator figures to {1}', indexes.length, vscode.workspace.asRelativePath(uri)));
    return uri.toString();
  }

  async function switchScope(to?: Scope): Promise<Scope> {
    scope = to ?? (scope === 'workspace' ? 'file' : 'workspace');
    await context.workspaceState.update('vnHealthReport.indicators.scope', scope);
    await vscode.commands.executeCommand('setContext', 'vnHealthReport.indicators.scope', scope);
    await refresh();
    return scope;
  }
  void vscode.commands.executeCommand('setContext', 'vnHealthReport.indicators.scope', scope);

  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(INDICATOR_VIEW, {
      resolveWebviewView(v) {
        view = v;
        v.webview.options = { enableScripts: true, localResourceRoots: [media] };
        v.webview.html = html(v.webview);
        v.onDidChangeVisibility(() => {
          if (v.visible) void refresh();
        });
        v.onDidDispose(() => {
          if (view === v) view = undefined;
        });
        v.webview.onDidReceiveMessage((m: FromWebview) => {
          if (m.type === 'ready') void refresh();
          else if (m.type === 'open' && m.version === version && rows[m.index]) void open(rows[m.index]);
          else if (m.type === 'shown' && m.version === version) shown = m.indexes.length === rows.length && m.indexes.every((x, i) => x === i) ? undefined : m.indexes;
          else if (m.type === 'export') void exportCsv();
          else if (m.type === 'scope') void switchScope();
        });
      },
    }),
    // A hidden view reloads when shown again (its 'ready' refreshes it): no work for it meanwhile.
    client.onNotification(INDICATOR_ROWS_CHANGED, () => {
      if (view?.visible) void refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (view?.visible && scope === 'file' && e?.document.languageId === 'markdown' && e.document.uri.toString() !== lastFile?.toString()) void refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (view && e.affectsConfiguration('vnHealthReport.locale')) {
        view.webview.html = html(view.webview);
      }
    }),
    vscode.commands.registerCommand('vnHealthReport.indicators.refresh', () => refresh()),
    vscode.commands.registerCommand('vnHealthReport.indicators.switchScope', (to?: Scope) => switchScope(to === 'file' || to === 'workspace' ? to : undefined)),
    vscode.commands.registerCommand('vnHealthReport.indicators.exportCsv', (target?: vscode.Uri | string) => exportCsv(target)),
    // What a click or Enter on a row does, by the row's index (not in the palette; the e2e suite calls it).
    vscode.commands.registerCommand('vnHealthReport.indicators.openRow', (index: number) => (rows[index] ? open(rows[index]).then(() => true) : false)),
  );
}
