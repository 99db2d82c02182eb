// The indicator panel ("Bảng chỉ số") through the extension's commands: the
// view opens, its rows (read back from the CSV export, which writes the rows
// as the panel holds them) cover the workspace's reports, opened or not, with
// the conflicting figures marked; opening a row jumps to its figure; the
// scope switches to the current file. What the webview draws (table, chart,
// a real click) is checked in the browser by ui.js.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'csv-parse/sync';
import { REPORT, closeAllEditors, open } from './helpers';

const COLS = { name: 0, written: 7, conflict: 10, file: 11, line: 12 };

describe('indicator panel', () => {
  let dir: string;
  let n = 0;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnhr-csv-'));
  });
  after(async () => {
    await vscode.commands.executeCommand('vnHealthReport.indicators.switchScope', 'workspace');
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Export the panel's rows to a new CSV file and parse it (header dropped). */
  async function exported(): Promise<string[][]> {
    const file = path.join(dir, `rows-${++n}.csv`);
    const written = await vscode.commands.executeCommand<string>('vnHealthReport.indicators.exportCsv', vscode.Uri.file(file));
    assert.equal(written, vscode.Uri.file(file).toString());
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM first');
    const rows = parse(bytes, { bom: true }) as string[][];
    assert.equal(rows[0][COLS.name], 'Chỉ số', 'Vietnamese header (vnHealthReport.locale = vi)');
    return rows.slice(1);
  }
  /** Export until `pred` holds: the workspace scan and the panel's refresh run in the background (a readiness wait with a hang guard). */
  async function exportedWhen(pred: (rows: string[][]) => boolean, what: string): Promise<string[][]> {
    let last: string[][] = [];
    for (let i = 0; i < 150; i++) {
      last = await exported();
      if (pred(last)) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`waiting for ${what}: last rows ${JSON.stringify(last.map((r) => [r[COLS.file], r[COLS.line], r[COLS.written]]))}`);
  }

  it('opens, and lists the figures of the workspace (a report never opened too), the conflicting ones marked', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('vnHealthReport.indicators.focus');
    const rows = await exportedWhen((rs) => rs.some((r) => r[COLS.file] === REPORT) && rs.some((r) => r[COLS.file] === 'chua-mo/bao-cao-nam-2023.md'), 'rows of examples/ and of chua-mo/bao-cao-nam-2023.md');
    const report = rows.filter((r) => r[COLS.file] === REPORT);
    const text = fs.readFileSync(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, REPORT).fsPath, 'utf8').split('\n');
    // Every row points at a line holding the figure as written.
    for (const r of report) assert.ok(text[Number(r[COLS.line]) - 1].includes(r[COLS.written].replace(/ ?%$/, '')), `line ${r[COLS.line]} has no ${r[COLS.written]}`);
    // The prose says 12,5 doctors per 10,000 for 2024 and the table 12,8: both are marked.
    const doctors = report.filter((r) => /bác sĩ/i.test(r[COLS.name]) && ['12,5', '12,8'].some((v) => r[COLS.written].startsWith(v)));
    assert.ok(doctors.some((r) => r[COLS.written].startsWith('12,8') && r[COLS.conflict] === 'có'), JSON.stringify(doctors));
    assert.ok(report.some((r) => r[COLS.conflict] === ''), 'some figures are not in conflict');
  });

  it('opening a row (a click or Enter in the panel) shows its figure selected in the editor', async () => {
    const rows = await exported();
    const index = rows.findIndex((r) => r[COLS.file] === REPORT && r[COLS.written].startsWith('12,8'));
    assert.ok(index >= 0);
    assert.equal(await vscode.commands.executeCommand('vnHealthReport.indicators.openRow', index), true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith(REPORT), `active editor: ${editor?.document.uri.toString()}`);
    assert.equal(editor.selection.start.line + 1, Number(rows[index][COLS.line]));
    assert.equal(editor.document.getText(editor.selection), '12,8');
  });

  it('the scope switches to the current file, and back', async () => {
    await open('ke-hoach.md');
    await open(REPORT);
    assert.equal(await vscode.commands.executeCommand('vnHealthReport.indicators.switchScope', 'file'), 'file');
    const only = await exportedWhen((rs) => rs.length > 0 && rs.every((r) => r[COLS.file] === REPORT), `rows of ${REPORT} only`);
    assert.ok(only.length >= 5, String(only.length));
    assert.equal(await vscode.commands.executeCommand('vnHealthReport.indicators.switchScope', 'workspace'), 'workspace');
    await exportedWhen((rs) => rs.some((r) => r[COLS.file] !== REPORT), 'rows of other files again');
  });
});
