import { strict as assert } from 'node:assert';
import { tokenizeNumbers, parseViNumber, type NumToken } from '../../server/src/engine/vietnamese/numbers';

const one = (s: string): NumToken => {
  const t = tokenizeNumbers(s);
  assert.ok(t.length >= 1, `no token in ${s}`);
  return t[0];
};

describe('Vietnamese number tokenizer', () => {
  it('reads Vietnamese quantities with their precision', () => {
    const cases: [string, number, number][] = [
      ['đạt 12,5 bác sĩ', 12.5, 1],
      ['10.000 dân', 10000, 0],
      ['87.500 lượt', 87500, 0],
      ['1.596 bác sĩ', 1596, 0],
      ['111,2 trẻ nam', 111.2, 1],
      ['1.234,56 tỷ', 1234.56, 2],
    ];
    for (const [s, v, d] of cases) {
      const t = one(s);
      assert.equal(t.kind, 'number', s);
      assert.equal(t.value, v, s);
      assert.equal(t.decimals, d, s);
    }
  });
  it('attaches percent, permille and scale words', () => {
    assert.deepEqual([one('99,3%').value, one('99,3%').percent, one('99,3%').percentSpace], [99.3, '%', false]);
    assert.equal(one('0,2 %').percentSpace, true);
    assert.equal(one('tỷ suất 15,2‰').percent, '‰');
    const t = one('2,2 triệu lượt');
    assert.equal(t.value, 2.2);
    assert.equal(t.scale?.factor, 1e6);
  });
  it('marks ranges of years', () => {
    for (const s of ['2021 - 2025', '2021-2025', '2021–2025']) {
      const t = tokenizeNumbers(s);
      assert.equal(t.length, 2, s);
      assert.ok(t[0].isYear && t[1].isYear);
      assert.equal(t[0].rangeWith, 'next');
      assert.equal(t[1].rangeWith, 'prev');
    }
  });
  it('does not read document numbers, dates, sections and codes as quantities', () => {
    const cases: [string, string][] = [
      ['247/QĐ-UBND', 'docnum'],
      ['Nghị quyết số 158/2024/QH15', 'docnum'],
      ['1300/QĐ-BYT', 'docnum'],
      ['ngày 11/07/2023', 'date'],
      ['ngày 15.10.2025', 'date'],
      ['tháng 6/2024', 'date'],
      ['mục 2.2.4', 'section'],
      ['H5N1', 'code'],
      ['COVID-19', 'code'],
      ['lúc 02:53', 'time'],
      ['gọi 0912.345.678', 'code'],
      ['12,5,5,5', 'other'],
    ];
    for (const [s, kind] of cases) {
      const t = tokenizeNumbers(s).find((x) => x.kind !== 'number' || true)!;
      assert.equal(t.kind, kind, s);
    }
  });
  it('gives fractions with both numbers (counts, rates, short dates)', () => {
    const t = one('150/226 xã');
    assert.equal(t.kind, 'fraction');
    assert.equal(t.numerator?.value, 150);
    assert.equal(t.denominator?.value, 226);
    const r = one('233/100.000 trẻ');
    assert.equal(r.denominator?.value, 100000);
  });
  it('tells the English forms apart', () => {
    assert.equal(parseViNumber('12.5')?.style, 'en-decimal');
    assert.equal(parseViNumber('1,234,567')?.style, 'en-thousands');
    assert.equal(parseViNumber('87,500')?.style, 'vi-or-en');
    assert.equal(parseViNumber('12,5')?.style, 'vi');
    assert.equal(one('1.2 Kết quả').kind, 'section');
  });
  it('is linear on hostile digit runs', () => {
    const s = '1.'.repeat(100000) + '1';
    const t = tokenizeNumbers(s);
    assert.equal(t.length, 1);
    assert.equal(t[0].kind, 'section');
  });
});
