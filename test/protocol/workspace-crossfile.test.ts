// Figures compared across the reports of a workspace over real JSON-RPC
// (issue 18 item 2): none opened, a conflict between a province's table and a
// district's report is published in both files with related information in the
// other file; an edit on disk re-checks and re-publishes the other file; an
// open document counts with its editor text.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type PublishedDiagnostics } from '../helpers/lsp';
import { PROVINCE_2023, DISTRICT_A_2023, DISTRICT_B_2023 } from '../helpers/cross-reports';

type Related = { location: { uri: string; range: { start: { line: number; character: number } } }; message: string };
const cross = (p: PublishedDiagnostics | undefined) => (p?.diagnostics ?? []).filter((d) => d.code === 'indicator-conflict');
const relatedOf = (p: PublishedDiagnostics | undefined) => cross(p).flatMap((d) => (d.relatedInformation ?? []) as Related[]);

describe('LSP server: figures compared across the reports of the workspace', function () {
  this.timeout(120000);
  let root: string;
  let c: LspClient;
  const path = (rel: string) => join(root, rel);
  const uri = (rel: string) => pathToFileURL(path(rel)).toString();
  const put = (rel: string, text: string) => {
    mkdirSync(dirname(path(rel)), { recursive: true });
    writeFileSync(path(rel), text);
  };
  const changed = (rel: string) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type: 2 }] });
  const TINH = 'tinh/tong-ket-2023.md';
  const HUYEN_A = 'huyen-ninh-phuoc/bao-cao-2023.md';
  const HUYEN_B = 'huyen-ninh-son/bao-cao-2023.md';

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vnhr-ws-cross-'));
    put(TINH, PROVINCE_2023);
    put(HUYEN_A, DISTRICT_A_2023);
    put(HUYEN_B, DISTRICT_B_2023);
    c = new LspClient();
    await c.initialize('vi', {}, { workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'bao-cao' }] });
  });
  after(async () => {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes the conflict in both files, none opened, with related information in the other file', async () => {
    const [inDistrict, inProvince] = await Promise.all([c.diagnostics(uri(HUYEN_A), (p) => cross(p).length > 0), c.diagnostics(uri(TINH), (p) => cross(p).length > 0)]);
    const d = cross(inDistrict)[0];
    assert.equal(d.range.start.line, 7);
    assert.match(d.message, /ghi 94,6% ở đây nhưng 95,8 \(tinh\/tong-ket-2023\.md, dòng 13\) ở báo cáo khác/);
    const [rel] = relatedOf(inDistrict);
    assert.equal(rel.location.uri, uri(TINH));
    assert.deepEqual(rel.location.range.start, { line: 12, character: 15 });
    assert.equal(relatedOf(inProvince)[0].location.uri, uri(HUYEN_A));
    assert.deepEqual(relatedOf(inProvince)[0].location.range.start, { line: 7, character: 73 });
    // The other district agrees with its row: nothing is published for it (a clean report sends nothing).
    assert.equal(c.latest.get(uri(HUYEN_B)), undefined);
  });

  it('an edit on disk re-checks that file and re-publishes the other one', async () => {
    const provinceClean = c.diagnostics(uri(TINH), (p) => cross(p).length === 0);
    const districtClean = c.diagnostics(uri(HUYEN_A), (p) => cross(p).length === 0);
    put(HUYEN_A, DISTRICT_A_2023.replace('94,6%', '95,8%'));
    await changed(HUYEN_A);
    await Promise.all([provinceClean, districtClean]);
    // Wrong again, in NFD with CRLF: found again at the same line.
    const back = c.diagnostics(uri(TINH), (p) => cross(p).length === 1);
    put(HUYEN_A, DISTRICT_A_2023.replace('94,6%', '93,0%').normalize('NFD').replace(/\n/g, '\r\n'));
    await changed(HUYEN_A);
    assert.match(cross(await back)[0].message, /ghi 95,8 ở đây nhưng 93,0% \(huyen-ninh-phuoc\/bao-cao-2023\.md, dòng 8\)/);
  });

  it('an edit that moves no compared figure keeps the cross-file findings without comparing again; one that does compares', async () => {
    type Status = { busy: boolean; cross: { updates: number; comparisons: number; republished: number } };
    const status = () => c.conn.sendRequest('vnhr/workspaceStatus') as Promise<Status>;
    const settled = async (before: Status) => {
      for (let k = 0; k < 1000; k++) {
        const st = await status();
        if (st.cross.updates > before.cross.updates && !st.busy) return st;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('not settled');
    };
    const base = DISTRICT_A_2023.replace('94,6%', '93,0%');
    const before = await status();
    put(HUYEN_A, base);
    await changed(HUYEN_A);
    const s0 = await settled(before);
    // A slip appended after the last figure: the district is re-published with its conflict, nothing is compared.
    const republished = c.diagnostics(uri(HUYEN_A), (p) => p.diagnostics.some((d) => d.code === 'whitespace') && cross(p).length === 1);
    put(HUYEN_A, base + '\n\nNăm 2023, trung tâm đã hoàn thành  tốt nhiệm vụ.\n');
    await changed(HUYEN_A);
    assert.match(cross(await republished)[0].message, /ghi 93,0% ở đây nhưng 95,8/);
    const s1 = await settled(s0);
    assert.equal(s1.cross.comparisons, s0.cross.comparisons);
    assert.equal(s1.cross.republished, s0.cross.republished);
    assert.equal(cross(c.latest.get(uri(TINH))).length, 1);
    // The figure itself changes: compared again, the province re-published without its conflict.
    const provinceClean = c.diagnostics(uri(TINH), (p) => cross(p).length === 0);
    put(HUYEN_A, DISTRICT_A_2023.replace('94,6%', '95,8%'));
    await changed(HUYEN_A);
    await provinceClean;
    const s2 = await settled(s1);
    assert.equal(s2.cross.comparisons, s1.cross.comparisons + 1);
    assert.ok(s2.cross.republished >= s1.cross.republished + 1);
    // Back to the conflicting figure for the next test.
    const back = c.diagnostics(uri(TINH), (p) => cross(p).length === 1);
    put(HUYEN_A, base);
    await changed(HUYEN_A);
    await back;
    await settled(s2);
  });

  it('an open document counts with its editor text, and its file on disk again once closed', async () => {
    const provinceClean = c.diagnostics(uri(TINH), (p) => cross(p).length === 0);
    const editor = c.diagnostics(uri(HUYEN_A), (p) => p.version === 1);
    await c.open(uri(HUYEN_A), DISTRICT_A_2023.replace('94,6%', '95,8%'), 1);
    assert.equal(cross(await editor).length, 0);
    await provinceClean;
    const edited = c.diagnostics(uri(HUYEN_A), (p) => p.version === 2 && cross(p).length === 1);
    const provinceAgain = c.diagnostics(uri(TINH), (p) => cross(p).length === 1);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(HUYEN_A), version: 2 }, contentChanges: [{ text: DISTRICT_A_2023.replace('94,6%', '97,5%') }] });
    const [e, pv] = await Promise.all([edited, provinceAgain]);
    assert.match(cross(e)[0].message, /ghi 97,5% ở đây nhưng 95,8/);
    assert.match(cross(pv)[0].message, /nhưng 97,5%/);
    // Closed: the file on disk (93,0%) stands again.
    const disk = c.diagnostics(uri(TINH), (p) => cross(p).some((d) => /nhưng 93,0%/.test(d.message)));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(HUYEN_A) } });
    await disk;
  });
});
