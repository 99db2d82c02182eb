// Pull diagnostics (features/pullDiagnostics.ts): a client that asks for them and supports
// textDocument/diagnostic and the refresh request gets an open document's diagnostics by pulling them, the same ones a push
// client gets for the same text; a result that did not change is `unchanged`; a changed result the
// client did not wait for comes with a workspace/diagnostic/refresh request; nothing is pushed for
// the open document.
import { strict as assert } from 'node:assert';
import { LspClient } from '../helpers/lsp';
import { generateReport, loadMaterial } from '../bench/generate';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: unknown[];
}

const A = 'untitled:pulled.md';

describe('LSP: pull diagnostics (textDocument/diagnostic with result ids)', function () {
  this.timeout(120000);
  let pullC: LspClient;
  let pushC: LspClient;
  let refreshes = 0;
  before(async () => {
    pullC = new LspClient();
    pushC = new LspClient();
    for (const c of [pullC, pushC]) c.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
    pullC.conn.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    const caps = (await pullC.initialize('vi', { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }, { workspace: { diagnostics: { refreshSupport: true } }, initializationOptions: { pullDiagnostics: true } })) as { capabilities: { diagnosticProvider?: unknown } };
    assert.ok(caps.capabilities.diagnosticProvider, 'the server offers pull diagnostics');
    // A client that supports pull but does not ask for it (VS Code's) is pushed to.
    const pushCaps = (await pushC.initialize('vi', { diagnostic: { dynamicRegistration: false } }, { workspace: { diagnostics: { refreshSupport: true } } })) as { capabilities: { diagnosticProvider?: unknown } };
    assert.equal(pushCaps.capabilities.diagnosticProvider, undefined, 'not to a client that did not ask');
  });
  after(async () => {
    await pullC.stop();
    await pushC.stop();
  });

  const pullReport = (previousResultId?: string) => pullC.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: A }, previousResultId }) as Promise<Report>;
  /** What a push client gets for the same text (the reference). */
  let pushVersion = 0;
  async function pushed(text: string): Promise<unknown[]> {
    const uri = 'untitled:pushed.md';
    const v = ++pushVersion;
    const wait = pushC.diagnostics(uri, (p) => p.version === v);
    if (v === 1) await pushC.open(uri, text, v);
    else await pushC.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return JSON.parse(JSON.stringify((await wait).diagnostics).split(uri).join(A)) as unknown[];
  }

  it('the same diagnostics as push; unchanged when nothing changed; a refresh when a result changed unasked', async () => {
    let text = generateReport(loadMaterial(), 30 * 1024, 21);
    let version = 1;
    // Asked right after the open: the request waits for the first check.
    await pullC.open(A, text, version);
    const first = await pullReport();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.ok((first.items ?? []).length > 5, 'the report has findings');
    assert.deepEqual(first.items, await pushed(text));
    // Nothing changed: unchanged, with the same id.
    const again = await pullReport(first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    const change = async (start: number, end: number, insert: string): Promise<void> => {
      const before = text.slice(0, start).split('\n');
      const endLines = text.slice(0, end).split('\n');
      const range = { start: { line: before.length - 1, character: before[before.length - 1].length }, end: { line: endLines.length - 1, character: endLines[endLines.length - 1].length } };
      text = text.slice(0, start) + insert + text.slice(end);
      version++;
      await pullC.conn.sendNotification('textDocument/didChange', { textDocument: { uri: A, version }, contentChanges: [{ range, text: insert }] });
    };

    // A letter typed at the end of the title line, which has no finding after it: the request
    // (sent after the change, so it waits for that version's check) answers unchanged.
    const eol = text.indexOf('\n');
    await change(eol, eol, 'a');
    const typed = await pullReport(first.resultId);
    assert.deepEqual(typed, { kind: 'unchanged', resultId: first.resultId });

    // A doubled word typed in the middle: a new finding, so a full report with a new id, equal to push.
    const mid = text.indexOf(' ', text.length >> 1) + 1;
    await change(mid, mid, 'cho cho ');
    const doubled = await pullReport(first.resultId);
    assert.equal(doubled.kind, 'full');
    assert.notEqual(doubled.resultId, first.resultId);
    assert.deepEqual(doubled.items, await pushed(text));
    assert.ok(JSON.stringify(doubled.items).includes('duplicate-word'));

    // Removed again while no request waits: the server asks the client to pull (refresh).
    const refreshed = refreshes;
    await change(mid, mid + 'cho cho '.length, '');
    for (let i = 0; i < 200 && refreshes === refreshed; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(refreshes, refreshed + 1, 'one refresh request');
    const back = await pullReport(doubled.resultId);
    assert.equal(back.kind, 'full');
    assert.deepEqual(back.items, await pushed(text));

    // Pull mode publishes nothing for the open document.
    assert.equal(pullC.published.filter((p) => p.uri === A && p.diagnostics.length > 0).length, 0);
  });
});
