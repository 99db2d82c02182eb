// Every Markdown fixture in test/fixtures/: the findings equal the inline
// markers, in NFC and in NFD; after fix-all nothing fixable remains,
// unfixable findings stay, and fixing again changes nothing; and where a
// <name>.fixed.md sits beside it, fix-all gives exactly that text.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { check, fixAll, DocumentCache } from '../helpers/engine';
import { parseFixture, keysOf, expectedKeys, fixtureFiles, fixedPathOf, FIXTURES } from '../helpers/fixtures';

describe('fixtures (test/fixtures/**/*.md)', () => {
  for (const file of fixtureFiles()) {
    const name = relative(FIXTURES, file);
    describe(name, () => {
      const text = readFileSync(file, 'utf8');
      const { expected, config } = parseFixture(text);

      it('finds exactly the marked findings', () => {
        assert.deepEqual(keysOf(text, check(text, config)), expectedKeys(expected));
      });

      it('finds the same in NFD input', () => {
        const nfd = text.normalize('NFD');
        // unicode-normalization rightly fires on NFD text; everything else must match.
        const ignore = ['unicode-normalization'];
        assert.deepEqual(keysOf(nfd, check(nfd, config), ignore), expectedKeys(expected, ignore));
      });

      it('fix-all leaves nothing fixable, keeps the rest, and is idempotent', () => {
        const before = check(text, config);
        const fixed = fixAll(text, config).text;
        const after = check(fixed, config);
        const fixable = after.filter((f) => f.fixes?.some((x) => x.safe));
        assert.deepEqual(fixable.map((f) => f.rule + ': ' + f.message.en), [], 'fixable findings remain after fix-all');
        const unfixedBefore = before.filter((f) => !f.fixes?.some((x) => x.safe)).map((f) => f.rule).sort();
        const unfixedAfter = after.map((f) => f.rule).sort();
        assert.deepEqual(unfixedAfter, unfixedBefore, 'fixing changed findings that had no safe fix');
        assert.equal(fixAll(fixed, config).text, fixed, 'fixing twice differs from fixing once');
      });

      it('fix-all from known findings and a warm cache (the server\'s way) equals fix-all from scratch', () => {
        const cache = new DocumentCache();
        const findings = check(text, config, { cache });
        assert.equal(fixAll(text, config, { findings, cache }).text, fixAll(text, config).text);
      });

      const fixedPath = fixedPathOf(file);
      if (existsSync(fixedPath)) {
        it('fix-all gives exactly the text of its .fixed.md', () => {
          assert.equal(fixAll(text, config).text, readFileSync(fixedPath, 'utf8'));
        });
      }
    });
  }
});
