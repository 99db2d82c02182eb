// The indicator rules on the real corpus: what they must NOT flag (every
// document, NFC and NFD), and mutation tests measuring what they catch:
//  M1  change one figure of a repeated fact in place        -> indicator-conflict on that line
//  M2  append a restatement of a figure with another value  -> indicator-conflict on the new line
//  M3  a decimal slip (figure x 10) in place                 -> indicator-implausible on that line
//  M4  a percentage beside its fraction changed             -> fraction-percent-mismatch on that line
// Precision and recall are printed; the thresholds below are the measured
// values (a regression fails the test). Misses are listed with their reason.
import { strict as assert } from 'node:assert';
import { check, getDefaultConfig, LineIndex, buildDocModel, type Finding } from '../helpers/engine';
import { describeCorpus, type CorpusDoc } from '../helpers/corpus';
import { indicatorSummary } from '../../server/src/engine/indicators';
import { formatVi, roundTo } from '../../server/src/engine/indicators/compare';

const RULES = ['indicator-conflict', 'indicator-implausible', 'fraction-percent-mismatch'];

/**
 * Genuine findings in the corpus, "file": ["line:rule" (1-based)], each with its reason.
 * None: the corpus figures are consistent as written (the real-02 headline "78%" and the
 * body "gần 78%" agree; real-09's headline states the target 90,7% as achieved, which is a
 * different kind, not a different value; 150/226 = 66,37 is written 66,3% in lang-son-2019).
 */
const GENUINE: Record<string, string[]> = {};

/**
 * Gold figures: values of catalogued indicators in the corpus, located by a short
 * snippet around the figure (nth occurrence of the snippet). `bound`: a hedge
 * bound ("trên 90%"), for which a restatement with a lower bound is not a conflict.
 */
interface Gold {
  file: string;
  snippet: string;
  fig: string;
  ind: string;
  nth?: number;
  bound?: boolean;
}
const G = (file: string, snippet: string, fig: string, ind: string, extra: Partial<Gold> = {}): Gold => ({ file, snippet, fig, ind, ...extra });
const DOC = 'doctors_per_10k';
const BED = 'beds_per_10k';
const HI = 'health_insurance_coverage';
const LE = 'life_expectancy';
const CCN = 'commune_national_criteria';
const GOLD: Gold[] = [
  G('seeds/hoa-binh-2022.txt', '111,2 trẻ nam', '111,2', 'srb'),
  G('seeds/hue-2024.txt', '4 bác sĩ/vạn', '4', DOC),
  G('seeds/hue-2024.txt', '61 giường', '61', BED),
  G('seeds/hue-2024.txt', '99,3%', '99,3', HI),
  G('seeds/lai-chau-2024.txt', '12,5 bác sĩ', '12,5', DOC),
  G('seeds/lai-chau-2024.txt', '32 giường', '32', BED),
  G('seeds/lai-chau-2024.txt', '93,2% dân số', '93,2', HI),
  G('seeds/lai-chau-2024.txt', 'trên 90%', '90', 'patient_satisfaction', { bound: true }),
  G('seeds/lang-son-2019.txt', '66,3% xã', '66,3', CCN),
  G('seeds/lang-son-2019.txt', '10,8 bác sĩ', '10,8', DOC),
  G('seeds/lang-son-2019.txt', '97,9%', '97,9', HI),
  G('real/real-01.txt', 'đạt 95,15%', '95,15', HI),
  G('real/real-01.txt', 'đạt 95,15%', '95,15', HI, { nth: 1 }),
  G('real/real-01.txt', '15 bác sỹ', '15', DOC),
  G('real/real-01.txt', '15 bác sỹ', '15', DOC, { nth: 1 }),
  G('real/real-01.txt', '34,5 giường', '34,5', BED),
  G('real/real-01.txt', '34,5 giường', '34,5', BED, { nth: 1 }),
  G('real/real-01.txt', 'khoảng 74,8', '74,8', LE),
  G('real/real-01.txt', 'hơn 90%', '90', 'patient_satisfaction', { bound: true }),
  G('real/real-02.txt', '78% số xã', '78', CCN),
  G('real/real-02.txt', '29,36 giường', '29,36', BED),
  G('real/real-02.txt', '6,4 bác sĩ', '6,4', DOC),
  G('real/real-02.txt', 'gần 78%', '78', CCN),
  G('real/real-03.txt', 'đạt 74,5 tuổi', '74,5', LE),
  G('real/real-03.txt', '65,5 tuổi', '65,5', LE),
  G('real/real-03.txt', 'lên 74,5 tuổi', '74,5', LE),
  G('real/real-03.txt', '233/100.000', '233', 'mmr'),
  G('real/real-03.txt', '40/100.000', '40', 'mmr'),
  G('real/real-03.txt', 'từ 43,3', '43,3', 'imr'),
  G('real/real-03.txt', '12,1 trên', '12,1', 'imr'),
  G('real/real-04.txt', 'quân 73,7', '73,7', LE),
  G('real/real-04.txt', 'đạt 73,7 tuổi', '73,7', LE),
  G('real/real-04.txt', 'đạt 73,7 tuổi', '73,7', LE, { nth: 1 }),
  G('real/real-04.txt', '63,2 tuổi', '63,2', 'healthy_life_years'),
  G('real/real-04.txt', '70 tuổi ở nữ', '70', 'healthy_life_years'),
  G('real/real-05.txt', 'từ 65,5', '65,5', LE),
  G('real/real-05.txt', 'lên 74,5', '74,5', LE),
  G('real/real-05.txt', '2,0 - 2,1', '2,0 - 2,1', 'tfr'),
  G('real/real-06.txt', '92,04%', '92,04', HI),
  G('real/real-08.txt', '111,34%', '111,34', 'bed_occupancy'),
  G('real/real-09.txt', 'phủ 90,7%', '90,7', HI),
  G('real/real-09.txt', 'đạt 90,7%', '90,7', HI),
  G('real/real-09.txt', 'đạt 90,7%', '90,7', HI, { nth: 1 }),
  G('real/real-09.txt', 'đạt 28 giường', '28', BED),
  G('real/real-09.txt', 'đạt 28 giường', '28', BED, { nth: 1 }),
  G('real/real-11.txt', '36 giường', '36', BED),
  G('real/real-12.txt', 'lớn hơn 112', '112', 'srb', { bound: true }),
  G('real/real-12.txt', '118,2 bé', '118,2', 'srb'),
  G('real/real-12.txt', '118,1 bé', '118,1', 'srb'),
  G('real/real-12.txt', '117,7 bé', '117,7', 'srb'),
  G('real/real-12.txt', 'Nội 113 bé', '113', 'srb'),
  G('real/real-12.txt', '109-112 bé', '109-112', 'srb'),
  G('real/real-12.txt', 'dưới 109 bé', '109', 'srb', { bound: true }),
  G('real/real-13.txt', 'là 85%', '85', HI, { bound: true }),
  G('real/real-13.txt', '21.8%', '21.8', 'stunting_u5', { bound: true }),
  G('real/real-13.txt', '26,7%', '26,7', 'stunting_u5', { bound: true }),
  G('real/real-13.txt', '13,9%', '13,9', 'stunting_u5', { bound: true }),
  G('real/real-13.txt', '24,2%', '24,2', 'stunting_u5', { bound: true }),
  G('real/real-13.txt', '24,2%', '24,2', 'stunting_u5', { bound: true, nth: 1 }),
  G('real/real-13.txt', '31,4%', '31,4', 'stunting_u5', { bound: true }),
  G('real/real-13.txt', '14,3%', '14,3', 'stunting_u5', { bound: true }),
  G('real/real-13.txt', '20,5%', '20,5', 'stunting_u5', { bound: true }),
  G('real/real-15.txt', '80% số xã', '80', CCN),
  G('real/real-15.txt', '100% số xã', '100', CCN),
  G('real/real-18.txt', '2002 8 31', '8', DOC),
  G('real/real-18.txt', '2002 8 31', '31', BED),
  G('real/real-18.txt', '2004 9 32', '9', DOC),
  G('real/real-18.txt', '2004 9 32', '32', BED),
  G('real/real-18.txt', '2008 10 41', '10', DOC),
  G('real/real-18.txt', '2008 10 41', '41', BED),
  G('real/real-18.txt', '2010 12 42', '12', DOC),
  G('real/real-18.txt', '2010 12 42', '42', BED),
  G('real/real-18.txt', '2011 13 42', '13', DOC),
  G('real/real-18.txt', '2011 13 42', '42', BED),
  G('real/real-20.txt', 'đạt 4,6 bác', '4,6', DOC),
  G('real/real-20.txt', 'đạt 4,6 bác', '4,6', DOC, { nth: 1 }),
  G('real/real-20.txt', '17 giường', '17', BED),
];

const config = getDefaultConfig();
const ours = (fs: Finding[]) => fs.filter((f) => RULES.includes(f.rule));

/** Offset of the gold figure in the text (the nth snippet, the figure as a whole number inside it). */
function locate(text: string, g: Gold): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= (g.nth ?? 0); k++) {
    at = text.indexOf(g.snippet, at + 1);
    assert.ok(at >= 0, `gold snippet not found: ${g.file} "${g.snippet}" #${g.nth ?? 0}`);
  }
  const inner = g.snippet.split('');
  const esc = g.fig.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\d,.])${esc}(?![\\d,])`).exec(g.snippet);
  assert.ok(m && inner.length, `figure ${g.fig} not in snippet ${g.snippet}`);
  return { start: at + m.index, end: at + m.index + g.fig.length };
}

function parseVi(s: string): { v: number; d: number } {
  const [i, f = ''] = s.replace(/\./g, '').split(',');
  return { v: Number(i + (f ? '.' + f : '')), d: f.length };
}

/** Another plausible value, at least two units of the last digit away (so rounding cannot reconcile them). */
function otherValue(fig: string): string {
  return fig
    .split(/(\s*-\s*)/)
    .map((part) => {
      if (/^\s*-\s*$/.test(part)) return part;
      const { v, d } = parseVi(part);
      const u = Math.pow(10, -d);
      return formatVi(Math.min(roundTo(v * 0.85, d), v - 2 * u), d);
    })
    .join('');
}

function slipped(fig: string): string {
  const { v, d } = parseVi(fig);
  return formatVi(v * 10, d);
}

/** End of the paragraph (block) containing offset: the next blank line or the end. */
function paragraphEnd(text: string, offset: number): number {
  const m = /\n[ \t]*\n/g;
  m.lastIndex = offset;
  const r = m.exec(text);
  return r ? r.index : text.length;
}

interface Tally {
  tp: number;
  fp: number;
  total: number;
  misses: string[];
  fps: string[];
}
const tally = (): Tally => ({ tp: 0, fp: 0, total: 0, misses: [], fps: [] });
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');

/** Why a figure was not found: how the extractor read it. */
function why(text: string, start: number, rule: string): string {
  const infos = indicatorSummary(buildDocModel(text, config), config);
  const m = infos.find((x) => x.start <= start && start < x.end);
  if (!m) return 'not read as an indicator value';
  if (rule === 'indicator-implausible') return `read as ${m.indicator} = ${m.normalized} ${m.unit}, inside the plausible range`;
  if (!m.key) return `not compared (${m.notCompared})`;
  return `read as ${m.key} (the other mention is read with other qualifiers)`;
}

function score(t: Tally, text: string, findings: Finding[], line: number, rule: string, what: string, figAt: number, li: LineIndex): void {
  t.total++;
  let hit = false;
  for (const f of ours(findings)) {
    const l = li.positionAt(f.start).line;
    if (l === line && f.rule === rule) hit = true;
    else if (l === line) continue; // another true finding on the mutated line (e.g. a conflict with a repeat)
    else if (f.related?.some((r) => li.positionAt(r.start).line === line)) continue; // a later repeat now conflicts with the mutated figure
    else {
      t.fp++;
      t.fps.push(`${what}: unexpected ${f.rule} on line ${l + 1}`);
    }
  }
  if (hit) t.tp++;
  else t.misses.push(`${what}: ${why(text, figAt, rule)}`);
}

describeCorpus('indicator rules on the real corpus', (docs: CorpusDoc[]) => {
  const byName = new Map(docs.map((d) => [d.name, d]));

  for (const form of ['NFC', 'NFD'] as const) {
    it(`find only the listed genuine errors in every document (${form})`, () => {
      const got: Record<string, string[]> = {};
      for (const d of docs) {
        const text = d.text.normalize(form);
        const li = new LineIndex(text);
        const keys = ours(check(text, config)).map((f) => `${li.positionAt(f.start).line + 1}:${f.rule}`);
        if (keys.length) got[d.name] = keys;
      }
      assert.deepEqual(got, GENUINE);
    });
  }

  it('reads the gold figures of the corpus as their indicators (extraction recall)', () => {
    let found = 0;
    const misses: string[] = [];
    for (const g of GOLD) {
      const d = byName.get(g.file);
      if (!d) continue;
      const { start } = locate(d.text, g);
      const infos = indicatorSummary(buildDocModel(d.text, config), config);
      const m = infos.find((x) => x.start <= start && start < x.end);
      if (m && m.indicator === g.ind) found++;
      else misses.push(`${g.file} "${g.snippet}": ${m ? 'read as ' + m.indicator : 'not read'}`);
    }
    console.log(`      extraction: ${found}/${GOLD.length} gold figures read as their indicator (${pct(found, GOLD.length)})`);
    for (const m of misses) console.log(`        miss: ${m}`);
    // Measured 56/77: the misses are the plain-text table of real-18 (not a Markdown table), the
    // list items of real-13 whose indicator is named in an earlier sentence, real-06 ("tỷ lệ bao
    // phủ" with the insurance named before) and real-08 (the typo "giương bệnh").
    assert.ok(found >= 56, `extraction recall fell: ${found}/${GOLD.length}`);
    // Every figure read is read as the right indicator.
    assert.deepEqual(misses.filter((m) => m.includes('read as')), []);
  });

  it('M1: a changed figure of a repeated fact is found on its line', () => {
    const t = tally();
    const seen = new Map<string, number>();
    for (const g of GOLD) {
      const d = byName.get(g.file);
      if (!d) continue;
      const k = `${g.file}|${g.ind}|${g.fig}`;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      if (n === 0 || g.bound) continue; // mutate the later mentions of a repeated figure only
      const { start, end } = locate(d.text, g);
      const text = d.text.slice(0, start) + otherValue(g.fig) + d.text.slice(end);
      const li = new LineIndex(text);
      score(t, text, check(text, config), li.positionAt(start).line, 'indicator-conflict', `${g.file} "${g.snippet}"#${g.nth ?? 0}`, start, li);
    }
    report('M1 repeated fact changed', t);
    assert.equal(t.fp, 0, t.fps.join('\n'));
    assert.ok(t.tp >= 8, `M1 recall fell: ${t.tp}/${t.total}`);
  });

  it('M2: a restatement with another value, appended after the paragraph, is found on the new line', () => {
    const t = tally();
    for (const g of GOLD) {
      const d = byName.get(g.file);
      if (!d || g.bound) continue;
      const { start, end } = locate(d.text, g);
      // The restatement: the figure's line with the figure changed, as a new paragraph after its own.
      const ls = d.text.lastIndexOf('\n', start - 1) + 1;
      let le = d.text.indexOf('\n', end);
      if (le < 0) le = d.text.length;
      const copy = d.text.slice(ls, start) + otherValue(g.fig) + d.text.slice(end, le);
      const at = paragraphEnd(d.text, end);
      const text = d.text.slice(0, at) + '\n\n' + copy + '\n' + d.text.slice(at);
      const li = new LineIndex(text);
      const line = li.positionAt(at + 2).line;
      score(t, text, check(text, config), line, 'indicator-conflict', `${g.file} "${g.snippet}"#${g.nth ?? 0}`, at + 2 + (start - ls), li);
    }
    report('M2 restatement appended', t);
    assert.equal(t.fp, 0, t.fps.join('\n'));
    assert.ok(t.tp >= 41, `M2 recall fell: ${t.tp}/${t.total}`);
  });

  it('M3: a decimal slip (x10) is found as implausible on its line', () => {
    const t = tally();
    for (const g of GOLD) {
      const d = byName.get(g.file);
      if (!d || g.fig.includes('-')) continue;
      const { start, end } = locate(d.text, g);
      const text = d.text.slice(0, start) + slipped(g.fig) + d.text.slice(end);
      const li = new LineIndex(text);
      score(t, text, check(text, config), li.positionAt(start).line, 'indicator-implausible', `${g.file} "${g.snippet}"#${g.nth ?? 0} -> ${slipped(g.fig)}`, start, li);
    }
    report('M3 decimal slip x10', t);
    assert.equal(t.fp, 0, t.fps.join('\n'));
    assert.ok(t.tp >= 51, `M3 recall fell: ${t.tp}/${t.total}`);
  });

  it('M4: a percentage changed beside its fraction is found on its line', () => {
    const t = tally();
    const d = byName.get('seeds/lang-son-2019.txt');
    if (!d) return;
    for (const [from, to, bad] of [
      ['66,3% xã', '70% xã', true],
      ['66,3% xã', '66,4% xã', false],
      ['66,3% xã', '66% xã', false],
      ['66,3% xã', '65,3% xã', true],
      ['66,3% xã', 'gần 67% xã', false],
      ['(150/226 xã)', '(150/216 xã)', true],
    ] as const) {
      const at = d.text.indexOf(from);
      const text = d.text.slice(0, at) + to + d.text.slice(at + from.length);
      const li = new LineIndex(text);
      const line = li.positionAt(at).line;
      const found = ours(check(text, config)).filter((f) => f.rule === 'fraction-percent-mismatch');
      if (bad) {
        t.total++;
        if (found.some((f) => li.positionAt(f.start).line === line)) t.tp++;
        else t.misses.push(`${from} -> ${to}`);
      }
      const wrong = found.filter((f) => !bad || li.positionAt(f.start).line !== line);
      t.fp += wrong.length;
      for (const f of wrong) t.fps.push(`${from} -> ${to}: ${f.message.en}`);
    }
    report('M4 fraction/percent', t);
    assert.equal(t.fp, 0, t.fps.join('\n'));
    assert.equal(t.tp, t.total);
  });
});

function report(name: string, t: Tally): void {
  console.log(`      ${name}: recall ${t.tp}/${t.total} (${pct(t.tp, t.total)}), precision ${t.tp}/${t.tp + t.fp} (${pct(t.tp, t.tp + t.fp)})`);
  for (const m of t.misses) console.log(`        miss: ${m}`);
  for (const m of t.fps) console.log(`        false alarm: ${m}`);
}
