// Templates in a real editor: "New report from template…" fills a bundled and a
// team template, and every contributed snippet inserts text the server finds
// nothing wrong with. "Nothing found" is proved by adding one known slip (a
// double space) and waiting for exactly that one diagnostic: the server has
// then checked the whole document.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, extension, waitForDiagnostics, wsUri } from './helpers';

const SLIP = 'Ngành y tế  tiếp tục.';

async function assertOnlyTheSlip(editor: vscode.TextEditor): Promise<void> {
  const doc = editor.document;
  await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), `\n\n${SLIP}\n`));
  const slipLine = doc.lineCount - 2;
  const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'whitespace' && x.range.start.line === slipLine), 'the diagnostic of the added slip');
  const others = ds.filter((d) => d.range.start.line !== slipLine);
  assert.deepEqual(others, [], `the template itself has findings: ${describeDiagnostics(others)}`);
}

function today(): string {
  const d = new Date();
  const day = d.getDate() < 10 ? `0${d.getDate()}` : String(d.getDate());
  const month = d.getMonth() + 1 <= 2 ? `0${d.getMonth() + 1}` : String(d.getMonth() + 1);
  return `ngày ${day} tháng ${month} năm ${d.getFullYear()}`;
}

describe('templates', () => {
  const cfg = () => vscode.workspace.getConfiguration('vnHealthReport');
  before(async () => {
    // With the year set the command does not ask for it.
    await cfg().update('report.year', 2024, vscode.ConfigurationTarget.Global);
    await cfg().update('report.unitName', 'Sở Y tế tỉnh Lạng Sơn', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await cfg().update('report.year', undefined, vscode.ConfigurationTarget.Global);
    await cfg().update('report.unitName', undefined, vscode.ConfigurationTarget.Global);
  });
  afterEach(closeAllEditors);

  it('New report from template: a bundled template, with year, unit and today filled in, is clean', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('vnHealthReport.newFromTemplate', 'bao-cao-tong-ket-nam.md');
    assert.ok(doc, 'no document returned');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.isUntitled, true);
    const text = doc.getText();
    assert.ok(text.includes('**Tổng kết công tác y tế năm 2024 và phương hướng, nhiệm vụ năm 2025**'), text.slice(0, 400));
    assert.ok(text.includes('**SỞ Y TẾ TỈNH LẠNG SƠN**'));
    assert.ok(text.includes(today()));
    assert.ok(!text.includes('${') && !text.includes('vnhr-template'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === doc);
    await assertOnlyTheSlip(editor);
  });

  it('New report from template: a team template from the workspace, fields as tab stops', async () => {
    const uri = wsUri('.vnhr/templates/bao-cao-quy.md');
    await vscode.workspace.fs.writeFile(
      uri,
      Buffer.from('<!-- vnhr-template\nname: Báo cáo quý\n-->\n# Báo cáo công tác y tế quý ${quarter|I,II,III,IV|} năm ${year}\n\n${unitName} báo cáo kết quả ${area:khám bệnh, chữa bệnh}.\n'),
    );
    try {
      await cfg().update('report.unitName', undefined, vscode.ConfigurationTarget.Global);
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('vnHealthReport.newFromTemplate', uri);
      assert.equal(doc.getText(), '# Báo cáo công tác y tế quý I năm 2024\n\nunitName báo cáo kết quả khám bệnh, chữa bệnh.\n');
      // The first field (the quarter) is selected: typing replaces it.
      await vscode.commands.executeCommand('type', { text: 'IV' });
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await vscode.commands.executeCommand('type', { text: 'Trung tâm Y tế huyện' });
      assert.equal(doc.getText(), '# Báo cáo công tác y tế quý IV năm 2024\n\nTrung tâm Y tế huyện báo cáo kết quả khám bệnh, chữa bệnh.\n');
    } finally {
      await cfg().update('report.unitName', 'Sở Y tế tỉnh Lạng Sơn', vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..', '..'), { recursive: true });
    }
  });

  const snippetNames: string[] = [];
  for (const s of (extension().packageJSON?.contributes?.snippets ?? []) as { path: string }[]) {
    snippetNames.push(...Object.keys(JSON.parse(fs.readFileSync(path.join(extension().extensionPath, s.path), 'utf8'))));
  }
  it('the manifest contributes snippets', () => assert.ok(snippetNames.length >= 10, snippetNames.join(', ')));
  for (const name of snippetNames) {
    it(`snippet "${name}" inserts clean text`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      const text = doc.getText();
      assert.ok(text.trim().length > 20, `nothing inserted: ${JSON.stringify(text)}`);
      assert.ok(!/\$\{|\$[A-Z0-9]/.test(text), `unexpanded: ${text}`);
      await vscode.commands.executeCommand('leaveSnippet');
      await assertOnlyTheSlip(editor);
    });
  }
});
