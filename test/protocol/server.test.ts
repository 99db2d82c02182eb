// The built server over stdio, spoken to in real JSON-RPC.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, type PublishedDiagnostics } from '../helpers/lsp';
import { REPO_ROOT } from '../helpers/corpus';

const URI = 'untitled:bao-cao.md';
const TEXT = ['# Báo cáo tổng kết công tác y tế năm 2024', '', 'Năm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.', ''].join('\n');

const ws = (p: PublishedDiagnostics) => p.diagnostics.filter((d) => d.code === 'whitespace');

describe('LSP server (stdio, JSON-RPC)', function () {
  this.timeout(60000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    const init = (await c.initialize('en')) as { capabilities: Record<string, unknown>; serverInfo?: { name: string; version: string } };
    // Each feature module contributes its capability.
    for (const k of ['textDocumentSync', 'codeActionProvider', 'executeCommandProvider', 'hoverProvider', 'documentSymbolProvider']) assert.ok(init.capabilities[k], k);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(init.serverInfo, { name: 'vnhr', version: pkg.version });
  });
  after(async () => {
    const code = await c.stop();
    assert.equal(code, 0, 'server exits cleanly after shutdown/exit');
  });

  it('publishes diagnostics with code, docs link, source and an English message', async () => {
    const wait = c.diagnostics(URI, (p) => p.diagnostics.length > 0);
    await c.open(URI, TEXT);
    const p = await wait;
    const d = ws(p);
    assert.equal(d.length, 1);
    assert.deepEqual(d[0].range, { start: { line: 2, character: 34 }, end: { line: 2, character: 36 } });
    assert.equal(d[0].source, 'vnhr');
    assert.match(d[0].codeDescription!.href, /docs\/rules\/whitespace\.md$/);
    assert.match(d[0].message, /consecutive spaces/);
  });

  it('offers the quick fix and a source.fixAll.vnhr action', async () => {
    const p = c.latest.get(URI)!;
    const diag = ws(p)[0];
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as { title: string; kind: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[];
    const qf = actions.find((a) => a.kind === 'quickfix');
    assert.ok(qf, JSON.stringify(actions));
    assert.deepEqual(qf.edit.changes[URI], [{ range: diag.range, newText: ' ' }]);
    const all = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.vnhr'] },
    })) as { kind: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    assert.equal(all.length, 1);
    assert.equal(all[0].kind, 'source.fixAll.vnhr');
    assert.equal(all[0].edit.changes[URI][0].newText.includes('  '), false);
  });

  it('follows incremental edits counted in UTF-16 (NFD marks, an emoji)', async () => {
    // Insert, before the slip on line 2, an emoji (2 code units) and an NFD word (6 code units: "Việt" decomposed).
    const insert = '😀 ' + 'Việt'.normalize('NFD') + ' ';
    assert.equal(insert.length, 2 + 1 + 6 + 1, 'emoji = 2 code units, NFD Việt = 6');
    const wait = c.diagnostics(URI, (p) => p.version === 2);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: insert }],
    });
    const p = await wait;
    const d = ws(p);
    assert.equal(d.length, 1);
    assert.equal(d[0].range.start.character, 34 + insert.length);
    // The NFD text is also reported by unicode-normalization when that rule exists; whitespace stays exact.
  });

  it('an edit that removes the slip clears its diagnostic', async () => {
    const p0 = c.latest.get(URI)!;
    const r = ws(p0)[0].range;
    const wait = c.diagnostics(URI, (p) => p.version === 3);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: r, text: ' ' }],
    });
    assert.equal(ws(await wait).length, 0);
  });

  it('gives an English README no diagnostics', async () => {
    const uri = 'untitled:README.md';
    const wait = c.diagnostics(uri);
    await c.open(uri, '# Tool\n\nThis  README is  written in English; it mentions "nhiệm nhiệm vụ" once.\n');
    assert.equal((await wait).diagnostics.length, 0);
  });

  it('clears diagnostics when the document closes', async () => {
    const wait = c.diagnostics(URI, (p) => p.diagnostics.length === 0 && p.version === undefined);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.equal((await wait).diagnostics.length, 0);
  });
});
