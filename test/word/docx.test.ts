// Word in, Word out: .docx read through the same engine, findings located by
// paragraph / table cell; import to Markdown; export in the NĐ 30 layout and
// back. Fixtures are generated here with the `docx` package.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { REPO_ROOT } from '../helpers/corpus';
import { makeDocx, PNG_1x1 } from '../helpers/docx';
import { readDocx, docxToMarkdown, importDocx, markdownToDocx, locate, DocxError, vietnameseDateLine } from '../../server/src/word';

const BIN = join(REPO_ROOT, 'bin', 'vnhr.js');
const vnhr = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const REPORT = {
  heading: 'Báo cáo tổng kết công tác y tế năm 2024',
  paragraphs: [
    'Năm 2024, Trung tâm Y tế huyện đã triển khai đồng bộ các nhiệm vụ được giao.',
    [{ text: 'Kết quả nổi bật: ', bold: true }, { text: 'tỷ lệ tiêm chủng đầy đủ đạt 97,2%.', italic: true }],
    'Công tác khám chữa bệnh được duy trì, ngành y tế đã hoàn thành  tốt các chỉ tiêu.',
  ],
  bullets: ['Củng cố mạng lưới y tế cơ sở;', 'Nâng cao chất lượng khám bệnh, chữa bệnh.'],
  numbered: ['Kiện toàn tổ chức bộ máy.', 'Phát triển nguồn nhân lực.'],
  table: [
    ['Chỉ tiêu', 'Đơn vị', 'Kế hoạch 2024', 'Thực hiện 2024'],
    ['Số lượt khám bệnh', 'lượt', '150.000', '162.340'],
    ['Tỷ lệ  tiêm chủng đầy đủ', '%', '95,0', '97,2'],
  ],
  subheading: 'Phương hướng năm 2025',
  footnote: { after: 'Số liệu ước tính đến ngày 15/12/2024.', text: 'Theo báo cáo thống kê của các trạm y tế xã.' },
};

describe('Word files (.docx)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-word-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads headings, emphasis, lists, tables and footnotes into Markdown', async () => {
    const conv = docxToMarkdown(readDocx(await makeDocx(REPORT)));
    const md = conv.markdown;
    assert.match(md, /^# Báo cáo tổng kết công tác y tế năm 2024\n/);
    assert.match(md, /\n\*\*Kết quả nổi bật:\*\* \*tỷ lệ tiêm chủng đầy đủ đạt 97,2%\.\*\n/);
    assert.match(md, /\n- Củng cố mạng lưới y tế cơ sở;\n- Nâng cao chất lượng khám bệnh, chữa bệnh\.\n/);
    assert.match(md, /\n\n1\. Kiện toàn tổ chức bộ máy\.\n2\. Phát triển nguồn nhân lực\.\n/);
    assert.match(md, /\n\| Chỉ tiêu \| Đơn vị \| Kế hoạch 2024 \| Thực hiện 2024 \|\n\| --- \| --- \| --- \| --- \|\n\| Số lượt khám bệnh \| lượt \| 150\.000 \| 162\.340 \|\n/);
    assert.match(md, /\n## Phương hướng năm 2025\n/);
    assert.match(md, /Số liệu ước tính đến ngày 15\/12\/2024\.\[\^1\]/);
    assert.match(md, /\n\[\^1\]: Theo báo cáo thống kê của các trạm y tế xã\.\n/);
  });

  it('locates findings by paragraph, heading and table cell (CLI JSON)', async () => {
    writeFileSync(join(dir, 'bc.docx'), await makeDocx(REPORT));
    const r = vnhr(['check', '--format', 'json', 'bc.docx'], dir);
    assert.equal(r.code, 1, r.err);
    const f = JSON.parse(r.out).files[0];
    assert.equal(f.path, 'bc.docx');
    assert.equal(f.kind, 'docx');
    const ws = f.diagnostics.find((d: { rule: string }) => d.rule === 'whitespace');
    assert.ok(ws, JSON.stringify(f.diagnostics.map((d: { rule: string }) => d.rule)));
    // Heading = paragraph 1; the double space is in the fourth paragraph.
    assert.equal(ws.word.paragraph, 4);
    assert.equal(ws.word.heading, 'Báo cáo tổng kết công tác y tế năm 2024');
    assert.match(ws.word.quote, /hoàn thành {2}tốt/);
    const dec = f.diagnostics.find((d: { rule: string; word: { table?: unknown } }) => d.rule === 'whitespace' && d.word.table);
    assert.ok(dec, 'the double space in the table is found');
    assert.deepEqual(dec.word.table, { index: 1, row: 3, column: 1 });
    assert.equal(dec.word.paragraph, undefined);
  });

  it('prints Word locations in the stylish format and valid SARIF with logical locations', async () => {
    writeFileSync(join(dir, 'bc.docx'), await makeDocx(REPORT));
    const s = vnhr(['check', 'bc.docx'], dir);
    assert.match(s.out, /đoạn 4 \(mục "Báo cáo tổng kết công tác y tế năm 2024"\): cảnh báo/);
    assert.match(s.out, /bảng 1, hàng 3, cột 1 \(mục "Báo cáo tổng kết công tác y tế năm 2024"\): cảnh báo/);
    const r = vnhr(['check', '--format', 'sarif', 'bc.docx'], dir);
    const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; locations: { logicalLocations: { name: string }[]; physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    assert.ok(ajv.validate(schema, sarif), JSON.stringify(ajv.errors?.slice(0, 5)));
    const res = sarif.runs[0].results.find((x) => x.ruleId === 'whitespace' && x.locations[0].logicalLocations[0].name.startsWith('bảng'))!;
    assert.equal(res.locations[0].logicalLocations[0].name, 'bảng 1, hàng 3, cột 1 (mục "Báo cáo tổng kết công tác y tế năm 2024")');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'bc.docx');
    assert.equal(res.locations[0].physicalLocation.region, undefined);
  });

  it('keeps NFD text as written when checking (and finds it), and imports it as NFC', async () => {
    const nfd = 'Năm 2024, tỷ lệ trẻ được tiêm chủng đầy đủ đạt 97,2%.'.normalize('NFD');
    const bytes = await makeDocx({ heading: 'Báo cáo công tác y tế năm 2024', paragraphs: [nfd] });
    const checked = docxToMarkdown(readDocx(bytes));
    assert.ok(checked.markdown.includes(nfd));
    const imported = importDocx(bytes, 'img');
    assert.ok(imported.markdown.includes(nfd.normalize('NFC')));
    assert.equal(imported.markdown, imported.markdown.normalize('NFC'));
    writeFileSync(join(dir, 'nfd.docx'), bytes);
    const j = JSON.parse(vnhr(['check', '--format', 'json', 'nfd.docx'], dir).out);
    const u = j.files[0].diagnostics.find((d: { rule: string }) => d.rule === 'unicode-normalization');
    assert.ok(u, 'NFD text is reported');
    assert.equal(u.word.paragraph, 2);
  });

  it('imports a .docx to Markdown with its image written beside it', async () => {
    writeFileSync(join(dir, 'bc.docx'), await makeDocx({ heading: 'Báo cáo năm 2024', paragraphs: ['Ảnh hội nghị tổng kết:'], image: PNG_1x1 }));
    const r = vnhr(['import', 'bc.docx', '-o', 'bc.md'], dir);
    assert.equal(r.code, 0, r.err);
    const md = readFileSync(join(dir, 'bc.md'), 'utf8');
    const m = /!\[\]\((bc-images\/[^)]+\.png)\)/.exec(md);
    assert.ok(m, md);
    assert.deepEqual(new Uint8Array(readFileSync(join(dir, m[1]))), PNG_1x1);
    // An existing output is kept unless --force.
    const again = vnhr(['import', 'bc.docx', '-o', 'bc.md'], dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /exists; use --force/);
  });

  it('export then import gives back the text of every paragraph, heading, list item and cell', async () => {
    const src = readFileSync(join(REPO_ROOT, 'test', 'word', 'sample-export.md'), 'utf8');
    const bytes = await markdownToDocx(src);
    const back = docxToMarkdown(readDocx(bytes));
    const words = (s: string) => s.toLowerCase().replace(/<!--[\s\S]*?-->/g, '').replace(/^---[\s\S]*?\n---\n/, '').replace(/[*#|<>]|br|---|^\s*[-\d.]+\s/gm, ' ').replace(/\s+/g, ' ').trim();
    // Every body paragraph of the source stands in the round trip, word for word.
    const paras = src.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('---') && !p.startsWith('<!--') && !p.startsWith('|'));
    const got = words(back.markdown);
    for (const p of paras) for (const line of p.split('\n')) assert.ok(got.includes(words(line)), `missing after round trip: ${line}\n---\n${back.markdown}`);
    // Table cells too.
    for (const cell of ['số lượt khám bệnh', '162.340', '108,2']) assert.ok(got.includes(cell), cell);
    // Headings come back as headings, lists as lists (Word styles and numbering, not typed text).
    assert.match(back.markdown, /\n## I\. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024\n/);
    assert.match(back.markdown, /\n### 1\. Công tác khám bệnh, chữa bệnh\n/);
    assert.match(back.markdown, /\n- Củng cố mạng lưới y tế cơ sở;\n- Nâng cao chất lượng khám bệnh, chữa bệnh\.\n/);
    assert.match(back.markdown, /\n1\. Tiếp tục kiện toàn tổ chức bộ máy\.\n2\. Phát triển nguồn nhân lực y tế\.\n/);
  });

  it('refuses to export a report with errors unless --force', async () => {
    // More tasks done than set is an error-level finding (task-count-exceeds).
    writeFileSync(join(dir, 'bad.md'), '# Báo cáo năm 2024\n\nNăm 2024, ngành y tế hoàn thành 7/6 nhiệm vụ trọng tâm.\n');
    const sev = JSON.parse(vnhr(['check', '--format', 'json', 'bad.md'], dir).out).files[0].diagnostics.map((d: { severity: string }) => d.severity);
    assert.ok(sev.includes('error'), 'the sample has an error-level finding');
    const r = vnhr(['export', 'bad.md', '-o', 'bad.docx'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /--force/);
    assert.ok(!existsSync(join(dir, 'bad.docx')));
    assert.equal(vnhr(['export', 'bad.md', '-o', 'bad.docx', '--force'], dir).code, 0);
    assert.ok(readDocx(readFileSync(join(dir, 'bad.docx'))).blocks.length > 2);
  });

  it('bad Word files: a clear message and exit 2 for that file, the others still checked', async () => {
    writeFileSync(join(dir, 'a-text.docx'), 'Đây không phải tệp Word.');
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(join(dir, 'b-protected.docx'), ole);
    const good = await makeDocx(REPORT);
    writeFileSync(join(dir, 'c-truncated.docx'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(dir, 'd-good.docx'), good);
    const r = vnhr(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /a-text\.docx: cannot read Word file: not a Word \.docx file/);
    assert.match(r.err, /b-protected\.docx: cannot read Word file: password-protected/);
    assert.match(r.err, /c-truncated\.docx: cannot read Word file: /);
    const files = JSON.parse(r.out).files.map((f: { path: string }) => f.path);
    assert.deepEqual(files, ['d-good.docx']);
  });

  it('a zip bomb or huge part is refused by its declared size, not unpacked', () => {
    assert.throws(() => readDocx(new Uint8Array(70 * 1024 * 1024).fill(0x50)), (e: unknown) => e instanceof DocxError && /too large/.test((e as Error).message));
  });

  it('maps any offset to the nearest paragraph, with a short quote', async () => {
    const conv = docxToMarkdown(readDocx(await makeDocx(REPORT)));
    const at = conv.markdown.indexOf('162.340');
    const l = locate(conv, at, at + 7);
    assert.deepEqual(l.table, { index: 1, row: 2, column: 4 });
    assert.equal(l.quote, '162.340');
  });

  it('writes the date line as the decree does', () => {
    assert.equal(vietnameseDateLine('2024-12-05'), 'ngày 05 tháng 12 năm 2024');
    assert.equal(vietnameseDateLine('15/2/2025'), 'ngày 15 tháng 02 năm 2025');
  });
});
