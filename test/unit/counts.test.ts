// Counts outside the indicator catalogue (issue 13, item 1 of the round-3 brief):
// "Tổng số lượt khám bệnh ... là 162.340 lượt" and "| Số lượt khám bệnh | lượt |
// ... |" are the same fact; what makes two mentions of "lượt khám" NOT the same
// fact (a sub-group, a facility, a change, a cumulative total, a daily average,
// another period, next year's plan) keeps them apart.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { buildDocModel, check, getDefaultConfig, indicatorSummary } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { swapToneStyle } from '../helpers/reports';

const config = getDefaultConfig();
const HEAD = '# Báo cáo kết quả khám bệnh, chữa bệnh năm 2024\n\n';

/** The count mentions of a text: "value key" (key "-" when not compared, with the reason). */
function counts(body: string): string[] {
  const doc = buildDocModel(HEAD + body, config);
  return indicatorSummary(doc, config)
    .filter((x) => x.indicator.startsWith('count:'))
    .map((x) => `${x.value} ${x.key ?? '- ' + x.notCompared}`);
}

/** The same in NFC, NFD, the other tone style and CRLF (the keys are folded: identical). */
function countsEverywhere(body: string): string[] {
  const nfc = counts(body);
  assert.deepEqual(counts(body.normalize('NFD')), nfc, 'NFD');
  assert.deepEqual(counts(swapToneStyle(body)), nfc, 'tone style');
  assert.deepEqual(counts(body.replace(/\n/g, '\r\n')), nfc, 'CRLF');
  return nfc;
}

const conflicts = (body: string): number => check(HEAD + body, config).filter((f) => f.rule === 'indicator-conflict').length;

describe('counts outside the catalogue', () => {
  it('count-nouns.json is valid against its schema and written in NFC', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/count-nouns.schema.json'), 'utf8'));
    const data = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/indicators/count-nouns.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const text = JSON.stringify(data);
    assert.equal(text, text.normalize('NFC'));
  });

  it('reads the same count in prose and in a KH/TH table as one fact', () => {
    const got = countsEverywhere(
      'Tổng số lượt khám bệnh năm 2024 đạt 124.560 lượt, vượt kế hoạch (118.000 lượt).\n\n| Chỉ tiêu | ĐVT | KH 2024 | TH 2024 |\n|---|---|---|---|\n| Số lượt khám bệnh | lượt | 118.000 | 124.560 |\n',
    );
    assert.equal(got.length, 4);
    const keys = new Set(got.map((g) => g.slice(g.indexOf(' ') + 1)));
    assert.equal(keys.size, 2, got.join('\n'));
    assert.ok([...keys].some((k) => k.endsWith('|target')) && [...keys].some((k) => k.endsWith('|achieved')));
  });

  it('finds a restated count with another value (prose vs table, prose vs prose, case list vs table)', () => {
    assert.equal(conflicts('Tổng số lượt khám bệnh là 124.560 lượt.\n\n| Chỉ tiêu | Năm 2023 | Năm 2024 |\n|---|---|---|\n| Số lượt khám bệnh (lượt) | 116.240 | 126.450 |\n'), 1);
    assert.equal(conflicts('Số lượt điều trị nội trú là 14.820 lượt.\n\nTổng số lượt người bệnh điều trị nội trú là 14.280 lượt.\n'), 1);
    assert.equal(conflicts('- Sốt xuất huyết: 214 ca mắc.\n\n| Bệnh | Quý I | Cả năm 2024 |\n|---|---|---|\n| Số ca sốt xuất huyết (ca) | 12 | 241 |\n'), 1);
    assert.equal(conflicts('Ngày điều trị trung bình là 5,9 ngày.\n\n| Chỉ tiêu | Năm 2024 |\n|---|---|\n| Ngày điều trị trung bình (ngày) | 6,1 |\n'), 1);
  });

  it('keeps apart what is not the same fact', () => {
    const body = [
      'Tổng số lượt khám bệnh là 124.560 lượt, tăng 8.320 lượt so với năm 2023.',
      'Số lượt khám bệnh có thẻ bảo hiểm y tế là 104.630 lượt.',
      'Số lượt khám bệnh tại trạm y tế xã là 38.430 lượt.',
      'Số lượt điều trị nội trú là 14.820 lượt; số lượt điều trị ngoại trú là 3.260 lượt.',
      'Riêng 6 tháng đầu năm 2024, số lượt khám bệnh là 59.870 lượt.',
      'Số lượt khám bệnh là 498 lượt/ngày.',
      'Lũy kế giai đoạn 2021 - 2024, số lượt khám bệnh đạt 447.480 lượt.',
      'Tổng số ca phẫu thuật là 2.346 ca, trong đó 640 ca phẫu thuật cấp cứu; 3 ca tử vong.',
      'Tổng số ngày điều trị là 87.440 ngày. Ngày điều trị trung bình là 5,9 ngày.',
      'Phấn đấu năm 2025 số lượt khám bệnh đạt 130.000 lượt.',
    ].join('\n\n');
    const got = countsEverywhere(body);
    assert.equal(conflicts(body), 0, got.join('\n'));
    // The daily average and the change are not levels of the count; "3 ca tử vong" is another count.
    assert.ok(!got.some((g) => g.startsWith('498 ')), got.join('\n'));
    assert.ok(got.some((g) => g.startsWith('8320 - change')), got.join('\n'));
    assert.ok(!got.some((g) => g.startsWith('3 ') || g.startsWith('640 ')), got.join('\n'));
    // Every compared count has its own key.
    const keyed = got.filter((g) => !g.includes(' - '));
    assert.equal(new Set(keyed.map((g) => g.slice(g.indexOf(' ') + 1))).size, keyed.length, got.join('\n'));
  });

  it('reads a count under a heading about one department or facility as that unit\'s', () => {
    const body = 'Tổng số lượt điều trị nội trú là 48.630 lượt.\n\n### 3. Khoa Nội tổng hợp\n\nSố lượt điều trị nội trú là 7.860 lượt.\n\n### 4. Hoạt động của các trạm y tế\n\nSố lượt điều trị nội trú là 1.240 lượt.\n\n### 5. Khoa học, công nghệ\n\nSố lượt điều trị nội trú là 48.630 lượt.\n';
    assert.equal(conflicts(body), 0);
    const got = countsEverywhere(body);
    assert.equal(got.filter((g) => g.includes('unit:')).length, 2, got.join('\n'));
    // "Khoa học" is not a department: the count under it is the document's, and a different value there is a slip.
    assert.equal(conflicts(body.replace('là 48.630 lượt.\n', 'là 48.360 lượt.\n')), 1);
  });

  it('reads a count said of a facility ("Tại các trạm y tế xã, ...", a caption naming it) as that facility\'s', () => {
    const body =
      'Tổng số lượt khám bệnh là 124.560 lượt.\n\nTại các trạm y tế xã, tổng số lượt khám bệnh là 38.430 lượt.\n\nBảng 2. Khám bệnh tại các trạm y tế xã năm 2024\n\n| Chỉ tiêu | TH 2024 |\n|---|---|\n| Số lượt khám bệnh | 38.340 |\n';
    const got = countsEverywhere(body);
    assert.equal(got.filter((g) => g.includes('unit:các trạm y tế xã')).length, 2, got.join('\n'));
    // The two facility figures are one fact: a slip between them is found; the document's total is apart.
    assert.equal(conflicts(body), 1);
    assert.equal(conflicts(body.replace('38.340', '38.430')), 0);
  });

  it('does not take "chỉ số", "dân số", "một số" for the head of a count', () => {
    assert.deepEqual(counts('Chỉ số lượt khám bệnh là 12 lượt.\n\nDân số trung bình là 168.450 người.\n\nMột số lượt khám bệnh là 120 lượt.\n'), []);
  });

  it('reads a table count only where the other axis says which value it is', () => {
    // Rows are facilities: only the total row is the document's count.
    const byFacility = '| Cơ sở | Số lượt khám bệnh |\n|---|---|\n| Bệnh viện huyện | 55.100 |\n| Phòng khám khu vực | 7.150 |\n| Tổng số | 62.250 |\n';
    assert.deepEqual(
      counts(byFacility).map((g) => g.split(' ')[0]),
      ['62250'],
    );
    // A column that says neither kind nor period ("Số lượng") gives nothing.
    assert.deepEqual(counts('| Chỉ tiêu | Số lượng |\n|---|---|\n| Số lượt khám bệnh (lượt) | 62.250 |\n'), []);
    // A unit column that disagrees with the phrase's unit: not read.
    assert.deepEqual(counts('| Chỉ tiêu | ĐVT | TH 2024 |\n|---|---|---|\n| Số lượt khám bệnh | ca | 62.250 |\n'), []);
  });

  it('reads half-year and quarter columns (columns.ts) as their periods', () => {
    const got = counts('| Chỉ tiêu | Quý I | Quý II | 6 tháng |\n|---|---|---|---|\n| Số lượt khám bệnh (lượt) | 30.100 | 32.150 | 62.250 |\n');
    assert.deepEqual(
      got.map((g) => g.split('|')[2]),
      ['Q1/2024', 'Q2/2024', '6T/2024'],
    );
  });
});
