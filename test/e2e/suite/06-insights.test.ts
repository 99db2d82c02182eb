// Hover and outline on indicators and task counts, and the indicator summary,
// as VS Code's own providers API returns them (merged with the built-in
// Markdown extension's, as the editor shows them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REPORT, closeAllEditors, codeOf, open, rangeOf, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

describe('hover, outline and indicator summary', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = (await open(REPORT)).document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'the report to be checked');
  });
  after(closeAllEditors);

  it('hovering a figure names the indicator, its year and the other mentions of it', async () => {
    const at = rangeOf(doc, '12,5 bác sĩ/vạn dân').start.translate(0, 1);
    const text = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? []);
    assert.match(text, /bác sĩ/i, text);
    assert.match(text, /2024/, text);
    assert.match(text, /12,8/, `the conflicting table figure is not listed: ${text}`);
  });

  it('hovering a task count says what it was matched with', async () => {
    const at = rangeOf(doc, '5 nhiệm vụ trọng tâm:').start;
    const text = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? []);
    assert.match(text, /4 mục/, text);
  });

  it('the outline lists the indicators and the task groups', async () => {
    const syms = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    const names = syms.map((s) => s.name);
    const ind = syms.find((s) => s.name === 'Chỉ số');
    const tasks = syms.find((s) => s.name === 'Nhiệm vụ, chỉ tiêu');
    assert.ok(ind, `no "Chỉ số" in the outline: ${names.join(' | ')}`);
    assert.ok(tasks, `no "Nhiệm vụ, chỉ tiêu" in the outline: ${names.join(' | ')}`);
    assert.match(ind.children.map((c) => c.name).join(' | '), /bác sĩ/i);
    assert.match(tasks.children.map((c) => c.name).join(' | '), /nhiệm vụ trọng tâm/);
  });

  it('vnHealthReport.showIndicatorSummary opens the summary table beside the report', async () => {
    await vscode.window.showTextDocument(doc);
    const summary = await vscode.commands.executeCommand<string>('vnHealthReport.showIndicatorSummary');
    assert.match(summary, /\| Dòng \/ Line \|/);
    assert.match(summary, /12,8/);
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown?.isUntitled && shown.languageId === 'markdown', 'the summary is not the active editor');
    assert.equal(shown.getText(), summary);
  });
});
