// Property tests (fast-check): the engine's invariants on random Markdown,
// random Vietnamese (NFC/NFD, both tone styles), random bytes, lone surrogates,
// CR/CRLF line ends and very long lines. A fixed seed keeps `npm test`
// reproducible (VNHR_FC_SEED overrides it); `npm run fuzz` runs far more cases.
import fc from 'fast-check';
import {
  anyDocument,
  anyUnits,
  bytesAsUtf8,
  checkCodeUntouched,
  checkDocumentInvariants,
  checkFormsAgree,
  checkIncremental,
  checkLineEndsAgree,
  longLine,
  markdown,
  markdownLF,
  markdownWithCode,
  markdownWithEdits,
  vietnamese,
  withSurrogates,
} from '../fuzz/props';
import { checkFileSelection, trees } from '../fuzz/trees';

const seed = Number(process.env.VNHR_FC_SEED ?? 20240901);
const run = <T>(arb: fc.Arbitrary<T>, numRuns: number, pred: (x: T) => void) => fc.assert(fc.property(arb, pred), { numRuns, seed });

describe('engine invariants on random input (fast-check)', function () {
  this.timeout(120000);
  it('random Markdown (NFC/NFD, LF/CRLF/CR, BOM): no throw, ranges inside, fixes sane, fixAll idempotent', () => run(markdown, 800, checkDocumentInvariants));
  it('random Vietnamese syllables, both tone placements, NFC and NFD', () => run(vietnamese, 400, checkDocumentInvariants));
  it('random bytes decoded as UTF-8', () => run(bytesAsUtf8, 300, checkDocumentInvariants));
  it('any UTF-16 code units, lone surrogates included', () => run(anyUnits, 300, checkDocumentInvariants));
  it('Markdown with lone surrogates and halved pairs', () => run(withSurrogates, 300, checkDocumentInvariants));
  it('a mix of all of the above', () => run(anyDocument, 600, checkDocumentInvariants));
  it('very long lines (up to 200 KB)', () => run(longLine(200, 4000), 15, checkDocumentInvariants));
  it('NFC and NFD forms of a document give the same findings', () => run(markdownLF, 400, checkFormsAgree));
  it('LF, CRLF and CR line ends give the same findings', () => run(markdownLF, 400, checkLineEndsAgree));
  it('fixAll never changes code (fenced, inline), autolinks or HTML comments', () => run(markdownWithCode, 300, checkCodeUntouched));
  it('edits checked through one DocumentCache give the findings of fresh checks', () => run(markdownWithEdits, 300, checkIncremental));
  it('vnhr check on random folder trees with symlinks (loops, parents, dangling): ends, each real file once, inside the tree, every plain report', () =>
    fc.assert(fc.asyncProperty(trees, checkFileSelection), { numRuns: 25, seed }));
});

// Counterexamples the properties found (kept as plain regression tests).
import { strict as assert } from 'node:assert';
import { check, getDefaultConfig } from '../helpers/engine';

describe('line ends: CR and CRLF read like LF (found by the properties)', () => {
  const facts = (t: string) => check(t, getDefaultConfig()).map((f) => `${f.rule}@${JSON.stringify(t.slice(f.start, f.end))}`);
  it('a CR-only file is split into lines and blocks (every block is checked)', () => {
    const lf = 'Năm  2024 đạt\n\nTỷ lệ  đạt\n\n- mục  một\n- mục  hai\n';
    assert.equal(facts(lf).length, 4);
    assert.deepEqual(facts(lf.replace(/\n/g, '\r')), facts(lf));
  });
  it('vnhr-disable-next-line in a CR file covers the next line only', () => {
    const lf = '<!-- vnhr-disable-next-line whitespace -->\nnăm  năm\n\nnăm  năm\n';
    assert.equal(facts(lf).length, 1);
    assert.deepEqual(facts(lf.replace(/\n/g, '\r')), facts(lf));
    assert.deepEqual(facts(lf.replace(/\n/g, '\r\n')), facts(lf));
  });
  it('CRLF: a trailing ideographic space and an indented continuation line are line edges, as in LF', () => {
    for (const lf of ['- năm\u3000\n- \n\n', '|\n    - \n\n', 'Năm 2024 đạt\n    tốt  kết quả\n']) {
      assert.deepEqual(facts(lf.replace(/\n/g, '\r\n')), facts(lf), JSON.stringify(lf));
    }
  });
  it('front matter in a CR-only file gives the document year, as in LF (found by the fuzzer)', () => {
    const lf = '---\ntitle: Báo cáo năm 2024\nyear: 2024\n---\nnăm 2023 đạt 10,5 bác sĩ/vạn dân \n\n12,5 chỉ tiêu 13 bác sĩ trên 10.000 dân\n\n';
    assert.deepEqual(facts(lf.replace(/\n/g, '\r')), facts(lf));
    assert.deepEqual(facts(lf.replace(/\n/g, '\r\n')), facts(lf));
  });
  it('CRLF offsets map back exactly (a finding after many CRLF lines)', () => {
    const t = 'Dòng một.\r\n'.repeat(50) + '\r\nNăm  2024.\r\n';
    const f = check(t, getDefaultConfig());
    assert.equal(f.length, 1);
    assert.equal(t.slice(f[0].start, f[0].end), '  ');
  });
});

describe('NFC and NFD agree where masking meets a letter (found by the fuzzer)', () => {
  const rules = (t: string) => check(t, getDefaultConfig()).filter((f) => f.rule !== 'unicode-normalization').map((f) => f.rule);
  it('an e-mail run straight into a Vietnamese letter masks the same letters in both forms', () => {
    // In NFD "vnước" starts "vnu" + horn: the address pattern (ASCII) must stop
    // before the "u", as it stops before the one character "ư" in NFC.
    for (const t of ['|  |  |\n|---|---|\n|  | a.b@so-yte.gov.vnước  |\n', 'Liên hệ a.b@so-yte.gov.vnước và x@y.vn.\n']) {
      assert.deepEqual(rules(t.normalize('NFD')), rules(t), t);
    }
  });
  it('a word does not start with a mark left over from an emoji or a digit', () => {
    // "⚕" + VS16 is one cluster: in NFD its mapping snaps to "⚕", so a word
    // starting at the selector covered other text than in NFC.
    for (const t of ['👨\u200d⚕\ufe0fnăm \n\n', 'Năm 2024 đạt 5\u0301năm kết quả.\n']) {
      assert.deepEqual(rules(t.normalize('NFD')), rules(t), t);
      assert.ok(!rules(t).includes('syllable'), `"năm" is a word: ${t}`);
    }
  });
});
