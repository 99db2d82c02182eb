// Start-up of `vnhr check` (issue 16): what checking one Markdown file loads, and the V8 code
// cache beside the bundle (bin/load-bundle.js). Timings are the bench's, not asserted here.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';
import { makeDocx } from '../helpers/docx';

const CLI = join(REPO_ROOT, 'server', 'out', 'cli.js');
const LOADER = join(REPO_ROOT, 'bin', 'load-bundle.js');
const REPORT = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';

/** Runs `code` (with `loader` and `cli` defined) in a fresh node; its stdout as JSON. */
function child<T>(code: string, cli = CLI): T {
  const r = spawnSync(process.execPath, ['-e', `const loader = require(${JSON.stringify(LOADER)}); const cli = ${JSON.stringify(cli)};\n${code}`], { encoding: 'utf8', env: { ...process.env, VNHR_NO_CODE_CACHE: '' } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

/** `vnhr <args>` as bin/vnhr.js runs it: its exit code, its output, and every file it required. */
function run(args: string[], cwd: string): { code: number; out: string; files: string[] } {
  return child(`let out = '';
loader.loadBundle(cli).main(${JSON.stringify(args)}, { out: (s) => { out += s; }, err: () => {}, cwd: ${JSON.stringify(cwd)} })
  .then((code) => process.stdout.write(JSON.stringify({ code, out, files: Object.keys(require.cache) })));`);
}

describe('vnhr start-up: what a check loads', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-startup-'));
    writeFileSync(join(dir, 'bao-cao.md'), REPORT);
    writeFileSync(join(dir, 'bao-cao.docx'), await makeDocx({ heading: 'Báo cáo công tác y tế năm 2024', paragraphs: ['Năm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.'] }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checking one Markdown file loads neither the Word chunk nor fast-glob', () => {
    const r = run(['check', '--format', 'json', 'bao-cao.md'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out).files[0].diagnostics.map((d: { rule: string }) => d.rule), ['whitespace']);
    assert.ok(r.files.includes(CLI), 'the CLI bundle itself');
    const chunks = r.files.filter((f) => /server[\\/]out[\\/](word|fast-glob)\.js$/.test(f));
    assert.deepEqual(chunks, []);
  });
  it('a Word file loads the Word chunk, a glob loads fast-glob (the same findings)', () => {
    const w = run(['check', '--format', 'json', 'bao-cao.docx'], dir);
    assert.ok(w.files.includes(join(REPO_ROOT, 'server', 'out', 'word.js')), w.files.join('\n'));
    assert.deepEqual(JSON.parse(w.out).files[0].diagnostics.map((d: { rule: string }) => d.rule), ['whitespace']);
    const g = run(['check', '--format', 'json', '*.md'], dir);
    assert.ok(g.files.includes(join(REPO_ROOT, 'server', 'out', 'fast-glob.js')), g.files.join('\n'));
    assert.equal(JSON.parse(g.out).files.length, 1);
  });
});

describe('vnhr start-up: the V8 code cache beside the bundle', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-codecache-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is used with the bundle the build made it for', () => {
    assert.equal(child<boolean>('process.stdout.write(JSON.stringify(loader.cacheUsed(cli)));'), true);
  });
  it('is refused for another text of the same length, which still runs', () => {
    const copy = join(dir, 'cli.js');
    const text = readFileSync(CLI, 'utf8');
    // Same length, one character changed: V8 alone (it compares lengths) would take the cache.
    const i = text.indexOf('Usage: vnhr check');
    assert.ok(i > 0);
    writeFileSync(copy, text.slice(0, i) + 'usage' + text.slice(i + 5));
    copyFileSync(CLI + '.cache', copy + '.cache');
    for (const f of ['word.js', 'fast-glob.js', 'checkWorker.js']) copyFileSync(join(REPO_ROOT, 'server', 'out', f), join(dir, f));
    const r = child<{ used: boolean; help: string }>(
      `const used = loader.cacheUsed(cli); let help = ''; loader.loadBundle(cli).main(['--help'], { out: (s) => { help += s; }, err: () => {}, cwd: process.cwd() }).then(() => process.stdout.write(JSON.stringify({ used, help })));`,
      copy,
    );
    assert.equal(r.used, false);
    assert.match(r.help, /^usage: vnhr check/);
  });
  it('a damaged or missing cache is no error', () => {
    const copy = join(dir, 'cli2.js');
    copyFileSync(CLI, copy);
    writeFileSync(copy + '.cache', Buffer.concat([readFileSync(CLI + '.cache').subarray(0, 32), Buffer.from('not V8 data')]));
    const r = child<{ used: boolean; version: string }>(
      `const used = loader.cacheUsed(cli); let version = ''; loader.loadBundle(cli).main(['--version'], { out: (s) => { version += s; }, err: () => {}, cwd: process.cwd() }).then(() => process.stdout.write(JSON.stringify({ used, version })));`,
      copy,
    );
    assert.equal(r.used, false, 'V8 refuses data that is not its own');
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    rmSync(copy + '.cache');
    assert.equal(child<boolean>('process.stdout.write(JSON.stringify(loader.cacheUsed(cli)));', copy), false);
  });
});
