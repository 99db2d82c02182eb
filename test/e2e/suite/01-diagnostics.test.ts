// Opening a report activates the extension, and the server's diagnostics reach
// the editor with rule codes, docs links, ranges and source "vnhr".
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { docsBase, REPORT, closeAllEditors, codeOf, describeDiagnostics, extension, open, registeredRules, showRange, vnhr, waitForDiagnostics, wsUri } from './helpers';
import { SEEDS, seedDiagnostic } from './seeds';

describe('diagnostics', () => {
  after(closeAllEditors);

  it('opening a Markdown report activates the extension (the one under test: VSIX or source tree)', async () => {
    const ext = extension();
    const mode = process.env.VNHR_E2E_MODE;
    if (mode === 'vsix') {
      const dir = process.env.VNHR_E2E_EXTENSIONS_DIR!;
      assert.ok(ext.extensionPath.startsWith(dir + path.sep), `the extension runs from ${ext.extensionPath}, not from the VSIX installed in ${dir}`);
    } else if (mode === 'dev' && process.env.VNHR_E2E_DEV_PATH) {
      assert.equal(ext.extensionPath, process.env.VNHR_E2E_DEV_PATH);
    }
    assert.equal(ext.isActive, false, 'active before any Markdown file was opened');
    const editor = await open(REPORT);
    assert.equal(editor.document.languageId, 'markdown');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, 'the first vnhr diagnostics');
    assert.equal(ext.isActive, true);
  });

  for (const seed of SEEDS) {
    it(`reports ${seed.rule} on "${seed.slip}" with code, docs link, range and source`, async function () {
      if (!registeredRules().has(seed.rule)) {
        // The rule has not landed yet; the test turns itself on when it does.
        console.log(`skipped: rule ${seed.rule} is not in this build`);
        this.skip();
      }
      const editor = await open(REPORT);
      const d = await seedDiagnostic(editor.document, seed);
      assert.equal(d.source, 'vnhr');
      assert.ok(typeof d.code === 'object' && d.code !== null, `code should be {value, target}, got ${JSON.stringify(d.code)}`);
      assert.equal(d.code.value, seed.rule);
      assert.equal(d.code.target.toString(true), `${docsBase()}${seed.rule}.md`);
      assert.ok(!d.range.isEmpty, 'empty range');
      if ('exact' in seed) assert.equal(editor.document.getText(d.range), seed.exact, `range ${showRange(d.range)}`);
      assert.ok(d.message.length > 0);
      // The page the link names ships with the extension.
      assert.ok(fs.existsSync(path.join(extension().extensionPath, 'docs', 'rules', `${seed.rule}.md`)), `docs/rules/${seed.rule}.md is not in the extension`);
    });
  }

  it('opens a rule page offline (the link handler), and only shipped pages', async () => {
    assert.equal(await vscode.commands.executeCommand('vnHealthReport.openRulePage', 'whitespace'), true);
    assert.equal(await vscode.commands.executeCommand('vnHealthReport.openRulePage', '../../package'), false);
    await closeAllEditors();
  });

  it('messages follow vnHealthReport.locale (vi here), and every diagnostic names a shipped rule', async () => {
    const editor = await open(REPORT);
    const ds = await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'a whitespace diagnostic');
    const ws = ds.find((d) => codeOf(d) === 'whitespace')!;
    assert.match(ws.message, /khoảng trắng/, `not Vietnamese: ${ws.message}`);
    const rules = registeredRules();
    const unknown = ds.filter((d) => !rules.has(codeOf(d)));
    assert.deepEqual(unknown, [], `diagnostics with unknown codes: ${describeDiagnostics(unknown)}`);
  });

  it('a Markdown file without Vietnamese (README.md) in the same workspace gets no diagnostics', async () => {
    const readme = await vscode.workspace.openTextDocument(wsUri('README.md'));
    await vscode.window.showTextDocument(readme);
    // Slips that would be flagged in a Vietnamese report.
    assert.ok(readme.getText().includes('two  spaces'));
    // The server answers documents in the order they are opened: once a
    // Vietnamese file opened after the README has its diagnostics, the
    // README's (empty) answer has come too. This also proves the server is up.
    const next = await open('ke-hoach.md');
    await waitForDiagnostics(next.document.uri, (ds) => ds.some((d) => codeOf(d) === 'whitespace'), 'the whitespace diagnostic of ke-hoach.md');
    assert.equal(describeDiagnostics(vnhr(readme.uri)), '(none)');
  });
});
