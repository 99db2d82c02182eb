// The indicator model across checks of one document (the server's
// DocumentCache): resolved mentions are reused per block while what flows
// into the block (headings, caption, year, province scope) says the same,
// their lines follow the block when text above it changes, and the conflict
// messages ("dòng N") follow too. Also: paragraphs without figures are not
// read, except for what they can still say (the province scope, a caption).
import { strict as assert } from 'node:assert';
import { allRules, buildDocModel, checkSteps, DocumentCache, getDefaultConfig, type Finding } from '../helpers/engine';
import { indicatorSummary, resolveDocument } from '../../server/src/engine/indicators';

const cfg = getDefaultConfig();
const H = '# Báo cáo kết quả công tác y tế năm 2023\n\n';

function run(text: string, cache?: DocumentCache): Finding[] {
  const it = checkSteps(text, allRules, cfg, { cache });
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
const conflicts = (fs: Finding[]) => fs.filter((f) => f.rule === 'indicator-conflict').map((f) => [f.message.vi, f.fixes?.map((x) => x.title.vi)]);

describe('indicators across checks of one document', () => {
  const body = '## 1. Nhân lực\n\nNăm 2023 đạt 12,5 bác sĩ/vạn dân.\n\nĐoạn văn khác.\n\nSố bác sĩ trên 10.000 dân năm 2023 đạt 12,8.\n';

  it('reuses the resolved mentions of unchanged blocks, with lines that follow inserted text', () => {
    const cache = new DocumentCache();
    const text = H + body;
    const first = resolveDocument(buildDocModel(text, cfg, cache), cfg).mentions;
    assert.equal(first.length, 2);
    assert.deepEqual(
      first.map((m) => m.line),
      [4, 8],
    );
    // Two lines inserted in the middle paragraph: the mention below moves two lines down, the one above stays.
    const edited = text.replace('Đoạn văn khác.', 'Đoạn văn\nkhác,\nđã sửa.');
    const second = resolveDocument(buildDocModel(edited, cfg, cache), cfg).mentions;
    assert.equal(second[0], first[0], 'the first block and its context are unchanged: the same object');
    assert.equal(second[1], first[1], 'the last block only moved: the same object');
    assert.deepEqual(
      second.map((m) => m.line),
      [4, 10],
    );
    assert.deepEqual(
      second.map((m) => edited.slice(m.start, m.end)),
      ['12,5', '12,8'],
    );
  });

  it('re-resolves the blocks under a heading whose period changed, not under one that was only reworded', () => {
    const cache = new DocumentCache();
    const text = H + '## Kết quả năm 2022\n\nĐạt 12,5 bác sĩ/vạn dân.\n';
    const [a] = resolveDocument(buildDocModel(text, cfg, cache), cfg).mentions;
    assert.equal(a.periodKey, '2022');
    const [b] = resolveDocument(buildDocModel(text.replace('## Kết quả', '## Các kết quả'), cfg, cache), cfg).mentions;
    assert.equal(b, a);
    const [c] = resolveDocument(buildDocModel(text.replace('năm 2022', 'năm 2021'), cfg, cache), cfg).mentions;
    assert.notEqual(c, a);
    assert.equal(c.periodKey, '2021');
  });

  it('updates the line numbers in conflict messages when lines are inserted above, as a fresh check does', () => {
    const cache = new DocumentCache();
    const text = H + body;
    const before = conflicts(run(text, cache));
    assert.equal(before.length, 1);
    assert.ok(String(before[0][0]).startsWith('Số bác sĩ trên 10.000 dân (năm 2023, phạm vi báo cáo, thực hiện) ghi 12,8 ở đây nhưng 12,5 bác sĩ/vạn dân (dòng 5) ở chỗ khác. Cách đọc: 12,8 — năm 2023 (ghi trong câu)'), String(before[0][0]));
    assert.deepEqual(before[0][1], ['Dùng 12,5 (như dòng 5)']);
    const edited = '<!-- ghi chú -->\n\n' + text;
    const after = conflicts(run(edited, cache));
    assert.deepEqual(after, conflicts(run(edited)));
    assert.match(String(after[0][0]), /\(dòng 7\)/);
    // Back to the first text: the first findings again.
    assert.deepEqual(conflicts(run(text, cache)), before);
  });

  it('still reads a paragraph without figures for the province scope and for a caption', () => {
    const scope = indicatorSummary(buildDocModel(H + 'Công tác y tế trên địa bàn toàn tỉnh được triển khai đồng bộ.\n\nTỷ lệ dân số tham gia bảo hiểm y tế đạt 93,2%.\n', cfg), cfg);
    assert.equal(scope.length, 1);
    assert.equal(scope[0].place.key, 'province');
    const noScope = indicatorSummary(buildDocModel(H + 'Công tác y tế được triển khai đồng bộ.\n\nTỷ lệ dân số tham gia bảo hiểm y tế đạt 93,2%.\n', cfg), cfg);
    assert.equal(noScope[0].place.key, 'doc');
    const table = '| Chỉ tiêu | Giá trị |\n|---|---|\n| Tỷ lệ dân số tham gia bảo hiểm y tế (%) | 93,2 |\n';
    const captioned = indicatorSummary(buildDocModel(H + 'Bảng dưới đây: chỉ tiêu kế hoạch giao\n\n' + table, cfg), cfg);
    assert.equal(captioned.length, 1);
    assert.equal(captioned[0].kind, 'target');
    const plain = indicatorSummary(buildDocModel(H + 'Số liệu dưới đây\n\n' + table, cfg), cfg);
    assert.equal(plain[0].kind, 'achieved');
  });
});
