// The server and .vnhrrc.json (turning a rule off without a reload, a broken
// config shown as a diagnostic on the file), and a 3 MB document (answers
// other requests while checking; a newer version cancels the older check).
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';

const SLIP = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';

describe('LSP server: config and load', function () {
  this.timeout(300000);
  let c: LspClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-lsp-'));
    c = new LspClient();
    await c.initialize('vi');
  });
  after(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a .vnhrrc.json edited in the editor without a reload, and shows a broken one as a diagnostic', async () => {
    const report = pathToFileURL(join(dir, 'bao-cao.md')).toString();
    const cfgPath = join(dir, '.vnhrrc.json');
    writeFileSync(cfgPath, '{}');
    const cfg = pathToFileURL(cfgPath).toString();
    const first = c.diagnostics(report, (p) => p.diagnostics.some((d) => d.code === 'whitespace'));
    await c.open(report, SLIP);
    await first;
    const off = c.diagnostics(report, (p) => !p.diagnostics.some((d) => d.code === 'whitespace'));
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: cfg, languageId: 'json', version: 1, text: '{ "rules": { "whitespace": "off" } }' } });
    await off;
    const broken = c.diagnostics(cfg, (p) => p.diagnostics.length > 0);
    const back = c.diagnostics(report, (p) => p.diagnostics.some((d) => d.code === 'whitespace'));
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: cfg, version: 2 }, contentChanges: [{ text: '{ "rules": { "whitespace": "off" }, oops }' }] });
    const pb = await broken;
    assert.match(pb.diagnostics[0].message, /Invalid JSON/);
    assert.equal(pb.diagnostics[0].range.start.line, 0);
    await back; // defaults again: the rule is back on
  });

  it('stays responsive on a 3 MB document and publishes only the newest version', async () => {
    const uri = 'untitled:lon.md';
    const para = 'Năm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao; tỷ lệ bao phủ đạt 92,5%.\n\n';
    const big = '# Báo cáo công tác y tế năm 2024\n\n' + para.repeat(Math.ceil(3_000_000 / para.length));
    const order: string[] = [];
    const published = c.diagnostics(uri, () => true, 280000).then((p) => {
      order.push('diagnostics');
      return p;
    });
    await c.open(uri, big, 1);
    // Ask something else while the check runs: it must be answered before the check ends.
    const hover = c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }).then(() => order.push('hover'));
    // A newer version arrives: the check of version 1 must be dropped.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '#' }],
    });
    const p = await published;
    await hover;
    assert.equal(order[0], 'hover', 'a request was answered while the 3 MB check ran');
    assert.equal(p.version, 2, 'the first published diagnostics are for the newest version');
    assert.ok(p.diagnostics.length > 1000);
  });
});
