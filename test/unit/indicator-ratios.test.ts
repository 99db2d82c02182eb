// Figures derived from other figures (issue 13 items 3-6): a percentage a
// clause after its fraction, table ratio cells against the two cells they
// compare, units that do not fit the indicator, and count / population /
// ratio agreement. Each shape is tested as a slip (finding on its line) and as
// a trap (none), in NFC and NFD, with CRLF line ends and both tone styles.
import { strict as assert } from 'node:assert';
import { check, getDefaultConfig, LineIndex } from '../helpers/engine';
import { matches } from '../../server/src/engine/indicators/fractions';

const cfg = getDefaultConfig();
const MINE = new Set(['fraction-percent-mismatch', 'indicator-unit-mismatch', 'indicator-ratio-mismatch', 'indicator-implausible']);
const H = '# Báo cáo kết quả công tác y tế năm 2024\n\n';

/** "line:rule" of my rules' findings, with every variant of the text agreeing. */
function found(body: string): string[] {
  const text = H + body;
  const variants = [text, text.normalize('NFD'), text.replace(/\n/g, '\r\n')];
  const results = variants.map((t) => {
    const li = new LineIndex(t);
    return check(t, cfg)
      .filter((f) => MINE.has(f.rule))
      .map((f) => `${li.positionAt(f.start).line - 1}:${f.rule}`)
      .sort();
  });
  assert.deepEqual(results[1], results[0], 'NFD differs');
  assert.deepEqual(results[2], results[0], 'CRLF differs');
  return results[0];
}
const none = (body: string) => assert.deepEqual(found(body), [], body);
const one = (body: string, rule: string, line = 1) => assert.deepEqual(found(body), [`${line}:${rule}`], body);

describe('fraction-percent-mismatch: as far as the sentence', () => {
  const FP = 'fraction-percent-mismatch';
  it('a percentage a clause after its fraction', () => {
    one('Có 42/57 thôn, bản vùng đặc biệt khó khăn có nhân viên y tế thôn bản được tập huấn lại, đạt 78,9%.', FP);
    none('Có 42/57 thôn, bản vùng đặc biệt khó khăn có nhân viên y tế thôn bản được tập huấn lại, đạt 73,7%.');
    one('Đến cuối năm, 128/152 trạm y tế xã có bác sĩ làm việc thường xuyên, chiếm tỷ lệ 86,2%.', FP);
    none('Đến cuối năm, 128/152 trạm y tế xã có bác sĩ làm việc thường xuyên, chiếm tỷ lệ 84,2%.');
    one('Có 132/146 bà mẹ được khám thai từ 4 lần trở lên trong thai kỳ, đạt 88,3%.', FP);
    none('Có 132/146 bà mẹ được khám thai từ 4 lần trở lên trong thai kỳ, đạt 90,4%.');
  });
  it('a percentage that is not the share of that fraction', () => {
    none('Toàn huyện có 12/15 trạm y tế có bác sĩ làm việc, 100% trạm có nữ hộ sinh hoặc y sĩ sản nhi.');
    none('Có 12/15 xã triển khai tiêm vắc xin phòng dại, tỷ lệ tiêm chủng đầy đủ toàn huyện đạt 97,2%.');
    none('Hoàn thành 10/12 chỉ tiêu chuyên môn, đạt 90% kế hoạch năm.');
    none('Có 128/152 trạm y tế có bác sĩ, trong đó các xã vùng khó khăn đạt 70%.');
    none('Có 12/15 xã đạt chuẩn, tăng 2 xã so với năm 2023, đạt 80%.');
    none('Có 12/15 xã đạt chuẩn, cao hơn mức chung của toàn tỉnh là 70%.');
  });
  it('a share of the base in the parenthesis after it', () => {
    one('Tổng số lượt khám bệnh là 2.486.300 lượt, đạt 54,2% kế hoạch năm (4.800.000 lượt).', FP);
    none('Tổng số lượt khám bệnh là 2.486.300 lượt, đạt 51,8% kế hoạch năm (4.800.000 lượt).');
    // Rounded twice (48,549 → 48,55 → 48,6): accepted.
    none('Có 11.482 trẻ dưới 1 tuổi được tiêm chủng đầy đủ, đạt 48,6% kế hoạch năm (23.650 trẻ).');
    // Another unit in the parenthesis: not the same base.
    none('Số ca phẫu thuật là 21.640 ca, đạt 80% kế hoạch năm (42.000 lượt).');
  });
  it('accepts the rounding writers use', () => {
    assert.ok(matches(66.37, 66.4, 1));
    assert.ok(matches(66.37, 66.3, 1));
    assert.ok(matches(66.37, 66, 0));
    assert.ok(matches(48.5497, 48.6, 1));
    assert.ok(!matches(66.37, 67, 0));
    assert.ok(!matches(104.37, 100, 0));
  });
});

describe('fraction-percent-mismatch: table ratio cells', () => {
  const FP = 'fraction-percent-mismatch';
  const T1 = (cell: string) =>
    `| Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện 2024 | So sánh (%) |\n|---|---|---|---|---|\n| Số lượt khám bệnh | lượt | 150.000 | 162.340 | 108,2 |\n| Số người bệnh nội trú | người | 412 | 430 | ${cell} |\n`;
  it('"412 | 430 | 100" is 104,4%', () => {
    one(T1('100'), FP, 4);
    none(T1('104,4'));
    none(T1('104'));
  });
  it('% so KH and % so cùng kỳ each against their own columns', () => {
    const t = (a: string, b: string) =>
      `| Chỉ tiêu | TH 2023 | KH 2024 | TH 2024 | % so KH | % so cùng kỳ |\n|---|---|---|---|---|---|\n| Số lượt khám | 140.000 | 150.000 | 162.340 | ${a} | ${b} |\n| Số ca sinh | 1.200 | 1.250 | 1.180 | 94,4 | 98,3 |\n`;
    none(t('108,2', '116,0'));
    one(t('116,0', '116,0'), FP, 3);
    one(t('108,2', '108,2'), FP, 3);
  });
  it('unclear columns are not checked', () => {
    // Two plan columns: which one the ratio divides by is not said.
    none('| Chỉ tiêu | KH 2024 | KH điều chỉnh 2024 | TH 2024 | So sánh (%) |\n|---|---|---|---|---|\n| Số lượt khám | 150.000 | 160.000 | 162.340 | 100 |\n');
    // A column where no row agrees holds another formula.
    none('| Chỉ tiêu | KH 2024 | TH 2024 | So sánh (%) |\n|---|---|---|---|\n| A | 100 | 120 | 12 |\n| B | 200 | 210 | 3 |\n');
  });
});

describe('indicator-unit-mismatch', () => {
  const U = 'indicator-unit-mismatch';
  it('a per-10.000 or per-1.000 ratio written with %', () => {
    one('Số bác sĩ trên 10.000 dân năm 2024 đạt 9,6%.', U);
    one('Tỷ suất tử vong trẻ em dưới 1 tuổi năm 2024 là 11,2%.', U);
    none('Tỷ suất tử vong trẻ em dưới 1 tuổi năm 2024 là 11,2‰.');
    none('Số bác sĩ trên vạn dân năm 2024 tăng 5% so với năm 2023.');
  });
  it('"%o" for ‰ is a number format, not a unit slip', () => {
    none('Tỷ suất tử vong trẻ em dưới 1 tuổi năm 2024 là 11,2%o.');
  });
  it('percentage points on a ratio that is not a percentage', () => {
    one('Tỷ suất tử vong trẻ em dưới 5 tuổi giảm 0,4 điểm phần trăm so với năm 2023.', U);
    none('Tỷ suất tử vong trẻ em dưới 5 tuổi giảm 0,4 điểm phần nghìn so với năm 2023.');
    none('Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ tăng 0,5 điểm phần trăm so với năm 2023.');
  });
  it('a rate per 100.000 given in người; a percentage in ‰', () => {
    one('Tỷ số tử vong mẹ năm 2024 là 46 người.', U);
    none('Tỷ số tử vong mẹ năm 2024 là 46/100.000 trẻ đẻ sống.');
    one('Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi là 17,8‰.', U);
    one('Tỷ suất tử vong trẻ em dưới 5 tuổi giảm từ 18,4‰ xuống 17,6%.', U);
  });
  it('"đạt 22,3%" after a count only when it is count / population × 10.000', () => {
    one('Dân số của tỉnh năm 2024 là 1.324.600 người; số điều dưỡng là 2.954 người, đạt 22,3%.', U);
    none('Dân số của tỉnh năm 2024 là 1.324.600 người; số điều dưỡng là 2.954 người, đạt 98,5%.');
  });
  it('both tone styles', () => {
    one('Tỉ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi là 17,8‰.', U);
    one('Số bác sỹ trên 10.000 dân năm 2024 đạt 9,6%.', U);
  });
});

describe('indicator-ratio-mismatch', () => {
  const R = 'indicator-ratio-mismatch';
  it('count, population and ratio in one sentence', () => {
    one('Năm 2024, toàn tỉnh có 1.240 bác sĩ, dân số 1,32 triệu người, đạt 11 bác sĩ/vạn dân.', R);
    none('Năm 2024, toàn tỉnh có 1.240 bác sĩ, dân số 1,32 triệu người, đạt 9,4 bác sĩ/vạn dân.');
  });
  it('the document population applies to a later count', () => {
    const text = (r: string) => `Dân số trung bình của tỉnh năm 2024 là 1.324.600 người.\n\nToàn tỉnh có 1.258 bác sĩ, tăng 82 bác sĩ so với năm 2023 (1.176 bác sĩ); đạt ${r} bác sĩ/vạn dân.\n`;
    none(text('9,5'));
    assert.deepEqual(found(text('10,5')), [`3:${R}`]);
  });
  it('two different populations, a named place, a hedge: not used', () => {
    none('Dân số năm 2024 là 1.324.600 người. Dân số năm 2024 là 1.400.000 người. Toàn tỉnh có 1.258 bác sĩ, đạt 11 bác sĩ/vạn dân.');
    none('Dân số của tỉnh năm 2024 là 1.324.600 người. Huyện Bắc Sơn có 96 bác sĩ, đạt 7,1 bác sĩ/vạn dân.');
    none('Dân số của tỉnh năm 2024 là 1.324.600 người. Toàn tỉnh có khoảng 1.258 bác sĩ, đạt 11 bác sĩ/vạn dân.');
  });
  it('crude birth rate and maternal mortality from their own bases', () => {
    one('Dân số của tỉnh năm 2024 là 1.324.600 người. Số trẻ đẻ sống trong năm là 21.380 trẻ; tỷ suất sinh thô đạt 18,1‰.', R);
    none('Dân số của tỉnh năm 2024 là 1.324.600 người. Số trẻ đẻ sống trong năm là 21.380 trẻ; tỷ suất sinh thô đạt 16,1‰.');
    none('Số trẻ đẻ sống trong năm là 21.380 trẻ. Có 9 trường hợp tử vong mẹ, tỷ số tử vong mẹ là 42,1/100.000 trẻ đẻ sống.');
    assert.deepEqual(found('Số trẻ đẻ sống trong năm là 21.380 trẻ. Có 9 trường hợp tử vong mẹ, tỷ số tử vong mẹ là 50,6/100.000 trẻ đẻ sống.'), [`1:${R}`]);
  });
  it('tables by year and by area', () => {
    const byYear = (r: string) => `| Năm | Dân số (người) | Số bác sĩ | Bác sĩ/vạn dân |\n|---|---|---|---|\n| 2023 | 1.311.200 | 1.176 | ${r} |\n| 2024 | 1.324.600 | 1.258 | 9,5 |\n`;
    none(byYear('9,0'));
    one(byYear('8,0'), R, 3);
    const byArea = (r: string) => `| Vùng | Dân số (nghìn người) | Số bác sĩ | Bác sĩ/vạn dân |\n|---|---|---|---|\n| Tây Nguyên | 6.100 | 6.720 | ${r} |\n`;
    none(byArea('11,0'));
    one(byArea('12,0'), R, 3);
  });
  it('the ratio moves with the count (be conservative)', () => {
    const t = (r: string) => `| Chỉ tiêu | Năm 2022 | Năm 2023 | Năm 2024 |\n|---|---|---|---|\n| Số giường bệnh | 3.650 | 3.720 | 3.735 |\n| Giường bệnh/vạn dân | 28,2 | 28,4 | ${r} |\n`;
    one(t('25,0'), R, 4);
    none(t('28,3'));
    // A population growth of 3-4% in a year is unusual but not impossible: not reported.
    none(t('27,5'));
  });
});
