// Hover, outline and the indicator summary over LSP, on the sample report.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp';
import { REPO_ROOT } from '../helpers/corpus';

const TEXT = readFileSync(join(REPO_ROOT, 'examples', 'bao-cao-tong-ket-2024.md'), 'utf8');
const URI = 'untitled:bao-cao-mau.md';
const posOf = (needle: string, extra = 0) => {
  const o = TEXT.indexOf(needle) + extra;
  const before = TEXT.slice(0, o).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

describe('LSP server: hover, outline, indicator summary', function () {
  this.timeout(60000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize('vi');
    const wait = c.diagnostics(URI, (p) => p.diagnostics.length > 0);
    await c.open(URI, TEXT);
    await wait;
  });
  after(async () => {
    await c.stop();
  });

  it('hover on a figure names the indicator, its period, place, kind and the other mentions', async () => {
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: posOf('12,5 bác sĩ/vạn dân', 1) })) as { contents: { value: string } } | null;
    assert.ok(h, 'a hover on 12,5');
    const v = h.contents.value;
    assert.match(v, /bác sĩ/i);
    assert.match(v, /2024/);
    assert.match(v, /12,8/, 'lists the conflicting table figure');
  });

  it('hover on a count says what it was matched with', async () => {
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: posOf('5 nhiệm vụ trọng tâm:') })) as { contents: { value: string } } | null;
    assert.ok(h);
    assert.match(h.contents.value, /4 mục/);
  });

  it('gives no hover on plain prose', async () => {
    const h = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: posOf('Củng cố mạng lưới') });
    assert.equal(h, null);
  });

  it('lists indicators and task groups in the outline', async () => {
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as { name: string; children?: { name: string }[] }[];
    const names = syms.map((s) => s.name);
    assert.deepEqual(names, ['Chỉ số', 'Nhiệm vụ, chỉ tiêu']);
    const ind = syms[0].children!.map((x) => x.name).join(' | ');
    assert.match(ind, /bác sĩ/i);
    assert.match(ind, /giường/i);
    const tasks = syms[1].children!.map((x) => x.name).join(' | ');
    assert.match(tasks, /nhiệm vụ trọng tâm/);
  });

  it('renders the indicator summary as a Markdown table', async () => {
    const r = (await c.conn.sendRequest('vnhr/indicatorSummary', { uri: URI })) as { markdown: string; count: number };
    assert.ok(r.count >= 6, `count ${r.count}`);
    assert.match(r.markdown, /\| Dòng \/ Line \|/);
    assert.match(r.markdown, /12,8/);
  });
});
