// Every Markdown fixture in test/fixtures/: the findings equal the inline
// markers, in NFC and in NFD; and after fix-all nothing fixable remains,
// unfixable findings stay, and fixing again changes nothing. A fixture's
// `<name>.fixed.md`, where there is one, is the exact text after fix-all.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check, fixAll } from '../helpers/engine';
import { parseFixture, keysOf, expectedKeys } from '../helpers/fixtures';
import { REPO_ROOT } from '../helpers/corpus';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : f.endsWith('.md') && !f.endsWith('.fixed.md') ? [p] : [];
    });
}

describe('fixtures (test/fixtures/**/*.md)', () => {
  for (const file of walk(FIXTURES)) {
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
        const expectedFile = file.replace(/\.md$/, '.fixed.md');
        if (existsSync(expectedFile)) assert.equal(fixed, readFileSync(expectedFile, 'utf8'), `fix-all output differs from ${relative(FIXTURES, expectedFile)}`);
      });
    });
  }
});
