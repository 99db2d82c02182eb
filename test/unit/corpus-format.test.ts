// Real-text test of the formatting rules (family "format", whitespace included):
// every corpus document (seeds and real) is checked, and the findings must equal
// the list below — each entry a genuine slip, with the reason. Legitimate forms
// found in the corpus are asserted never to be flagged. The same holds for the
// NFD form of every document, where unicode-normalization must fire and its
// fixes must give back the NFC text exactly.
import { strict as assert } from 'node:assert';
import { allRules, check, fixAll, LineIndex, type Finding } from '../helpers/engine';
import { describeCorpus } from '../helpers/corpus';

const FORMAT = new Set(allRules.filter((r) => r.meta.family === 'format').map((r) => r.meta.id));

interface Expected {
  doc: string;
  line: number; // 1-based
  rule: string;
  text: string; // the flagged text (NFC)
  why: string;
}

const EXPECTED: Expected[] = [
  // seeds/bac-kan-2022.txt
  { doc: 'seeds/bac-kan-2022.txt', line: 3, rule: 'punctuation-spacing', text: '-', why: '"Phạm Duy Hưng- Phó Chủ tịch": dash spaced on one side' },
  { doc: 'seeds/bac-kan-2022.txt', line: 8, rule: 'term-spelling', text: 'Covid-19', why: 'COVID-19 is the canonical spelling' },
  { doc: 'seeds/bac-kan-2022.txt', line: 17, rule: 'term-spelling', text: 'Covid-19', why: 'COVID-19 is the canonical spelling' },
  { doc: 'seeds/bac-kan-2022.txt', line: 19, rule: 'punctuation-spacing', text: '-', why: '"Phạm Duy Hưng- Phó Chủ tịch" again' },
  { doc: 'seeds/bac-kan-2022.txt', line: 21, rule: 'punctuation-spacing', text: '-', why: '"bệnh tật tỉnh- đơn vị dẫn đầu": dash spaced on one side' },
  { doc: 'seeds/bac-kan-2022.txt', line: 21, rule: 'whitespace', text: '\u00a0', why: 'the seed\'s non-breaking space in "cá\u00a0nhân"' },
  { doc: 'seeds/bac-kan-2022.txt', line: 21, rule: 'term-spelling', text: 'Covid-19', why: 'COVID-19 is the canonical spelling' },
  // seeds/hoa-binh-2022.txt
  { doc: 'seeds/hoa-binh-2022.txt', line: 5, rule: 'whitespace', text: ' \u00a0', why: 'space + non-breaking space after "Giám đốc Sở Y tế;"' },
  { doc: 'seeds/hoa-binh-2022.txt', line: 6, rule: 'term-spelling', text: 'COVID- 19', why: 'seed slip "COVID- 19" beside COVID-19' },
  { doc: 'seeds/hoa-binh-2022.txt', line: 6, rule: 'term-spelling', text: 'COVID – 19', why: 'seed slip "COVID – 19"' },
  { doc: 'seeds/hoa-binh-2022.txt', line: 9, rule: 'term-spelling', text: 'COVID – 19', why: 'seed slip "COVID – 19"' },
  { doc: 'seeds/hoa-binh-2022.txt', line: 11, rule: 'whitespace', text: ' \u00a0', why: 'space + non-breaking space after "UBND tỉnh"' },
  { doc: 'seeds/hoa-binh-2022.txt', line: 12, rule: 'punctuation-spacing', text: ' ,', why: 'seed slip "phòng , chống"' },
  { doc: 'seeds/hoa-binh-2022.txt', line: 12, rule: 'term-spelling', text: 'COVID – 19', why: 'seed slip "COVID – 19"' },
  // seeds/hue-2024.txt
  { doc: 'seeds/hue-2024.txt', line: 4, rule: 'punctuation-spacing', text: ' :', why: '"Share Bai :": space before a colon (page chrome, but a real slip)' },
  { doc: 'seeds/hue-2024.txt', line: 18, rule: 'whitespace', text: ' \u00a0', why: 'space + non-breaking space in "thầm lặng \u00a0của"' },
  { doc: 'seeds/hue-2024.txt', line: 18, rule: 'whitespace', text: '\u00a0', why: 'non-breaking space in "khỏe\u00a0cho"' },
  // seeds/lai-chau-2024.txt
  { doc: 'seeds/lai-chau-2024.txt', line: 6, rule: 'duplicate-word', text: 'nhiệm nhiệm', why: 'seed slip "triển khai nhiệm nhiệm vụ"' },
  { doc: 'seeds/lai-chau-2024.txt', line: 16, rule: 'term-spelling', text: 'Covid - 19', why: '"Đại dịch Covid - 19"' },
  // seeds/lang-son-2019.txt
  { doc: 'seeds/lang-son-2019.txt', line: 1, rule: 'whitespace', text: '\u00a0 ', why: 'non-breaking space + space in "Thứ hai,  27/01/2020"' },
  { doc: 'seeds/lang-son-2019.txt', line: 5, rule: 'date-format', text: '15/1/', why: 'seed slip "(15/1/)": half-written date' },
  // real documents
  { doc: 'real/real-04.txt', line: 5, rule: 'punctuation-spacing', text: 'mốc1', why: '"vượt mốc100 triệu người": word glued to a number' },
  { doc: 'real/real-05.txt', line: 6, rule: 'number-format', text: '70 %', why: '"lên 70 % năm 2022": space before %' },
  { doc: 'real/real-06.txt', line: 11, rule: 'punctuation-spacing', text: ':', why: '"Xuất bản:Thứ ba": no space after a colon' },
  { doc: 'real/real-07.txt', line: 10, rule: 'punctuation-spacing', text: ' ?', why: '"“tắc nghẽn” ?": space before a question mark' },
  { doc: 'real/real-07.txt', line: 19, rule: 'term-spelling', text: 'Covid-19', why: 'COVID-19 is the canonical spelling' },
  { doc: 'real/real-07.txt', line: 21, rule: 'term-spelling', text: 'Covid-19', why: 'COVID-19 is the canonical spelling' },
  { doc: 'real/real-10.txt', line: 3, rule: 'number-format', text: '9,4 %', why: '"tăng 9,4 % so với": space before %' },
  { doc: 'real/real-11.txt', line: 5, rule: 'punctuation-spacing', text: '…', why: '"tâm thần…Trong năm": no space after the ellipsis' },
  { doc: 'real/real-13.txt', line: 7, rule: 'decimal-separator', text: '21.8', why: '"21.8%" beside 26,7% and 13,9%: decimal point' },
  { doc: 'real/real-14.txt', line: 8, rule: 'punctuation-spacing', text: '( ', why: '"( Cập nhật lúc": space after (' },
  { doc: 'real/real-14.txt', line: 8, rule: 'whitespace', text: '  ', why: 'double space in "13/03/2019  )"' },
  { doc: 'real/real-14.txt', line: 8, rule: 'punctuation-spacing', text: '  )', why: '"13/03/2019  )": space before )' },
  { doc: 'real/real-16.txt', line: 7, rule: 'punctuation-spacing', text: ',,', why: '"dưới 12 tuổi,, đến nay": doubled comma' },
  { doc: 'real/real-17.txt', line: 10, rule: 'punctuation-spacing', text: ':', why: '"Xuất bản:Chủ nhật": no space after a colon' },
  { doc: 'real/real-18.txt', line: 7, rule: 'punctuation-spacing', text: '( ', why: '"322 trạm y tế ( 2011)": space after (' },
  { doc: 'real/real-18.txt', line: 16, rule: 'punctuation-spacing', text: '-', why: '"NGTK 2011- Cục Thống kê": dash spaced on one side' },
];

/** Legitimate text in the corpus that no formatting rule may touch. */
const LEGIT: { re: RegExp; why: string; allow?: string[] }[] = [
  { re: /thi công công trình/g, why: 'compound boundary thi công | công trình' },
  { re: /trở thành thành phố/g, why: 'compound boundary trở thành | thành phố' },
  { re: /[Ss]ong song/g, why: 'reduplicative' },
  { re: /kinh tế ?- ?xã hội/g, why: 'spaced and unspaced coordination hyphen' },
  { re: /\.\/\./g, why: 'the end-of-document mark' },
  { re: /\d{1,5}[-/](?:\d{4}\/)?[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*/g, why: 'document numbers (158/2024/QH15, 247/QĐ-UBND, 128-NQ/CP)' },
  { re: /COVID-19|HIV\/AIDS/g, why: 'canonical terms' },
  { re: /TP\. Hồ Chí Minh|PGS\.TS\.BS|v\.v\./g, why: 'dotted abbreviations' },
  { re: /\b\d+(?:\.\d+)+\.(?= )/g, why: 'section and table numbers (2.2., 2.2.4., 2.13.)' },
  { re: /\d{1,2}:\d{2}(?::\d{2})?/g, why: 'times' },
  { re: /\d{1,2}\/\d{1,2}\/\d{4}/g, why: 'complete dates' },
  { re: /\p{L},\.\.\./gu, why: 'comma + ellipsis ("dịch bệnh,...")' },
  { re: /\d+,\d+/g, why: 'decimal-comma numbers', allow: ['number-format'] /* "9,4 %": the finding is the space before % */ },
  { re: /\d{1,3}(?:\.\d{3})+/g, why: 'thousands dots' },
];

const key = (doc: string, line: number, rule: string, text: string) => `${doc}:${line}:${rule}:${JSON.stringify(text.normalize('NFC'))}`;

function formatFindings(text: string): Finding[] {
  return check(text).filter((f) => FORMAT.has(f.rule));
}

function keysOf(doc: string, text: string, findings: Finding[]): string[] {
  const li = new LineIndex(text);
  return findings.map((f) => key(doc, li.positionAt(f.start).line + 1, f.rule, text.slice(f.start, f.end))).sort();
}

describeCorpus('formatting rules on the real corpus', (docs) => {
  const expectedFor = (doc: string) => EXPECTED.filter((e) => e.doc === doc).map((e) => key(e.doc, e.line, e.rule, e.text)).sort();

  it('the expected list names only corpus documents and format rules', () => {
    const names = new Set(docs.map((d) => d.name));
    for (const e of EXPECTED) {
      assert.ok(names.has(e.doc), `unknown document ${e.doc}`);
      assert.ok(FORMAT.has(e.rule), `${e.rule} is not a format rule`);
      assert.ok(e.why.length > 5);
    }
  });

  for (const d of docs) {
    describe(d.name, () => {
      it('finds exactly the expected slips (NFC)', () => {
        assert.deepEqual(keysOf(d.name, d.text, formatFindings(d.text)), expectedFor(d.name));
      });

      it('finds the same slips in NFD, plus unicode-normalization whose fixes give back NFC', () => {
        const nfd = d.text.normalize('NFD');
        const found = formatFindings(nfd);
        const others = found.filter((f) => f.rule !== 'unicode-normalization');
        assert.deepEqual(keysOf(d.name, nfd, others), expectedFor(d.name));
        const hasDiacritics = d.text !== nfd;
        const un = found.filter((f) => f.rule === 'unicode-normalization');
        assert.equal(un.length > 0, hasDiacritics, 'unicode-normalization fires exactly on text with diacritics');
        // One finding per line at most: not one per letter.
        const lines = new Set(un.map((f) => new LineIndex(nfd).positionAt(f.start).line));
        assert.equal(lines.size, un.length);
        assert.equal(fixAll(nfd, undefined, { only: ['unicode-normalization'] }).text, d.text.normalize('NFC'));
      });

      it('never flags the legitimate forms', () => {
        const findings = formatFindings(d.text);
        for (const { re, why, allow } of LEGIT) {
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(d.text))) {
            const s = m.index;
            const e = s + m[0].length;
            const hit = findings.find((f) => f.start < e && s < f.end && f.end > f.start && !allow?.includes(f.rule));
            assert.equal(hit, undefined, `"${m[0]}" (${why}) flagged by ${hit?.rule}: ${hit?.message.en}`);
          }
        }
      });
    });
  }

  it('the seed slips named in the issue are all found with the right rule', () => {
    const all = docs.flatMap((d) => formatFindings(d.text).map((f) => ({ rule: f.rule, text: d.text.slice(f.start, f.end) })));
    const has = (rule: string, text: string) => all.some((f) => f.rule === rule && f.text === text);
    assert.ok(has('duplicate-word', 'nhiệm nhiệm'));
    assert.ok(has('punctuation-spacing', ' ,'));
    assert.ok(has('date-format', '15/1/'));
    assert.ok(has('term-spelling', 'COVID – 19'));
    assert.ok(has('term-spelling', 'COVID- 19'));
    assert.ok(has('whitespace', '  '));
    assert.ok(has('whitespace', '\u00a0'));
  });
});

describe('formatting rules leave legitimate Vietnamese alone', () => {
  const clean = [
    'Người người, nhà nhà thi đua; dần dần, ngày ngày, thường thường, lần lần, từ từ; song song đó.',
    'Không ký hợp đồng thi công công trình; tỉnh trở thành thành phố; hệ thống thống kê; của của cải.',
    'Phát triển kinh tế - xã hội và kinh tế-xã hội theo Nghị quyết số 158/2024/QH15 và Quyết định 247/QĐ-UBND.',
    'Tỷ lệ đạt 12,5%; 10.000 dân; 87.500 lượt; 1.596 bác sĩ; 2,2 triệu lượt; 0,2%; 111,2 trẻ nam/100 trẻ nữ.',
    'Mục 2.2.4 và Bảng 2.13. Sáng 11.1, lúc 02:53, tỷ lệ 1 : 2, ngày 27/2/1955 - 27/2/2024 tại TP. Hồ Chí Minh.',
    'Dịch COVID-19, virus SARS-CoV-2, phòng, chống HIV/AIDS, chủng H5N1; khó khăn … tiếp tục; v.v.',
    'Văn bản kết thúc./.',
  ];
  for (const text of clean) {
    it(text.slice(0, 40), () => {
      assert.deepEqual(formatFindings(text).map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`), []);
      assert.deepEqual(formatFindings(text.normalize('NFD')).filter((f) => f.rule !== 'unicode-normalization').map((f) => f.rule), []);
    });
  }
});
