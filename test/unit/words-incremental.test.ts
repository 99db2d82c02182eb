// The document rules of the orthography family (spelling-consistency,
// tone-mark-style) are groups the engine keeps between checks (engine/groups.ts).
// Random edits that add, remove and change the very facts they count (i/y
// spellings, tone placements, vaccine and agency spellings), and documents with
// repeated identical paragraphs (the cache may hand those back in another
// order), must give the findings of a fresh check, with and without options.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { allRules, checkSteps, configFromObject, DocumentCache, getDefaultConfig, type Finding } from '../helpers/engine';
import type { ResolvedConfig } from '../../server/src/engine/config';
import { parseChunk, splitChunks } from '../../server/src/engine/markdown';
import { vnTokens } from '../../server/src/engine/vietnamese/vnwords';
import { analyzeWord } from '../../server/src/engine/vietnamese/syllable';

function run(text: string, config: ResolvedConfig, cache?: DocumentCache): Finding[] {
  const it = checkSteps(text, allRules, config, { cache, only: ['spelling-consistency', 'tone-mark-style', 'syllable'] });
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
const view = (fs: Finding[]): string => JSON.stringify(fs.map((f) => [f.rule, f.start, f.end, f.message, f.fixes ?? null, f.data ?? null]));

const PARAGRAPHS = [
  'Tỷ lệ tiêm chủng đạt cao, kỹ thuật mới được áp dụng.',
  'Tỉ lệ bác sĩ trên vạn dân tăng; kĩ năng của bác sỹ được nâng lên.',
  'Công tác chăm sóc sức khỏe và hòa nhập cộng đồng.',
  'Sức khoẻ người dân được chăm lo, thuỷ sản an toàn, hoà bình.',
  'Bộ Y tế chỉ đạo tiêm vắc xin; Sở y tế triển khai vắc-xin sởi.',
  'Quy trình mới thay cho qui trình cũ; lý do và lí lẽ.',
  '# Kết quả thủy lợi',
  '| Chỉ tiêu | Tỷ lệ |\n|---|---|\n| Hòa Bình | 12,5 |',
];
const PIECES = ['tỷ', 'tỉ', 'kỹ', 'kĩ', 'hòa', 'hoà', 'thủy', 'thuỷ', 'khỏe', 'khoẻ', 'vắc-xin', 'vắc xin', 'Bộ y tế', 'Bộ Y tế', ' ', '\n\n', 'a', 'Lý '];

const docArb = fc.array(fc.nat({ max: PARAGRAPHS.length - 1 }), { minLength: 2, maxLength: 14 }).map((ix) => ix.map((i) => PARAGRAPHS[i]).join('\n\n'));
const editArb = fc.oneof(
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 6 }), ins: fc.constantFrom(...PIECES) }),
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.constant(0), ins: fc.constantFrom(...PARAGRAPHS.map((p) => '\n\n' + p + '\n\n')) }),
);

function check(config: ResolvedConfig, seed: number): void {
  fc.assert(
    fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (base, edits) => {
      const cache = new DocumentCache();
      let text = base;
      assert.equal(view(run(text, config, cache)), view(run(text, config)));
      for (const e of edits) {
        const at = Math.min(text.length, Math.floor(e.at * text.length));
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        assert.equal(view(run(text, config, cache)), view(run(text, config)), text);
      }
      // Back to the start: the first findings again.
      assert.equal(view(run(base, config, cache)), view(run(base, config)));
    }),
    { numRuns: 200, seed },
  );
}

describe('orthography document rules: incremental equals fresh', function () {
  this.timeout(120000);
  it('default options', () => check(getDefaultConfig(), 7));
  it('configured styles and spellings', () =>
    check(
      configFromObject({
        rules: {
          'tone-mark-style': ['warning', { prefer: 'traditional' }],
          'spelling-consistency': ['warning', { iy: 'y', vaccine: 'vắc-xin', agencyCapitals: true }],
        },
      } as never),
      8,
    ));
  it('finds the conflicts it counts (the test is not vacuous)', () => {
    const text = PARAGRAPHS.slice(0, 6).join('\n\n');
    const rules = new Set(run(text, getDefaultConfig()).map((f) => f.rule));
    assert.ok(rules.has('spelling-consistency') && rules.has('tone-mark-style'), [...rules].join());
  });
});

describe('shared word scan (vnwords)', () => {
  it('gives every token the verdict of analyzeWord, also after a flood of distinct words resets its form table', () => {
    // 60,000 distinct letter-only tokens overflow the interned-form table (40,000) once.
    const parts: string[] = [];
    for (let i = 0; i < 60000; i++) parts.push('x' + i.toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]));
    const tail = ['Thiê', 'Thiên', 'hoà', 'hòa', 'tỷ', 'Vieejt', 'H5N1', 'thủy'];
    const text = parts.join(' ') + ' ' + tail.join(' ');
    const block = parseChunk(splitChunks(text)[0]);
    const tokens = vnTokens(block);
    assert.equal(tokens.length, parts.length + tail.length);
    for (const t of tokens.slice(-tail.length - 100)) assert.deepEqual(t.result, analyzeWord(t.text), t.text);
    // And the same block scanned again finds the same forms.
    assert.deepEqual(vnTokens(block).map((t) => t.result.status), tokens.map((t) => t.result.status));
  });
});
