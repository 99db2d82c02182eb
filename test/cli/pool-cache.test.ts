// `vnhr check` over many files: the worker pool gives the same output as one
// thread, and `--cache` reuses findings of unchanged files while the text and
// the config stay the same. VNHR_STATS=1 makes the CLI say how it got them.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';
import { generateReport, loadMaterial } from '../bench/generate';

const BIN = join(REPO_ROOT, 'bin', 'vnhr.js');
interface Run {
  code: number | null;
  out: string;
  err: string;
  stats?: { files: number; cacheHits: number; threads: number };
}
const vnhr = (args: string[], cwd: string, env: Record<string, string> = {}): Run => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, VNHR_STATS: '1', ...env } });
  const m = /vnhr: stats (\{.*\})/.exec(r.stderr);
  return { code: r.status, out: r.stdout, err: r.stderr.replace(/vnhr: stats .*\n/, ''), stats: m ? (JSON.parse(m[1]) as Run['stats']) : undefined };
};

describe('vnhr check: worker pool and --cache', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-pool-'));
    const m = loadMaterial();
    mkdirSync(join(dir, 'reports'));
    // Files of different sizes, so workers finish out of order.
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, 'reports', `r${i}.md`), generateReport(m, (4 + ((i * 5) % 13)) * 1024, 100 + i));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the same output in every format with worker threads as in one thread, files in input order', () => {
    for (const format of ['json', 'stylish']) {
      const one = vnhr(['check', '--format', format, '--jobs', '1', 'reports'], dir);
      const many = vnhr(['check', '--format', format, '--jobs', '3', 'reports'], dir, { VNHR_POOL_MIN_BYTES: '0' });
      assert.equal(one.stats?.threads, 0, one.err);
      assert.equal(many.stats?.threads, 3, many.err);
      assert.equal(many.code, one.code);
      assert.equal(many.err, one.err);
      assert.equal(many.out, one.out, format);
    }
    const j = JSON.parse(vnhr(['check', '--format', 'json', 'reports'], dir, { VNHR_POOL_MIN_BYTES: '0' }).out) as { files: { path: string; diagnostics: unknown[] }[] };
    assert.deepEqual(j.files.map((f) => f.path), [0, 1, 2, 3, 4, 5, 6].map((i) => join('reports', `r${i}.md`)));
    assert.ok(j.files.every((f) => f.diagnostics.length > 0), 'the generated reports have findings to compare');
  });

  it('rejects a bad --jobs value and --cache-location without --cache', () => {
    assert.equal(vnhr(['check', '--jobs', '0', 'reports'], dir).code, 2);
    assert.equal(vnhr(['check', '--jobs', 'many', 'reports'], dir).code, 2);
    assert.equal(vnhr(['check', '--cache-location', 'c', 'reports'], dir).code, 2);
  });

  it('--cache: a re-run of unchanged files hits the cache and prints the same; an edited file or a config change misses', () => {
    const loc = join(dir, 'cache-a');
    const args = ['check', '--format', 'json', '--cache', '--cache-location', loc, 'reports'];
    const plain = vnhr(['check', '--format', 'json', 'reports'], dir);
    const first = vnhr(args, dir);
    assert.equal(first.stats?.cacheHits, 0);
    assert.ok(existsSync(join(loc, 'vnhr-cache.json')));
    const second = vnhr(args, dir);
    assert.equal(second.stats?.cacheHits, 7);
    assert.equal(second.out, plain.out);
    assert.equal(second.code, plain.code);
    // Stylish and SARIF from cached findings equal fresh ones too.
    for (const f of ['stylish', 'sarif']) assert.equal(vnhr(['check', '--format', f, '--cache', '--cache-location', loc, 'reports'], dir).out, vnhr(['check', '--format', f, 'reports'], dir).out, f);

    // One file edited: only it is checked again, and its new finding is reported.
    appendFileSync(join(dir, 'reports', 'r3.md'), '\nNgành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n');
    const edited = vnhr(args, dir);
    assert.equal(edited.stats?.cacheHits, 6);
    assert.equal(edited.out, vnhr(['check', '--format', 'json', 'reports'], dir).out);

    // A config that changes what is found: every file misses, and the rule's findings are gone.
    writeFileSync(join(dir, '.vnhrrc.json'), JSON.stringify({ rules: { whitespace: 'off' } }));
    try {
      const changed = vnhr(args, dir);
      assert.equal(changed.stats?.cacheHits, 0);
      const j = JSON.parse(changed.out) as { files: { diagnostics: { rule: string }[] }[] };
      assert.ok(!j.files.some((f) => f.diagnostics.some((d) => d.rule === 'whitespace')));
      assert.equal(vnhr(args, dir).stats?.cacheHits, 7);
    } finally {
      rmSync(join(dir, '.vnhrrc.json'));
    }
  });

  it('--cache: a damaged or foreign cache file is ignored and rewritten; a deleted one is rebuilt', () => {
    const loc = join(dir, 'cache-b');
    const args = ['check', '--format', 'json', '--cache', '--cache-location', loc, 'reports'];
    const fresh = vnhr(['check', '--format', 'json', 'reports'], dir);
    mkdirSync(loc, { recursive: true });
    for (const junk of ['{not json', JSON.stringify({ format: 1, tool: 'other', files: { [join(dir, 'reports', 'r0.md')]: { h: 'x', f: [] } } })]) {
      writeFileSync(join(loc, 'vnhr-cache.json'), junk);
      const r = vnhr(args, dir);
      assert.equal(r.stats?.cacheHits, 0);
      assert.equal(r.out, fresh.out);
      assert.equal(r.err, '');
      assert.equal(vnhr(args, dir).stats?.cacheHits, 7);
    }
    rmSync(loc, { recursive: true });
    assert.equal(vnhr(args, dir).stats?.cacheHits, 0);
    assert.ok(JSON.parse(readFileSync(join(loc, 'vnhr-cache.json'), 'utf8')));
  });

  it('--cache without a location uses node_modules/.cache/vnhr when the folder has node_modules', () => {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    vnhr(['check', '--cache', 'reports'], dir);
    assert.ok(existsSync(join(dir, 'node_modules', '.cache', 'vnhr', 'vnhr-cache.json')));
    assert.equal(vnhr(['check', '--cache', 'reports'], dir).stats?.cacheHits, 7);
  });
});
