// Figures read in context (issue 13): the document's own scope, figures quoted
// for comparison, and the reading given to hover (figureReadingAt).
import { strict as assert } from 'node:assert';
import { buildDocModel, check, getDefaultConfig, LineIndex } from '../helpers/engine';
import { figureReadingAt } from '../../server/src/engine/indicators';

const cfg = getDefaultConfig();
const HEADER = 'SỞ Y TẾ TỈNH NINH THUẬN\nTRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC\n\n# Báo cáo kết quả công tác y tế năm 2023\n\n';
const BODY =
  'Tỷ lệ trạm y tế xã có bác sĩ làm việc của huyện đạt 86,4%, cao hơn mức chung của toàn tỉnh (81,2%).\n\n' +
  'Số bác sĩ/vạn dân đạt 8,6 nhưng còn thấp hơn mức bình quân chung (10,1 bác sĩ/vạn dân).\n\n' +
  'Tổng tỷ suất sinh là 2,4 con/phụ nữ, cao hơn mức sinh thay thế (2,1 con/phụ nữ).\n';

function readingAt(text: string, figure: string) {
  return figureReadingAt(buildDocModel(text, cfg), cfg, text.indexOf(figure));
}
const conflictLines = (text: string) => {
  const li = new LineIndex(text);
  return check(text, cfg)
    .filter((f) => f.rule === 'indicator-conflict')
    .map((f) => li.positionAt(f.start).line + 1);
};

describe('indicators read in context', () => {
  it('takes the lower line of the header block as the issuer and gives its scope to figures without a place', () => {
    const own = readingAt(HEADER + BODY, '86,4%')!;
    assert.equal(own.place.key, 'district');
    assert.match(own.reading.vi, /toàn huyện \(phạm vi văn bản: TRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC\)/);
    assert.ok(own.key, 'the own figure stays comparable');
    const ref = readingAt(HEADER + BODY, '81,2%')!;
    assert.equal(ref.place.key, 'province');
    assert.match(ref.reading.en, /another place's figure quoted for comparison \(“cao hơn mức chung của toàn tỉnh”\)/);
  });

  it('does not compare a norm or an average whose owner is not named, and says why', () => {
    const avg = readingAt(HEADER + BODY, '10,1')!;
    assert.equal(avg.notCompared, 'reference');
    assert.match(avg.reading.vi, /không so sánh/);
    const norm = readingAt(HEADER + BODY, '2,1 con')!;
    assert.equal(norm.notCompared, 'norm');
    assert.equal(readingAt(HEADER + BODY, 'Tổng tỷ suất'), undefined);
  });

  it('reads the scope from front matter (scope: or unit:) before the header', () => {
    for (const fm of ['scope: huyện', 'unit: Trung tâm Y tế huyện Ninh Phước']) {
      const text = `---\n${fm}\nyear: 2023\n---\n\n` + BODY;
      assert.equal(readingAt(text, '86,4%')!.place.key, 'district', fm);
    }
  });

  it('without a header, a place only compared with does not become the scope', () => {
    const text = '# Báo cáo kết quả công tác y tế năm 2023\n\n' + BODY;
    assert.deepEqual(conflictLines(text), []);
    assert.equal(readingAt(text, '86,4%')!.place.key, 'doc');
  });

  it('still finds a restatement of the own figure, with both readings in the message (NFC, NFD, CRLF)', () => {
    const text = HEADER + BODY + '\n| Chỉ tiêu | Thực hiện 2023 |\n|---|---|\n| Tỷ lệ trạm y tế xã có bác sĩ làm việc (%) | 84,6 |\n';
    for (const t of [text, text.normalize('NFD'), text.replace(/\n/g, '\r\n')]) assert.deepEqual(conflictLines(t), [14]);
    const f = check(text, cfg).find((x) => x.rule === 'indicator-conflict')!;
    assert.match(f.message.vi, /Cách đọc: 84,6 — năm 2023 .*thực hiện \(“Thực hiện 2023”\)\. 86,4% \(dòng 6\) — /);
    assert.match(f.message.en, /Read as: 84,6 — 2023 /);
  });

  it('reads the issuing body a title names after "của", a regional centre included (NFC, NFD, CRLF)', () => {
    // A regional health centre's report that quotes the province's figures: the title says whose report it is,
    // so "toàn tỉnh" in the text does not make the centre's own figures the province's.
    const text =
      '# Báo cáo kết quả công tác y tế 9 tháng đầu năm 2026 của Trung tâm Y tế khu vực Hòa Bình\n\n' +
      'Công suất sử dụng giường bệnh đạt 92,4%, cao hơn mức chung của toàn tỉnh (85,1%).\n\n' +
      'Toàn tỉnh, số lượt khám bệnh 9 tháng là 2.315.600 lượt; của Trung tâm là 186.420 lượt.\n';
    for (const t of [text, text.normalize('NFD'), text.replace(/\n/g, '\r\n')]) assert.deepEqual(conflictLines(t), []);
    const own = readingAt(text, '92,4%')!;
    assert.equal(own.place.key, 'district');
    assert.match(own.reading.vi, /phạm vi văn bản/);
    // Without the body in the title, the only own-scope word the text uses decides, as before.
    const untitled = text.replace(' của Trung tâm Y tế khu vực Hòa Bình', '');
    assert.equal(readingAt(untitled, '92,4%')!.place.key, 'province');
  });

  it('a regional centre is not the province of the same name ("khu vực Hòa Bình" vs "tỉnh Hòa Bình")', () => {
    const text =
      '# Báo cáo kết quả 9 tháng đầu năm 2026 của Trung tâm Y tế khu vực Hòa Bình\n\nCông suất sử dụng giường bệnh đạt 92,4%.\n\n' +
      'Công suất sử dụng giường bệnh của tỉnh Hòa Bình (cũ) đạt 85,1%.\n';
    assert.deepEqual(conflictLines(text), []);
    assert.notEqual(readingAt(text, '85,1%')!.place.key, readingAt(text, '92,4%')!.place.key);
  });

  it('a title naming two bodies names no issuer', () => {
    const text = '# Báo cáo của Sở Y tế và Trung tâm Kiểm soát bệnh tật về công tác phối hợp năm 2025\n\nCông suất sử dụng giường bệnh đạt 92,4%.\n';
    assert.equal(readingAt(text, '92,4%')!.place.key, 'doc');
  });

  it('under a plan heading, a table column of an earlier year is that year\'s result, the plan year\'s column the plan', () => {
    const text =
      '# Báo cáo tổng kết công tác y tế năm 2025\n\n## I. Kết quả năm 2025\n\nTỷ lệ dân số tham gia bảo hiểm y tế đạt 95,1%.\n\n' +
      '## II. Phương hướng năm 2026\n\nPhấn đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5%.\n\n' +
      '| Chỉ tiêu | 2024 | 2025 | KH 2026 |\n|---|---:|---:|---:|\n| Tỷ lệ tham gia BHYT (%) | 94,3 | 95,3 | 95,5 |\n';
    const cell = readingAt(text, '95,3 |')!;
    assert.match(cell.key!, /\|2025\|.*\|achieved$/);
    // 95,3 in the "2025" column restates the year's result (95,1%) differently: one conflict, on the table's line.
    for (const t of [text, text.normalize('NFD'), text.replace(/\n/g, '\r\n')]) assert.deepEqual(conflictLines(t), [13]);
    assert.deepEqual(conflictLines(text.replace('95,3 |', '95,1 |')), []);
    assert.match(readingAt(text, '95,5 |')!.key!, /\|2026\|.*\|target$/);
  });

  it('a figure the sentence compares with the report\'s own place is not that place\'s (NFC, NFD, CRLF), and says why', () => {
    const own = '# Báo cáo tổng kết công tác y tế năm 2025 của Sở Y tế tỉnh Sơn La\n\nTỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 92,8%.\n\n';
    const text = own + 'Ở Mường La, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 85,2%, thấp hơn 7,6 điểm phần trăm so với toàn tỉnh.\n';
    for (const t of [text, text.normalize('NFD'), text.replace(/\n/g, '\r\n')]) assert.deepEqual(conflictLines(t), []);
    const r = readingAt(text, '85,2%')!;
    assert.equal(r.notCompared, 'contrasted');
    assert.match(r.reading.en, /not compared: the sentence compares it with the very place/);
    // Control: the same figure stated as the province's own, with no comparison, is a restatement that disagrees.
    assert.deepEqual(conflictLines(own + 'Toàn tỉnh, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 85,2%.\n'), [5]);
    // A quoted figure of the province ("cao hơn mức chung của toàn tỉnh (85,1%)") in a report read as the province's.
    const quoted = '# Báo cáo 9 tháng năm 2026\n\nToàn tỉnh có 92 trạm y tế.\n\nCông suất sử dụng giường bệnh đạt 92,4%, cao hơn mức chung của toàn tỉnh (85,1%).\n';
    assert.deepEqual(conflictLines(quoted), []);
    assert.equal(readingAt(quoted, '92,4%')!.notCompared, 'contrasted');
  });
});
