// The exported report opens and renders: LibreOffice (headless) converts it to
// PDF, poppler's pdfinfo / pdffonts / pdftotext read the page size, the fonts
// and where the text stands, and pdftoppm keeps a PNG of page 1 in the test
// artifacts. Needs Debian's libreoffice-writer-nogui and poppler-utils (.ci/run
// installs them); skipped with a notice elsewhere, but never in CI.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';
import { markdownToDocx, ND30 } from '../../server/src/word';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const MM = 72 / 25.4; // PDF points per millimetre

describe('Word export renders in the NĐ 30/2020 layout (LibreOffice → PDF)', function () {
  this.timeout(240000);
  const tools = ['soffice', 'pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'];
  const missing = tools.filter((t) => !has(t));
  if (missing.length) {
    if (process.env.CI === 'true') it('has LibreOffice and poppler-utils in CI', () => assert.fail(`missing: ${missing.join(', ')} (.ci/run installs libreoffice-writer-nogui and poppler-utils)`));
    else {
      console.log(`  [notice] ${missing.join(', ')} not installed: the Word rendering test is skipped`);
      it.skip('renders (LibreOffice and poppler-utils not installed)');
    }
    return;
  }
  let dir: string;
  let pdf: string;
  let words: { page: number; x0: number; y0: number; x1: number; y1: number; text: string }[];
  let pageSize: { w: number; h: number };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-render-'));
    // The sample report, made long enough for a second page (page numbers start there).
    const src = readFileSync(join(REPO_ROOT, 'test', 'word', 'sample-export.md'), 'utf8');
    const filler = Array.from({ length: 14 }, (_, i) => `Trong quý ${(i % 4) + 1}, các trạm y tế xã tiếp tục duy trì khám chữa bệnh bảo hiểm y tế, quản lý bệnh không lây nhiễm và truyền thông giáo dục sức khỏe tại cộng đồng; số liệu được tổng hợp định kỳ và báo cáo đúng hạn.`).join('\n\n');
    const md = src.replace('## II. PHƯƠNG HƯỚNG', `${filler}\n\n## II. PHƯƠNG HƯỚNG`);
    writeFileSync(join(dir, 'bao-cao.docx'), await markdownToDocx(md));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], { encoding: 'utf8', timeout: 200000 });
    pdf = join(dir, 'bao-cao.pdf');
    assert.ok(existsSync(pdf), `LibreOffice did not convert: ${r.stdout}\n${r.stderr}`);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    pageSize = { w: Number(m[1]), h: Number(m[2]) };
    const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
    words = [];
    let page = 0;
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) page++;
      const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
      if (w) words.push({ page, x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: w[5] });
    }
    // The picture of page 1 for the artifacts (and the README's image of an exported page).
    const art = join(REPO_ROOT, 'test', 'artifacts');
    mkdirSync(art, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(art, 'word-export-page1')]);
    if (process.env.VNHR_UPDATE_IMAGES) copyFileSync(join(art, 'word-export-page1.png'), join(REPO_ROOT, 'docs', 'images', 'word-export.png'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is A4 with at least two pages', () => {
    assert.ok(Math.abs(pageSize.w - 210 * MM) < 1 && Math.abs(pageSize.h - 297 * MM) < 1, JSON.stringify(pageSize));
    assert.ok(Math.max(...words.map((w) => w.page)) >= 2);
  });

  it('uses Times New Roman (or its metric twin where the font is not installed)', () => {
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    assert.match(fonts, /TimesNewRoman|Times New Roman|LiberationSerif/);
    assert.doesNotMatch(fonts, /Calibri|Carlito|DejaVuSans\b/);
  });

  it('keeps the text inside the margins: left 30 mm, right 15 mm, top and bottom 20 mm', () => {
    const body = words.filter((w) => w.text.trim());
    const left = Math.min(...body.map((w) => w.x0));
    const right = Math.max(...body.map((w) => w.x1));
    // The page number stands in the header area, above the top margin: leave it out.
    const inBody = body.filter((w) => !(w.page >= 2 && /^\d+$/.test(w.text) && w.y1 < ND30.marginMm.top * MM));
    const top = Math.min(...inBody.map((w) => w.y0));
    const bottom = Math.max(...inBody.map((w) => w.y1));
    assert.ok(left >= ND30.marginMm.left * MM - 2 && left <= ND30.marginMm.left * MM + 12, `left ${left / MM} mm`);
    assert.ok(right <= pageSize.w - ND30.marginMm.right * MM + 2 && right >= pageSize.w - ND30.marginMm.right * MM - 25, `right ${(pageSize.w - right) / MM} mm`);
    // A word's box starts at the font's ascent, which stands up to ~1 mm above the first line's top.
    assert.ok(top >= (ND30.marginMm.top - 1.5) * MM, `top ${top / MM} mm`);
    assert.ok(bottom <= pageSize.h - ND30.marginMm.bottom * MM + 2, `bottom ${(pageSize.h - bottom) / MM} mm`);
  });

  it('puts the issuer on the left, the motto on the right, then number, place and date', () => {
    const p1 = words.filter((w) => w.page === 1);
    const find = (t: string) => p1.find((w) => w.text === t);
    const cong = find('CỘNG')!;
    const trung = find('TRUNG')!;
    assert.ok(cong && trung, 'header words present');
    assert.ok(cong.x0 > pageSize.w * 0.45, 'motto on the right');
    assert.ok(trung.x1 < pageSize.w * 0.5, 'issuer on the left');
    assert.ok(Math.abs(cong.y0 - trung.y0) < 20, 'side by side');
    const text = p1.map((w) => w.text).join(' ');
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Số: 125\/BC-TTYT/);
    assert.match(text, /Ninh Phước, ngày 16 tháng 12 năm 2024/);
    assert.match(text, /BÁO CÁO Tổng kết công tác y tế năm 2024/);
  });

  it('numbers pages in the header, centred, from page 2', () => {
    const top = (page: number) => words.filter((w) => w.page === page && w.y1 < ND30.marginMm.top * MM);
    assert.equal(top(1).length, 0, 'no number on page 1');
    const two = top(2);
    assert.equal(two.map((w) => w.text).join(' '), '2');
    assert.ok(Math.abs((two[0].x0 + two[0].x1) / 2 - (ND30.marginMm.left * MM + (pageSize.w - ND30.marginMm.right * MM)) / 2) < 6, 'centred between the margins');
  });

  it('ends with "Nơi nhận" on the left and the signer on the right', () => {
    const last = Math.max(...words.map((w) => w.page));
    const p = words.filter((w) => w.page === last);
    const noi = p.find((w) => w.text === 'Nơi')!;
    const an = p.find((w) => w.text === 'An')!;
    assert.ok(noi && an, p.map((w) => w.text).join(' '));
    assert.ok(noi.x0 < pageSize.w / 2 && an.x0 > pageSize.w / 2);
    assert.ok(p.some((w) => w.text === 'GIÁM' && w.x0 > pageSize.w / 2));
  });
});
