// Fix-all over LSP (source.fixAll.vnhr, the per-rule "fix all" quick fix):
// the server builds it from the findings it already has for the version, so
// it must give exactly what engine fixAll gives, also when the document was
// just typed and not yet checked (a save right after typing), and findings a
// code action computed must not outlive a config change.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixtureFiles } from '../helpers/fixtures';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';
import { fixAll, check, isVietnameseText, getDefaultConfig } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';


type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
interface Action {
  title: string;
  kind?: string;
  data?: unknown;
  edit?: { changes: Record<string, { range: Range; newText: string }[]> };
}

function offsetAt(text: string, p: Pos): number {
  let off = 0;
  for (let l = 0; l < p.line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return off + p.character;
}

/** The text after the action's edits for `uri`. */
function applied(text: string, uri: string, a: Action): string {
  const edits = (a.edit?.changes[uri] ?? []).map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText })).sort((x, y) => y.s - x.s);
  let out = text;
  for (const e of edits) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}


const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

describe('LSP server: fix-all', function () {
  this.timeout(300000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize('en');
  });
  after(async () => {
    await c.stop();
  });

  const codeActions = (uri: string, range: Range, only?: string[]) =>
    c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<Action[]>;

  it('source.fixAll.vnhr and each "fix all <rule>" quick fix give what engine fixAll gives, on every fixture (NFC and NFD)', async () => {
    const config = getDefaultConfig();
    let n = 0;
    let perRule = 0;
    for (const file of fixtureFiles()) {
      for (const form of ['NFC', 'NFD'] as const) {
        const text = readFileSync(file, 'utf8').normalize(form);
        if (!isVietnameseText(text)) continue;
        const uri = `untitled:${form}-${relative(join(REPO_ROOT, 'test', 'fixtures'), file).replace(/[\\/]/g, '-')}`;
        await c.open(uri, text);
        // Asked at once, before the debounced check of the opened version has published.
        const all = await codeActions(uri, WHOLE, ['source.fixAll.vnhr']);
        const want = fixAll(text, config).text;
        const got = all.find((a) => a.kind === 'source.fixAll.vnhr');
        if (want === text) assert.equal(got, undefined, `${uri}: a fix-all action although nothing is fixable`);
        else assert.equal(got && applied(text, uri, got), want, `${uri}: source.fixAll.vnhr differs from engine fixAll`);
        n++;
        // The per-rule fix-all is offered on a finding of a rule with two or more safe fixes.
        const safe = check(text, config).filter((f) => f.fixes?.some((x) => x.safe));
        for (const rule of new Set(safe.map((f) => f.rule))) {
          const mine = safe.filter((f) => f.rule === rule);
          if (mine.length < 2) continue;
          const at = mine[0].start;
          const before = text.slice(0, at).split('\n');
          const pos = { line: before.length - 1, character: before[before.length - 1].length };
          const actions = await codeActions(uri, { start: pos, end: pos });
          const one = actions.find((a) => a.title === `Fix all ${rule} problems in this file`);
          const wantRule = fixAll(text, config, { only: [rule] }).text;
          assert.ok(one, `${uri}: no "Fix all ${rule} problems" at ${pos.line}:${pos.character}: ${actions.map((a) => a.title).join(' | ')}`);
          assert.equal(applied(text, uri, one), wantRule, `${uri}: fix all ${rule} differs from engine fixAll({ only: [${rule}] })`);
          perRule++;
        }
        await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
    }
    assert.ok(n >= 20, `only ${n} fixtures compared`);
    assert.ok(perRule > 0, 'no per-rule fix-all compared');
  });

  it('a save right after typing: the fix-all answer covers the typed slip, and the check then due publishes that version', async () => {
    const uri = 'untitled:typed-then-saved.md';
    const text = '# Báo cáo công tác y tế tháng 6\n\nNgành y tế đã hoàn thành  tốt các nhiệm vụ được giao trong tháng.\n';
    const first = c.diagnostics(uri, (p) => p.version === 1);
    await c.open(uri, text);
    assert.equal((await first).diagnostics.filter((d) => d.code === 'whitespace').length, 1);
    const added = '\nCác xã đã  triển khai kế hoạch tiêm chủng.\n';
    const typed = text + added;
    const second = c.diagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: added }],
    });
    // What editor.codeActionsOnSave asks, before the debounced check of version 2 runs.
    const all = await codeActions(uri, WHOLE, ['source.fixAll.vnhr']);
    assert.equal(all.length, 1);
    assert.equal(applied(typed, uri, all[0]), typed.replace('thành  tốt', 'thành tốt').replace('đã  triển', 'đã triển'));
    // The findings kept for version 2 are the ones published for it: both slips.
    const p = await second;
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'whitespace').map((d) => d.range.start.line),
      [2, 4],
    );
  });

  it('findings a code action computed are not published after the config changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnhr-fixall-'));
    try {
      const cfgPath = join(dir, '.vnhrrc.json');
      writeFileSync(cfgPath, '{}');
      const uri = pathToFileURL(join(dir, 'bao-cao.md')).toString();
      const text = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';
      const first = c.diagnostics(uri, (p) => p.version === 1);
      await c.open(uri, text);
      assert.ok((await first).diagnostics.some((d) => d.code === 'whitespace'));
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\nThêm một dòng.\n' }] });
      // A code action checks version 2 (with whitespace on) before its debounced check...
      assert.ok((await codeActions(uri, WHOLE, ['source.fixAll.vnhr'])).length === 1);
      // ...then the config turns whitespace off: version 2 must be published without it.
      const off = c.diagnostics(uri, (p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'whitespace'));
      writeFileSync(cfgPath, '{ "rules": { "whitespace": "off" } }');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfgPath).toString(), type: 2 }] });
      await off;
      assert.deepEqual(await codeActions(uri, WHOLE, ['source.fixAll.vnhr']), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with a client that resolves edits later (VS Code)', () => {
    let r: LspClient;
    before(async () => {
      r = new LspClient();
      await r.initialize('en', { codeAction: { resolveSupport: { properties: ['edit'] } } });
    });
    after(async () => {
      await r.stop();
    });

    it('"fix all <rule>" is offered without its edit, and resolving it gives what engine fixAll gives; a stale offer resolves to nothing', async () => {
      const config = getDefaultConfig();
      let resolved = 0;
      for (const file of fixtureFiles()) {
        const text = readFileSync(file, 'utf8');
        if (!isVietnameseText(text)) continue;
        const uri = `untitled:resolve-${relative(join(REPO_ROOT, 'test', 'fixtures'), file).replace(/[\\/]/g, '-')}`;
        await r.open(uri, text);
        const safe = check(text, config).filter((f) => f.fixes?.some((x) => x.safe));
        for (const rule of new Set(safe.map((f) => f.rule))) {
          const mine = safe.filter((f) => f.rule === rule);
          if (mine.length < 2) continue;
          const before = text.slice(0, mine[0].start).split('\n');
          const pos = { line: before.length - 1, character: before[before.length - 1].length };
          const actions = (await r.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } })) as Action[];
          const offer = actions.find((a) => a.title === `Fix all ${rule} problems in this file`);
          assert.ok(offer, `${uri}: no "Fix all ${rule} problems" offered`);
          assert.equal(offer.edit, undefined, 'the edit is left for codeAction/resolve');
          const done = (await r.conn.sendRequest('codeAction/resolve', offer)) as Action;
          assert.equal(applied(text, uri, done), fixAll(text, config, { only: [rule] }).text, `${uri}: resolved fix all ${rule} differs from engine fixAll`);
          resolved++;
          if (resolved === 1) {
            // The writer typed before choosing: the offer was for the old version.
            await r.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
            const stale = (await r.conn.sendRequest('codeAction/resolve', offer)) as Action;
            assert.equal(stale.edit, undefined, 'a stale offer gets no edit');
            break;
          }
        }
        await r.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      assert.ok(resolved >= 3, `only ${resolved} per-rule offers resolved`);
    });
  });
});
