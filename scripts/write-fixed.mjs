// Write test/fixtures/<id>.fixed.md (the text after fix-all) for the rules
// named, or for every rule with safe fixes that has none yet. Run after
// `npm run build && npx tsc -b`; then READ each diff before committing:
//   node scripts/write-fixed.mjs [rule-id ...]
//   git diff --no-index --word-diff test/fixtures/<id>.md test/fixtures/<id>.fixed.md
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engine = require(join(root, 'test/out/server/src/engine/index.js'));
const { parseFixture, fixedPathOf } = require(join(root, 'test/out/test/helpers/fixtures.js'));

const asked = process.argv.slice(2);
for (const r of engine.allRules) {
  const id = r.meta.id;
  const fixture = join(root, 'test/fixtures', id + '.md');
  const out = fixedPathOf(fixture);
  if (asked.length ? !asked.includes(id) : r.meta.fixable !== 'safe' || existsSync(out)) continue;
  const text = readFileSync(fixture, 'utf8');
  const fixed = engine.fixAll(text, parseFixture(text).config).text;
  writeFileSync(out, fixed);
  console.log(`${id}: ${fixed === text ? 'no change' : 'written'} ${out.slice(root.length + 1)}`);
}
