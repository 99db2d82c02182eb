// Task counts: the recognizer (what is and is not a count), the five task
// rules' severities and fixes, and the editor summary (hover/outline data).
import { strict as assert } from 'node:assert';
import { check, configFromObject, getDefaultConfig, buildDocModel, fixAll, type Finding, type ResolvedConfig } from '../helpers/engine';
import { taskFactsOf, taskSummary, taskHover } from '../../server/src/engine/tasks/index';

const TASK_RULES = ['task-count-exceeds', 'task-count-malformed', 'task-count-incomplete', 'task-count-list-mismatch', 'task-total-conflict', 'task-breakdown-mismatch'];

function taskFindings(text: string, config: ResolvedConfig = getDefaultConfig()): Finding[] {
  return check(text, config, { only: TASK_RULES });
}

/** Counts recognized in a one-block text: "x/y noun" or "n noun". */
function countsIn(text: string, config: ResolvedConfig = getDefaultConfig()): string[] {
  const doc = buildDocModel(text, config);
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (!b.segments.length) continue;
    for (const c of taskFactsOf(b, config).counts) out.push(c.kind === 'fraction' ? `${c.x.value}/${c.y!.value} ${c.noun.text}` : `${c.x.value} ${c.noun.text}`);
  }
  return out;
}

function malformedIn(text: string): string[] {
  const config = getDefaultConfig();
  const doc = buildDocModel(text, config);
  return doc.blocks.flatMap((b) => (b.segments.length ? taskFactsOf(b, config).malformed.map((m) => `${m.form} ${m.noun.text}`) : []));
}

describe('task counts: recognizer', () => {
  it('reads x/y counts with or without spaces, zero padding and emphasis', () => {
    assert.deepEqual(countsIn('Ngành hoàn thành 6/6 nhiệm vụ trọng tâm.'), ['6/6 nhiệm vụ']);
    assert.deepEqual(countsIn('Ngành đạt 08/10 chỉ tiêu.'), ['8/10 chỉ tiêu']);
    assert.deepEqual(countsIn('Ngành đạt 8 / 10 chỉ tiêu.'), ['8/10 chỉ tiêu']);
    assert.deepEqual(countsIn('Ngành đạt **8/10** chỉ tiêu.'), ['8/10 chỉ tiêu']);
    assert.deepEqual(countsIn('Có 150/226 xã đạt chuẩn.'), ['150/226 xã']);
    assert.deepEqual(countsIn('Có 60/63 tỉnh thành chi vượt quỹ.'), ['60/63 tỉnh thành']);
    assert.deepEqual(countsIn('Có 1.200/1.500 cơ sở y tế đạt chuẩn.'), ['1200/1500 cơ sở y tế']);
  });

  it('reads claimed totals without a fraction', () => {
    assert.deepEqual(countsIn('Trong năm 2020, ngành đề ra 10 nhiệm vụ trọng tâm với 5 giải pháp chủ yếu.'), ['10 nhiệm vụ', '5 giải pháp']);
    assert.deepEqual(countsIn('Ngành đề ra 5 giải pháp:'), ['5 giải pháp']);
  });

  it('tells a count after "hết"/"đến" from a date', () => {
    assert.deepEqual(countsIn('Ngành đã hoàn thành hết 4/5 giải pháp.'), ['4/5 giải pháp']);
    assert.deepEqual(countsIn('Tính đến hết 30/6 nhiệm vụ trọng tâm đã triển khai.'), []);
    assert.deepEqual(countsIn('Tính đến 30/6 xã đã tiêm đủ.'), []);
    assert.deepEqual(countsIn('Đến hết 5/6 xã đã tiêm đủ.'), []);
    assert.match(taskFindings('Ngành đã hoàn thành hết 4/5 giải pháp.')[0].message.vi, /“hoàn thành hết” nhưng chỉ 4\/5/);
  });

  it('never reads document numbers, dates, rates, years or paired names as counts', () => {
    const notCounts = [
      'Nghị quyết số 158/2024/QH15 về kế hoạch năm 2025.',
      'Quyết định số 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế.',
      'Sáng nay (24/2), hội nghị triển khai nhiệm vụ.',
      'Ngày 24/2 tỉnh Lai Châu tổ chức hội nghị.',
      'Sáng 15/3 đơn vị tổ chức tập huấn.',
      'Ngày 11/07/2023 tỉnh tổ chức mít tinh.',
      'Giảm từ 233/100.000 trẻ đẻ sống.',
      'Đạt 112 bé trai/100 bé gái.',
      'Tỷ lệ 1 bác sĩ/1,5 điều dưỡng.',
      'Phòng, chống HIV/AIDS ở các xã/phường/thị trấn.',
      'Trong tháng 6/2024 nhiệm vụ trọng tâm là tiêm chủng.',
      'Năm 2024 nhiệm vụ trọng tâm là phòng dịch.',
      'Năm học 2023/2024 tỉnh có thêm trường đạt chuẩn.',
      'Đạt 15 bác sĩ/ 10.000 dân và 34,5 giường/10.000 dân.',
      'Hoàn thành 1,5 nhiệm vụ.',
      'Đại hội lần thứ 8 xã Tân Tiến.',
      'Tăng 12,8 lần; 48.638.368 mũi tiêm (74,0%).',
      'Nghị quyết 54-NQ/TW và Chỉ thị số 42-CT/TU ngày 08/8/2023.',
      'Phát triển kinh tế - xã hội 5 năm.',
      'Có 3 xã hội nghề nghiệp.',
      'Nhân Ngày Quốc tế Phụ nữ 08/3 đơn vị tổ chức mít tinh.',
      'Địa chỉ: hẻm 12/3 phường Tân Định.',
    ];
    for (const s of notCounts) assert.deepEqual(countsIn(s), [], s);
    for (const s of notCounts) assert.deepEqual(malformedIn(s), [], s);
  });

  it('recognizes half-written counts', () => {
    assert.deepEqual(malformedIn('Hoàn thành 6/ nhiệm vụ.'), ['no-total nhiệm vụ']);
    assert.deepEqual(malformedIn('Hoàn thành /6 nhiệm vụ.'), ['no-count nhiệm vụ']);
    assert.deepEqual(malformedIn('Hoàn thành 6//6 nhiệm vụ.'), ['double-slash nhiệm vụ']);
    assert.deepEqual(malformedIn('Hôm nay (15/1/), Sở Y tế họp.'), []);
    assert.deepEqual(malformedIn('Văn bản kết thúc./.'), []);
  });

  it('takes extra counted nouns from the config (taskNouns)', () => {
    const config = configFromObject({ taskNouns: ['công trình'] });
    assert.deepEqual(countsIn('Hoàn thành 7/6 công trình.'), []);
    assert.deepEqual(countsIn('Hoàn thành 7/6 công trình.', config), ['7/6 công trình']);
    assert.deepEqual(
      taskFindings('Hoàn thành 7/6 công trình.', config).map((f) => f.rule),
      ['task-count-exceeds'],
    );
  });
});

describe('task counts: rules', () => {
  it('task-count-exceeds is an error; the y/y fix is offered only for a completion claim, never applied', () => {
    const [a] = taskFindings('Ngành đã hoàn thành 7/6 nhiệm vụ.');
    assert.equal(a.rule, 'task-count-exceeds');
    assert.equal(a.severity, 'error');
    assert.equal(a.fixes?.length, 1);
    assert.equal(a.fixes![0].safe, false);
    assert.equal(a.fixes![0].edits[0].newText, '6');
    const [z] = taskFindings('Ngành đã hoàn thành 07/06 nhiệm vụ.');
    assert.equal(z.fixes![0].edits[0].newText, '06');
    const [b] = taskFindings('Có 64/63 tỉnh tham gia.');
    assert.equal(b.rule, 'task-count-exceeds');
    assert.equal(b.fixes, undefined);
    const text = 'Ngành đã hoàn thành 7/6 nhiệm vụ.';
    assert.equal(fixAll(text).text, text, 'an unsafe fix must not be applied');
  });

  it('task-count-malformed fixes a doubled slash safely and nothing else', () => {
    const fs = taskFindings('Ngành đạt 9//9 chỉ tiêu; hoàn thành 6/ nhiệm vụ.');
    assert.deepEqual(fs.map((f) => [f.rule, f.severity, !!f.fixes?.[0]?.safe]), [
      ['task-count-malformed', 'error', true],
      ['task-count-malformed', 'error', false],
    ]);
    assert.equal(fixAll('Ngành đạt 9//9 chỉ tiêu.').text, 'Ngành đạt 9/9 chỉ tiêu.');
  });

  it('task-count-incomplete: warning for a complete claim, information naming what is left otherwise', () => {
    const [w] = taskFindings('Ngành đã hoàn thành toàn bộ 5/6 nhiệm vụ.');
    assert.equal(w.severity, 'warning');
    assert.match(w.message.vi, /toàn bộ/);
    assert.equal(w.related?.length, 1);
    const [h] = taskFindings('Ngành hoàn thành 100% (5/6) nhiệm vụ, đạt 5/6 nhiệm vụ (100%).');
    assert.equal(h.severity, 'warning');
    const [i] = taskFindings('Ngành đạt 8/9 chỉ tiêu.');
    assert.equal(i.severity, 'information');
    assert.match(i.message.vi, /còn 1 chỉ tiêu chưa đạt/);
    assert.match(i.message.en, /1 not achieved/);
    // Units are coverage, not tasks left: "60/63 tỉnh chi vượt quỹ", "150/226 xã đạt chuẩn" have nothing left.
    assert.deepEqual(taskFindings('Có 60/63 tỉnh chi vượt quỹ.'), []);
    assert.deepEqual(taskFindings('Có 150/226 xã đạt chuẩn.'), []);
    assert.deepEqual(taskFindings('Kiểm tra 412 cơ sở, có 378/412 cơ sở đạt yêu cầu.'), []);
    // A completion claim about units is still checked.
    assert.equal(taskFindings('Toàn bộ 150/226 xã đạt chuẩn.')[0]?.severity, 'warning');
    // "100% xã" is another figure, not a completion claim.
    assert.equal(taskFindings('Ngành đạt 8/9 chỉ tiêu và 100% xã có bác sĩ.')[0].severity, 'information');
    // Negated, or the rest stated correctly: nothing.
    assert.deepEqual(taskFindings('Ngành chưa hoàn thành 2/6 nhiệm vụ.'), []);
    assert.deepEqual(taskFindings('Ngành hoàn thành 5/6 nhiệm vụ, còn 1 nhiệm vụ chưa hoàn thành.'), []);
  });

  it('task-count-incomplete checks a stated complement', () => {
    const [f] = taskFindings('Có 60/63 tỉnh chi vượt quỹ, chỉ còn 4 tỉnh cân đối được quỹ.');
    assert.equal(f.rule, 'task-count-incomplete');
    assert.equal(f.severity, 'warning');
    assert.match(f.message.vi, /63 − 60 = 3/);
    assert.equal(f.fixes?.[0].edits[0].newText, '3');
    assert.equal(f.fixes?.[0].safe, false);
    assert.deepEqual(taskFindings('Có 60/63 tỉnh chi vượt quỹ; 3 tỉnh còn lại cân đối được quỹ.'), []);
  });

  it('task-count-incomplete: reportRemaining=false keeps only the warnings; hint level is respected', () => {
    const off = configFromObject({ rules: { 'task-count-incomplete': ['warning', { reportRemaining: false }] } });
    assert.deepEqual(taskFindings('Ngành đạt 8/9 chỉ tiêu.', off), []);
    assert.equal(taskFindings('Ngành hoàn thành toàn bộ 8/9 chỉ tiêu.', off).length, 1);
    const hint = configFromObject({ rules: { 'task-count-incomplete': 'hint' } });
    assert.equal(taskFindings('Ngành đạt 8/9 chỉ tiêu.', hint)[0].severity, 'hint');
  });

  it('task-count-list-mismatch counts top-level Markdown items across blocks and reports the list as related', () => {
    const text = 'Ngành đề ra 3 giải pháp:\n\n- một;\n  - một a;\n  - một b;\n- hai.\n';
    const [f] = taskFindings(text);
    assert.equal(f.rule, 'task-count-list-mismatch');
    assert.equal(text.slice(f.start, f.end), '3 giải pháp');
    assert.equal(f.related?.length, 1);
    assert.ok(text.slice(f.related![0].start, f.related![0].end).startsWith('- một'));
    assert.deepEqual(f.data, { items: 2, expected: [3], kind: 'markdown' });
    // Same block (a list interrupting the paragraph) and a matching count: nothing.
    assert.deepEqual(taskFindings('Ngành đề ra 2 giải pháp:\n- một;\n- hai.\n'), []);
  });

  it('task-count-list-mismatch reads (1) (2), a) b) and thứ nhất/thứ hai, inline or across paragraphs', () => {
    assert.equal(taskFindings('Có 3 giải pháp: (1) một; (2) hai.').length, 1);
    assert.deepEqual(taskFindings('Có 2 giải pháp: (1) một; (2) hai.'), []);
    assert.equal(taskFindings('Có 3 giải pháp:\na) một;\nb) hai.').length, 1);
    assert.equal(taskFindings('Có 3 giải pháp.\n\nThứ nhất, một.\n\nThứ hai, hai.\n').length, 1);
    assert.deepEqual(taskFindings('Có 2 giải pháp.\n\nThứ nhất, một.\n\nThứ hai, hai.\n'), []);
    // Series broken by a paragraph, then continued: ambiguous, not counted.
    assert.deepEqual(taskFindings('Có 3 giải pháp.\n\nThứ nhất, một.\n\nGhi chú.\n\nThứ hai, hai.\n\nThứ ba, ba.\n'), []);
    // An ordered list continued after an interrupting paragraph: not counted.
    assert.deepEqual(taskFindings('Có 3 giải pháp:\n\n1. một;\n2. hai.\n\nGhi chú.\n\n3. ba.\n'), []);
  });

  it('task-total-conflict compares one group in one year and points to the earlier total', () => {
    const text = 'Năm 2024, ngành đề ra 10 nhiệm vụ trọng tâm.\n\nNăm 2024, ngành hoàn thành 9/9 nhiệm vụ trọng tâm.\n';
    const fs = taskFindings(text).filter((f) => f.rule === 'task-total-conflict');
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].start, fs[0].end), '9');
    assert.equal(text.slice(fs[0].related![0].start, fs[0].related![0].end), '10');
    assert.match(fs[0].message.vi, /dòng 1/);
    assert.equal(fs[0].fixes?.[0].edits[0].newText, '10');
    assert.equal(fs[0].fixes?.[0].safe, false);
    // Different years, groups, owners: no conflict.
    assert.deepEqual(taskFindings('Năm 2019, ngành hoàn thành 6/6 nhiệm vụ trọng tâm.\n\nTrong năm 2020, ngành đề ra 10 nhiệm vụ trọng tâm.\n'), []);
    assert.deepEqual(taskFindings('Ngành đạt 3/3 chỉ tiêu chủ yếu và 16/16 chỉ tiêu cụ thể.'), []);
    assert.deepEqual(taskFindings('Tỉnh có 10 nhiệm vụ trọng tâm của tỉnh.\n\nHuyện có 6 nhiệm vụ trọng tâm của huyện.\n'), []);
  });

  it('task-total-conflict: one group across its tails (assigner, "chủ yếu"), the writer named by its kind; in every text form', () => {
    const conflicts = (t: string) => taskFindings(t).filter((f) => f.rule === 'task-total-conflict').map((f) => t.slice(f.start, f.end));
    const same = [
      'Năm 2024, Trung tâm hoàn thành 12/12 chỉ tiêu chuyên môn Sở Y tế giao.\n\nĐánh giá chung, Trung tâm Y tế huyện đã hoàn thành 13/13 chỉ tiêu chuyên môn được giao.\n',
      'Năm 2024, ngành đạt 3/3 chỉ tiêu kinh tế - xã hội chủ yếu do Quốc hội giao.\n\nNăm 2024, ngành đạt 4/4 chỉ tiêu kinh tế - xã hội do Quốc hội giao.\n',
      'Năm 2023, Sở đề ra 6 nhiệm vụ trọng tâm.\n\nKết quả thực hiện 7 nhiệm vụ trọng tâm đã đề ra năm 2023 như sau.\n',
      'Năm 2024, ngành đạt 3/3 chỉ tiêu kinh tế - xã hội chủ yếu do Hội đồng nhân dân tỉnh giao.\n\nNăm 2024, ngành đạt 4/4 chỉ tiêu kinh tế - xã hội được giao.\n',
    ];
    for (const t of same) {
      const swapped = t.replace(/hòa/g, 'hoà');
      for (const form of [t, t.normalize('NFD'), t.replace(/\n/g, '\r\n'), swapped]) assert.equal(conflicts(form).length, 1, JSON.stringify(form));
    }
    // Other assigners, an assigned main set without its assigner, a named unit: other groups.
    for (const t of [
      'Năm 2024, ngành đạt 3/3 chỉ tiêu kinh tế - xã hội do Quốc hội giao.\n\nNăm 2024, ngành đạt 8/8 chỉ tiêu kinh tế - xã hội do Hội đồng nhân dân tỉnh giao.\n',
      'Năm 2024, ngành đạt 13/15 chỉ tiêu chuyên môn chủ yếu.\n\nNăm 2024 có 40 chỉ tiêu chuyên môn được giao cho các khoa.\n',
      'Năm 2024, Sở hoàn thành 10/10 chỉ tiêu chuyên môn.\n\nNăm 2024, Bệnh viện Đa khoa tỉnh đã hoàn thành 12/12 chỉ tiêu chuyên môn.\n\nNăm 2024, bệnh viện đa khoa tỉnh đạt 14/14 chỉ tiêu chuyên môn.\n',
      'Năm 2024, ngành hoàn thành 5/5 chỉ tiêu Nghị quyết.\n\nNăm 2024, ngành hoàn thành 11/11 chỉ tiêu kế hoạch.\n\nTrong 12 chỉ tiêu chủ yếu năm 2024, ngành đạt 12 chỉ tiêu.\n',
      // "chỉ tiêu được giao" alone may gather several bodies' targets.
      'Năm 2024, ngành hoàn thành 10/10 chỉ tiêu được giao.\n\nNăm 2024, ngành đạt 8/8 chỉ tiêu do Sở Y tế giao.\n',
      // Several years are another period than the report's year.
      'Năm 2024, Sở đề ra 6 nhiệm vụ trọng tâm.\n\nGiai đoạn 2021 - 2025, ngành có 12 nhiệm vụ trọng tâm.\n',
      'Năm 2024, Sở đề ra 6 nhiệm vụ trọng tâm.\n\nTheo Nghị quyết Đại hội, nhiệm kỳ 2020 - 2025 có 15 nhiệm vụ trọng tâm.\n',
      'Năm 2024, ngành đạt 3/3 chỉ tiêu chủ yếu.\n\nNgành đạt 9/9 chỉ tiêu chủ yếu của Kế hoạch 5 năm.\n',
    ])
      assert.deepEqual(conflicts(t), [], t);
  });

  it('task-total-conflict: a part of the year is its own period, "trong số N" is a total, "N ... còn lại" is not', () => {
    const conflicts = (t: string) => taskFindings(t).filter((f) => f.rule === 'task-total-conflict');
    const base = 'Năm 2025, Sở đề ra 10 nhiệm vụ trọng tâm.\n\n';
    // The second half's tasks, in the sentence, after the noun, or from a tasks heading.
    for (const t of [
      'Trong 6 tháng cuối năm 2025, Sở tập trung 5 nhiệm vụ trọng tâm.\n',
      'Sở đề ra 5 nhiệm vụ trọng tâm 6 tháng cuối năm 2025.\n',
      '## III. Nhiệm vụ trọng tâm 6 tháng cuối năm 2025\n\nSở tập trung thực hiện 5 nhiệm vụ trọng tâm.\n',
      'Trong quý III năm 2025, Sở ưu tiên 3 nhiệm vụ trọng tâm.\n',
      'Sở tiếp tục thực hiện 4 nhiệm vụ trọng tâm còn lại.\n',
    ])
      assert.deepEqual(conflicts(base + t), [], t);
    // A results heading over a part keeps the year's groups; "trong số 12" is the year's total.
    const r = base + '## I. Kết quả thực hiện 6 tháng đầu năm 2025\n\nSở đã triển khai 8/12 nhiệm vụ trọng tâm.\n';
    assert.equal(conflicts(r).length, 1);
    const s = base + 'Sở triển khai 2 nhiệm vụ còn lại trong số 11 nhiệm vụ trọng tâm năm 2025.\n';
    assert.deepEqual(conflicts(s).map((f) => s.slice(f.start, f.end)), ['11']);
    // Two totals of one part conflict, and the message names the part.
    const h = 'Trong 6 tháng cuối năm 2025, Sở tập trung 5 nhiệm vụ trọng tâm.\n\nSở đề ra 6 nhiệm vụ trọng tâm 6 tháng cuối năm 2025.\n';
    const hf = conflicts(h);
    assert.equal(hf.length, 1);
    assert.match(hf[0].message.vi, /6 tháng cuối năm 2025/);
    assert.match(hf[0].message.en, /last 6 months of 2025/);
    // A heading naming two years does not decide the period: the document's year does.
    // Two totals of one multi-year period conflict.
    const span = 'Giai đoạn 2021 - 2025, ngành có 12 nhiệm vụ trọng tâm.\n\nKết quả thực hiện 11 nhiệm vụ trọng tâm giai đoạn 2021 - 2025 như sau.\n';
    assert.equal(conflicts(span).length, 1);
    assert.match(conflicts(span)[0].message.vi, /giai đoạn 2021-2025/);
    const two = '# Tổng kết năm 2024 và kế hoạch năm 2025\n\nNgành đề ra 10 nhiệm vụ trọng tâm.\n\n## Kết quả năm 2024\n\nNgành hoàn thành 9/9 nhiệm vụ trọng tâm.\n';
    assert.equal(conflicts(two).length, 1);
  });

  it('inline disable comments silence a task finding', () => {
    assert.deepEqual(taskFindings('<!-- vnhr-disable-next-line task-count-exceeds -->\nNgành hoàn thành 7/6 nhiệm vụ.\n'), []);
  });
});

describe('task counts: editor summary', () => {
  const text = [
    '# Báo cáo năm 2024',
    '',
    'Năm 2024, ngành đề ra 10 nhiệm vụ trọng tâm.',
    '',
    'Ngành hoàn thành 9/9 nhiệm vụ trọng tâm, gồm:',
    '',
    '- một;',
    '- hai.',
    '',
  ].join('\n');

  for (const form of ['NFC', 'NFD'] as const) {
    it(`gives counts with absolute offsets and what they were matched with (${form})`, () => {
      const t = text.normalize(form);
      const config = getDefaultConfig();
      const s = taskSummary(buildDocModel(t, config), config);
      assert.equal(s.counts.length, 2);
      const [a, b] = s.counts;
      assert.equal(t.slice(a.start, a.end).normalize('NFC'), '10 nhiệm vụ trọng tâm');
      assert.equal(t.slice(b.numbers.start, b.numbers.end), '9/9');
      assert.equal(b.x, 9);
      assert.equal(b.y, 9);
      assert.equal(b.group, 'nhiệm vụ trọng tâm');
      assert.equal(b.period, '2024');
      assert.equal(b.list?.items, 2);
      assert.equal(b.list?.matches, false);
      assert.equal(t.slice(b.list!.start, b.list!.end).normalize('NFC'), '- một;\n- hai.');
      assert.deepEqual(b.list!.itemRanges.map((r) => t.slice(r.start, r.end).normalize('NFC')), ['- một;', '- hai.']);
      assert.equal(b.earlier?.total, 10);
      assert.equal(b.earlier?.conflicts, true);
      assert.equal(t.slice(b.earlier!.start, b.earlier!.end), '10');
      assert.equal(s.groups.length, 1);
      assert.deepEqual(s.groups[0].label, { vi: 'nhiệm vụ trọng tâm (năm 2024)', en: 'nhiệm vụ trọng tâm (2024)' });
      assert.deepEqual(s.groups[0].totals, [10, 9]);
      assert.deepEqual(s.groups[0].counts, [0, 1]);
      const lineOf = (o: number) => t.slice(0, o).split('\n').length - 1;
      const hover = taskHover(b, 'vi', lineOf);
      assert.match(hover, /danh sách ở dòng 7: 2 mục ✗/);
      assert.match(hover, /Tổng số nêu trước ở dòng 3: 10 ✗/);
      assert.match(taskHover(b, 'en', lineOf), /list on line 7: 2 items/);
    });
  }
});
