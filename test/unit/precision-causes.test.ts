// Causes of false alarms found on new correct reports (round 4: CDC, population,
// food-safety, council-answer reports in test/reports/). Each cause gets the
// misread shape (silent now) and a control where the role is plain (still found).
import { strict as assert } from 'node:assert';
import { check, getDefaultConfig } from '../helpers/engine';

const cfg = getDefaultConfig();
const rules = (text: string, rule: string) => check(text, cfg).filter((f) => f.rule === rule);
const forms = (text: string): [string, string][] => [
  ['NFC', text],
  ['NFD', text.normalize('NFD')],
  ['CRLF', text.replace(/\n/g, '\r\n')],
];

describe('precision causes: a place with the issuer\'s name under another unit word', () => {
  const HEAD = 'SỞ Y TẾ TỈNH HƯNG YÊN\n\n# Báo cáo công tác dân số năm 2024\n\n';
  const OWN = 'Tỷ số giới tính khi sinh của toàn tỉnh năm 2024 là 112,2 bé trai/100 bé gái.\n\n';

  it('"Thành phố Hưng Yên" in a table of the province of Hưng Yên is the city, not the province', () => {
    const table =
      '| Đơn vị | Tỷ số giới tính khi sinh |\n|---|---|\n| Thành phố Hưng Yên | 109,9 |\n| Huyện Văn Lâm | 113,4 |\n| Toàn tỉnh | 112,2 |\n';
    for (const [form, text] of forms(HEAD + OWN + table)) assert.deepEqual(rules(text, 'indicator-conflict'), [], form);
  });

  it('the same in prose: "thành phố Hưng Yên (109,9)" is the city\'s figure', () => {
    const prose = 'Năm 2024, tỷ số giới tính khi sinh của thành phố Hưng Yên là 109,9 bé trai/100 bé gái.\n';
    for (const [form, text] of forms(HEAD + OWN + prose)) assert.deepEqual(rules(text, 'indicator-conflict'), [], form);
  });

  it('a commune named like the district ("xã Tam Nông" in the district of Tam Nông) is not the district', () => {
    const text =
      'SỞ Y TẾ TỈNH PHÚ THỌ\nTRUNG TÂM Y TẾ HUYỆN TAM NÔNG\n\n# Báo cáo công tác y tế năm 2024\n\n' +
      'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ của toàn huyện năm 2024 đạt 96,4%.\n\n' +
      'Năm 2024, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ của xã Tam Nông đạt 92,0%.\n';
    assert.deepEqual(rules(text, 'indicator-conflict'), []);
  });

  it('control: the province named with its own unit word ("tỉnh Hưng Yên") is still the report\'s own figure', () => {
    const text = HEAD + OWN + 'Năm 2024, tỷ số giới tính khi sinh của tỉnh Hưng Yên là 113,0 bé trai/100 bé gái.\n';
    assert.equal(rules(text, 'indicator-conflict').length, 1);
  });
});

describe('precision causes: a share after a sibling part of a split', () => {
  it('"1.187 mẫu đạt, chiếm 94,2%; 73 mẫu không đạt, chiếm 5,8%" of 1.260 mẫu: the 5,8% is not read against 1.187', () => {
    const text = 'Các đơn vị đã lấy 1.260 mẫu thực phẩm để xét nghiệm, có 1.187 mẫu đạt yêu cầu, chiếm 94,2%; 73 mẫu không đạt, chiếm 5,8%.\n';
    for (const [form, t] of forms(text)) assert.deepEqual(rules(t, 'sum-mismatch'), [], form);
  });

  it('the same with shares in parentheses', () => {
    const text = 'Toàn tỉnh kiểm tra 3.846 cơ sở, có 3.434 cơ sở đạt (89,3%), 412 cơ sở vi phạm (10,7%).\n';
    assert.deepEqual(rules(text, 'sum-mismatch'), []);
  });

  it('the sibling\'s own share names the base (1.187 of 1.260 is 94,2%): a wrong share of the same base is found', () => {
    const text = 'Các đơn vị đã lấy 1.260 mẫu thực phẩm để xét nghiệm, có 1.187 mẫu đạt yêu cầu, chiếm 94,2%; 73 mẫu không đạt, chiếm 8,3%.\n';
    const f = rules(text, 'sum-mismatch');
    assert.equal(f.length, 1);
    assert.match(f[0].message.en, /73 \/ 1\.260/);
  });

  it('a nested subset ("300 mẫu thịt (23,8%), trong đó 20 mẫu không đạt (6,7%)") is not read against the outer base', () => {
    assert.deepEqual(rules('Các đơn vị đã lấy 1.260 mẫu, có 300 mẫu thịt (23,8%), trong đó 20 mẫu không đạt (6,7%).\n', 'sum-mismatch'), []);
  });

  it('control: a share whose only base is the sentence\'s count is still checked', () => {
    const text = 'Các đơn vị đã lấy 1.260 mẫu thực phẩm để xét nghiệm, có 73 mẫu không đạt, chiếm 7,8%.\n';
    assert.equal(rules(text, 'sum-mismatch').length, 1);
  });
});

describe('precision causes: a place read from a heading in capitals', () => {
  const text = (cell: string) =>
    'UBND TỈNH HÀ TĨNH\nSỞ Y TẾ\n\n# Báo cáo trả lời chất vấn năm 2024\n\n## III. VỀ TRẠM Y TẾ XÃ VÀ BÁC SĨ LÀM VIỆC TẠI TRẠM\n\n' +
    'Năm 2024, tỷ lệ trạm y tế xã có bác sĩ làm việc đạt 91,7%.\n\n' +
    `| Chỉ tiêu | Năm 2023 | Năm 2024 |\n|---|---|---|\n| Tỷ lệ trạm y tế xã có bác sĩ làm việc (%) | 89,4 | ${cell} |\n`;
  it('"XÃ VÀ BÁC SĨ LÀM VIỆC" is no place: the section\'s figures stay the report\'s own and are compared', () => {
    assert.equal(rules(text('81,6'), 'indicator-conflict').length, 1);
    assert.deepEqual(rules(text('91,7'), 'indicator-conflict'), []);
  });
  it('"Bệnh viện Đa khoa tỉnh" in prose and "BỆNH VIỆN ĐA KHOA TỈNH" in a heading are one place', () => {
    const t = (cell: string) =>
      'UBND TỈNH HÀ TĨNH\nSỞ Y TẾ\n\n# Báo cáo năm 2024\n\n## V. VỀ QUÁ TẢI TẠI BỆNH VIỆN ĐA KHOA TỈNH VÀ TIÊM CHỦNG\n\n' +
      'Năm 2024, công suất sử dụng giường bệnh của Bệnh viện Đa khoa tỉnh là 121,4%.\n\n' +
      `| Chỉ tiêu | Năm 2023 | Năm 2024 |\n|---|---|---|\n| Công suất sử dụng giường bệnh (%) | 127,6 | ${cell} |\n`;
    assert.equal(rules(t('112,7'), 'indicator-conflict').length, 1);
    assert.deepEqual(rules(t('121,4'), 'indicator-conflict'), []);
  });
});
