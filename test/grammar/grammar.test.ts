// The TextMate injection grammar (syntaxes/), tested with vscode-tmgrammar-test
// against the real Markdown and HTML grammars (tm-grammars), registered the way
// VS Code registers it: through the "grammars" contribution of package.json.
// Fixtures: test/grammar/fixtures/*.md (scope assertions under each line).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';

const RUNNER = join(REPO_ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const GRAMMARS = join(REPO_ROOT, 'node_modules', 'tm-grammars', 'grammars');
const FIXTURES = join('test', 'grammar', 'fixtures');

function runFixtures(glob: string): { status: number | null; output: string } {
  const args = [RUNNER, '--compact', '--config', 'package.json'];
  for (const g of ['markdown.json', 'html.json', 'html-derivative.json']) args.push('-g', join(GRAMMARS, g));
  args.push(glob);
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  // The Markdown grammar embeds ~60 languages for fenced code; their absence is noise here.
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('grammar not found'))
    .join('\n');
  return { status: r.status, output };
}

describe('grammar: Markdown injection (vscode-tmgrammar-test)', () => {
  it('is generated from scripts/grammar.mjs and up to date', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'grammar.mjs'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('the runner reports a failing fixture (so a pass below means something)', () => {
    const r = runFixtures(join('test', 'grammar', 'negative', '*.md'));
    assert.notEqual(r.status, 0, r.output);
    assert.match(r.output, /missing required scopes:? \[? ?meta\.figure\.task-count\.vnhr/i);
  });

  const fixtures = existsSync(join(REPO_ROOT, FIXTURES)) ? readdirSync(join(REPO_ROOT, FIXTURES)).filter((f) => f.endsWith('.md')).sort() : [];
  it('has fixtures', () => assert.ok(fixtures.length >= 4, `fixtures: ${fixtures.join(', ')}`));
  for (const f of fixtures) {
    it(`fixture ${f}`, () => {
      const r = runFixtures(join(FIXTURES, f));
      assert.equal(r.status, 0, r.output);
      assert.match(r.output, /run successfu/);
    });
  }
});
