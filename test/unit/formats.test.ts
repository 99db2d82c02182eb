// Issue 14 items 1, 5, 6, 7, 8: number formats in tables, duplicate words by
// word class, hyphen variants of a term, task totals, dates wherever they stand.
// Each class both ways (slip found; the correct neighbour not flagged), in prose
// and tables, NFC/NFD and CRLF; the word-class data valid against its schema.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { analysisRuns, check, fixAll, configFromObject, type Finding } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';

const config = configFromObject({});
const only = (rule: string, text: string): Finding[] => check(text, config).filter((f) => f.rule === rule);
const flagged = (rule: string, text: string): string[] => only(rule, text).map((f) => text.slice(f.start, f.end));
const fixed = (rule: string, text: string): string => fixAll(text, config, { only: [rule] }).text;
/** The same findings (as flagged text) for NFC, NFD and CRLF forms of `text`. */
function allForms(rule: string, text: string): string[] {
  const nfc = flagged(rule, text);
  const nfd = text.normalize('NFD');
  assert.deepEqual(flagged(rule, nfd).map((s) => s.normalize('NFC')), nfc, 'NFD');
  const crlf = text.replace(/\n/g, '\r\n');
  assert.deepEqual(flagged(rule, crlf).map((s) => s.replace(/\r\n/g, '\n')), nfc, 'CRLF');
  return nfc;
}

describe('issue 14: data files', () => {
  for (const [file, schema] of [
    ['server/src/engine/vietnamese/function-words.json', 'schemas/function-words.schema.json'],
    ['server/src/engine/vietnamese/quantity-words.json', 'schemas/quantity-words.schema.json'],
  ]) {
    it(`${file} is valid against ${schema}`, () => {
      const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, schema), 'utf8')));
      const data = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8'));
      assert.ok(validate(data), JSON.stringify(validate.errors));
      // NFC throughout: rules see NFC text.
      const text = JSON.stringify(data);
      assert.equal(text, text.normalize('NFC'));
    });
  }
});

describe('issue 14: date-format finds impossible dates wherever a date stands', () => {
  it('after a date word, zero-padded, before "năm", in a date column, in ranges', () => {
    assert.deepEqual(allForms('date-format', 'Đoàn làm việc ngày 9/13 tại huyện.'), ['9/13']);
    assert.deepEqual(allForms('date-format', 'Lớp học từ 30/02 đến 03/3/2024.'), ['30/02']);
    assert.deepEqual(allForms('date-format', 'Hội nghị 30/02 năm 2023 đã họp.'), ['30/02']);
    assert.deepEqual(allForms('date-format', 'Đợt tiêm từ ngày 31/4/2024 đến 5/5/2024.'), ['31/4/2024']);
    assert.deepEqual(allForms('date-format', 'Đợt 2 (ngày 25/4 - 31/4) đã xong; từ 28/2 đến ngày 31/6/2024.'), ['31/4', '31/6/2024']);
    assert.deepEqual(allForms('date-format', '| Ngày | Số ca |\n|---|---|\n| 31/6 | 12 |\n| 30/6 | 9 |\n'), ['31/6']);
  });
  it('never reads counts, fractions, ratios or document numbers as dates', () => {
    for (const s of [
      'Đến nay 9/13 xã có bác sĩ; 08/08 huyện có phòng khám; tỷ lệ từ 1/3 đến 1/2 số hộ.',
      'Ngày 3/15 xã gửi báo cáo; Quyết định số 247/QĐ-UBND ngày 30/1/2019.',
      'Có 28/2 - 31/4 là hai con số; tỷ số 31/4 ghi trong bảng.',
      '| Đơn vị | Đạt |\n|---|---|\n| Huyện A | 31/4 |\n',
      'Hội nghị từ 28/02 đến 02/3/2024; giao ban ngày 30/4 và 1/5.',
    ])
      assert.deepEqual(allForms('date-format', s), [], s);
  });
});

describe('issue 14: duplicate-word by word class', () => {
  it('a doubled function word is a slip, fixed by removing one', () => {
    const text = 'Các trạm cần phải phải bố trí bác sĩ; kết quả của của các đơn vị; Sở và và Trung tâm; năm nay đã đã đạt, cao hơn hơn năm trước; các các xã; thực hiện từ từ ngày 01/3/2024; nhận từ từ Hà Nội.';
    assert.deepEqual(allForms('duplicate-word', text), ['phải phải', 'của của', 'và và', 'đã đã', 'hơn hơn', 'các các', 'từ từ', 'từ từ']);
    assert.equal(fixed('duplicate-word', text), 'Các trạm cần phải bố trí bác sĩ; kết quả của các đơn vị; Sở và Trung tâm; năm nay đã đạt, cao hơn năm trước; các xã; thực hiện từ ngày 01/3/2024; nhận từ Hà Nội.');
  });
  it('reduplicatives, compound boundaries and table columns are not slips', () => {
    for (const s of [
      'Người người, nhà nhà thi đua; ngày ngày chăm sóc; dần dần ổn định; luôn luôn sẵn sàng; đều đều.',
      'Người bệnh hồi phục từ từ; người ra ra vào vào bệnh viện; rất rất nhiều người.',
      'Quyền tự do do Hiến pháp quy định; tuyến trên trên địa bàn hỗ trợ; phía bên phải phải có biển; chứng minh bằng bằng chứng; giá trị của của cải.',
      '| Bệnh | Bệnh viện tuyến tỉnh |\n|---|---|\n| Sốt xuất huyết | 120 |\n',
      '| Nội dung | Và |\n|---|---|\n| Và | và |\n',
    ])
      assert.deepEqual(allForms('duplicate-word', s), [], s);
  });
});

describe('issue 14: numbers written unlike the rest of the document', () => {
  const table = (rows: string[]) => ['| Chỉ tiêu | 2022 | 2023 | 2024 | 2025 |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
  it('thousands-separator: the odd grouping in a row, column, sentence or document, fixed to the document form', () => {
    assert.deepEqual(allForms('thousands-separator', table(['| Số ca sinh | 5.380 | 5.401 | 5412 | 5.437 |'])), ['5412']);
    assert.deepEqual(allForms('thousands-separator', 'Năm 2023 khám 1893 lượt, năm 2024 khám 1.902 lượt.'), ['1893']);
    assert.deepEqual(allForms('thousands-separator', table(['| Số lượt | 12 450 | 13.020 | 13.118 | 14.002 |'])), ['12 450']);
    const doc = 'Có 1.450 trẻ được tiêm đủ mũi.\n\nCó 3.280 người được khám.\n\nQuý IV khám thêm 1215 lượt và 12450 người.\n';
    assert.deepEqual(allForms('thousands-separator', doc), ['1215', '12450']);
    assert.equal(fixed('thousands-separator', doc), doc.replace('1215', '1.215').replace('12450', '12.450'));
    // A space-grouped document: the fix follows it (non-breaking space).
    const spaced = '| Huyện | Số lượt |\n|---|---|\n| A | 12\u00a0450 |\n| B | 13\u00a0020 |\n| C | 14\u00a0118 |\n| D | 15002 |\n';
    assert.equal(fixed('thousands-separator', spaced), spaced.replace('15002', '15\u00a0002'));
  });
  it('thousands-separator: years, references, codes, role-less numbers and ungrouping documents are left alone', () => {
    for (const s of [
      'Năm 2023 khám 1893 lượt, năm 2024 khám 1902 lượt; tiêm 12.450 liều.',
      'Theo Quyết định số 1893 ngày 15/8/2024, năm 2023 có 2.100 người; mã bưu chính 700000; điện thoại 0912345678.',
      table(['| Số ca sinh | 5.380 | 5.401 | 5.412 | 5.437 |', '| Năm thành lập | 1998 | 2005 | 2012 | 2019 |', '| Số ca tử vong | 12 | 15 | 9 | 11 |']),
      'Giai đoạn 2021-2025 có 1.250 người; từ năm 2015 đến 2020 tăng 2.100 lượt.',
      'Có 1.450 trẻ được tiêm. Đề tài 1893 được nghiệm thu.',
      '| Đơn vị | Mã | Số lượt |\n|---|---|---|\n| A | 1234 | 5.412 |\n| Mã số | 4567 | 1.200 |\n',
    ])
      assert.deepEqual(allForms('thousands-separator', s), [], s);
  });
  it('decimal-separator: English forms in table columns', () => {
    const t = '| Huyện | Số ca mắc | Tỷ lệ mắc/100.000 dân |\n|---|---|---|\n| A | 1.205 | 12,5 |\n| B | 3,215 | 28.40 |\n| C | 987 | 12.75 |\n';
    assert.deepEqual(allForms('decimal-separator', t), ['3,215', '28.40', '12.75']);
    assert.equal(fixed('decimal-separator', t), t.replace('3,215', '3.215').replace('28.40', '28,40').replace('12.75', '12,75'));
    for (const s of [
      '| STT | Mục | Kinh phí | Tỷ lệ (%) |\n|---|---|---|---|\n| 1 | 1.1 | 1.250 | 12,5 |\n| 2 | 1.2 | 980 | 1,250 |\n',
      '| Huyện | Điểm |\n|---|---|\n| A | 1.1 |\n| B | 1.2 |\n',
      '| Huyện | Số ca | Ghi chú |\n|---|---|---|\n| A | 12.75 | x |\n| B | 3,215 | y |\n',
    ])
      assert.deepEqual(allForms('decimal-separator', s), [], s);
  });
  it('decimal-separator: a decimal point after a verb of measure', () => {
    assert.deepEqual(allForms('decimal-separator', 'Chỉ số khối cơ thể trung bình đạt 18.75; tỷ lệ chiếm 12.5 trên tổng số.'), ['18.75', '12.5']);
    assert.deepEqual(allForms('decimal-separator', 'Phần mềm là 2.5 Beta; còn 15.3 năm nữa; đạt 1.250 lượt.'), []);
  });
  it('number-format: a space inside a decimal, and the permille spellings', () => {
    assert.deepEqual(allForms('number-format', 'Chi phí giảm 17, 25% so với năm trước; tỷ suất 15,2%o và 2,1 o/oo; còn 0,4 %.'), ['17, 25', '%o', ' o/oo', '0,4 %']);
    assert.deepEqual(allForms('number-format', '| Huyện | Tỷ lệ (%) |\n|---|---|\n| A | 17, 25 |\n| B | 18,5 |\n'), ['17, 25']);
    assert.deepEqual(allForms('number-format', 'Có 17, 25 và 30 xã đạt chuẩn; năm 2017, 25% trẻ được khám; tuổi 17, 25% chưa rõ.'), []);
  });
});

describe('issue 14: spelling-consistency reads hyphen and space joinings as one term', () => {
  it('suggests the majority form of vắc xin / vi rút / in su lin, fixes keep the first letter case', () => {
    const text = 'Tiêm vắc xin sởi, vắc xin viêm gan; Vắc - xin phòng dại; vắc-xin bại liệt.\n\nVi-rút cúm, vi-rút sởi; vi rút dại.\n';
    assert.deepEqual(allForms('spelling-consistency', text), ['Vắc - xin', 'vắc-xin', 'vi rút']);
    assert.equal(fixed('spelling-consistency', text), 'Tiêm vắc xin sởi, vắc xin viêm gan; Vắc xin phòng dại; vắc xin bại liệt.\n\nVi-rút cúm, vi-rút sởi; vi-rút dại.\n');
    const cfg = configFromObject({ rules: { 'spelling-consistency': ['warning', { vaccine: 'vắc-xin' }] } });
    assert.equal(fixAll('Tiêm vắc xin sởi; vắc - xin dại.', cfg, { only: ['spelling-consistency'] }).text, 'Tiêm vắc-xin sởi; vắc-xin dại.');
  });
  it('does not join coordination hyphens, other words or a term inside a longer hyphen chain', () => {
    for (const s of [
      'Phát triển kinh tế - xã hội; kinh tế-xã hội; trạm y tế xã; vắc xin sởi-rubella và vắc-xin-sởi.',
      'Vi rút cúm; vi rút sởi.',
      'Tỷ lệ vi rút-test dương tính; vi rút cúm.',
    ])
      assert.deepEqual(allForms('spelling-consistency', s), [], s);
  });
});

describe('issue 14: task-total-conflict by year and noun group', () => {
  const H = '# Báo cáo tổng kết công tác y tế năm 2023\n\n';
  it('finds the same group given two totals: named, defined, whole versus main part', () => {
    assert.deepEqual(allForms('task-total-conflict', H + 'Năm 2023 đề ra 6 nhiệm vụ trọng tâm.\n\nKết quả thực hiện 7 nhiệm vụ trọng tâm năm 2023 như sau.\n'), ['7']);
    assert.deepEqual(allForms('task-total-conflict', H + 'Ngành hoàn thành 8/8 chỉ tiêu.\n\nTrong 10 chỉ tiêu chủ yếu, ngành đạt 9 chỉ tiêu.\n'), ['10']);
    assert.deepEqual(allForms('task-total-conflict', H + 'Sở đề ra 6 nhiệm vụ trọng tâm và 4 nhóm giải pháp.\n\nSở đã triển khai 5 nhóm giải pháp.\n'), ['5']);
    assert.deepEqual(allForms('task-total-conflict', H + 'Sở xác định 4 mục tiêu.\n\nNăm 2023, ngành đề ra 5 mục tiêu.\n'), ['5']);
  });
  it('keeps apart next year, sub-groups, other units, domain groups and parts', () => {
    for (const s of [
      'Năm 2023 đề ra 6 nhiệm vụ trọng tâm.\n\nNăm 2024, ngành đề ra 8 nhiệm vụ trọng tâm.\n',
      'Năm 2023 đề ra 6 nhiệm vụ trọng tâm.\n\nTrong đó 3 nhiệm vụ trọng tâm về y tế dự phòng đã hoàn thành.\n',
      'Năm 2023 đề ra 6 nhiệm vụ trọng tâm.\n\nTrung tâm Y tế huyện A có 4 nhiệm vụ trọng tâm.\n\nCác xã đề ra 3 nhóm giải pháp; Sở đề ra 4 nhóm giải pháp.\n',
      'Ngành hoàn thành 8/8 chỉ tiêu.\n\nCó 12 chỉ tiêu chuyên môn được giao cho các khoa; 5 chỉ tiêu chủ yếu.\n',
      'Sở đề ra 4 mục tiêu.\n\nĐến nay đã hoàn thành 3 mục tiêu; thực hiện 2 nhiệm vụ.\n',
    ])
      assert.deepEqual(allForms('task-total-conflict', H + s), [], s);
  });
});

describe('issue 14: document rules stay linear', () => {
  it('thousands-separator and spelling-consistency make one fact list per block and findings in proportion, at n and 10n', () => {
    const para = (i: number) => `Đợt ${i} khám ${1000 + (i % 900)} lượt và 1.${String(100 + (i % 800)).padStart(3, '0')} lượt; tiêm vắc xin và vắc-xin cho ${12000 + i} trẻ.\n\n`;
    const run = (n: number) => {
      const text = Array.from({ length: n }, (_, i) => para(i)).join('');
      const before = new Map(analysisRuns);
      const found = check(text, config).filter((f) => f.rule === 'thousands-separator' || f.rule === 'spelling-consistency').length;
      const runs = (k: string) => (analysisRuns.get(k) ?? 0) - (before.get(k) ?? 0);
      return { found, facts: runs('thousands-separator:numbers'), variants: runs('spelling-consistency:variants') };
    };
    const a = run(40);
    const b = run(400);
    assert.deepEqual([a.facts, a.variants], [40, 40]);
    assert.deepEqual([b.facts, b.variants], [400, 400]);
    assert.ok(a.found > 0 && b.found === 10 * a.found, `${a.found} vs ${b.found}`);
  });
});
