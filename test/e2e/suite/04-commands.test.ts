// Every command the manifest contributes is registered, and each runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REPORT, closeAllEditors, codeOf, extension, open, waitForDiagnostics } from './helpers';

/** The commands the extension must have, whatever the manifest says. */
const REQUIRED = ['vnHealthReport.fixAll', 'vnHealthReport.newFromTemplate', 'vnHealthReport.showIndicatorSummary', 'vnHealthReport.restartServer', 'vnHealthReport.showLog'];

function contributed(): string[] {
  const cmds = (extension().packageJSON?.contributes?.commands ?? []) as { command: string }[];
  return cmds.map((c) => c.command);
}

describe('commands', () => {
  // Registered once the extension is active: open a report first, as a writer does.
  before(async () => {
    const editor = await open(REPORT);
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, 'the report to be checked');
  });
  afterEach(closeAllEditors);

  it('every command in package.json contributes.commands is registered, the required ones included', async () => {
    const declared = contributed();
    assert.ok(declared.length, 'package.json contributes no commands');
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !all.has(id)), [], 'contributed but not registered');
    assert.deepEqual(REQUIRED.filter((id) => !declared.includes(id)), [], 'required but not in contributes.commands (invisible in the Command Palette)');
  });

  it('the commands the client registers all exist', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    // newFromTemplate comes with the templates; checked once they are contributed (above).
    const ids = REQUIRED.filter((id) => id !== 'vnHealthReport.newFromTemplate' || contributed().includes(id));
    assert.deepEqual(ids.filter((id) => !all.has(id)), [], 'commands not registered');
  });

  it('vnHealthReport.fixAll fixes the active report', async () => {
    const editor = await open(REPORT);
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'a whitespace diagnostic');
    const gone = waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'whitespace'), 'the whitespace diagnostic to go');
    const applied = await vscode.commands.executeCommand<number>('vnHealthReport.fixAll');
    assert.ok(typeof applied === 'number' && applied >= 1, `fixAll returned ${applied}`);
    assert.ok(!doc.getText().includes('thành  tốt'));
    assert.ok(doc.getText().includes('thành tốt'));
    await gone;
  });

  it('vnHealthReport.restartServer restarts the server, which checks the open report again', async () => {
    const editor = await open(REPORT);
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'a whitespace diagnostic');
    // The restarted server gets the open documents again and publishes anew.
    const again = waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'diagnostics from the restarted server', { fresh: true });
    await vscode.commands.executeCommand('vnHealthReport.restartServer');
    await again;
    // And it still answers requests.
    const typed = waitForDiagnostics(editor.document.uri, (ds) => ds.filter((d) => codeOf(d) === 'whitespace').length === 2, 'a second whitespace diagnostic');
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Ngành y tế  tiếp tục.\n'));
    await typed;
  });

  it('vnHealthReport.showLog runs', async () => {
    await vscode.commands.executeCommand('vnHealthReport.showLog');
  });
});
