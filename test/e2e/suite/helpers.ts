// Helpers for the e2e suite. Everything goes through the public `vscode` API,
// as a user's editor would; waits are on events, never fixed sleeps. Each
// wait has a hang guard that fails with what it was waiting for and what it
// last saw, so a red run says which assertion failed and why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'vn-health-report.vn-health-report';
/** Diagnostics link rule pages through the extension's own URI (opened offline by its URI handler). */
export const docsBase = () => `${vscode.env.uriScheme}://vn-health-report.vn-health-report/rule/`;
/**
 * How long an awaited event may take before the wait fails (a hang guard, not
 * a speed test). After one wait has hung, the editor is likely broken (no
 * server, say): later waits give up sooner so a red run still ends quickly.
 */
let hung = false;
const guardMs = () => (hung ? 5_000 : 30_000);

export const REPORT = 'examples/bao-cao-tong-ket-2024.md';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** Rule ids the extension ships, read from its config schema (generated from the rule registry). */
export function registeredRules(): Set<string> {
  const schema = JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'schemas', 'vnhrrc.schema.json'), 'utf8'));
  return new Set(Object.keys(schema?.properties?.rules?.properties ?? {}));
}

export function wsUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export function vnhr(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vnhr');
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} "${d.message}"`).join('; ');
}

/**
 * Resolve with the vnhr diagnostics of `uri` once `pred` holds for them: now,
 * or after a later onDidChangeDiagnostics for that uri. With `fresh`, only a
 * change event that arrives after the call counts (for "the server has
 * answered" when the answer may equal the current state).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  opts: { fresh?: boolean } = {},
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    if (!opts.fresh) {
      const now = vnhr(uri);
      if (pred(now)) return resolve(now);
    }
    const timer = setTimeout(() => {
      hung = true;
      sub.dispose();
      reject(new Error(`waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}: not seen; last diagnostics: ${describeDiagnostics(vnhr(uri))}; extension active: ${vscode.extensions.getExtension(EXTENSION_ID)?.isActive}`));
    }, guardMs());
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const ds = vnhr(uri);
      if (pred(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    });
  });
}

/** Resolve when `event` fires with a value that satisfies `pred`. */
export function waitForEvent<T>(event: vscode.Event<T>, pred: (e: T) => boolean, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      hung = true;
      sub.dispose();
      reject(new Error(`waiting for ${what}: not seen`));
    }, guardMs());
    const sub = event((e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The range of the `nth` occurrence of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export function showRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Close every editor and throw away unsaved changes (the files on disk are the fixtures). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The text after applying a WorkspaceEdit's edits for `uri` (not applied to the editor). */
export function applyEditToText(doc: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const text = doc.getText();
  const edits = edit
    .get(doc.uri)
    .map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Change a user setting and wait until the editor has settled after it.
 *
 * Writing a setting makes VS Code open settings.json as a `jsonc` model, which
 * activates every extension with `onLanguage:jsonc` (JSON language features
 * and others). Their code action providers register seconds later on a loaded
 * machine, and VS Code 1.100 cancels every code-action request that is in
 * flight with a kind filter when any code action provider (for any language)
 * registers: the save participant of `editor.codeActionsOnSave` then gets no
 * actions and saves unfixed, although our server answered (shown in the e2e
 * run of issue 8). Awaiting those activations (an activation that starts a
 * language client ends after the client has started) makes the providers
 * registered before the test goes on.
 */
export async function updateUserSetting(section: string, key: string, value: unknown, languageId?: string): Promise<void> {
  const conf = vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  await conf.update(key, value, vscode.ConfigurationTarget.Global, !!languageId);
  const activatedBySettingsFile = vscode.extensions.all.filter((e) => {
    const events: unknown = e.packageJSON?.activationEvents;
    return Array.isArray(events) && events.includes('onLanguage:jsonc');
  });
  await Promise.all(activatedBySettingsFile.map((e) => Promise.resolve(e.activate()).catch(() => undefined)));
}
