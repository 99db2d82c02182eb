// Precision on the correct reports (test/reports/, one per issuer, and a six-month review of each level): with the
// default config, no finding of a high-stakes rule (indicator-, fraction-, task-,
// sum-, change-, or any rule at warning/error) may appear, in the text as written,
// in its NFD form, and with the other line ending (LF <-> CRLF). Every figure of the
// reports was computed, so each such finding is a false alarm, except the explicit,
// commented entries below. The fourth form moves every tone mark of oa/oe/uy to the
// other accepted style (hòa ↔ hoà), so both styles are checked on every report.
import { strict as assert } from 'node:assert';
import { check, getDefaultConfig, type Finding } from '../helpers/engine';
import { loadReports, isHighStakes, lineOf, lineText, swapToneStyle } from '../helpers/reports';

interface Expected {
  report: string;
  rule: string;
  /** the text the finding covers (NFC) */
  at: string;
  /** a piece of the finding's line (NFC) */
  line: string;
  why: string;
}

/**
 * Findings the rules give BY DESIGN on a correct report. task-count-incomplete
 * reports, as information, an x < y count of the report's own targets, naming
 * what is left: the reports state such counts on purpose.
 */
const ALLOWED: Expected[] = [
  { report: 'commune-tyt.md', rule: 'task-count-incomplete', at: '9/10', line: 'trạm hoàn thành 9/10 chỉ tiêu', why: 'information: 1 target not met (stated in the same sentence)' },
  { report: 'district-ttyt.md', rule: 'task-count-incomplete', at: '7/8', line: 'đạt và vượt 7/8 chỉ tiêu', why: 'information: 1 target not met (stated in the same sentence)' },
  { report: 'ministry-byt.md', rule: 'task-count-incomplete', at: '12/13', line: 'đạt 12/13 chỉ tiêu cụ thể', why: 'information: 1 target not met (listed below)' },
  { report: 'merged-province-2025.md', rule: 'task-count-incomplete', at: '9/10', line: 'hoàn thành 9/10 nhiệm vụ trọng tâm', why: 'information: 1 task not done (named in section 5)' },
  { report: 'province-syt.md', rule: 'task-count-incomplete', at: '13/15', line: 'đạt, vượt 13/15 chỉ tiêu', why: 'information: 2 targets not met (listed below)' },
  { report: 'population-dskhhgd.md', rule: 'task-count-incomplete', at: '4/5', line: 'hoàn thành 4/5 chỉ tiêu chủ yếu', why: 'information: 1 target not met (named in the same sentence)' },
];

/**
 * FALSE ALARMS of this branch's engine (measured 2026-12-07), kept so the suite is
 * green here; the lead empties this list at merge, when the indicator (issue 13) and
 * task work lands. Each is a correct sentence; the reason says what was misread.
 */
const KNOWN: Expected[] = [
  // (indicator-conflict: none since issue 13: the issuer is the header's lower line, quoted
  // references and 'một số' subgroups are read as such.)
];

type Form = 'as written' | 'NFD' | 'other line ending' | 'other tone style';

function forms(text: string): [Form, string][] {
  const eol = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
  return [
    ['as written', text],
    ['NFD', text.normalize('NFD')],
    ['other line ending', eol],
    ['other tone style', swapToneStyle(text)],
  ];
}

function matches(e: Expected, report: string, f: Finding, text: string): boolean {
  if (e.report !== report || e.rule !== f.rule) return false;
  if (text.slice(f.start, f.end).normalize('NFC') !== e.at) return false;
  return lineText(text, lineOf(text, f.start)).normalize('NFC').includes(e.line);
}

describe('precision on the correct reports (test/reports/)', function () {
  this.timeout(120_000);
  const reports = loadReports();
  const used = new Set<Expected>();

  it('the tone-style swap changes every report and is its own inverse', () => {
    for (const r of reports) {
      const swapped = swapToneStyle(r.text);
      assert.notEqual(swapped, r.text, r.name);
      assert.equal(swapToneStyle(swapped), r.text, r.name);
    }
    assert.equal(swapToneStyle('hòa hợp, khỏe, thủy, quý, mùa, hoàn'), 'hoà hợp, khoẻ, thuỷ, quý, mùa, hoàn');
  });

  it('there are at least thirteen reports (one or more per issuer), one with CRLF line ends', () => {
    assert.ok(reports.length >= 13, `${reports.length} reports`);
    assert.equal(reports.filter((r) => r.text.includes('\r\n')).length, 1);
    for (const r of reports) {
      const n = r.text.split('\n').length;
      assert.ok(n >= 120 && n <= 350, `${r.name}: ${n} lines`);
      assert.equal(r.text, r.text.normalize('NFC'), `${r.name} is written in NFC`);
    }
  });

  for (const r of reports) {
    for (const [form, text] of forms(r.text)) {
      it(`${r.name} (${form}): no high-stakes finding beyond the listed ones`, () => {
        const found = check(text, getDefaultConfig());
        const unexpected: string[] = [];
        const perRule = new Map<string, number>();
        for (const f of found) {
          // NFD input is reported by unicode-normalization: that is its purpose.
          if (form === 'NFD' && f.rule === 'unicode-normalization') continue;
          if (!isHighStakes(f.rule, f.severity)) continue;
          const e = [...ALLOWED, ...KNOWN].find((x) => matches(x, r.name, f, text));
          if (e) {
            used.add(e);
            continue;
          }
          perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
          const line = lineOf(text, f.start);
          unexpected.push(`${f.rule} (${f.severity}) line ${line + 1} «${text.slice(f.start, f.end).normalize('NFC')}»: ${f.message.en}`);
        }
        if (form === 'NFD') assert.ok(found.some((f) => f.rule === 'unicode-normalization'), 'the NFD form is reported as not NFC');
        if (unexpected.length) {
          const counts = [...perRule].map(([k, v]) => `${k}: ${v}`).join(', ');
          assert.fail(`${unexpected.length} unexpected findings (${counts}):\n  ${unexpected.join('\n  ')}`);
        }
      });
    }
  }

  after(() => {
    const stale = [...ALLOWED, ...KNOWN].filter((e) => !used.has(e));
    for (const e of stale) console.log(`  [notice] listed finding no longer given: ${e.report} ${e.rule} «${e.at}» (${e.why}): remove it from the list`);
  });
});
