// "Import Word report…" and "Export to Word…". The conversion code (server/src/word,
// with the docx and zip libraries) is a separate bundle loaded on first use, so
// activation does not pay for it. Files go through vscode.workspace.fs.
import * as vscode from 'vscode';

/** What client/out/word.js (built from server/src/word/index.ts) exports. */
interface WordModule {
  importDocx(bytes: Uint8Array, imageDir: string): { markdown: string; images: Map<string, Uint8Array> };
  markdownToDocx(markdown: string, meta?: object, opts?: { readImage?: (src: string) => Uint8Array | undefined }): Promise<Uint8Array>;
}
let word: WordModule | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): WordModule => (word ??= require('./word.js') as WordModule);

const sibling = (uri: vscode.Uri, ext: string) => uri.with({ path: uri.path.replace(/\.[^./]+$/, '') + ext });
const dirOf = (uri: vscode.Uri) => uri.with({ path: uri.path.replace(/\/[^/]*$/, '') });
const baseName = (uri: vscode.Uri) => uri.path.split('/').pop()!.replace(/\.[^.]+$/, '');

export function registerWordCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('vnHealthReport.importWord', importWord),
    vscode.commands.registerCommand('vnHealthReport.exportWord', exportWord),
  );
}

/** Arguments (source, target) skip the dialogs: for tests and keybindings. Returns the written Markdown's Uri. */
async function importWord(source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  source ??= (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word documents')]: ['docx'] }, title: vscode.l10n.t('Import Word report') }))?.[0];
  if (!source) return undefined;
  target ??= await vscode.window.showSaveDialog({ defaultUri: sibling(source, '.md'), filters: { Markdown: ['md'] } });
  if (!target) return undefined;
  try {
    const imageDir = `${baseName(target)}-images`;
    const conv = load().importDocx(await vscode.workspace.fs.readFile(source), imageDir);
    for (const [rel, data] of conv.images) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dirOf(target), rel), data);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(conv.markdown));
    await vscode.window.showTextDocument(target);
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}', source.path.split('/').pop() ?? '', (e as Error).message));
    return undefined;
  }
}

async function exportWord(source?: vscode.Uri, target?: vscode.Uri, force = false): Promise<vscode.Uri | undefined> {
  const doc = source ? await vscode.workspace.openTextDocument(source) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report to export it.'));
    return undefined;
  }
  const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'vnhr' && d.severity === vscode.DiagnosticSeverity.Error);
  if (errors.length && !force) {
    const go = vscode.l10n.t('Export anyway');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The report has {0} error(s). Export it to Word anyway?', errors.length), { modal: true }, go);
    if (answer !== go) return undefined;
  }
  target ??= await vscode.window.showSaveDialog({ defaultUri: sibling(doc.uri, '.docx'), filters: { [vscode.l10n.t('Word documents')]: ['docx'] } });
  if (!target) return undefined;
  try {
    const text = doc.getText();
    // Images linked with relative paths are read first: the exporter asks for them synchronously.
    const images = new Map<string, Uint8Array>();
    for (const m of text.matchAll(/!\[[^\]\n]*\]\(([^)\s]+)/g)) {
      const src = decodeURI(m[1]);
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || images.has(src)) continue;
      try {
        images.set(src, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dirOf(doc.uri), src)));
      } catch {
        /* a missing image keeps its alt text */
      }
    }
    const bytes = await load().markdownToDocx(text, {}, { readImage: (src) => images.get(src) });
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Exported to {0}', target.path.split('/').pop() ?? ''), 5000);
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export: {0}', (e as Error).message));
    return undefined;
  }
}
