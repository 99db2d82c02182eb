// Whole-workspace diagnostics over real JSON-RPC: reports in the workspace
// folders that were never opened get diagnostics; a file changed on disk is
// re-checked alone; .vnhrrc.json's ignore/include select the same files as
// the CLI; scope "openFiles" checks only open files.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type PublishedDiagnostics } from '../helpers/lsp';
import { main } from '../../server/src/cli';

interface Status {
  folders: string[];
  files: number;
  checks: number;
  scans: number;
  busy: boolean;
}

// Each report has one slip (two spaces) on a known line, or none.
const report = (title: string, slip: boolean) =>
  [
    `# Báo cáo công tác y tế ${title} năm 2024`,
    '',
    '## 1. Kết quả thực hiện',
    '',
    `Trong năm, trung tâm y tế đã triển khai${slip ? '  ' : ' '}đầy đủ các hoạt động phòng, chống dịch bệnh theo kế hoạch.`,
    '',
  ].join('\n');
const ENGLISH = '# Notes\n\nThis folder holds  the drafts of the team.\n';

const has = (p: PublishedDiagnostics | undefined, code: string) => !!p?.diagnostics.some((d) => d.code === code);

describe('LSP server: whole-workspace diagnostics', function () {
  this.timeout(120000);
  let root: string;
  let a: string;
  let b: string;
  const uri = (path: string) => pathToFileURL(path).toString();
  const file = (dir: string, rel: string, text: string) => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return uri(p);
  };

  const status = (c: LspClient) => c.conn.sendRequest('vnhr/workspaceStatus') as Promise<Status>;
  /** Wait until the server has no workspace work queued (polls the status request; not a timing assertion). */
  async function idle(c: LspClient, scans = 1): Promise<Status> {
    for (;;) {
      const s = await status(c);
      if (!s.busy && s.scans >= scans) return s;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const changed = (c: LspClient, events: { uri: string; type: 1 | 2 | 3 }[]) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: events });

  let c: LspClient;
  let r1: string, r2: string, r3: string, clean: string, readme: string, vendored: string, draft: string, english: string, rb: string, crlf: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vnhr-ws-'));
    a = join(root, 'huyen');
    b = join(root, 'tinh');
    r1 = file(a, 'bao-cao-1.md', report('huyện A', true));
    r2 = file(a, 'bao-cao-2.md', report('huyện B', true));
    r3 = file(a, 'quy/bao-cao-3.md', report('quý I', true));
    clean = file(a, 'sach.md', report('huyện C', false));
    readme = file(a, 'README.md', ENGLISH);
    vendored = file(a, 'node_modules/pkg/bao-cao.md', report('thư viện', true));
    draft = file(a, 'nhap/ghi-chu.md', report('bản nháp', true));
    english = file(a, 'english/summary.md', ENGLISH);
    rb = file(b, 'tong-hop.md', report('toàn tỉnh', true));
    // NFD letters and CRLF: the slip is still on line 4, at the same column as in NFC after the title's length.
    crlf = file(b, 'crlf.md', report('tỉnh', true).normalize('NFD').replace(/\n/g, '\r\n'));
    c = new LspClient();
    await c.initialize('en', {}, { workspaceFolders: [{ uri: uri(a), name: 'huyen' }, { uri: uri(b), name: 'tinh' }], window: { workDoneProgress: true } });
  });
  after(async () => {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('checks every report of both folders without opening any, with a progress notification', async () => {
    const s = await idle(c);
    assert.deepEqual(s.folders, [uri(a), uri(b)]);
    for (const u of [r1, r2, r3, draft, rb, crlf]) assert.ok(has(c.latest.get(u), 'whitespace'), `${u} has its slip`);
    // A clean report has nothing to send; an English README and node_modules are not reports.
    for (const u of [clean, readme, vendored, english]) assert.equal(c.latest.get(u), undefined, `${u} got no diagnostics`);
    // Vietnamese files are checked (the 6 with slips + the clean one); the English ones are not.
    assert.equal(s.checks, 7);
    const d = c.latest.get(crlf)!.diagnostics.find((x) => x.code === 'whitespace')!;
    assert.equal(d.range.start.line, 4);
    const kinds = c.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('re-checks only the file changed on disk, and not at all when its text did not change', async () => {
    const before = (await idle(c)).checks;
    const fixed = c.diagnostics(r2, (p) => !has(p, 'whitespace'));
    writeFileSync(join(a, 'bao-cao-2.md'), report('huyện B', false));
    await changed(c, [{ uri: r2, type: 2 }]);
    await fixed;
    assert.equal((await idle(c)).checks, before + 1, 'one file re-checked');
    // Touched but unchanged: the content hash skips it, nothing is re-sent.
    const sent = c.published.length;
    await changed(c, [{ uri: r1, type: 2 }]);
    assert.equal((await idle(c)).checks, before + 1);
    assert.equal(c.published.length, sent);
    // Deleted: its diagnostics go; created: checked.
    const gone = c.diagnostics(r3, (p) => p.diagnostics.length === 0);
    unlinkSync(join(a, 'quy/bao-cao-3.md'));
    await changed(c, [{ uri: r3, type: 3 }]);
    await gone;
    const created = file(a, 'quy/bao-cao-4.md', report('quý II', true));
    const fresh = c.diagnostics(created, (p) => has(p, 'whitespace'));
    await changed(c, [{ uri: created, type: 1 }]);
    await fresh;
    assert.equal((await idle(c)).checks, before + 2);
    // VS Code spells file URIs with more escapes than Node ("(" as %28): the same file either way.
    const odd = file(a, 'quy/bao cao (2).md', report('quý III', true));
    const vscodeSpelling = odd.replace(/\(/g, '%28').replace(/\)/g, '%29');
    assert.notEqual(vscodeSpelling, odd);
    const oddShown = c.diagnostics(odd, (p) => has(p, 'whitespace'));
    await changed(c, [{ uri: vscodeSpelling, type: 1 }]);
    await oddShown;
    const oddGone = c.diagnostics(odd, (p) => p.diagnostics.length === 0);
    unlinkSync(join(a, 'quy/bao cao (2).md'));
    await changed(c, [{ uri: vscodeSpelling, type: 3 }]);
    await oddGone;
  });

  it('closing an opened file brings back the diagnostics of the file on disk', async () => {
    const editorClean = c.diagnostics(r1, (p) => p.version === 1 && !has(p, 'whitespace'));
    await c.open(r1, report('huyện A', false), 1);
    await editorClean;
    const back = c.diagnostics(r1, (p) => has(p, 'whitespace'));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: r1 } });
    await back;
    // Deleted on disk while open: closing it leaves nothing behind.
    const temp = file(a, 'tam.md', report('tạm', false));
    const shown = c.diagnostics(temp, (p) => has(p, 'whitespace'));
    await c.open(temp, report('tạm', true), 1);
    await shown;
    unlinkSync(join(a, 'tam.md'));
    const gone = c.diagnostics(temp, (p) => p.diagnostics.length === 0);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: temp } });
    await gone;
  });

  it('applies .vnhrrc.json ignore and include like the CLI, to unopened and open files', async () => {
    const scans = (await idle(c)).scans;
    const cfg = join(a, '.vnhrrc.json');
    writeFileSync(cfg, JSON.stringify({ ignore: ['nhap/**'], include: ['english/**'] }));
    const cleared = c.diagnostics(draft, (p) => p.diagnostics.length === 0);
    const included = c.diagnostics(english, (p) => has(p, 'whitespace'));
    await changed(c, [{ uri: uri(cfg), type: 1 }]);
    await cleared;
    await included;
    await idle(c, scans + 1);
    // The CLI selects the same files in that folder.
    let out = '';
    const code = await main(['check', a, '--format', 'json'], { out: (s) => (out += s), err: () => undefined, cwd: root });
    assert.equal(code, 1);
    const cliFiles = (JSON.parse(out) as { files: { path: string; diagnostics: unknown[] }[] }).files
      .filter((f) => f.diagnostics.length)
      .map((f) => uri(join(root, f.path)))
      .sort();
    const serverFiles = [...c.latest.values()]
      .filter((p) => p.uri.startsWith(uri(a) + '/') && p.diagnostics.length)
      .map((p) => p.uri)
      .sort();
    assert.deepEqual(serverFiles, cliFiles, `server ${serverFiles.map((u) => relative(a, new URL(u).pathname)).join(', ')}`);
    // Opened in the editor, an ignored file still gets nothing.
    const opened = c.diagnostics(draft, (p) => p.version === 1);
    await c.open(draft, report('bản nháp', true), 1);
    assert.equal((await opened).diagnostics.length, 0);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: draft } });
  });

  it('scope "openFiles": switching to it clears unopened files; a new server checks none of them', async () => {
    const cleared = c.diagnostics(rb, (p) => p.diagnostics.length === 0);
    c.settings = { scope: 'openFiles' };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await cleared;
    await idle(c);

    const o = new LspClient();
    o.settings = { scope: 'openFiles' };
    try {
      await o.initialize('en', {}, { workspaceFolders: [{ uri: uri(b), name: 'tinh' }] });
      const s = await idle(o);
      assert.equal(s.checks, 0);
      assert.equal(o.published.length, 0);
      // An open file is checked as ever; closing it clears it.
      const shown = o.diagnostics(rb, (p) => has(p, 'whitespace'));
      await o.open(rb, report('toàn tỉnh', true), 1);
      await shown;
      const gone = o.diagnostics(rb, (p) => p.diagnostics.length === 0);
      await o.conn.sendNotification('textDocument/didClose', { textDocument: { uri: rb } });
      await gone;
    } finally {
      await o.stop();
    }
  });
});
