// The reviewer's command line: `--changed <ref>` keeps the findings of lines a
// change touched (a temporary git repository), `--format github` writes
// workflow annotations.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';

const BIN = join(REPO_ROOT, 'bin', 'vnhr.js');
const vnhr = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const git = (args: string[], cwd: string) => {
  const r = spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};
const lines = (json: string) => JSON.parse(json).files.flatMap((f: { path: string; diagnostics: { rule: string; range: { start: { line: number } } }[] }) => f.diagnostics.map((d) => `${f.path}:${d.range.start.line + 1}:${d.rule}`));

const BEFORE = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n\nCông tác phòng, chống dịch được duy trì.\n';
const AFTER = BEFORE.replace('phòng, chống dịch', 'phòng , chống dịch');

describe('vnhr check --changed and --format github', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-changed-'));
    git(['init', '-q'], dir);
    writeFileSync(join(dir, 'a.md'), BEFORE);
    git(['add', 'a.md'], dir);
    git(['commit', '-qm', 'first'], dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only the findings on lines changed since the ref; an untracked file counts as new', () => {
    writeFileSync(join(dir, 'a.md'), AFTER);
    writeFileSync(join(dir, 'b.md'), BEFORE);
    assert.deepEqual(lines(vnhr(['check', '--format', 'json', 'a.md', 'b.md'], dir).out), ['a.md:3:whitespace', 'a.md:5:punctuation-spacing', 'b.md:3:whitespace']);
    const r = vnhr(['check', '--changed', 'HEAD', '--format', 'json', 'a.md', 'b.md'], dir);
    assert.deepEqual(lines(r.out), ['a.md:5:punctuation-spacing', 'b.md:3:whitespace'], r.err);
    assert.equal(r.code, 1);
    // Committed: nothing changed since HEAD, so nothing to report and exit 0.
    git(['add', '.'], dir);
    git(['commit', '-qm', 'second'], dir);
    const clean = vnhr(['check', '--changed', 'HEAD', '--format', 'json', '.'], dir);
    assert.deepEqual(lines(clean.out), []);
    assert.equal(clean.code, 0);
    assert.deepEqual(lines(vnhr(['check', '--changed', 'HEAD~1', '--format', 'json', 'a.md'], dir).out), ['a.md:5:punctuation-spacing']);
  });

  it('refuses a ref that is not a commit, and a ref that looks like an option (exit 2)', () => {
    const r = vnhr(['check', '--changed', 'no-such-branch', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /--changed: not a commit in this repository: no-such-branch/);
    assert.equal(vnhr(['check', '--changed', '--output=x', 'a.md'], dir).code, 2);
  });

  it('writes GitHub workflow annotations with escaped properties', () => {
    writeFileSync(join(dir, 'b, c.md'), BEFORE);
    const r = vnhr(['check', '--format', 'github', '--locale', 'en', 'b, c.md'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.out.trim(), '::warning file=b%2C c.md,line=3,col=35,endLine=3,endColumn=37,title=whitespace::2 consecutive spaces; use one.');
  });
});
