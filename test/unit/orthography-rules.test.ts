// Behaviour of the orthography rules beyond the fixtures: majorities and ties,
// configured preferences, document-wide fixes, definitions of abbreviations,
// what the syllable rule leaves alone, and which fixes are applied automatically.
import { strict as assert } from 'node:assert';
import { check, configFromObject, fixAll, type Finding } from '../helpers/engine';

const only = (rule: string, text: string, raw: Record<string, unknown> = {}): Finding[] =>
  check(text, configFromObject({ rules: { 'abbreviation-undefined': 'information' }, ...raw }), { only: [rule] });
const texts = (text: string, fs: Finding[]) => fs.map((f) => text.slice(f.start, f.end));

describe('tone-mark-style', () => {
  it('flags the minority style across blocks and fix-all converts the document', () => {
    const text = 'Tỉnh Hòa Bình.\n\nSức khỏe và thủy lợi.\n\nNgười dân khoẻ mạnh.\n';
    const fs = only('tone-mark-style', text);
    assert.deepEqual(texts(text, fs), ['khoẻ']);
    assert.equal(fs[0].fixes?.[0].edits[0].newText, 'khỏe');
    const fixed = fixAll(text, configFromObject({}), { only: ['tone-mark-style'] }).text;
    assert.equal(fixed, 'Tỉnh Hòa Bình.\n\nSức khỏe và thủy lợi.\n\nNgười dân khỏe mạnh.\n');
  });

  it('on a tie, the style of the first word wins', () => {
    const text = 'Người dân khoẻ mạnh, đất nước hòa bình.\n';
    assert.deepEqual(texts(text, only('tone-mark-style', text)), ['hòa']);
  });

  it('a consistent document gives nothing, unless another style is configured', () => {
    const text = 'Hòa bình, thủy lợi, khỏe mạnh.\n';
    assert.deepEqual(only('tone-mark-style', text), []);
    const fs = only('tone-mark-style', text, { rules: { 'tone-mark-style': ['warning', { prefer: 'reformed' }] } });
    assert.deepEqual(texts(text, fs), ['Hòa', 'thủy', 'khỏe']);
    assert.deepEqual(fs.map((f) => f.fixes?.[0].edits[0].newText), ['Hoà', 'thuỷ', 'khoẻ']);
  });

  it('works on NFD input, with ranges covering whole words of the original', () => {
    const text = 'Hòa bình, thủy lợi, người dân khoẻ mạnh.\n'.normalize('NFD');
    const fs = only('tone-mark-style', text);
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].start, fs[0].end).normalize('NFC'), 'khoẻ');
  });

  it('ignores code, URLs and words that are the same in both styles', () => {
    const text = 'Hòa bình `khoẻ` [liên kết](https://x.vn/hoà) hoàn thành, quý, già.\n';
    assert.deepEqual(only('tone-mark-style', text), []);
  });
});

describe('spelling-consistency', () => {
  it('the majority spelling of each word wins; different words are independent', () => {
    const text = 'Tỷ lệ bác sĩ tăng. Tỷ lệ điều dưỡng tăng. Tỉ lệ hộ sinh giảm. Bác sĩ và kỹ thuật viên.\n';
    const fs = only('spelling-consistency', text);
    assert.deepEqual(texts(text, fs), ['Tỉ']);
    assert.equal(fs[0].fixes?.[0].edits[0].newText, 'Tỷ');
  });

  it('proper names inside a sentence are not counted', () => {
    const text = 'Quản lý tốt. Ông Lí Văn Kiên và nhà thơ Nguyễn Vĩ phát biểu về quản lý.\n';
    assert.deepEqual(only('spelling-consistency', text), []);
  });

  it('toneless ly/li, ty/ti are different words; quy/qui are compared', () => {
    assert.deepEqual(only('spelling-consistency', 'Ly hôn, li ti, công ty, ti vi.\n'), []);
    const text = 'Quy định mới, qui định cũ, quy chế.\n';
    assert.deepEqual(texts(text, only('spelling-consistency', text)), ['qui']);
  });

  it('vắc xin / vắc-xin and Bộ Y tế / Bộ y tế, with fix-all', () => {
    const text = 'Vắc xin sởi. Tiêm vắc xin và vắc-xin.\n\nBộ Y tế chỉ đạo, Bộ y tế hướng dẫn, Bộ Y tế kiểm tra.\n';
    const fs = only('spelling-consistency', text);
    assert.deepEqual(texts(text, fs), ['vắc-xin', 'Bộ y tế']);
    const fixed = fixAll(text, configFromObject({}), { only: ['spelling-consistency'] }).text;
    assert.equal(fixed, 'Vắc xin sởi. Tiêm vắc xin và vắc xin.\n\nBộ Y tế chỉ đạo, Bộ Y tế hướng dẫn, Bộ Y tế kiểm tra.\n');
  });
});

describe('abbreviation-undefined', () => {
  it('is off by default', () => {
    assert.deepEqual(check('Tỷ lệ tham gia BHYT đạt 92%.\n', undefined, { only: ['abbreviation-undefined'] }), []);
  });

  it('reports the first use before the definition, pointing at the definition', () => {
    const text = 'Tham gia BHYT tăng. BHYT là trụ cột.\n\nTham gia bảo hiểm y tế (BHYT) đạt 93%.\n';
    const fs = only('abbreviation-undefined', text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].start, text.indexOf('BHYT'));
    assert.equal(fs[0].severity, 'information');
    assert.equal(fs[0].related?.length, 1);
    assert.equal(fs[0].related![0].start, text.indexOf('(BHYT)') + 1);
    assert.equal(fs[0].fixes?.[0].safe, false);
    assert.equal(fs[0].fixes?.[0].edits[0].newText, 'bảo hiểm y tế (BHYT)');
  });

  it('accepts the usual ways of defining', () => {
    for (const text of ['Bảo hiểm y tế (BHYT) đạt 92%; BHYT tăng.\n', 'BHYT (bảo hiểm y tế) đạt 92%; BHYT tăng.\n', 'Bảo hiểm y tế, sau đây gọi tắt là BHYT, tăng.\n'])
      assert.deepEqual(only('abbreviation-undefined', text), [], text);
  });

  it('exempts well-known and configured ones, checks configured abbreviations, skips document codes', () => {
    assert.deepEqual(only('abbreviation-undefined', 'UBND, HĐND, WHO, COVID-19 và HIV/AIDS; Quyết định 123/QĐ-BYT.\n'), []);
    assert.deepEqual(only('abbreviation-undefined', 'Tham gia BHYT.\n', { knownAbbreviations: ['BHYT'] }), []);
    const text = 'Số lượt KCB-BHYT tăng.\n';
    assert.deepEqual(texts(text, only('abbreviation-undefined', text, { abbreviations: { 'KCB-BHYT': 'khám chữa bệnh bảo hiểm y tế' } })), ['KCB-BHYT']);
    // A catalogued compound as a whole; otherwise the parts of a compound without digits.
    const t2 = 'Công tác DS-KHHGĐ.\n';
    assert.deepEqual(texts(t2, only('abbreviation-undefined', t2)), ['DS-KHHGĐ']);
    const t3 = 'Công tác Dân số/KHHGĐ và NVYT-ĐD.\n';
    assert.deepEqual(texts(t3, only('abbreviation-undefined', t3)), ['KHHGĐ', 'NVYT', 'ĐD']);
  });
});

describe('syllable rule', () => {
  it('leaves code, links, glued names and abbreviations alone', () => {
    const text = 'Mã `Vieejt` và [trang](https://vieejt.vn), người H\'Mông, K\'Bang, BHYT, TTYT, km, mg, XVI, H5N1, COVID-19.\n';
    assert.deepEqual(only('syllable', text), []);
  });

  it('fix-all applies only certain fixes', () => {
    const text = 'Kết qủa tốt, toàn nghành cố gắng, Vieejt Nam, cảp nhật.\n';
    const fs = only('syllable', text);
    assert.deepEqual(texts(text, fs), ['qủa', 'nghành', 'Vieejt', 'cảp']);
    assert.deepEqual(fs.map((f) => f.fixes?.some((x) => x.safe) ?? false), [true, true, false, false]);
    const fixed = fixAll(text, configFromObject({}), { only: ['syllable'] }).text;
    assert.equal(fixed, 'Kết quả tốt, toàn ngành cố gắng, Vieejt Nam, cảp nhật.\n');
  });

  it('suggests completions of a truncated syllable from the same block', () => {
    const text = 'Bệnh viện tuyến tỉnh và bệnh viện tuyế huyện.\n';
    const fs = only('syllable', text);
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes?.map((f) => [f.edits[0].newText, f.safe]), [['tuyến', false]]);
  });

  it('flags Telex slips on English words with Vietnamese marks, not the English words themselves', () => {
    const text = 'Tìm trên Gôgle và Google, email, internet, online.\n';
    assert.deepEqual(texts(text, only('syllable', text)), ['Gôgle']);
  });
});
