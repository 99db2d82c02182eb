// `vnhr check` when files and configs are not what it expects: --fix writes
// safely (temp file + rename, line ends, BOM, mode, symlinks; never over a file
// that changed since it was read), unreadable / binary / non-UTF-8 files are an
// exit-2 message while the other files are still checked, and a broken
// .vnhrrc.json never stops checking.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeControls, writeAtomic } from '../../server/src/cli';
import { compileGlob, globMatch } from '../../server/src/glob';
import { REPO_ROOT } from '../helpers/corpus';

const BIN = join(REPO_ROOT, 'bin', 'vnhr.js');
const vnhr = (args: string[], cwd: string, input?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
interface JsonOut {
  files: { path: string; diagnostics: { rule: string; severity: string }[] }[];
}
const json = (out: string) => JSON.parse(out) as JsonOut;
const rulesIn = (j: JsonOut, path: string) => j.files.find((f) => f.path === path)?.diagnostics.map((d) => d.rule);

const SLIP = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';
const CLEAN = SLIP.replace('thành  tốt', 'thành tốt');

describe('vnhr CLI robustness', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-robust-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('--fix writes safely', () => {
    it('through a temporary file renamed over the original (new inode, no temp file left, mode kept)', () => {
      const p = join(dir, 'a.md');
      writeFileSync(p, SLIP);
      chmodSync(p, 0o640);
      const before = statSync(p);
      const r = vnhr(['check', '--fix', 'a.md'], dir);
      assert.equal(r.code, 0, r.out + r.err);
      assert.equal(readFileSync(p, 'utf8'), CLEAN);
      const after = statSync(p);
      assert.notEqual(after.ino, before.ino, 'a rename gives the path a new inode; writing in place would not');
      assert.equal(after.mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(dir), ['a.md'], 'no temporary file is left behind');
    });

    it('keeps CRLF, lone CR and mixed line ends and the BOM byte for byte', () => {
      const cases: [string, string][] = [
        ['crlf.md', '\uFEFF' + SLIP.replace(/\n/g, '\r\n')],
        ['cr.md', SLIP.replace(/\n/g, '\r')],
        ['mixed.md', '\uFEFF' + SLIP.replace('\n\n', '\r\n\r\n')],
      ];
      for (const [name, text] of cases) writeFileSync(join(dir, name), text);
      const r = vnhr(['check', '--fix', ...cases.map(([n]) => n)], dir);
      assert.equal(r.code, 0, r.out + r.err);
      for (const [name, text] of cases) assert.equal(readFileSync(join(dir, name), 'utf8'), text.replace('thành  tốt', 'thành tốt'), name);
    });

    it('through a symlink: fixes the target and keeps the link', () => {
      mkdirSync(join(dir, 'real'));
      writeFileSync(join(dir, 'real', 'target.md'), SLIP);
      symlinkSync(join('real', 'target.md'), join(dir, 'link.md'));
      const r = vnhr(['check', '--fix', 'link.md'], dir);
      assert.equal(r.code, 0, r.out + r.err);
      assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'the link is still a link');
      assert.equal(readFileSync(join(dir, 'real', 'target.md'), 'utf8'), CLEAN);
      assert.deepEqual(readdirSync(join(dir, 'real')), ['target.md']);
    });

    it('refuses to write over a file that changed on disk since it was read', () => {
      const p = join(dir, 'a.md');
      writeFileSync(p, SLIP);
      const raw = readFileSync(p);
      // The writer saved the file meanwhile (the CLI read `raw` before checking).
      writeFileSync(p, SLIP + '\nMột đoạn mới được thêm vào.\n');
      const msg = writeAtomic(p, { text: SLIP, bom: false, raw, mtimeMs: 0 }, CLEAN);
      assert.match(msg ?? '', /changed on disk/);
      assert.equal(readFileSync(p, 'utf8'), SLIP + '\nMột đoạn mới được thêm vào.\n', 'the newer text is kept');
      assert.deepEqual(readdirSync(dir), ['a.md']);
      // Unchanged since read: written.
      const fresh = readFileSync(p);
      assert.equal(writeAtomic(p, { text: fresh.toString('utf8'), bom: false, raw: fresh, mtimeMs: 0 }, CLEAN), undefined);
      assert.equal(readFileSync(p, 'utf8'), CLEAN);
    });

    it('refuses to write when the file is gone, and says so', () => {
      const p = join(dir, 'a.md');
      writeFileSync(p, SLIP);
      const raw = readFileSync(p);
      rmSync(p);
      assert.match(writeAtomic(p, { text: SLIP, bom: false, raw, mtimeMs: 0 }, CLEAN) ?? '', /cannot re-read/);
      assert.deepEqual(readdirSync(dir), []);
    });
  });

  describe('files it cannot check: exit 2, a clear message, the other files still checked', () => {
    const other = () => writeFileSync(join(dir, 'good.md'), SLIP);

    it('a binary file', () => {
      other();
      writeFileSync(join(dir, 'bad.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0xff]));
      const r = vnhr(['check', '--format', 'json', 'bad.md', 'good.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /bad\.md: binary file/);
      assert.deepEqual(rulesIn(json(r.out), 'good.md'), ['whitespace']);
    });

    it('a file in a legacy 8-bit encoding (not UTF-8)', () => {
      other();
      // "Báo cáo" in Windows-1258 / Latin-1 bytes: invalid as UTF-8.
      writeFileSync(join(dir, 'legacy.md'), Buffer.from([0x42, 0xe1, 0x6f, 0x20, 0x63, 0xe1, 0x6f, 0x0a]));
      const r = vnhr(['check', '--format', 'json', 'legacy.md', 'good.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /legacy\.md: not valid UTF-8; convert the file to UTF-8/);
      assert.deepEqual(rulesIn(json(r.out), 'good.md'), ['whitespace']);
    });

    it('a UTF-16 file (as Windows Notepad saves "Unicode") is named as such', () => {
      other();
      writeFileSync(join(dir, 'u16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SLIP, 'utf16le')]));
      const r = vnhr(['check', '--format', 'json', 'u16.md', 'good.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /u16\.md: UTF-16/);
      assert.deepEqual(rulesIn(json(r.out), 'good.md'), ['whitespace']);
    });

    it('an unreadable file (a dangling symlink; and a file without read permission when not root)', function () {
      other();
      symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
      const r = vnhr(['check', '--format', 'json', 'dangling.md', 'good.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /dangling\.md/);
      assert.deepEqual(rulesIn(json(r.out), 'good.md'), ['whitespace']);
      if (process.getuid?.() === 0) return; // root reads anything: the permission case cannot be made here
      writeFileSync(join(dir, 'secret.md'), SLIP);
      chmodSync(join(dir, 'secret.md'), 0);
      const s = vnhr(['check', '--format', 'json', 'secret.md', 'good.md'], dir);
      assert.equal(s.code, 2);
      assert.match(s.err, /secret\.md: cannot read file \(EACCES\)/);
      assert.deepEqual(rulesIn(json(s.out), 'good.md'), ['whitespace']);
    });

    it('--fix still fixes the good files when another cannot be read', () => {
      other();
      writeFileSync(join(dir, 'bad.md'), Buffer.from([0x00, 0x01, 0x02]));
      const r = vnhr(['check', '--fix', 'bad.md', 'good.md'], dir);
      assert.equal(r.code, 2);
      assert.equal(readFileSync(join(dir, 'good.md'), 'utf8'), CLEAN);
      assert.deepEqual([...readFileSync(join(dir, 'bad.md'))], [0, 1, 2], 'the unreadable file is not touched');
    });
  });

  describe('a broken .vnhrrc.json never stops checking', () => {
    const run = (config: string | Buffer) => {
      writeFileSync(join(dir, '.vnhrrc.json'), config);
      writeFileSync(join(dir, 'a.md'), SLIP);
      const r = vnhr(['check', '--format', 'json', 'a.md'], dir);
      const j = json(r.out);
      return { ...r, diagnostics: j.files.find((f) => f.path === 'a.md')?.diagnostics ?? [] };
    };
    const whitespace = (d: { rule: string; severity: string }[]) => d.find((x) => x.rule === 'whitespace');

    it('bad JSON: located error, defaults used, exit 2', () => {
      const r = run('{ "rules": { "whitespace": "off" ');
      assert.equal(r.code, 2);
      assert.match(r.err, /\.vnhrrc\.json:1:\d+: error: Invalid JSON/);
      assert.equal(whitespace(r.diagnostics)?.severity, 'warning', 'the rule runs at its default');
    });

    it('not an object (an array, a string, nothing at all)', () => {
      for (const text of ['[]', '"rules"', '', '// only a comment\n']) {
        const r = run(text);
        assert.ok(whitespace(r.diagnostics), `checked with ${JSON.stringify(text)}`);
        if (text.trim() && !text.startsWith('//')) assert.match(r.err, /must be a JSON object|Invalid JSON/, JSON.stringify(text));
      }
    });

    it('wrong types are dropped one by one; the valid parts still apply', () => {
      const r = run(JSON.stringify({ rules: { whitespace: 'error', 'unicode-normalization': 42 }, terms: 'COVID-19', failOn: 3, ignore: 'x' }));
      assert.equal(whitespace(r.diagnostics)?.severity, 'error', 'the valid rule setting applies');
      for (const what of ['unicode-normalization', 'terms', 'failOn', 'ignore']) assert.match(r.err, new RegExp(`\\.vnhrrc\\.json:1:\\d+: warning: .*${what}`), `problem located and reported for ${what}`);
      assert.equal(r.code, 1, 'warnings about the config do not make it an I/O error; the finding does fail');
    });

    it('unknown rule ids are named, and the others apply', () => {
      const r = run('{ "rules": { "whitespce": "off", "whitespace": "error" } }');
      assert.match(r.err, /Unknown rule id "whitespce"/);
      assert.equal(whitespace(r.diagnostics)?.severity, 'error');
    });

    it('an enormous file (> 5 MB) is refused with a message; defaults used', () => {
      const big = '{ "terms": { "COVID-19": [' + Array.from({ length: 700_000 }, (_, i) => `"v${i}"`).join(',') + '] } }';
      assert.ok(big.length > 5_000_000);
      const r = run(big);
      assert.equal(r.code, 2);
      assert.match(r.err, /larger than 5 MB; defaults are used/);
      assert.equal(whitespace(r.diagnostics)?.severity, 'warning');
    });

    it('deep nesting, invalid UTF-8 and a BOM do not crash the config reader', () => {
      const deep = run('{ "indicators": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ' }');
      assert.ok(whitespace(deep.diagnostics), deep.err);
      assert.match(deep.err, /\.vnhrrc\.json:1:1: error: Cannot parse config/);
      assert.doesNotMatch(deep.err, /\n\s+at /, 'a message, not a stack trace');
      const bytes = run(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
      assert.ok(whitespace(bytes.diagnostics), bytes.err);
      const bom = run('\uFEFF{ "rules": { "whitespace": "error" } }');
      assert.equal(whitespace(bom.diagnostics)?.severity, 'error', bom.err);
    });

    it('a .vnhrrc.json that is a folder is reported, and checking goes on', () => {
      mkdirSync(join(dir, '.vnhrrc.json'));
      writeFileSync(join(dir, 'a.md'), SLIP);
      const r = vnhr(['check', '--format', 'json', 'a.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /Cannot read config/);
      assert.ok(whitespace(json(r.out).files[0].diagnostics));
    });
  });

  describe('hostile files, configs and arguments (issue 15)', () => {
    it('a .vnhrrc.json that is a symlink to /dev/zero, or a FIFO, is refused; checking goes on', function () {
      writeFileSync(join(dir, 'a.md'), SLIP);
      symlinkSync('/dev/zero', join(dir, '.vnhrrc.json'));
      const r = vnhr(['check', '--format', 'json', 'a.md'], dir);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /not a regular file/);
      assert.ok(json(r.out).files[0].diagnostics.some((d) => d.rule === 'whitespace'));
      rmSync(join(dir, '.vnhrrc.json'));
      const fifo = spawnSync('mkfifo', [join(dir, '.vnhrrc.json')]);
      if (fifo.status !== 0) return; // no mkfifo here
      const f = vnhr(['check', '--format', 'json', 'a.md'], dir);
      assert.equal(f.code, 2, f.err);
      assert.match(f.err, /not a regular file/);
    });

    it('globs do not follow symlinked folders (self-loops end), and each real file is reported once', () => {
      mkdirSync(join(dir, 'd'));
      writeFileSync(join(dir, 'd', 'a.md'), SLIP);
      symlinkSync('.', join(dir, 'd', 'loop1'));
      symlinkSync('..', join(dir, 'd', 'loop2'));
      symlinkSync('a.md', join(dir, 'd', 'same.md'));
      const r = vnhr(['check', '--format', 'json', 'd/**/*.md', 'd/a.md'], dir);
      assert.equal(r.code, 1, r.err);
      assert.equal(json(r.out).files.length, 1, r.out);
    });

    it('an ignore glob of the "*a*a*a…b" shape against a long name: a linear matcher, same answers as before', () => {
      const name = 'a'.repeat(200) + '.md';
      writeFileSync(join(dir, name), SLIP);
      writeFileSync(join(dir, '.vnhrrc.json'), JSON.stringify({ ignore: ['*a'.repeat(30) + 'b', 'drafts/**'] }));
      const r = vnhr(['check', '--format', 'json', name], dir);
      assert.equal(r.code, 1, r.err);
      assert.equal(json(r.out).files.length, 1, 'not ignored: the name has no "b"');
      // The matcher: usual globs, and work that grows linearly with the name.
      const g = ['drafts/**', '**/*.tmp.md', 'bao-cao-{quy,nam}-?.md', '[!x]*/ban-nhap.md'].map(compileGlob);
      for (const [path, want] of [['drafts/a/b.md', true], ['x/y.tmp.md', true], ['bao-cao-quy-1.md', true], ['bao-cao-thang-1.md', false], ['a/ban-nhap.md', true], ['x/ban-nhap.md', false], ['.hidden/drafts/a.md', false], ['.a.tmp.md', true]] as const)
        assert.equal(globMatch(path, g), want, path);
      const evil = [compileGlob('*a'.repeat(30) + 'b')];
      const cpu = (n: number) => {
        const path = ('a'.repeat(n) + '/').repeat(3) + 'a'.repeat(n);
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const t = process.cpuUsage();
          for (let k = 0; k < 20; k++) assert.equal(globMatch(path, evil), false);
          const d = process.cpuUsage(t);
          best = Math.min(best, d.user + d.system);
        }
        return Math.max(best, 1000);
      };
      cpu(100);
      const small = cpu(200);
      const large = cpu(2000);
      assert.ok(large < 30 * small, `${small} µs at n, ${large} µs at 10n`);
      assert.throws(() => compileGlob('{a,b}'.repeat(10)), /more than 64 alternatives/);
    });

    it('--fix refuses a read-only file (exit 2, a message) and leaves it as it was', () => {
      const p = join(dir, 'a.md');
      writeFileSync(p, SLIP);
      chmodSync(p, 0o444);
      const r = vnhr(['check', '--fix', 'a.md'], dir);
      assert.equal(r.code, 2, r.out + r.err);
      assert.match(r.err, /a\.md: file is (read-only|not writable)/);
      assert.equal(readFileSync(p, 'utf8'), SLIP);
      assert.equal(statSync(p).mode & 0o777, 0o444);
    });

    it('--fix keeps the owner, and writes in place where the file has several hard links', function () {
      const p = join(dir, 'a.md');
      writeFileSync(p, SLIP);
      linkSync(p, join(dir, 'b.md'));
      const ino = statSync(p).ino;
      const r = vnhr(['check', '--fix', 'a.md'], dir);
      assert.equal(r.code, 0, r.out + r.err);
      assert.equal(statSync(p).ino, ino, 'same inode');
      assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), CLEAN, 'the other link sees the fix');
      if (process.getuid?.() !== 0) return; // only root can give a file another owner
      const q = join(dir, 'c.md');
      writeFileSync(q, SLIP);
      chownSync(q, 1234, 4321);
      chmodSync(q, 0o664);
      assert.equal(vnhr(['check', '--fix', 'c.md'], dir).code, 0);
      const st = statSync(q);
      assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [1234, 4321, 0o664]);
      assert.equal(readFileSync(q, 'utf8'), CLEAN);
    });

    it('output piped to a reader that stops (`vnhr … | head -c 1`): no EPIPE stack trace', () => {
      // More output than a pipe buffers (64 KB), so writes go on after the reader is gone.
      writeFileSync(join(dir, 'big.md'), Array.from({ length: 3000 }, (_, i) => `Năm 2024, xã ${i} đã hoàn thành  tốt nhiệm vụ.`).join('\n\n'));
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check --format sarif big.md | head -c 1 >/dev/null`], { encoding: 'utf8', cwd: dir });
      assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|\n\s+at /, r.stderr);
      const rules = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rules | head -c 1 >/dev/null`], { encoding: 'utf8', cwd: dir });
      assert.equal(rules.stderr, '');
    });

    it('exit 2 with a message when nothing is checked: a glob that matches nothing, a folder without Markdown, every file ignored; --allow-empty accepts it', () => {
      mkdirSync(join(dir, 'empty'));
      writeFileSync(join(dir, 'empty', 'notes.txt'), SLIP);
      const g = vnhr(['check', 'nothing/**/*.md'], dir);
      assert.equal(g.code, 2);
      assert.match(g.err, /no files match nothing\/\*\*\/\*\.md/);
      const f = vnhr(['check', 'empty'], dir);
      assert.equal(f.code, 2);
      assert.match(f.err, /empty: no reports \(\*\.md, \*\.docx\) in this folder/);
      writeFileSync(join(dir, 'a.md'), SLIP);
      writeFileSync(join(dir, '.vnhrrc.json'), JSON.stringify({ ignore: ['*.md'] }));
      const i = vnhr(['check', 'a.md'], dir);
      assert.equal(i.code, 2);
      assert.match(i.err, /no file was checked/);
      for (const args of [['nothing/**/*.md'], ['empty'], ['a.md']]) assert.equal(vnhr(['check', '--allow-empty', ...args], dir).code, 0, args.join(' '));
    });

    it('`vnhr` alone prints the usage to stderr; --config= empty is an error; "--" ends the options; "-" reads stdin', () => {
      const u = vnhr([], dir);
      assert.equal(u.code, 2);
      assert.equal(u.out, '');
      assert.match(u.err, /Usage: vnhr check/);
      writeFileSync(join(dir, 'a.md'), SLIP);
      const c = vnhr(['check', '--config=', 'a.md'], dir);
      assert.equal(c.code, 2);
      assert.match(c.err, /--config needs a value/);
      writeFileSync(join(dir, '-x.md'), SLIP);
      const d = vnhr(['check', '--format', 'json', '--', '-x.md'], dir);
      assert.equal(d.code, 1, d.err);
      assert.equal(json(d.out).files[0].path, '-x.md');
      const s = vnhr(['check', '--format', 'json', '--stdin-filename', 'sub/bao-cao.md', '-'], dir, SLIP);
      assert.equal(s.code, 1, s.err);
      assert.deepEqual(rulesIn(json(s.out), 'sub/bao-cao.md'), ['whitespace']);
      writeFileSync(join(dir, '.vnhrrc.json'), JSON.stringify({ ignore: ['sub/**'] }));
      assert.equal(vnhr(['check', '--stdin-filename', 'sub/bao-cao.md', '-'], dir, SLIP).code, 2, 'stdin named into an ignored folder: nothing checked');
      assert.equal(vnhr(['check', '--fix', '-'], dir, SLIP).code, 2, '--fix cannot write stdin');
    });

    it('control characters in file names are escaped in the stylish output', () => {
      const name = 'a\u001b[31mred\u0007.md';
      writeFileSync(join(dir, name), SLIP);
      const r = vnhr(['check', name], dir);
      assert.equal(r.code, 1, r.err);
      assert.ok(!r.out.includes('\u001b') && !r.out.includes('\u0007'), JSON.stringify(r.out));
      assert.ok(r.out.includes('a\\x1b[31mred\\x07.md'), r.out);
      assert.equal(escapeControls('bao-cao\u202e.md'), 'bao-cao\\u202e.md');
    });

    it('an unknown option inside a rule\'s options is named as an option, and the rule keeps its level', () => {
      writeFileSync(join(dir, '.vnhrrc.json'), JSON.stringify({ rules: { whitespace: 'error', 'term-spelling': ['error', { bultin: false }] } }));
      writeFileSync(join(dir, 'a.md'), SLIP + '\nSố ca mắc Covid-19 giảm.\n');
      const r = vnhr(['check', '--format', 'json', 'a.md'], dir);
      assert.match(r.err, /Unknown option "bultin" for rule "term-spelling"/);
      assert.doesNotMatch(r.err, /Unknown rule id/);
      const d = json(r.out).files[0].diagnostics;
      assert.equal(d.find((x) => x.rule === 'term-spelling')?.severity, 'error');
    });
  });
});
