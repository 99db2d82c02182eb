// The five seed reports checked through the built CLI, as a reviewer would:
//   node bin/vnhr.js check --format json <the five seed files>
// must report the seed slips with the right rule ids, and nothing on the
// legitimate forms next to them. Needs `node scripts/build.mjs` (npm test does it).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../helpers/engine';
import { REPO_ROOT, corpusDir, describeCorpus } from '../helpers/corpus';

interface JsonDiag {
  rule: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface JsonOut {
  version: number;
  files: { path: string; diagnostics: JsonDiag[] }[];
}

const SEEDS = ['bac-kan-2022.txt', 'hoa-binh-2022.txt', 'hue-2024.txt', 'lai-chau-2024.txt', 'lang-son-2019.txt'];

/** [seed, rule, exact flagged text] */
const SLIPS: [string, string, string][] = [
  ['lai-chau-2024.txt', 'duplicate-word', 'nhiệm nhiệm'],
  ['hoa-binh-2022.txt', 'punctuation-spacing', ' ,'],
  ['lang-son-2019.txt', 'date-format', '15/1/'],
  ['hoa-binh-2022.txt', 'term-spelling', 'COVID – 19'],
  ['hoa-binh-2022.txt', 'term-spelling', 'COVID- 19'],
  ['lai-chau-2024.txt', 'term-spelling', 'Covid - 19'],
  ['bac-kan-2022.txt', 'term-spelling', 'Covid-19'],
  ['hoa-binh-2022.txt', 'whitespace', ' \u00a0'],
  ['hue-2024.txt', 'whitespace', ' \u00a0'],
  ['bac-kan-2022.txt', 'whitespace', '\u00a0'],
];

/** Legitimate text in the seeds: no diagnostic may overlap it. */
const LEGIT: [string, string][] = [
  ['hue-2024.txt', 'COVID-19'],
  ['hue-2024.txt', 'kinh tế - xã hội'],
  ['hue-2024.txt', 'trở thành thành phố'],
  ['hue-2024.txt', '54-NQ/TW'],
  ['hue-2024.txt', 'PGS.TS.BS'],
  ['lai-chau-2024.txt', 'kinh tế - xã hội'],
  ['lang-son-2019.txt', '247/QĐ-UBND'],
  ['lang-son-2019.txt', '150/226'],
  ['bac-kan-2022.txt', 'năm 2022./.'],
  ['bac-kan-2022.txt', '128-NQ/CP'],
  ['bac-kan-2022.txt', 'dịch bệnh,...'],
  ['hoa-binh-2022.txt', '30/12/2022 02:53'],
  ['hoa-binh-2022.txt', '111,2 trẻ nam/100 trẻ nữ'],
];

describeCorpus('vnhr check --format json on the five seeds', () => {
  const seedsDir = join(corpusDir()!, 'seeds');
  const cli = join(REPO_ROOT, 'bin', 'vnhr.js');
  let out: JsonOut;
  let status: number | null;
  const texts = new Map(SEEDS.map((s) => [s, existsSync(join(seedsDir, s)) ? readFileSync(join(seedsDir, s), 'utf8') : '']));

  before(function () {
    if (!existsSync(join(REPO_ROOT, 'server', 'out', 'cli.js'))) this.skip();
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...SEEDS], { cwd: seedsDir, encoding: 'utf8' });
    status = r.status;
    assert.equal(r.stderr, '', r.stderr);
    out = JSON.parse(r.stdout) as JsonOut;
  });

  const flagged = (seed: string) => {
    const file = out.files.find((f) => f.path === seed);
    assert.ok(file, `no result for ${seed}`);
    const text = texts.get(seed)!;
    const li = new LineIndex(text);
    return file.diagnostics.map((d) => {
      const s = li.offsetAt(d.range.start);
      const e = li.offsetAt(d.range.end);
      return { rule: d.rule, severity: d.severity, start: s, end: e, text: text.slice(s, e) };
    });
  };

  it('reports every seed file and exits 1 (warnings found)', () => {
    assert.equal(out.version, 1);
    assert.deepEqual(out.files.map((f) => f.path).sort(), [...SEEDS].sort());
    assert.equal(status, 1);
  });

  for (const [seed, rule, text] of SLIPS) {
    it(`${seed}: ${rule} on ${JSON.stringify(text)}`, () => {
      const hits = flagged(seed).filter((d) => d.rule === rule && d.text === text);
      assert.ok(hits.length > 0, `not found; got ${JSON.stringify(flagged(seed).map((d) => `${d.rule}:${d.text}`))}`);
    });
  }

  it('flags none of the legitimate forms', () => {
    for (const [seed, legit] of LEGIT) {
      const text = texts.get(seed)!;
      const at = text.indexOf(legit);
      assert.ok(at >= 0, `"${legit}" not in ${seed}`);
      // Information notes ("150/226 xã: còn 76 xã chưa đạt") are not flags of a slip.
      const over = flagged(seed).filter((d) => d.severity !== 'information' && d.start < at + legit.length && at < d.end);
      assert.deepEqual(over.map((d) => `${d.rule}:${d.text}`), [], `"${legit}" in ${seed}`);
    }
  });
});
