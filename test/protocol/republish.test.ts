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

  // Line endings changed by an incremental edit: a lone "\r" typed before a "\n" makes a CRLF (one
  // line break, not two), and a CRLF replaced by "\n" goes back; each checked after a later edit
  // too, since that edit's position is read through the server's line table. Then edits inside a
  // surrogate pair and between a base letter and its combining mark (NFD).
  it('a CR typed before an LF, a CRLF made LF again, a surrogate pair and a letter with its mark split and joined', async () => {
    const material = loadMaterial();
    // A paragraph with an astral character and a letter written with a combining acute (NFD) halfway through.
    const base = generateReport(material, 20 * 1024, 12);
    const half = base.indexOf('\n\n', base.length >> 1) + 2;
    let text = base.slice(0, half) + 'Trạm y tế xã 😀 đã khám cho 1.240 lượt người trong tha\u0301ng 3 năm 2024.\n\n' + base.slice(half);
    let version = 100;
    const uri = 'untitled:eol.md';
    let wait = c.diagnostics(uri, (p) => p.version === version);
    await c.open(uri, text, version);
    await wait;
    // The client's positions: lines split at \r\n, \n or a lone \r (LSP).
    const positionAt = (t: string, off: number) => {
      const lines = t.slice(0, off).split(/\r\n|\n|\r/);
      return { line: lines.length - 1, character: lines[lines.length - 1].length };
    };
    const edit = async (start: number, end: number, insert: string, what: string) => {
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      const v = ++version;
      wait = c.diagnostics(uri, (p) => p.version === v);
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert }] });
      const typed = await wait;
      const fresh = c.diagnostics(B, (p) => p.version === v);
      await c.open(B, text, v);
      const f = await fresh;
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: B } });
      assert.ok(f.diagnostics.length > 0, 'the report has findings');
      assert.equal(JSON.stringify(typed.diagnostics).split(B).join(uri), JSON.stringify(f.diagnostics).split(B).join(uri), `after ${what} (version ${v})`);
    };
    // A later edit: a word typed into a paragraph near the end (its position crosses the changed line ending).
    const later = async (what: string) => {
      const at = text.indexOf(' ', Math.floor(text.length * 0.8)) + 1;
      // A doubled word: its finding lands where the server applied the edit.
      await edit(at, at, 'cho cho ', `a doubled word typed after ${what}`);
    };
    const lf = text.indexOf('\n', text.length >> 2);
    await edit(lf, lf, '\r', 'a CR typed before an LF');
    await later('the CR');
    // A second CRLF made the same way, then the first one's CR removed (the client replaces the CRLF by an LF).
    const lf2 = text.indexOf('\n', text.length >> 1);
    await edit(lf2, lf2, '\r', 'a second CR before an LF');
    await edit(lf, lf + 2, '\n', 'a CRLF replaced by LF');
    await later('the CRLF made LF');
    // Splitting the CRLF again: a character typed between CR and LF (two line breaks now: a lone CR and an LF).
    const crlf = text.indexOf('\r\n');
    await edit(crlf, crlf + 2, '\rx\n', 'a letter typed between CR and LF');
    await later('the CR and LF split');
    await edit(crlf, crlf + 3, '\r\n', 'the letter between CR and LF deleted');
    await later('the CR and LF joined');
    // Inside a surrogate pair, and between a base letter and its combining acute.
    const emoji = text.indexOf('😀');
    assert.ok(emoji > 0);
    await edit(emoji + 1, emoji + 1, 'x', 'a letter typed inside a surrogate pair');
    await edit(emoji + 1, emoji + 2, '', 'that letter deleted');
    const mark = text.indexOf('\u0301');
    assert.ok(mark > 0);
    await edit(mark, mark, 'n', 'a letter typed between a base letter and its mark');
    await later('the letter and its mark split');
    await edit(mark, mark + 1, '', 'that letter deleted');
  });
});
