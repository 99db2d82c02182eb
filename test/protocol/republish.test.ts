// Typing re-publishes diagnostics reusing those of unchanged findings
// (features/diagnostics.ts): after every kind of edit the published list must
// equal the one a fresh document with the same text gets.
import { strict as assert } from 'node:assert';
import { LspClient, type PublishedDiagnostics } from '../helpers/lsp';
import { generateReport, loadMaterial } from '../bench/generate';

const A = 'untitled:typed.md';
const B = 'untitled:fresh.md';

describe('LSP: re-published diagnostics after edits equal a fresh check', function () {
  this.timeout(120000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    c.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
    await c.initialize('vi');
  });
  after(async () => {
    await c.stop();
  });

  const norm = (p: PublishedDiagnostics) => JSON.stringify(p.diagnostics).split(B).join(A);

  it('insert, same-length replacement that adds a line, a line added and removed, lines joined, edit at the start', async () => {
    let text = generateReport(loadMaterial(), 30 * 1024, 11);
    let version = 1;
    let wait = c.diagnostics(A, (p) => p.version === 1);
    await c.open(A, text, 1);
    await wait;
    const positionAt = (t: string, off: number) => {
      const before = t.slice(0, off).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    const edit = async (start: number, end: number, insert: string) => {
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      const v = ++version;
      wait = c.diagnostics(A, (p) => p.version === v);
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: A, version: v }, contentChanges: [{ range, text: insert }] });
      const typed = await wait;
      const fresh = c.diagnostics(B, (p) => p.version === v);
      await c.open(B, text, v);
      const f = await fresh;
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: B } });
      assert.ok(f.diagnostics.length > 0, 'the report has findings');
      assert.equal(norm(typed), norm(f), `after edit ${v}`);
    };
    const mid = text.indexOf(' ', text.length >> 1);
    await edit(mid, mid, 'x');
    await edit(mid, mid + 1, '');
    // A space turned into a line break: no offset moves, every later line does.
    const sp = text.indexOf(' ', text.length >> 2);
    await edit(sp, sp + 1, '\n');
    await edit(sp, sp + 1, ' ');
    // A line break typed and removed again, and one line joined to the next.
    const nl = text.indexOf('\n', text.length >> 1);
    await edit(nl, nl, '\nThêm một dòng.');
    await edit(nl, nl + '\nThêm một dòng.'.length, '');
    await edit(nl, nl + 1, ' ');
    await edit(0, 0, 'Tiêu đề. ');
  });
});
