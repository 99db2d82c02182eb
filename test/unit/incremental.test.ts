// The server re-checks a document through a DocumentCache that keeps blocks,
// per-block analyses and document-rule results from earlier versions. Whatever
// is reused, the findings after any sequence of edits must equal a fresh check
// of the same text: this is the invariant every cache in the engine must keep.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fixtureFiles } from '../helpers/fixtures';
import fc from 'fast-check';
import { allRules, analysisRuns, checkSteps, DocumentCache, getDefaultConfig, type Finding } from '../helpers/engine';
import { corpusDocs } from '../helpers/corpus';

const config = getDefaultConfig();

function run(text: string, cache?: DocumentCache): Finding[] {
  const it = checkSteps(text, allRules, config, { cache });
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Everything a user sees of a finding, in a comparable form. */
const view = (fs: Finding[]): string => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.start, f.end, f.message, f.related ?? null, f.fixes ?? null]));

function fixtureTexts(): string[] {
  return fixtureFiles().map((p) => readFileSync(p, 'utf8'));
}

// Edits that move facts around: digits, separators, units, headings, list
// markers, table pipes, line breaks, Vietnamese letters (NFC and NFD marks).
const pieces = ['1', '5', '0', ',', '.', '/', '%', ' ', '\n', '\n\n', '# ', '- ', '| ', 'năm 2023', 'nhiệm vụ', 'xã', 'bác sĩ/vạn dân', 'đạt', 'a', 'ê', 'e\u0302\u0301', 'COVID – 19'];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 12 }), ins: fc.constantFrom(...pieces) });

function applyEdits(base: string, edits: { at: number; del: number; ins: string }[], check: (text: string, step: number) => void): void {
  let text = base;
  edits.forEach((e, i) => {
    const at = Math.min(text.length, Math.floor(e.at * text.length));
    text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
    check(text, i);
  });
}

describe('incremental checks equal fresh checks', function () {
  this.timeout(300000);
  const seed = Number(process.env.VNHR_FC_SEED ?? 20241123);

  it('fixtures: random edit sequences through one DocumentCache', () => {
    const bases = fixtureTexts();
    assert.ok(bases.length > 20, 'fixtures found');
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (bi, edits) => {
        const cache = new DocumentCache();
        run(bases[bi], cache);
        applyEdits(bases[bi], edits, (text) => assert.equal(view(run(text, cache)), view(run(text))));
      }),
      { numRuns: 150, seed },
    );
  });

  it('a document that changes and changes back gives its first findings again', () => {
    const base = fixtureTexts().join('\n\n');
    const cache = new DocumentCache();
    const first = view(run(base, cache));
    const at = base.indexOf('\n\n', base.length >> 1);
    run(base.slice(0, at) + '\n\n# Năm 2019\n\nTỷ lệ 99%.' + base.slice(at), cache);
    assert.equal(view(run(base, cache)), first);
  });

  const docs = corpusDocs();
  (docs.length ? it : it.skip)('real documents: random edit sequences through one DocumentCache', () => {
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (di, edits) => {
        const cache = new DocumentCache();
        run(docs[di].text, cache);
        applyEdits(docs[di].text, edits, (text) => assert.equal(view(run(text, cache)), view(run(text))));
      }),
      { numRuns: 40, seed },
    );
  });

  it('an edit in one paragraph recomputes the per-block analyses of that block only', () => {
    // A long report of distinct paragraphs with figures, task counts and words.
    const paras: string[] = ['# Báo cáo tổng kết công tác y tế năm 2023'];
    for (let i = 0; i < 300; i++) {
      paras.push(`## ${i + 1}. Lĩnh vực ${i}`);
      paras.push(`Tỷ lệ tiêm chủng đạt ${90 + (i % 9)},${i % 10}%; hoàn thành ${i % 7}/7 nhiệm vụ, ${i % 5}/5 chỉ tiêu; số bác sĩ/vạn dân là ${10 + (i % 5)},${i % 10}.`);
    }
    const base = paras.join('\n\n') + '\n';
    const cache = new DocumentCache();
    run(base, cache);
    const blocks = paras.length;
    const at = base.indexOf('Lĩnh vực 150');
    const edited = base.slice(0, at) + 'x' + base.slice(at);
    analysisRuns.clear();
    const incremental = view(run(edited, cache));
    const counts = [...analysisRuns.entries()];
    assert.ok(counts.length > 0, 'analyses are counted');
    for (const [name, n] of counts) assert.ok(n <= 2, `${name} computed ${n} times for a one-block edit (of ${blocks} blocks)`);
    // And the cheap path gives what a fresh check gives.
    analysisRuns.clear();
    assert.equal(incremental, view(run(edited)));
    const fresh = [...analysisRuns.entries()];
    assert.ok(fresh.some(([, n]) => n >= blocks), 'a fresh check computes them for every block');
    // Once per block at most: an analysis dropped after the block rules
    // (transient) but read again by a document rule would show here.
    for (const [name, n] of fresh) assert.ok(n <= blocks, `${name} computed ${n} times for ${blocks} blocks`);
  });
});
