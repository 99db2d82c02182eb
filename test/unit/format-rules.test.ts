// Behaviour of the formatting rules beyond the fixtures: what the safe fixes
// produce, the term list and its config, raw ranges of unicode-normalization.
import { strict as assert } from 'node:assert';
import { check, fixAll, configFromObject, type Finding } from '../helpers/engine';
import { looseTermRegex } from '../../server/src/engine/rules/term-spelling';

const only = (rule: string, text: string, config = configFromObject({})): Finding[] => check(text, config).filter((f) => f.rule === rule);
const fixed = (rule: string, text: string, config = configFromObject({})): string => fixAll(text, config, { only: [rule] }).text;

describe('formatting rules: fixes and options', () => {
  it('decimal-separator fixes to Vietnamese separators', () => {
    assert.equal(fixed('decimal-separator', 'Đạt 12.5 bác sĩ, 21.8%, 1.4 triệu lượt, 87,500 lượt, 1,234,567 đồng và 1,234.5 tỷ.'), 'Đạt 12,5 bác sĩ, 21,8%, 1,4 triệu lượt, 87.500 lượt, 1.234.567 đồng và 1.234,5 tỷ.');
    // Ambiguous or not a quantity: untouched.
    for (const s of ['Giá 1,500 tỷ đồng.', 'Sáng 11.1, Sở họp.', 'Xem Bảng 2.13. Số liệu.', 'Phiên bản 2.5 ra mắt.', 'Có 12,500 người/100.000 dân.', 'Ngày 15.3 năm 2024.']) {
      assert.deepEqual(only('decimal-separator', s), [], s);
    }
  });

  it('number-format fixes percent spacing, permille and broken groups', () => {
    assert.equal(fixed('number-format', 'Tăng 9,4 % và 3,5%o, 2,1 o/oo, 4 %0; có 10 .000 và 25. 000 người.'), 'Tăng 9,4% và 3,5‰, 2,1‰, 4‰; có 10.000 và 25.000 người.');
    assert.deepEqual(only('number-format', 'Có 10 000 người; đạt 95. 100 người.'), []);
  });

  it('punctuation-spacing fixes give the conventional spacing', () => {
    assert.equal(
      fixed('punctuation-spacing', 'Phòng , chống; viện ,trạm; có không ? ( 2011) và (2012 ); Xuất bản:Thứ ba; tuổi,, đến; thần…Trong; mốc100 triệu; Hưng- Phó.'),
      'Phòng, chống; viện, trạm; có không? (2011) và (2012); Xuất bản: Thứ ba; tuổi, đến; thần… Trong; mốc 100 triệu; Hưng - Phó.',
    );
  });

  it('duplicate-word removes the extra syllable and keeps the capital', () => {
    assert.equal(fixed('duplicate-word', 'Triển khai nhiệm nhiệm vụ. Nhiệm nhiệm vụ mới. Các sở và và các ngành.'), 'Triển khai nhiệm vụ. Nhiệm vụ mới. Các sở và các ngành.');
    // A doubled syllable split by a soft line break is still one phrase.
    assert.equal(only('duplicate-word', 'Triển khai nhiệm\nnhiệm vụ.').length, 1);
  });

  it('date-format: leap years, impossible days, the place-date line fix', () => {
    assert.deepEqual(only('date-format', 'Ngày 29/2/2024 và 29/2/2000 họp.'), []);
    assert.equal(only('date-format', 'Ngày 29/2/2023 và 29/2/1900 họp.').length, 2);
    assert.equal(fixed('date-format', 'Hà Nội, ngày 5 tháng 2 năm 2025'), 'Hà Nội, ngày 05 tháng 02 năm 2025');
    assert.equal(fixed('date-format', 'Quảng Ngãi, ngày 29 tháng 06 năm 2019'), 'Quảng Ngãi, ngày 29 tháng 6 năm 2019');
    // In running text the padding is not enforced.
    assert.deepEqual(only('date-format', 'Hội nghị họp ngày 5 tháng 2 năm 2025 tại Sở.'), []);
    // "(15/1/)" has only an unsafe fix: the year may be what is missing.
    const half = only('date-format', 'Hôm nay (15/1/), Sở họp.');
    assert.equal(half.length, 1);
    assert.equal(half[0].fixes?.[0].safe, false);
  });

  it('term-spelling: built-in terms are matched loosely, the canonical form is left alone', () => {
    const re = looseTermRegex('COVID-19');
    for (const v of ['Covid-19', 'COVID – 19', 'COVID- 19', 'covid 19', 'Covid - 19', 'COVID19', 'COVID-19']) {
      re.lastIndex = 0;
      assert.ok(re.test(v), v);
    }
    for (const v of ['COVID-199', 'xCOVID-19', 'COVID', 'COVID-1']) {
      re.lastIndex = 0;
      assert.ok(!re.test(v), v);
    }
    assert.deepEqual(only('term-spelling', 'Dịch COVID-19 do SARS-CoV-2; HIV/AIDS.'), []);
  });

  it('term-spelling: configured terms add literal variants, override built-ins, and built-ins can be turned off', () => {
    const extra = configFromObject({ terms: { 'vắc xin': ['vaccine', 'vacxin'] } });
    assert.equal(fixed('term-spelling', 'Tiêm vaccine và vacxin COVID – 19.', extra), 'Tiêm vắc xin và vắc xin COVID-19.');
    const prefer = configFromObject({ terms: { 'Covid-19': ['COVID-19'] } });
    assert.equal(fixed('term-spelling', 'Dịch COVID-19 và Covid-19 và COVID – 19.', prefer), 'Dịch Covid-19 và Covid-19 và COVID – 19.');
    const noBuiltin = configFromObject({ rules: { 'term-spelling': ['warning', { builtin: false }] } });
    assert.deepEqual(only('term-spelling', 'Dịch Covid-19.', noBuiltin), []);
    // A variant that is part of the canonical spelling never bites into it.
    const partial = configFromObject({ terms: { 'COVID-19': ['COVID'] } });
    assert.equal(fixed('term-spelling', 'Dịch COVID-19 và dịch COVID.', partial), 'Dịch COVID-19 và dịch COVID-19.');
  });

  it('unicode-normalization: one raw finding per NFD line, over whole words, fixed to NFC', () => {
    const nfc = 'Báo cáo tổng kết.\nCông tác y tế năm 2024.\n';
    const mixed = 'Báo cáo ' + 'tổng kết'.normalize('NFD') + '.\nCông tác y tế năm 2024.\n';
    const f = only('unicode-normalization', mixed);
    assert.equal(f.length, 1);
    assert.equal(mixed.slice(f[0].start, f[0].end), 'tổng kết'.normalize('NFD'));
    assert.equal(fixed('unicode-normalization', mixed), nfc);
    const allNfd = nfc.normalize('NFD');
    assert.equal(only('unicode-normalization', allNfd).length, 2);
    assert.equal(fixed('unicode-normalization', allNfd), nfc);
    assert.deepEqual(only('unicode-normalization', nfc), []);
  });

  it('unicode-normalization: look-alike letters', () => {
    assert.equal(fixed('unicode-normalization', 'Ðà Nẵng, ðại hội, B\u0435nh vi\u0435n; Москва.'), 'Đà Nẵng, đại hội, Benh vien; Москва.');
  });
});
