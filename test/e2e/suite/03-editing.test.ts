// Diagnostics follow the text as it is typed, come from the file on disk once it
// is closed (or go, with scope "openFiles"), and
// follow .vnhrrc.json without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, open, rangeOf, showRange, waitForDiagnostics, waitForEvent, wsUri } from './helpers';

describe('editing', () => {
  afterEach(closeAllEditors);

  it('typing (TextEditor.edit) updates the diagnostics: a slip typed is reported, and goes when deleted', async () => {
    const editor = await open('typing.md');
    const doc = editor.document;
    const at = rangeOf(doc, 'đã triển').start.translate(0, 'đã'.length);
    const typed = new vscode.Range(at, at.translate(0, 2));
    const reported = waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace' && d.range.isEqual(typed)), `a whitespace diagnostic at ${showRange(typed)}`);
    // One more space after "đã": two in a row.
    assert.equal(await editor.edit((b) => b.insert(at, ' ')), true);
    await reported;
    const gone = waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'whitespace'), 'the whitespace diagnostic to go', { fresh: true });
    assert.equal(await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, 1)))), true);
    await gone;
  });

  it('closing the document keeps the diagnostics of the file on disk (scope "workspace"); with scope "openFiles" they go', async () => {
    const uri = wsUri('close-me.md');
    // Opened as a user does (not via openTextDocument, whose reference would keep the document alive).
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'a whitespace diagnostic');
    const closed = waitForEvent(vscode.workspace.onDidCloseTextDocument, (d) => d.uri.toString() === uri.toString(), 'close-me.md to close');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    // The server re-checks the file on disk (the same slip) rather than clearing it.
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'the whitespace diagnostic of the closed file', { fresh: true });
    const settings = vscode.workspace.getConfiguration('vnHealthReport');
    await settings.update('scope', 'openFiles', vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics for the closed file with scope "openFiles"');
    } finally {
      await settings.update('scope', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'the closed file checked again with scope "workspace"');
  });

  describe('.vnhrrc.json', () => {
    const report = () => wsUri('config/bao-cao.md');
    const configUri = () => wsUri('config/.vnhrrc.json');
    const write = (text: string) => vscode.workspace.fs.writeFile(configUri(), new TextEncoder().encode(text));
    const hasWhitespace = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'whitespace');
    afterEach(async () => {
      await closeAllEditors();
      await vscode.workspace.fs.delete(configUri()).then(undefined, () => undefined);
    });

    it('a .vnhrrc.json that turns a rule off takes effect without a reload, and deleting it brings the rule back', async () => {
      await open('config/bao-cao.md');
      await waitForDiagnostics(report(), hasWhitespace, 'a whitespace diagnostic');
      const off = waitForDiagnostics(report(), (ds) => !hasWhitespace(ds), 'whitespace to be turned off');
      await write('// written by the e2e suite\n{ "rules": { "whitespace": "off" } }\n');
      await off;
      const back = waitForDiagnostics(report(), hasWhitespace, 'whitespace to come back');
      await vscode.workspace.fs.delete(configUri());
      await back;
    });

    it('a broken .vnhrrc.json shows its error on the config file, and the report is still checked with the defaults', async () => {
      await open('config/bao-cao.md');
      await waitForDiagnostics(report(), hasWhitespace, 'a whitespace diagnostic');
      const problem = waitForDiagnostics(configUri(), (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error on config/.vnhrrc.json');
      const rechecked = waitForDiagnostics(report(), () => true, 'the report to be checked again', { fresh: true });
      await write('{ "rules": { "whitespace": ');
      const ds = await problem;
      const err = ds.find((d) => d.severity === vscode.DiagnosticSeverity.Error)!;
      assert.match(err.message, /JSON/, describeDiagnostics(ds));
      assert.equal(err.source, 'vnhr');
      assert.ok(hasWhitespace(await rechecked), 'the report lost its diagnostics with a broken config');
    });

    it('editing .vnhrrc.json in the editor re-checks open reports before it is saved', async () => {
      await write('{ "rules": {} }\n');
      await open('config/bao-cao.md');
      await waitForDiagnostics(report(), hasWhitespace, 'a whitespace diagnostic');
      const cfg = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(configUri()), vscode.ViewColumn.Beside);
      const off = waitForDiagnostics(report(), (ds) => !hasWhitespace(ds), 'whitespace to be turned off by the unsaved config');
      await cfg.edit((b) => b.replace(rangeOf(cfg.document, '{}'), '{ "whitespace": "off" }'));
      assert.equal(cfg.document.isDirty, true);
      await off;
    });
  });
});
