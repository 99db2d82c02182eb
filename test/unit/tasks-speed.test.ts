// The task family's shortcuts must not change what it finds:
//  - the code-unit lexer gives the tokens of the reference regex lexer;
//  - the per-block prefilters (lex only segments where a number or slash meets
//    a counted noun, headings only when they can name a year, markers and open
//    ends only where their characters are) give the facts of the exhaustive scan;
//  - the incremental document step (blocks reused through a DocumentCache)
//    gives the summary of a fresh one, line numbers in messages included.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildDocModel, check, DocumentCache, getDefaultConfig, type ResolvedConfig } from '../helpers/engine';
import { corpusDocs, describeCorpus, REPO_ROOT } from '../helpers/corpus';
import { parseFixture, fixtureFiles } from '../helpers/fixtures';
import { lex, lexRegex } from '../../server/src/engine/tasks/lexer';
import { computeTaskFacts, taskFactsOf } from '../../server/src/engine/tasks/counts';
import { taskSummary } from '../../server/src/engine/tasks/index';

const config = getDefaultConfig();
const TASK_RULES = ['task-count-exceeds', 'task-count-malformed', 'task-count-incomplete', 'task-count-list-mismatch', 'task-total-conflict'];

/** Facts in a comparable form (an absent headingYear equals an undefined one). */
const factsView = (text: string, cfg: ResolvedConfig, exhaustive: boolean): string[] =>
  buildDocModel(text, cfg).blocks.map((b) => (b.segments.length ? JSON.stringify(exhaustive ? computeTaskFacts(b, cfg, true) : taskFactsOf(b, cfg)) : ''));

function fixtureTexts(): { name: string; text: string }[] {
  return fixtureFiles().map((p) => ({ name: p.slice(REPO_ROOT.length + 1), text: readFileSync(p, 'utf8') }));
}

// Pieces that exercise every branch of the grammar: grouped and decimal numbers,
// slashes, Vietnamese letters (NFC, NFD, upper case), marks alone, MASK, JS
// whitespace beyond ASCII, astral letters and symbols, lone surrogates.
const lexPieces = ['1', '08', '2024', '1.234', '1,5', '12.34.567', '3.', '.5', ',', '/', '//', ' ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0000', 'nhiệm vụ', 'NHIỆM', 'Xã', 'e\u0302\u0301', '\u0301', 'đ', 'Đ', '%', '(', ')', 'a)', '…', '–', '😀', '𝐀', '\ud800', '\udc00', 'ǅ', 'ſ', 'İ', '٣', '²'];

describe('task counts: fast paths equal the reference', function () {
  this.timeout(300000);
  const seed = Number(process.env.VNHR_FC_SEED ?? 20241123);

  it('the code-unit lexer gives the regex lexer\'s tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lexPieces), { maxLength: 40 }), fc.nat({ max: 1000 }), (parts, base) => {
        const text = parts.join('');
        assert.deepStrictEqual(lex(text, base), lexRegex(text, base));
      }),
      { numRuns: 3000, seed },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => assert.deepStrictEqual(lex(text, 0), lexRegex(text, 0))),
      { numRuns: 3000, seed },
    );
  });

  it('fixtures: prefiltered facts equal the exhaustive scan', () => {
    const fx = fixtureTexts();
    assert.ok(fx.length > 20);
    for (const { name, text } of fx) {
      const cfg = parseFixture(text).config;
      assert.deepEqual(factsView(text, cfg, false), factsView(text, cfg, true), name);
      const nfd = text.normalize('NFD');
      assert.deepEqual(factsView(nfd, cfg, false), factsView(nfd, cfg, true), name + ' (NFD)');
    }
  });

  // Random documents made of the things the prefilters look for, near misses included.
  const docPieces = ['6/6 nhiệm vụ', '7/6 chỉ tiêu', '10 nhiệm vụ trọng tâm', '5 giải pháp:', '6/ nhiệm vụ', '/6 nhiệm vụ', '6//6 nhiệm vụ', '**8/10** chỉ tiêu', '150/226 xã', '2024', 'năm 2024', 'năm tới', 'thời gian tới', 'NĂM TỚI', 'Nhiệm Vụ', '(1) a; (2) b', 'a) x; b) y', 'thứ nhất', 'Thứ hai', 'v.v.', '...', '…', ')', ' ', ', ', '. ', ': ', '\n', '\n\n', '# ', '## ', '- ', '1. ', '| a | 5 xã |\n|---|---|\n| 3 | 4 tỉnh |\n', '`6/6 nhiệm vụ`', 'xã hội', 'tỉnh ủy', 'e\u0302\u0301', 'hoàn thành', 'toàn bộ', '100%', 'còn lại 3 tỉnh'];

  it('random documents: prefiltered facts equal the exhaustive scan', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...docPieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(factsView(text, config, false), factsView(text, config, true));
      }),
      { numRuns: 1500, seed },
    );
  });

  describeCorpus('corpus: prefiltered facts equal the exhaustive scan', () => {
    it('every corpus document, NFC and NFD', () => {
      const docs = corpusDocs();
      for (const d of docs) {
        assert.deepEqual(factsView(d.text, config, false), factsView(d.text, config, true), d.name);
        const nfd = d.text.normalize('NFD');
        assert.deepEqual(factsView(nfd, config, false), factsView(nfd, config, true), d.name + ' (NFD)');
      }
    });
  });
});

// A report with everything the document step reads: headings naming years (the
// context of later counts), claims followed by lists and numbered items, totals
// of the same group that conflict, a code fence and HTML between blocks.
const REPORT = `# Báo cáo công tác y tế năm 2024

## Kết quả năm 2024

Ngành đề ra 3 giải pháp chủ yếu:

- Tăng cường y tế cơ sở.
- Phát triển nguồn nhân lực.

Ngành có 10 nhiệm vụ trọng tâm. Đến nay đã hoàn thành 8/9 nhiệm vụ trọng tâm.

Ngành đặt ra 3 mục tiêu cụ thể.

Thứ nhất, giảm tỷ lệ tử vong mẹ.

Thứ hai, tăng tuổi thọ trung bình.

\`\`\`
6/6 nhiệm vụ
\`\`\`

<div>ghi chú</div>

Ngành có 2 chương trình ưu tiên gồm: (1) tiêm chủng; (2) dinh dưỡng; (3) phòng bệnh.

## Kế hoạch năm tới

Ngành xác định 6 nhiệm vụ trọng tâm:

1. Một.
2. Hai.
3. Ba.

Năm 2025 có 12 chỉ tiêu chủ yếu, trong đó đạt 11/12 chỉ tiêu chủ yếu. Sau đó báo cáo 13 chỉ tiêu chủ yếu.
`;

const pieces = ['\n\n', '\n', '# Năm 2023\n\n', '## Kế hoạch năm tới\n\n', '### 2026\n\n', '10 nhiệm vụ trọng tâm:\n\n', '- Mục.\n', '1. Mục.\n', 'Thứ ba, mục.\n\n', '(1) a; (2) b.', '```\nx\n```\n\n', '<div>x</div>\n\n', 'a', '2024', '9', '/', ' ', '---\nnăm: 2022\n---\n'];
// Unbiased positions: edits anywhere, not mostly at the ends (where nothing follows a claim).
const edit = fc.record({ at: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })), del: fc.noBias(fc.nat({ max: 40 })), ins: fc.constantFrom(...pieces) });

describe('task counts: incremental document step', function () {
  this.timeout(300000);
  const seed = Number(process.env.VNHR_FC_SEED ?? 20241123);

  it('after random edits through one DocumentCache, summary and findings equal a fresh check', () => {
    let lists = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const cache = new DocumentCache();
        let text = REPORT;
        // The rules first (they fill the kept task walk), then the editor summary on the same cache.
        check(text, config, { only: TASK_RULES, cache });
        for (const e of edits) {
          const at = Math.min(text.length, Math.floor(e.at * text.length));
          text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
          const got = check(text, config, { only: TASK_RULES, cache });
          const want = check(text, config, { only: TASK_RULES });
          assert.deepEqual(got, want);
          const s = taskSummary(buildDocModel(text, config, cache), config);
          assert.deepEqual(s, taskSummary(buildDocModel(text, config), config));
          lists += s.counts.filter((c) => c.list).length;
          conflicts += got.filter((f) => f.rule === 'task-total-conflict').length;
        }
      }),
      { numRuns: 300, seed },
    );
    // The edits left enumerations and conflicts to compare.
    assert.ok(lists > 100 && conflicts > 100, `lists ${lists}, conflicts ${conflicts}`);
  });

  it('an edit in the enumeration after a claim (claim block unchanged) is seen', () => {
    const cache = new DocumentCache();
    const listed = (text: string, c?: DocumentCache) => taskSummary(buildDocModel(text, config, c), config).counts.filter((x) => x.list).map((x) => `${x.text}: ${x.list!.items} ${x.list!.matches}`);
    assert.deepEqual(listed(REPORT, cache), ['3 giải pháp chủ yếu: 2 false', '3 mục tiêu cụ thể: 2 false', '2 chương trình ưu tiên: 3 false', '6 nhiệm vụ trọng tâm: 3 false']);
    const more = REPORT.replace('- Phát triển nguồn nhân lực.\n', '- Phát triển nguồn nhân lực.\n- Chuyển đổi số.\n').replace('Thứ hai, tăng tuổi thọ trung bình.\n', 'Thứ hai, tăng tuổi thọ trung bình.\n\nThứ ba, giảm sinh.\n');
    assert.deepEqual(listed(more, cache), ['3 giải pháp chủ yếu: 3 true', '3 mục tiêu cụ thể: 3 true', '2 chương trình ưu tiên: 3 false', '6 nhiệm vụ trọng tâm: 3 false']);
    assert.deepEqual(taskSummary(buildDocModel(more, config, cache), config), taskSummary(buildDocModel(more, config), config));
  });

  it('a line inserted above keeps line numbers in messages current', () => {
    const cache = new DocumentCache();
    const first = check(REPORT, config, { only: ['task-total-conflict'], cache });
    assert.ok(first.length > 0 && first.every((f) => /dòng \d+/.test(f.message.vi)));
    const moved = check('Dòng mới.\n\n' + REPORT, config, { only: ['task-total-conflict'], cache });
    const lineIn = (m: string) => Number(/dòng (\d+)/.exec(m)![1]);
    assert.deepEqual(
      moved.map((f) => lineIn(f.message.vi)),
      first.map((f) => lineIn(f.message.vi) + 2),
    );
  });
});
