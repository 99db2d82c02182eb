// Recall on hand-written drafts with realistic slips (test/drafts/): each slip is
// listed with the line it sits on and the rule a reviewer expects. Caught slips are
// asserted (the rule, or one doing the same job, reports on that line or points at
// it); the known misses are listed with why, and printed. Every other high-stakes
// finding of a draft is spurious and fails: the drafts' other figures are right.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, getDefaultConfig, type Finding } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { isHighStakes, lineOf } from '../helpers/reports';

interface Slip {
  /** exact text, unique in the draft: the slip's line */
  at: string;
  rule: string;
  /** absent: caught; a string: a known miss and why */
  miss?: string;
}

const ALSO: Record<string, string[]> = {
  'indicator-implausible': ['indicator-unit-mismatch'],
  'fraction-percent-mismatch': ['sum-mismatch', 'change-mismatch'],
  'sum-mismatch': ['fraction-percent-mismatch'],
};

const DRAFTS: Record<string, Slip[]> = {
  'district-draft-slips.md': [
    { at: 'đạt và vượt 11/10 chỉ tiêu', rule: 'task-count-exceeds' },
    { at: 'Tổng số lượt khám bệnh toàn huyện đạt 165.600 lượt', rule: 'indicator-conflict' },
    { at: 'Trung tâm có 318 viên chức', rule: 'sum-mismatch', miss: 'parts named by job (54 bác sĩ, 18 dược sĩ …) are in other units than the total (viên chức): not summed' },
    { at: '(dân số 176.400 người), đạt 8,1 bác sĩ/vạn dân', rule: 'indicator-ratio-mismatch' },
    { at: 'Có 25/27 trạm y tế', rule: 'fraction-percent-mismatch' },
    { at: '| 9.000 | 9.450 | 103,0 |', rule: 'fraction-percent-mismatch' },
    { at: 'vượt 5,3% kế hoạch năm.', rule: 'change-mismatch', miss: 'the plan (150.000) is only in the table above: a prose excess over a plan stated elsewhere is not resolved' },
    { at: 'tăng 12,5% so với năm 2023 (412 ca)', rule: 'change-mismatch' },
    { at: 'gồm 25 nam (73,5%) và 9 nữ (28,5%)', rule: 'sum-mismatch' },
    { at: 'đạt 97,2% (2.386/2.480 trẻ)', rule: 'fraction-percent-mismatch' },
    { at: 'tổng tỷ suất sinh là 2,08%', rule: 'indicator-implausible' },
    { at: 'tăng 1,8 điểm phần trăm so với năm 2023 (91,8%)', rule: 'change-mismatch' },
    { at: 'có 212 cơ sở (12,4%) vi phạm', rule: 'sum-mismatch' },
    { at: 'hoàn thành 7/7 nhiệm vụ trọng tâm năm 2024', rule: 'task-total-conflict' },
    { at: 'Trung tâm tập trung 5 nhiệm vụ trọng tâm sau', rule: 'task-count-list-mismatch' },
  ],
  'population-draft-slips.md': [
    { at: 'tăng 1,1% so với năm 2023 (1.298.000 người)', rule: 'change-mismatch' },
    { at: 'nữ 679.200 người, chiếm 51,6%', rule: 'sum-mismatch' },
    { at: 'gồm 10.010 bé trai và 8.290 bé gái', rule: 'sum-mismatch' },
    { at: 'tỷ suất sinh thô là 15,1‰', rule: 'indicator-ratio-mismatch' },
    { at: 'Tỷ suất sinh thô giảm 0,4‰ so với năm 2023 (14,8‰)', rule: 'change-mismatch', miss: 'the current value is in the sentence before (a change whose subject is named, not stated): not joined' },
    { at: 'Tổng tỷ suất sinh là 2,12%', rule: 'indicator-implausible' },
    { at: 'giảm 0,7 điểm phần trăm so với năm 2023 (14,2%)', rule: 'change-mismatch' },
    { at: '| 113,6 | 112,9 | 112,8 |', rule: 'indicator-conflict' },
    { at: 'đạt 108,0% kế hoạch năm (42.000 người)', rule: 'fraction-percent-mismatch' },
    { at: 'sử dụng biện pháp tránh thai hiện đại là 68,4‰', rule: 'indicator-implausible', miss: 'the contraceptive prevalence rate is not in the indicator catalogue: its unit is unknown' },
    { at: 'đạt 92,2% số trẻ sinh ra', rule: 'fraction-percent-mismatch', miss: 'the base (18.930 trẻ sinh ra) is in another section: "số trẻ sinh ra" is not resolved to it' },
    { at: 'vượt 3,0% kế hoạch năm (13.500 người)', rule: 'change-mismatch' },
    { at: 'ngân sách địa phương 9,9 tỷ đồng', rule: 'sum-mismatch' },
    { at: 'phát hiện 412 cơ sở vi phạm, chiếm 11,7%', rule: 'sum-mismatch' },
    { at: '| 862 | 96 | 12,1 |', rule: 'fraction-percent-mismatch' },
    { at: '| Tổng cộng | 3.864 |', rule: 'sum-mismatch' },
    { at: 'giảm 23,4% so với năm 2023 (142 người mắc)', rule: 'change-mismatch' },
    { at: 'tập trung 4 nhiệm vụ trọng tâm về dân số', rule: 'task-count-list-mismatch' },
  ],
};

function touches(f: Finding, text: string, line: number): boolean {
  return lineOf(text, f.start) === line || (f.related ?? []).some((r) => lineOf(text, r.start) === line);
}

describe('recall on drafts with slips (test/drafts/)', function () {
  this.timeout(60_000);
  const cfg = getDefaultConfig();
  for (const [name, slips] of Object.entries(DRAFTS)) {
    const text = readFileSync(join(REPO_ROOT, 'test', 'drafts', name), 'utf8');
    for (const [form, t] of [['NFC', text], ['NFD', text.normalize('NFD')], ['CRLF', text.replace(/\n/g, '\r\n')]] as const) {
      it(`${name} (${form}): every caught slip is found by its rule, nothing else is flagged`, () => {
        const found = check(t, cfg).filter((f) => f.rule !== 'unicode-normalization');
        const lines = slips.map((s) => {
          const at = t.indexOf(form === 'NFD' ? s.at.normalize('NFD') : s.at);
          assert.ok(at >= 0 && t.indexOf(form === 'NFD' ? s.at.normalize('NFD') : s.at, at + 1) < 0, `anchor not unique: ${s.at}`);
          return lineOf(t, at);
        });
        const missed: string[] = [];
        slips.forEach((s, k) => {
          if (s.miss) return;
          const rules = [s.rule, ...(ALSO[s.rule] ?? [])];
          if (!found.some((f) => rules.includes(f.rule) && touches(f, t, lines[k]))) missed.push(`${s.rule} «${s.at}»`);
        });
        assert.deepEqual(missed, [], 'slips no longer caught');
        const spurious = found.filter((f) => isHighStakes(f.rule, f.severity) && !lines.some((l) => touches(f, t, l)));
        assert.deepEqual(spurious.map((f) => `${f.rule} line ${lineOf(t, f.start) + 1}: ${f.message.en}`), [], 'findings off the slips');
      });
    }
  }
  after(() => {
    for (const [name, slips] of Object.entries(DRAFTS)) {
      const misses = slips.filter((s) => s.miss);
      console.log(`  [recall] ${name}: ${slips.length - misses.length}/${slips.length} slips caught; known misses:`);
      for (const s of misses) console.log(`    - ${s.rule} «${s.at}»: ${s.miss}`);
    }
  });
});
