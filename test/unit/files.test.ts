// Which files are reports (server/src/files.ts), shared by `vnhr check` and
// the language server's workspace scan: config globs relative to the config's
// folder, ignore before everything, include over the language test.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../helpers/engine';
import { isCheckedFile, isIgnored, isIncluded, reportFilesIn } from '../../server/src/files';

const VI = 'Năm 2024, ngành y tế đã hoàn thành tốt các nhiệm vụ được giao.\n';
const EN = 'This folder holds the drafts of the team.\n';

describe('report files (files.ts)', () => {
  const base = join(tmpdir(), 'bao-cao');
  const config = loadConfig(JSON.stringify({ ignore: ['nhap/**', '**/*.old.md'], include: ['english/**'] })).config;

  it('matches ignore and include relative to the config folder', () => {
    assert.equal(isIgnored(join(base, 'nhap', 'a.md'), config, base), true);
    assert.equal(isIgnored(join(base, 'huyen', 'nhap', 'a.md'), config, base), false, 'nhap/** is anchored at the config folder');
    assert.equal(isIgnored(join(base, 'huyen', 'b.old.md'), config, base), true);
    assert.equal(isIncluded(join(base, 'english', 'x.md'), config, base), true);
    assert.equal(isIncluded(join(base, 'x.md'), config, base), false);
  });

  it('ignore wins over everything; include, explicit and allMarkdown check a non-Vietnamese file', () => {
    const at = (rel: string, more: { explicit?: boolean; allMarkdown?: boolean } = {}) => ({ file: join(base, rel), base, ...more });
    assert.equal(isCheckedFile(VI, config, at('nhap/a.md')), false);
    assert.equal(isCheckedFile(VI, config, at('nhap/a.md', { explicit: true })), false);
    assert.equal(isCheckedFile(VI, config, at('bao-cao.md')), true);
    assert.equal(isCheckedFile(EN, config, at('README.md')), false);
    assert.equal(isCheckedFile(EN, config, at('english/summary.md')), true);
    assert.equal(isCheckedFile(EN, config, at('README.md', { explicit: true })), true);
    assert.equal(isCheckedFile(EN, config, at('README.md', { allMarkdown: true })), true);
    // An unsaved buffer: no path, no globs; the language decides.
    assert.equal(isCheckedFile(VI, config, {}), true);
    assert.equal(isCheckedFile(EN, config, {}), false);
  });

  it('lists Markdown (and Word files on request) under a folder, sorted, without node_modules, .git, hidden folders or Word lock files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnhr-files-'));
    try {
      for (const rel of ['b.md', 'a/c.md', 'node_modules/x/d.md', '.git/e.md', '.an/f.md', 'g.docx', '~$g.docx', 'h.txt']) {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), VI);
      }
      const rel = (xs: string[]) => xs.map((x) => x.slice(dir.length + 1).replace(/\\/g, '/'));
      assert.deepEqual(rel(await reportFilesIn(dir, { docx: false })), ['a/c.md', 'b.md']);
      assert.deepEqual(rel(await reportFilesIn(dir, { docx: true })), ['a/c.md', 'b.md', 'g.docx']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
