// Every rule in the registry has its doc page, a fixture, an entry in the
// config schema, and messages in both languages.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, configSchema, docsUrl } from '../helpers/engine';
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
