// The comparison across reports at the scale of a large workspace (issue 16/18):
// which reports a figure disagrees with, found without a pass over every other
// report (checked against a brute-force reading on random figures), work that
// grows linearly when hundreds of reports restate the same fact, and the
// compact forms an unopened report keeps in the server (mentions, positions).
import { strict as assert } from 'node:assert';
import { LineIndex, getDefaultConfig, crossReportConflicts, newCrossMemo, type CrossMention, type CrossReport, type IndicatorMentionInfo, type Msg } from '../helpers/engine';
import { compactMentions } from '../../server/src/features/compactMentions';
import { Positions } from '../../server/src/features/crossReports';

const cfg = getDefaultConfig();
const M = (s: string): Msg => ({ vi: s, en: s });
const KEY = 'life_expectancy||2023|national|achieved';

function mention(k: number, lo: number, hi: number, key = KEY): CrossMention {
  return { start: k * 10, end: k * 10 + 4, line: k, indicator: 'life_expectancy', name: M('Tuổi thọ trung bình'), written: M(String(lo)), period: { key: '2023', label: M('năm 2023') }, kindLabel: M('thực hiện'), reading: M('năm 2023'), interval: [lo, hi], value: lo, cross: { key, place: M('toàn quốc') } };
}

/** A small deterministic generator (the same cases every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('crossReportConflicts at scale', () => {
  it('finds, for each figure, the reports none of whose figures can be its value (random figures, against brute force)', () => {
    const r = rng(20261208);
    for (let round = 0; round < 60; round++) {
      const reports: CrossReport[] = [];
      const n = 2 + Math.floor(r() * 12);
      for (let i = 0; i < n; i++) {
        const count = 1 + Math.floor(r() * 3);
        // Values on a coarse grid so that figures touch, overlap and leave gaps.
        const ms = Array.from({ length: count }, (_, k) => {
          const lo = 70 + Math.floor(r() * 8) * 0.5;
          return mention(k, lo, lo + (r() < 0.5 ? 0 : 0.5));
        });
        reports.push({ id: `r${i}`, mentions: ms });
      }
      const found = crossReportConflicts(reports, cfg);
      for (const rep of reports) {
        const fs = found.get(rep.id) ?? [];
        for (const m of rep.mentions) {
          const disagree = reports.filter((o) => o !== rep && o.mentions.every((x) => !(x.interval[0] <= m.interval[1] + 1e-9 && m.interval[0] <= x.interval[1] + 1e-9))).map((o) => o.id);
          const f = fs.find((x) => x.start === m.start);
          if (!disagree.length) {
            assert.equal(f, undefined, `round ${round}: ${rep.id} ${m.interval.join('-')} agrees with every report`);
            continue;
          }
          assert.ok(f, `round ${round}: ${rep.id} ${m.interval.join('-')} disagrees with ${disagree.join(',')}`);
          const files = f.related!.map((x) => x.file!);
          assert.equal(files.length, Math.min(5, disagree.length), `round ${round}`);
          for (const id of files) assert.ok(disagree.includes(id), `round ${round}: ${id} does not disagree`);
          // Written when read: the message is the same text twice, and JSON carries it.
          assert.equal(f.message.vi, f.message.vi);
          assert.match(JSON.stringify(f.message), /"vi":"Tuổi thọ trung bình \(năm 2023, toàn quốc, thực hiện\) ghi/);
        }
      }
    }
  });

  it('stays linear when every report restates the same fact twice (work at n and 10n)', () => {
    const visits = (n: number) => {
      const reports: CrossReport[] = Array.from({ length: n }, (_, i) => ({
        id: `r${i}`,
        // Two figures that agree with each other; one report in ten gives another value for the same fact.
        mentions: [mention(0, 73.5, 73.5), mention(1, 73.5, 73.6), mention(2, 70 + (i % 10 === 0 ? 1 : 3.5), 70 + (i % 10 === 0 ? 1 : 3.5), 'life_expectancy||2022|national|achieved')],
      }));
      const stats = { visits: 0 };
      const found = crossReportConflicts(reports, cfg, newCrossMemo(), stats);
      // The one report in ten is reported (against up to five others), and so is every report it disagrees with.
      assert.ok(found.size >= n / 10);
      return stats.visits;
    };
    const small = visits(60);
    const large = visits(600);
    assert.ok(large <= 15 * small, `visits ${small} at n, ${large} at 10n`);
  });
});

describe('what an unopened report keeps', () => {
  it('Positions gives the positions of LineIndex without the text (LF, CRLF, lone CR, past the end)', () => {
    for (const text of ['a\nbc\n\nd', 'Tỷ lệ\r\n95,2%\r\n', 'x\ry\r\n\nz', '', 'một dòng']) {
      const li = new LineIndex(text);
      const p = new Positions(text);
      for (let off = -2; off <= text.length + 2; off++) assert.deepEqual(p.positionAt(off), li.positionAt(off), JSON.stringify(text) + ' @' + off);
      assert.deepEqual(p.rangeAt(1, text.length), li.rangeAt(1, text.length));
    }
  });

  it('compact mentions keep every field but the reading of figures not compared across reports, and share labels', () => {
    const base = mention(3, 95.2, 95.25) as unknown as IndicatorMentionInfo;
    const full: IndicatorMentionInfo = { ...base, value: 95.2, normalized: '95,2', unit: '%', place: { key: 'national', label: M('toàn quốc') }, kind: 'achieved', subtypes: ['sex:nữ'], key: 'k', reading: M('năm 2023 (ghi trong câu)') };
    const local: IndicatorMentionInfo = { ...full, cross: undefined, reading: M('năm 2023 (ghi trong câu); không so sánh') };
    const [a, b] = compactMentions([full, local]);
    assert.deepEqual({ ...a }, { ...full, valueHi: undefined, hedge: undefined, notCompared: undefined });
    assert.deepEqual({ ...b, reading: undefined }, { ...local, valueHi: undefined, hedge: undefined, notCompared: undefined, reading: undefined });
    assert.deepEqual(b.reading, { vi: '', en: '' });
    // Labels are shared between mentions and reports.
    const [c] = compactMentions([{ ...full, name: { ...full.name }, period: { key: '2023', label: M('năm 2023') } }]);
    assert.equal(c.name, a.name);
    assert.equal(c.period, a.period);
    assert.equal(c.cross, a.cross);
  });
});
