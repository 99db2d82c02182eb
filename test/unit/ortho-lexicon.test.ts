// Issue 14, items 2-4: common-misspelling (pairs with their context, fixed
// phrases one slip away), place-name (the gazetteer) and syllable (dictionary
// words, one-key Telex leftovers). Precision first: each "found" case has its
// correct neighbour beside it, not found.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { check, configFromObject, fixAll, getDefaultConfig, loadConfig, type Finding } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { analyzeWord, toStyle } from '../../server/src/engine/vietnamese/syllable';
import { PhraseIndex, nearStats, sylKey } from '../../server/src/engine/vietnamese/nearphrase';
import { builtinPhrases } from '../../server/src/engine/vietnamese/misspellings';
import { PROVINCES_63, PROVINCES_34, DISTRICTS, COMMUNES } from '../../server/src/engine/vietnamese/places';

const found = (rule: string, text: string, config = getDefaultConfig()): string[] =>
  check(text, config)
    .filter((f: Finding) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end).normalize('NFC'));
const fixed = (text: string, rule: string) => fixAll(text, getDefaultConfig(), { only: [rule] }).text;

describe('common-misspelling', () => {
  it('finds the known pairs and fixes only the words that differ', () => {
    const text = 'Bệnh nhân được chuẩn đoán sớm; sự cố được sử lí ngay; khoa đạt danh hiệu xuất xắc.\n';
    assert.deepEqual(found('common-misspelling', text), ['chuẩn đoán', 'sử lí', 'xuất xắc']);
    // "lí" keeps the writer's i spelling.
    assert.equal(fixed(text, 'common-misspelling'), 'Bệnh nhân được chẩn đoán sớm; sự cố được xử lí ngay; khoa đạt danh hiệu xuất sắc.\n');
  });

  it('leaves the same letters alone where the neighbouring words make them right', () => {
    for (const ok of [
      'Đoàn đã giám sát nhập khẩu thuốc tại cửa khẩu.',
      'Khả năng xuất hiện dịch còn cao.',
      'Gia đình đã để dành được một khoản tiền.',
      'Đội tuyển đã giành được giải nhất.',
      'Phải giành cho được thắng lợi.',
      'Lịch sử lý luận y học được giảng dạy.',
      'Chuyển đổi số y tế được đẩy mạnh.',
      'Hồ sơ xuất viện được lưu trữ.',
      'Bệnh nhân được gây tê tại chỗ.',
    ])
      assert.deepEqual(found('common-misspelling', ok + '\n'), [], ok);
  });

  it('finds a fixed phrase with one tone or letter slip, in prose and tables, NFC and NFD, CRLF, both tone styles', () => {
    const text = 'Toàn tỉnh đã khám chửa bệnh cho 1,2 triệu lượt người.\r\n\r\n| Chỉ tiêu | 2024 |\r\n|---|---|\r\n| Công suât sử dụng giường bệnh | 95% |\r\n\r\nCông tác phòng chông dịch và chăm sóc sức khoẻ sinh sẳn được duy trì.\r\n';
    const want = ['khám chửa bệnh', 'Công suât sử dụng giường bệnh', 'phòng chông dịch', 'chăm sóc sức khoẻ sinh sẳn'];
    assert.deepEqual(found('common-misspelling', text), want);
    assert.deepEqual(found('common-misspelling', text.normalize('NFD')), want);
    assert.deepEqual(found('common-misspelling', text.replace('khoẻ', 'khỏe')), ['khám chửa bệnh', 'Công suât sử dụng giường bệnh', 'phòng chông dịch', 'chăm sóc sức khỏe sinh sẳn']);
    const out = fixed(text, 'common-misspelling');
    assert.equal(out, text.replace('chửa', 'chữa').replace('suât', 'suất').replace('chông', 'chống').replace('sẳn', 'sản'));
    assert.equal(fixed(text.normalize('NFD'), 'common-misspelling').normalize('NFC'), out);
  });

  it('does not flag the correct phrases, either tone style, i or y', () => {
    const text = 'Khám chữa bệnh, phòng chống dịch, công suất sử dụng giường bệnh, chăm sóc sức khoẻ sinh sản, chăm sóc sức khỏe sinh sản, kế hoạch hoá gia đình, kế hoạch hóa gia đình, Trung tâm Y tế, kĩ thuật, kỹ thuật.\n';
    assert.deepEqual(found('common-misspelling', text), []);
  });

  it('a slip in the first or last word of a short phrase is not read (the word may belong to the next phrase)', () => {
    // "Sở Y tế" and "trạm y tế xã" are phrases; "chuyển đổi số y tế" and "trạm y tế xa khu dân cư" are right.
    assert.deepEqual(found('common-misspelling', 'Chuyển đổi số y tế.\n'), []);
    assert.deepEqual(found('common-misspelling', 'Một số trạm y tế xa khu dân cư.\n'), []);
    assert.deepEqual(found('common-misspelling', 'Công tác khám chửa bệnh.\n'), ['khám chửa bệnh']);
  });

  it('takes extra pairs from .vnhrrc.json (validated) and extra phrases from the rule options', () => {
    const { config, problems } = loadConfig(JSON.stringify({ misspellings: [{ wrong: 'trẩn đoán', right: 'chẩn đoán' }], rules: { 'common-misspelling': ['warning', { phrases: ['Bệnh viện Phổi tỉnh'] }] } }));
    assert.deepEqual(problems, []);
    assert.deepEqual(found('common-misspelling', 'Bệnh nhân được trẩn đoán tại Bệnh viện Phổi tỉnh và Bệnh viện Phỗi tỉnh.\n', config), ['trẩn đoán', 'Bệnh viện Phỗi tỉnh']);
    const bad = loadConfig(JSON.stringify({ misspellings: [{ wrong: 'x' }] }));
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0].message, /misspellings/);
  });

  it('a window near two different phrases, or itself a known phrase, is not a slip', () => {
    const ix = new PhraseIndex<string>();
    ix.add('số ca mắc mới', 'a');
    ix.add('số ca mất mới', 'b');
    const keys = (s: string) => s.split(' ').map(sylKey);
    const allow = () => true;
    assert.deepEqual(ix.near(keys('số ca mắc mới'), allow), []);
    assert.deepEqual(ix.near(keys('số ca mắt mới'), allow), []); // near both: not certain
    assert.equal(ix.near(keys('số ca mắc mời'), allow).length, 1);
    ix.addKnown('số ca mắc mời');
    assert.deepEqual(ix.near(keys('số ca mắc mời'), allow), []);
  });

  it('is one linear pass: 10 times the text makes 10 times the phrase comparisons', () => {
    const para = 'Năm 2024, toàn tỉnh đã khám chữa bệnh cho 1,2 triệu lượt người; công tác phòng chống dịch, tiêm chủng mở rộng và chăm sóc sức khỏe ban đầu được duy trì, Trung tâm Y tế các huyện hoạt động ổn định.\n\n';
    const count = (n: number) => {
      const before = nearStats.compared;
      check(Array.from({ length: n }, (_, i) => para.replace('2024', String(1900 + i))).join(''), configFromObject({}), { only: ['common-misspelling'] });
      return nearStats.compared - before;
    };
    const a = count(20);
    const b = count(200);
    assert.ok(a > 0);
    assert.ok(b <= 10 * a * 1.05 && b >= 10 * a * 0.95, `${a} -> ${b}`);
  });

  it('ships data valid against its schema, with its source', () => {
    const data = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/data/misspellings.json'), 'utf8')) as { pairs: { right: string }[] };
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/misspellings.schema.json'), 'utf8'));
    const v = new Ajv({ strict: false }).compile(schema);
    assert.ok(v(data), JSON.stringify(v.errors));
    // Every "wrong" is wrong and every "right" right: the right form is not itself flagged.
    for (const p of data.pairs) assert.deepEqual(found('common-misspelling', `Trong báo cáo: ${p.right}.\n`), [], p.right);
  });
});

describe('place-name', () => {
  const sentence = (unit: string, name: string) => `Năm 2024, ${unit} ${name} có 12 bệnh viện và 150 trạm y tế.\n`;

  it('every official province name (63 + 34) in a sentence passes every rule, NFC and NFD, both tone styles', () => {
    const bad: string[] = [];
    for (const name of [...PROVINCES_63, ...PROVINCES_34]) {
      for (const unit of ['tỉnh', 'thành phố']) {
        for (const t of [sentence(unit, name), sentence(unit, name).normalize('NFD'), sentence(unit, name.split(' ').map((w) => toStyle(w, 'reformed')).join(' '))]) {
          const f = check(t).filter((x) => x.rule !== 'unicode-normalization' || t === t.normalize('NFC'));
          if (f.length) bad.push(`${t.trim()}: ${f.map((x) => x.rule).join(', ')}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('every district and commune name of the gazetteer passes every rule', () => {
    const bad: string[] = [];
    for (const name of DISTRICTS) if (check(sentence('huyện', name)).length) bad.push(name);
    for (const name of COMMUNES) if (check(sentence('xã', name)).length) bad.push(name);
    assert.deepEqual(bad, []);
    assert.ok(DISTRICTS.length > 650 && COMMUNES.length > 6000, `${DISTRICTS.length} districts, ${COMMUNES.length} communes`);
  });

  it('syllable never flags a known name (minority-language names break the rules on purpose)', () => {
    const text = 'Các huyện Đăk Glei, Đắk Glei, Đăk Song, Krông Pắc, Ea H\'leo, Chư Sê, Mường Nhé, Tu Mơ Rông, Đắk R\'Lấp, Ia H\'Drai và thành phố Buôn Ma Thuột.\n';
    assert.deepEqual(check(text).map((f) => f.rule), []);
  });

  it('finds a slip after the unit word, and the outdated spellings (information), with fixes', () => {
    const text = 'Tại tỉnh Hà Năm, tỉnh Thừa Thiê Huế, huyện Mê Lin, tỉnh Bắc Cạn và thành phố Buôn Mê Thuột.\n';
    const f = check(text).filter((x) => x.rule === 'place-name');
    assert.deepEqual(f.map((x) => [text.slice(x.start, x.end), x.severity]), [
      ['Hà Năm', 'warning'],
      ['Thừa Thiê Huế', 'warning'],
      ['Mê Lin', 'warning'],
      ['Bắc Cạn', 'information'],
      ['Buôn Mê Thuột', 'information'],
    ]);
    assert.equal(fixed(text, 'place-name'), 'Tại tỉnh Hà Nam, tỉnh Thừa Thiên Huế, huyện Mê Linh, tỉnh Bắc Kạn và thành phố Buôn Ma Thuột.\n');
    assert.deepEqual(found('place-name', text.normalize('NFD')), found('place-name', text));
  });

  it('without a unit word, or when the name is known, a near name is not flagged', () => {
    for (const ok of [
      'Ông Hà Năm là trưởng đoàn.', // a person, no unit word
      'Tỉnh Khánh Hoà và tỉnh Khánh Hòa.', // tone styles
      'Thành phố Quy Nhơn, thành phố Qui Nhơn.', // i/y
      'Huyện Đăk Hà và huyện Đắk Hà.', // Đăk/Đắk
      'Tỉnh Hà Giang, tỉnh Bắc Kạn, tỉnh Quảng Nam (trước sáp nhập).', // old provinces stay right
      'Tỉnh Hà Nam Ninh cũ.', // a longer capitalised run: not compared
      'Thành phố Ðà Nẵng.', // look-alike Ð: unicode-normalization's finding
    ])
      assert.deepEqual(found('place-name', ok + '\n'), [], ok);
  });

  it('ships a gazetteer valid against its schema: 63 + 34 provinces, districts, communes, source stated', () => {
    const data = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/data/places.json'), 'utf8')) as { source: string; provinces2025: unknown[] };
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/places.schema.json'), 'utf8'));
    const v = new Ajv({ strict: false }).compile(schema);
    assert.ok(v(data), JSON.stringify(v.errors));
    assert.equal(PROVINCES_63.length, 63);
    assert.equal(PROVINCES_34.length, 34);
    assert.match(data.source, /Tổng cục Thống kê/);
    assert.match(data.source, /202\/2025\/QH15/);
    // Every merged province comes from provinces of the 63.
    const k = (n: string) => n.split(' ').map(sylKey).join(' ');
    const old = new Set(PROVINCES_63.map(k));
    for (const p of data.provinces2025 as { from: string[] }[]) for (const f of p.from) assert.ok(old.has(k(f)), f);
    assert.equal(new Set((data.provinces2025 as { from: string[] }[]).flatMap((p) => p.from.map(k))).size, 63);
  });
});

describe('syllable: dictionary words and Telex leftovers', () => {
  /** Entries of hunspell-vi that are junk, not words. */
  const JUNK: Record<string, string> = {
    gỵa: 'the word is "giạ" (also listed): gi initial written with y and the tone on it, a spelling no reference uses',
    têt: 'a stop final with no tone cannot be pronounced; the word is "tết" (also listed)',
  };

  it('accepts every entry of the dictionary-vi word list (hunspell-vi) except the junk listed', () => {
    const dic = readFileSync(join(REPO_ROOT, 'node_modules/dictionary-vi/index.dic'), 'utf8').split(/\r?\n/).slice(1);
    const words = dic.map((l) => l.split('/')[0].trim()).filter(Boolean);
    assert.ok(words.length > 6000);
    const rejected = words.filter((w) => analyzeWord(w).status === 'invalid');
    assert.deepEqual(rejected.sort(), Object.keys(JUNK).sort());
    // Both tone styles of every entry.
    for (const style of ['traditional', 'reformed'] as const) {
      const bad = words.filter((w) => !JUNK[w] && analyzeWord(toStyle(w, style)).status === 'invalid');
      assert.deepEqual(bad, [], style);
    }
  });

  it('loan and dialect words dictionaries list pass', () => {
    assert.deepEqual(check('Đi xe buýt, tính quạu quọ, dáng quều quào.\n').map((f) => f.rule), []);
  });

  it('catches Telex leftovers that convert to an ordinary syllable, not English words or names', () => {
    const text = 'Bộ tieeu chí, làm việc nghieem túc, nguyeen nhân, Vieejt Nam; keen, moon, queen, book, Lee, Soon, Kaan, coffee, feed.\n';
    assert.deepEqual(found('syllable', text), ['tieeu', 'nghieem', 'nguyeen', 'Vieejt']);
    for (const [w, s] of [['tieeu', 'tiêu'], ['nghieem', 'nghiêm'], ['muoon', 'muôn'], ['nguyeen', 'nguyên']]) assert.deepEqual(analyzeWord(w).suggestions, [s], w);
  });
});

describe('doc pages of common-misspelling and place-name: the examples hold', () => {
  for (const id of ['common-misspelling', 'place-name']) {
    it(id, () => {
      const doc = readFileSync(join(REPO_ROOT, 'docs/rules', id + '.md'), 'utf8');
      const section = (name: string) => doc.split(new RegExp(`\\n## ${name}[^\\n]*\\n`))[1].split(/\n## /)[0];
      const lines = (name: string) => section(name).split('```markdown\n').slice(1).flatMap((b) => b.split('```')[0].split('\n').filter(Boolean));
      const wrong = lines('Sai');
      const right = lines('Đúng');
      assert.ok(wrong.length >= 4 && right.length >= 4);
      for (const l of wrong) assert.notDeepEqual(found(id, l + '\n'), [], l);
      for (const l of right) assert.deepEqual(found(id, l + '\n'), [], l);
    });
  }
});

// Built by scripts/build.mjs so a check does not derive it at first use.
describe('fixed phrases generated at build time', () => {
  it('equal what builtinPhrases() derives from the data files now', () => {
    const built = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/vietnamese/misspelling-phrases.generated.json'), 'utf8')) as string[];
    const live = builtinPhrases();
    assert.ok(live.length > 100, `${live.length} phrases`);
    assert.deepEqual(built, live);
  });
});
