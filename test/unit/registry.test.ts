// Every rule in the registry has its doc page, a fixture, an entry in the
// config schema, and messages in both languages.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, check, configSchema, docsUrl } from '../helpers/engine';
import { parseFixture, fixedPathOf, FIXTURES } from '../helpers/fixtures';
import { localDocsBase } from '../../server/src/docsLink';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../helpers/corpus';

describe('rule registry', () => {
  it('has rules with unique kebab-case ids', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.ok(ids.length > 0);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
  for (const r of allRules) {
    describe(r.meta.id, () => {
      it('has a doc page with right and wrong examples', () => {
        const p = join(REPO_ROOT, 'docs', 'rules', r.meta.id + '.md');
        assert.ok(existsSync(p), `missing ${p}`);
        const doc = readFileSync(p, 'utf8');
        assert.match(doc, /^# /m);
        assert.match(doc, /(Sai|Wrong)/i, 'doc page needs wrong examples');
        assert.match(doc, /(Đúng|Right|Correct)/i, 'doc page needs right examples');
        // The link the CLI and the server give (no network): a page that exists on this machine.
        assert.ok(existsSync(fileURLToPath(docsUrl(r.meta.id, localDocsBase()))), docsUrl(r.meta.id, localDocsBase()));
      });
      it('has a fixture', () => {
        assert.ok(existsSync(join(REPO_ROOT, 'test', 'fixtures', r.meta.id + '.md')), `missing test/fixtures/${r.meta.id}.md`);
      });
      it(`declares the fix kind its fixture shows (${r.meta.fixable})`, () => {
        const text = readFileSync(join(REPO_ROOT, 'test', 'fixtures', r.meta.id + '.md'), 'utf8');
        const mine = check(text, parseFixture(text).config).filter((f) => f.rule === r.meta.id);
        assert.ok(mine.length > 0, 'the fixture has no finding of this rule');
        const safe = mine.some((f) => f.fixes?.some((x) => x.safe));
        const offered = mine.some((f) => f.fixes?.length);
        const shown = safe ? 'safe' : offered ? 'suggestion' : 'none';
        assert.equal(shown, r.meta.fixable, `meta.fixable is '${r.meta.fixable}' but the fixture's findings say '${shown}'`);
      });
      if (r.meta.fixable === 'safe') {
        it('has the text after fix-all of its fixture (test/fixtures/<id>.fixed.md)', () => {
          assert.ok(existsSync(fixedPathOf(join(FIXTURES, r.meta.id + '.md'))), `missing test/fixtures/${r.meta.id}.fixed.md: write fixAll's output, read the diff, commit it`);
        });
      }
      it('is in the config schema', () => {
        const props = (configSchema() as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
        assert.ok(props[r.meta.id]);
      });
      it('has messages in Vietnamese and English', () => {
        assert.ok(r.meta.description.vi.trim().length > 5);
        assert.ok(r.meta.description.en.trim().length > 5);
        assert.notEqual(r.meta.description.vi, r.meta.description.en);
      });
    });
  }
});
