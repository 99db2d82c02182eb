// sum-mismatch and change-mismatch: the doc pages' examples, correct paragraphs of
// many shapes that must stay silent, what a finding carries (the computation, the
// parts as related information, unsafe suggestions only), NFC/NFD/CRLF and tone
// styles, and zero findings on the real corpus and the six correct reports.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, getDefaultConfig, LineIndex, type Finding } from '../helpers/engine';
import { REPO_ROOT, describeCorpus } from '../helpers/corpus';

const config = getDefaultConfig();
const RULES = ['sum-mismatch', 'change-mismatch'];
const ours = (text: string, rule?: string): Finding[] => check(text, config).filter((f) => (rule ? f.rule === rule : RULES.includes(f.rule)));

/** The ```markdown blocks under a "## Sai" or "## Đúng" heading of a doc page. */
function examples(id: string, section: 'Sai' | 'Đúng'): string[][] {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'rules', id + '.md'), 'utf8');
  const start = doc.indexOf(`## ${section}`);
  const end = doc.indexOf('\n## ', start + 3);
  const part = doc.slice(start, end < 0 ? undefined : end);
  const blocks: string[][] = [];
  const re = /```markdown\n([\s\S]*?)```/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(part))) blocks.push(m[1].trimEnd().split('\n'));
  return blocks;
}

for (const id of RULES) {
  describe(`${id}: doc page examples`, () => {
    for (const block of examples(id, 'Sai')) {
      const table = block[0].startsWith('|');
      for (const unit of table ? [block.join('\n')] : block) {
        it(`wrong: ${unit.split('\n').slice(-1)[0].slice(0, 70)}`, () => {
          assert.ok(ours(unit + '\n', id).length > 0, `no ${id} on:\n${unit}`);
        });
      }
    }
    for (const block of examples(id, 'Đúng')) {
      const table = block[0].startsWith('|');
      for (const unit of table ? [block.join('\n')] : block) {
        it(`right: ${unit.split('\n').slice(-1)[0].slice(0, 70)}`, () => {
          assert.deepEqual(ours(unit + '\n', id).map((f) => f.message.vi), []);
        });
      }
    }
  });
}

// Correct paragraphs written for this test: totals, subsets, shares and changes in
// the shapes reports use, every figure consistent. None may fire.
const CORRECT = [
  'Mạng lưới y tế huyện gồm 1 trung tâm y tế, 2 phòng khám đa khoa khu vực và 21 trạm y tế xã, thị trấn.',
  'Tổng số giường bệnh toàn huyện là 410 giường, gồm: khối điều trị Trung tâm 310 giường, 2 phòng khám khu vực 40 giường và các trạm y tế 60 giường.',
  'Số lượt khám bệnh đạt 96.420 lượt (nội trú 8.310 lượt, ngoại trú 88.110 lượt).',
  'Nhân lực toàn ngành là 2.846 người, trong đó bác sĩ 612 người, điều dưỡng 1.104 người.',
  'Toàn tỉnh có 1.324.600 người, trong đó nam 657.000 người (49,6%), nữ 667.600 người (50,4%).',
  'Có 3.710 giường bệnh; tỷ lệ giường bệnh ngoài công lập chiếm 8,6%.',
  'Tổng chi cho y tế là 1.240,5 tỷ đồng, trong đó ngân sách nhà nước 612,3 tỷ đồng, chiếm 49,4%.',
  'Các đoàn kiểm tra 2.150 lượt cơ sở, xử phạt 96 cơ sở với tổng số tiền 412,5 triệu đồng.',
  'Năm 2024, toàn tỉnh có thêm 12 trạm y tế có bác sĩ, nâng tổng số trạm có bác sĩ lên 150 trạm.',
  'Số ca mắc sốt xuất huyết là 1.842 ca, giảm 27,4% so với năm 2023 (2.537 ca); không có ca tử vong.',
  'Tỷ lệ tiêm chủng đầy đủ đạt 96,7%, cao hơn năm 2023 (96,2%) và vượt chỉ tiêu (95%).',
  'Tỷ lệ suy dinh dưỡng thể thấp còi giảm từ 22,3% năm 2023 xuống 21,4% năm 2024 (giảm 0,9 điểm phần trăm).',
  'Số lượt điều trị nội trú đạt 48.630 lượt, đạt 105,7% kế hoạch (46.000 lượt) và tăng 5,9% so với năm 2023 (45.910 lượt).',
  'Tuổi thọ trung bình ước đạt 74,7 tuổi, tăng 0,2 tuổi so với năm 2023 (74,5 tuổi).',
  'Giá trị thuốc sử dụng là 146,8 tỷ đồng, trong đó thuốc kháng sinh chiếm 21,4%, giảm so với năm 2023 (24,0%).',
  'Dân số thành thị chiếm 29,4%, nông thôn chiếm 70,6%; nam chiếm 49,6%, nữ chiếm 50,4%.',
  'Có 150/158 trạm y tế xã có bác sĩ làm việc, đạt 94,9%; 8 trạm còn lại bố trí bác sĩ luân phiên.',
  'Năm 2023 có 1.176 bác sĩ; năm 2024 có 1.258 bác sĩ, tăng 82 bác sĩ (7,0%).',
  'Tổng số lượt khám là 286.420 lượt. Số lượt khám có thẻ bảo hiểm y tế là 241.030 lượt, chiếm 84,2%.',
  'Cả nước có 29.524 giường bệnh tăng thêm, trong đó tuyến trung ương 4.980 giường, tuyến tỉnh 11.279 giường, tuyến huyện 13.265 giường.',
  'Kinh phí được giao 85,4 tỷ đồng, đã giải ngân 79,8 tỷ đồng, đạt 93,4%.',
  'Số người bệnh chuyển tuyến là 1.214 lượt, chiếm 2,5% số người bệnh điều trị nội trú.',
  'Số trẻ sinh ra là 146 trẻ; số trẻ là con thứ 3 trở lên là 11 trẻ, chiếm 7,5% tổng số trẻ sinh ra.',
  'Từ năm 2020 đến năm 2024, số bác sĩ tăng từ 9,8 lên 13,8 bác sĩ/vạn dân.',
];

describe('sum-mismatch / change-mismatch: correct paragraphs stay silent', () => {
  for (const p of CORRECT) {
    it(p.slice(0, 80), () => {
      assert.deepEqual(ours(p + '\n').map((f) => `${f.rule}: ${f.message.vi}`), []);
    });
  }
});

describe('sum-mismatch / change-mismatch: what a finding carries', () => {
  it('a total shows the computation, points to each part, and offers only unsafe suggestions', () => {
    const text = 'Toàn tỉnh có 2.940 giường bệnh (tuyến tỉnh 1.250 giường, tuyến huyện 1.080 giường, tuyến xã 560 giường).\n';
    const [f] = ours(text, 'sum-mismatch');
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), '2.940');
    assert.match(f.message.vi, /1\.250 \+ 1\.080 \+ 560 = 2\.890, viết 2\.940/);
    assert.match(f.message.en, /1\.250 \+ 1\.080 \+ 560 = 2\.890/);
    assert.equal(f.related?.length, 3);
    assert.deepEqual(f.related!.map((r) => text.slice(r.start, r.end).includes('giường')), [true, true, true]);
    assert.ok(f.fixes && f.fixes.length >= 1 && f.fixes.every((x) => !x.safe));
    assert.equal(f.fixes![0].edits[0].newText, '2.890');
    assert.equal(f.severity, 'warning');
  });
  it('a stated change points to both values and suggests the computed change', () => {
    const text = 'Tuổi thọ trung bình đạt 74,5 tuổi, tăng 0,3 tuổi so với năm 2022 (74,0 tuổi).\n';
    const [f] = ours(text, 'change-mismatch');
    assert.equal(text.slice(f.start, f.end), '0,3');
    assert.deepEqual(f.related!.map((r) => text.slice(r.start, r.end)).sort(), ['74,0', '74,5']);
    assert.equal(f.fixes![0].edits[0].newText, '0,5');
    assert.equal(f.fixes![0].safe, false);
  });
  it('percentage points written as "%" are information, a wrong difference is a warning', () => {
    const info = ours('Tỷ lệ đạt 72,5%, tăng 2,5% so với năm 2023 (70,0%).\n', 'change-mismatch');
    assert.deepEqual(info.map((f) => f.severity), ['information']);
    const warn = ours('Tỷ lệ đạt 72,5%, tăng 4,5% so với năm 2023 (70,0%).\n', 'change-mismatch');
    assert.deepEqual(warn.map((f) => f.severity), ['warning']);
  });
  it('rounding as written: rounded parts may miss the total by their rounding, not more', () => {
    assert.equal(ours('Có 2,9 triệu lượt (nội trú 0,4 triệu lượt, ngoại trú 2,4 triệu lượt).\n').length, 0);
    assert.equal(ours('Có 2,9 triệu lượt (nội trú 0,4 triệu lượt, ngoại trú 2,2 triệu lượt).\n').length, 1);
  });
  it('hedged values are not summed', () => {
    assert.equal(ours('Toàn tỉnh có khoảng 3.000 giường bệnh (tuyến tỉnh 1.250 giường, tuyến huyện 1.080 giường, tuyến xã 560 giường).\n').length, 0);
    assert.equal(ours('Toàn tỉnh có 3.000 giường bệnh (tuyến tỉnh hơn 1.250 giường, tuyến huyện 1.080 giường, tuyến xã 560 giường).\n').length, 0);
  });
  it('parts in another unit are not summed', () => {
    assert.equal(ours('Trung tâm có 310 giường bệnh, gồm 12 khoa và 5 phòng chức năng.\n').length, 0);
  });
  it('"trong đó" parts may be fewer than the total, never more', () => {
    assert.equal(ours('Toàn huyện có 412 giường bệnh, trong đó tuyến huyện 310 giường.\n').length, 0);
    assert.equal(ours('Toàn huyện có 300 giường bệnh, trong đó tuyến huyện 310 giường.\n').length, 1);
  });
});

describe('sum-mismatch / change-mismatch: NFC, NFD, CRLF, tone styles', () => {
  const para =
    'Tổng số cán bộ y tế là 1.405 người, trong đó nam 620 người (44,1%), nữ 795 người (55,9%).\n\n' +
    'Tỷ lệ bao phủ bảo hiểm y tế đạt 94,2%, tăng 2,1 điểm phần trăm so với năm 2023 (93,1%).\n\n' +
    'Số lượt khám sức khỏe (khoẻ) cho người cao tuổi đạt 12.400 lượt, tăng 10,0% so với năm 2023 (11.000 lượt).\n';
  const keys = (text: string) => {
    const li = new LineIndex(text);
    return ours(text).map((f) => `${f.rule}@${li.positionAt(f.start).line}:${text.slice(f.start, f.end).normalize('NFC')}`);
  };
  const base = keys(para);
  it('finds the slips in NFC', () => {
    assert.deepEqual(base, ['sum-mismatch@0:1.405', 'sum-mismatch@0:55,9%', 'change-mismatch@2:2,1', 'change-mismatch@4:10,0%']);
  });
  it('finds the same in NFD', () => assert.deepEqual(keys(para.normalize('NFD')), base));
  it('finds the same with CRLF line ends', () => assert.deepEqual(keys(para.replace(/\n/g, '\r\n')), base));
  it('finds the same in the reformed tone style (hoà, khoẻ)', () => assert.deepEqual(keys(para.replace(/sức khỏe/g, 'sức khoẻ')), base));
});

describe('sum-mismatch / change-mismatch: correct reports (test/reports) have no findings', () => {
  const dir = join(REPO_ROOT, 'test', 'reports');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    it(f, () => {
      assert.deepEqual(ours(text).map((x) => `${x.rule}: ${x.message.en}`), []);
      assert.deepEqual(ours(text.normalize('NFD')).map((x) => `${x.rule}: ${x.message.en}`), []);
    });
  }
});

/** Real documents with a genuine slip of these rules: none found so far. */
const GENUINE: Record<string, string> = {};

describeCorpus('sum-mismatch / change-mismatch on the real corpus', (docs) => {
  for (const d of docs) {
    it(`${d.name}: only listed genuine slips`, () => {
      const found = ours(d.text).map((f) => `${f.rule}: ${f.message.en}`);
      assert.deepEqual(found.length ? [d.name] : [], GENUINE[d.name] ? [d.name] : [], found.join('\n'));
      assert.equal(ours(d.text.normalize('NFD')).length, found.length);
    });
  }
});

describe('sum-mismatch / change-mismatch: work grows linearly', () => {
  it('a 10x longer list of breakdowns costs about 10x, not 100x (counted in findings and time-free)', () => {
    const one = 'Toàn tỉnh có 2.940 giường bệnh (tuyến tỉnh 1.250 giường, tuyến huyện 1.080 giường, tuyến xã 560 giường), ';
    const para = (n: number) => 'Báo cáo: ' + one.repeat(n) + 'hết.\n';
    // One paragraph with n breakdowns gives n findings: the readers stay within each breakdown.
    assert.equal(ours(para(20)).length, 20);
    assert.equal(ours(para(200)).length, 200);
  });
});
