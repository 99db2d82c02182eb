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
import { analysis, groupSpec, msg, type Member, type Rule } from '../../server/src/engine/rule';

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

describe('indicator-conflict through the engine\'s groups', () => {
  const a = 'Năm 2023, tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ của toàn tỉnh đạt 95,2%.';
  const b = 'Kết quả cả năm: tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ của toàn tỉnh đạt 97,1%.';
  const doc = (...paras: string[]) => ['# Báo cáo công tác y tế năm 2023', ...paras].join('\n\n') + '\n';
  const conflicts = (fs: Finding[]) => fs.filter((f) => f.rule === 'indicator-conflict');

  it('the later figure is reported, also after the two paragraphs swap places (cut and paste)', () => {
    const cache = new DocumentCache();
    const first = doc(a, 'Đoạn giữa không có số liệu.', b);
    const before = conflicts(run(first, cache));
    assert.equal(before.length, 1);
    assert.ok(first.slice(before[0].start, before[0].end).includes('97,1'));
    const swapped = doc(b, 'Đoạn giữa không có số liệu.', a);
    const after = conflicts(run(swapped, cache));
    assert.equal(view(after), view(conflicts(run(swapped))));
    assert.equal(after.length, 1);
    assert.ok(swapped.slice(after[0].start, after[0].end).includes('95,2'), 'now the 95,2% comes second');
  });

  it('the line quoted for the other figure follows lines typed above it, in NFD with CRLF too', () => {
    for (const form of [(t: string) => t, (t: string) => t.normalize('NFD').replace(/\n/g, '\r\n')]) {
      const cache = new DocumentCache();
      const first = form(doc('Mở đầu.', a, b));
      assert.match(conflicts(run(first, cache))[0].message.vi, /\(dòng 5\)/);
      const more = form(doc('Mở đầu,\nthêm một dòng\nvà một dòng nữa.', a, b));
      const got = conflicts(run(more, cache));
      assert.equal(view(got), view(conflicts(run(more))));
      assert.match(got[0].message.vi, /\(dòng 7\)/);
    }
  });
});

// The engine's groups (engine/groups.ts): a toy rule counts how often it is
// asked, so these tests see that an edit redoes only the groups and members it
// touched, that drafts quoting a line are redone when that line moves, and that
// members come in document order after a block moved.
describe('document rules as groups of per-block facts', () => {
  const calls = { summary: [] as string[], drafts: [] as string[] };
  const WORD = /\b[A-Z]\d\b/g;
  const facts = analysis('test:group-words', (block) => {
    const out: { word: string; start: number; end: number }[] = [];
    for (const m of block.prose.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    return out;
  });
  type Word = ReturnType<typeof facts>[number];
  // Reported: every mention of a word but the first, quoting how many there are and the first one's line.
  const toy: Rule = {
    meta: { ...allRules.find((r) => r.meta.id === 'tone-mark-style')!.meta },
    groups: groupSpec<Word, { count: number; first: Member<Word> }>({
      facts: (block, ctx) => facts(block, ctx.config),
      key: (w) => w.word,
      summary(g) {
        calls.summary.push(g.key);
        let count = 0;
        for (const m of g.members) count += m.facts.length;
        return count > 1 ? { count, first: g.members[0] } : undefined;
      },
      same: (a, b) => a.count === b.count && a.first.block === b.first.block && a.first.facts[0] === b.first.facts[0],
      drafts(m, s, g, _ctx, lines) {
        calls.drafts.push(g.key);
        const line = lines.lineOf(s.first.block, s.first.facts[0].start) + 1;
        return m.facts
          .filter((w) => w !== s.first.facts[0])
          .map((w) => ({ block: m.block, start: w.start, end: w.end, message: msg(`${w.word}: ${s.count} lần, lần đầu dòng ${line}`, `${w.word}: ${s.count} times, first on line ${line}`) }));
      },
    }),
  };
  const runToy = (text: string, cache?: DocumentCache) => {
    const it = checkSteps(text, [toy], config, { cache });
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
    }
  };
  const reset = () => {
    calls.summary.length = 0;
    calls.drafts.length = 0;
  };
  const paras = ['Mở đầu A1 và B1.', 'Tiếp theo A1.', 'Rồi B1, B1.', 'Cuối cùng A1 và C1.', 'Chỉ C1.', 'Không có gì.'];
  const base = paras.join('\n\n') + '\n';

  it('an edit that keeps a group\'s summary redoes only the edited member', () => {
    const cache = new DocumentCache();
    runToy(base, cache);
    reset();
    const text = base.replace('Tiếp theo A1.', 'Tiếp theo nữa A1.');
    const got = view(runToy(text, cache));
    // Only the A1 group is summarized again, and only the edited member's drafts are redone.
    assert.deepEqual(calls, { summary: ['A1'], drafts: ['A1'] });
    reset();
    assert.equal(got, view(runToy(text)));
    assert.deepEqual(calls.summary, ['A1', 'B1', 'C1'], 'a fresh check summarizes every group');
  });

  it('a changed summary redoes every member of that group and no other group', () => {
    const cache = new DocumentCache();
    runToy(base, cache);
    reset();
    const text = base.replace('Tiếp theo A1.', 'Tiếp theo A1 và A1.');
    const got = runToy(text, cache);
    // The messages quote the count: all three A1 members are redone, no other group is asked.
    assert.deepEqual(calls, { summary: ['A1'], drafts: ['A1', 'A1', 'A1'] });
    assert.equal(view(got), view(runToy(text)));
    assert.equal(got.filter((f) => f.message.en.startsWith('A1: 4 times')).length, 3);
  });

  it('drafts quoting a line are redone when that line moves, and equal a fresh check', () => {
    const cache = new DocumentCache();
    runToy(base, cache);
    const text = 'Tiêu đề\n\n\n' + base.replace('Không có gì.', 'Không có gì\nthêm dòng.');
    const got = runToy(text, cache);
    assert.equal(view(got), view(runToy(text)));
    assert.ok(got.some((f) => f.message.en === 'A1: 3 times, first on line 4'), 'line moved from 1 to 4');
  });

  it('members are in document order after a block moved (cut and paste)', () => {
    const cache = new DocumentCache();
    runToy(base, cache);
    // "Cuối cùng A1 và C1." moved to the top: it is now the first A1.
    const moved = [paras[3], ...paras.slice(0, 3), ...paras.slice(4)].join('\n\n') + '\n';
    const got = runToy(moved, cache);
    assert.equal(view(got), view(runToy(moved)));
    assert.ok(got.some((f) => f.message.en === 'A1: 3 times, first on line 1' && moved.slice(f.start, f.end) === 'A1' && f.start > moved.indexOf('Mở đầu')));
  });

  it('facts from NFD text with CRLF line ends group as their NFC form', () => {
    const crlf = base.normalize('NFD').replace(/\n/g, '\r\n');
    const cache = new DocumentCache();
    runToy(base, cache);
    assert.equal(view(runToy(crlf, cache)), view(runToy(crlf)));
    assert.deepEqual(runToy(crlf).map((f) => f.message.en), runToy(base).map((f) => f.message.en));
  });
});
