// Table column headers: what each column holds (achieved, target, estimate,
// previous period, a ratio of two other cells, a change, a unit, a note),
// its year and sub-year period, in the header shapes reports use.
import { strict as assert } from 'node:assert';
import { readColumnHeader, type ColumnReading } from '../../server/src/engine/indicators/columns';

const pick = (r: ColumnReading) => {
  const o: Record<string, unknown> = { role: r.role };
  if (r.year !== undefined) o.year = r.year;
  if (r.period !== undefined) o.period = r.period;
  if (r.ratioOf) o.ratioOf = `${r.ratioOf.numerator}/${r.ratioOf.denominator}`;
  return o;
};
const is = (header: string, want: Record<string, unknown>) => assert.deepEqual(pick(readColumnHeader(header)), want, header);

describe('column headers (columns.ts)', () => {
  it('plan, achievement and a comparison column', () => {
    is('Kế hoạch 2022', { role: 'target', year: 2022 });
    is('Thực hiện 2022', { role: 'achieved', year: 2022 });
    is('So sánh (%)', { role: 'ratio' });
    is('Thực hiện năm 2023 so với kế hoạch (%)', { role: 'ratio', year: 2023, ratioOf: 'achieved/target' });
  });
  it('abbreviated headers: TH, KH, % so KH, % so cùng kỳ', () => {
    is('TH 2021', { role: 'achieved', year: 2021 });
    is('KH 2022', { role: 'target', year: 2022 });
    is('TH 2022', { role: 'achieved', year: 2022 });
    is('% so KH', { role: 'ratio', ratioOf: 'achieved/target' });
    is('% so cùng kỳ', { role: 'ratio', ratioOf: 'achieved/previous' });
    is('TH/KH (%)', { role: 'ratio', ratioOf: 'achieved/target' });
    is('Ước TH/KH (%)', { role: 'ratio', ratioOf: 'estimate/target' });
  });
  it('estimates, previous periods, plain years and sub-year periods', () => {
    is('Ước TH 2024', { role: 'estimate', year: 2024 });
    is('Ước thực hiện năm 2024', { role: 'estimate', year: 2024 });
    is('Cùng kỳ', { role: 'previous' });
    is('Cùng kỳ năm 2022', { role: 'previous', year: 2022 });
    is('Năm 2023', { role: 'achieved', year: 2023 });
    is('2023', { role: 'achieved', year: 2023 });
    is('Năm 2022 (người)', { role: 'achieved', year: 2022 });
    is('Thực hiện 6 tháng đầu năm 2024', { role: 'achieved', year: 2024, period: 'H1' });
    is('6 tháng/2008', { role: 'achieved', year: 2008, period: 'H1' });
    is('6 tháng đầu 2009', { role: 'achieved', year: 2009, period: 'H1' });
    is('6 tháng đầu năm 2024', { role: 'achieved', year: 2024, period: 'H1' });
    is('6 tháng cuối năm', { role: 'achieved', period: 'H2' });
    is('9 tháng 2023', { role: 'achieved', year: 2023, period: '9M' });
    is('Quý I/2024', { role: 'achieved', year: 2024, period: 'Q1' });
    is('Quý 3 năm 2024', { role: 'achieved', year: 2024, period: 'Q3' });
    is('KH 6 tháng 2024', { role: 'target', year: 2024, period: 'H1' });
  });
  it('unit, note, change and label columns', () => {
    is('Đơn vị tính', { role: 'unit' });
    is('ĐVT', { role: 'unit' });
    is('Đvt', { role: 'unit' });
    is('Ghi chú', { role: 'note' });
    is('Tăng/giảm', { role: 'change' });
    is('Tăng (+)/giảm (-) so với cùng kỳ', { role: 'change' });
    is('Chênh lệch', { role: 'change' });
    is('Chỉ tiêu', { role: 'label' });
    is('Nội dung', { role: 'label' });
    is('Chỉ tiêu giao 2024', { role: 'target', year: 2024 });
  });
  it('ratios to the same period of the year before', () => {
    is('Tỷ lệ so với cùng kỳ (%)', { role: 'ratio', ratioOf: 'achieved/previous' });
    is('So sánh 2023/2022 (%)', { role: 'ratio', year: 2023, ratioOf: 'achieved/previous' });
    is('So với năm 2022 (%)', { role: 'ratio', ratioOf: 'achieved/previous' });
    is('Tỷ lệ đạt (%)', { role: 'ratio', ratioOf: 'achieved/target' });
    is('%', { role: 'ratio' });
    is('Tỷ lệ (%)', { role: 'ratio' });
  });
  it('headers that name something else stay unknown', () => {
    is('Số xã', { role: 'unknown' });
    is('Tỷ lệ tiêm chủng đầy đủ', { role: 'unknown' });
    is('Đơn vị', { role: 'unknown' });
    is('Nam', { role: 'unknown' });
    is('Giường kế hoạch', { role: 'unknown' });
    is('Số giường bệnh kế hoạch 2024', { role: 'unknown', year: 2024 });
    is('Kế hoạch hóa gia đình', { role: 'unknown' });
  });
  it('column numbers and formulas', () => {
    const r = readColumnHeader('So sánh (%) (3)=(2)/(1)');
    assert.equal(r.role, 'ratio');
    assert.deepEqual(r.formula, [2, 1]);
    assert.equal(r.ref, 3);
    assert.equal(readColumnHeader('Thực hiện 2023 (2)').ref, 2);
    assert.equal(readColumnHeader('Thực hiện 2023 (2)').year, 2023);
  });
  it('NFD and the other tone style read the same', () => {
    for (const h of ['Kế hoạch 2022', '% so cùng kỳ', 'Ước TH 2024', 'Ghi chú', 'Tăng/giảm', '6 tháng đầu năm 2024']) {
      assert.deepEqual(readColumnHeader(h.normalize('NFD')), readColumnHeader(h), h);
    }
    assert.equal(readColumnHeader('Hoà thành kế hoạch').role, readColumnHeader('Hòa thành kế hoạch').role);
    assert.equal(readColumnHeader('Thuỷ TH 2023').year, 2023);
  });
});
