// A 10 MB report must not hold up the editor features of other documents: its
// document model (hover, outline) is built in slices, and meanwhile hover and
// outline answer from the last complete model. Judged by the ORDER of
// responses, never by wall time.
import { strict as assert } from 'node:assert';
import { LspClient } from '../helpers/lsp';
import { generateReport, loadMaterial } from '../bench/generate';

const SMALL_URI = 'untitled:nho.md';
const SMALL = '# Báo cáo công tác y tế xã năm 2024\n\nNăm 2024, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,5%.\n';
const BIG_URI = 'untitled:rat-lon.md';

type Sym = { name: string; children?: Sym[] };

describe('LSP server: a 10 MB document does not block hover and outline', function () {
  this.timeout(600000);
  let c: LspClient;
  let big: string;
  let firstOutline: Sym[] = [];
  before(async () => {
    big = generateReport(loadMaterial(), 10_000_000, 7);
    c = new LspClient();
    await c.initialize('vi');
    const wait = c.diagnostics(SMALL_URI);
    await c.open(SMALL_URI, SMALL);
    await wait;
  });
  after(async () => {
    await c.stop();
  });
  /** A request whose name is pushed to `order` when its response arrives. */
  const recorder =
    (order: string[]) =>
    <T>(name: string, method: string, params: unknown): Promise<T> =>
      c.conn.sendRequest(method, params).then((r) => {
        order.push(name);
        return r as T;
      });

  it('answers a hover on a small document before the symbols and hover of the 10 MB one', async () => {
    const order: string[] = [];
    const req = recorder(order);
    // The big document's settings first (a round trip to the client), so that
    // its requests below go straight to building its model.
    const asked = new Promise<void>((res) =>
      c.conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) => {
        if (p.items.some((i) => i.scopeUri === BIG_URI)) res();
        return p.items.map(() => c.settings);
      }),
    );
    await c.open(BIG_URI, big);
    await asked;
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 0, character: 0 } });
    const bigSymbols = req<Sym[]>('big symbols', 'textDocument/documentSymbol', { textDocument: { uri: BIG_URI } });
    const bigHover = req<unknown>('big hover', 'textDocument/hover', { textDocument: { uri: BIG_URI }, position: { line: 5, character: 3 } });
    const smallHover = req<{ contents: { value: string } } | null>('small hover', 'textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 2, character: SMALL.split('\n')[2].indexOf('96,5') + 1 } });
    const [syms, , h] = await Promise.all([bigSymbols, bigHover, smallHover]);
    assert.equal(order[0], 'small hover', `order: ${order.join(', ')}`);
    assert.ok(h, 'the small document has its hover');
    assert.match(h.contents.value, /tiêm chủng/i);
    assert.ok(syms.length > 0 && syms[0].children!.length > 0, 'the 10 MB document has its outline');
    firstOutline = syms;
  });

  it('answers hover and outline of the 10 MB document from its last model while the next version is built', async () => {
    const order: string[] = [];
    const req = recorder(order);
    // A new version that shares no block with the first (another report, of
    // 2 MB): its model takes many slices to build.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: BIG_URI, version: 2 },
      contentChanges: [{ text: generateReport(loadMaterial(), 2_000_000, 8) }],
    });
    // The summary command waits for the current version; outline and hover may not.
    const summary = req<{ count: number }>('summary', 'vnhr/indicatorSummary', { uri: BIG_URI });
    const syms = req<Sym[]>('big symbols', 'textDocument/documentSymbol', { textDocument: { uri: BIG_URI } });
    const smallHover = req<unknown>('small hover', 'textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 2, character: 3 } });
    const [s, sy] = await Promise.all([summary, syms, smallHover]);
    assert.ok(order.indexOf('small hover') < order.indexOf('summary'), `order: ${order.join(', ')}`);
    assert.ok(order.indexOf('big symbols') < order.indexOf('summary'), `order: ${order.join(', ')}`);
    assert.deepEqual(sy, firstOutline, 'the outline of the last complete model (version 1)');
    assert.ok(s.count > 200, `summary of the current version: ${s.count}`);
  });

  it('answers a small document from its current version right after an edit', async () => {
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: SMALL_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Dân số trung bình năm 2024 của xã là 12.400 người.\n\n' }],
    });
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 4, character: SMALL.split('\n')[2].indexOf('96,5') + 1 } })) as { contents: { value: string } } | null;
    assert.ok(h, 'the figure, two lines further down now, has its hover');
    assert.match(h.contents.value, /tiêm chủng/i);
  });
});
