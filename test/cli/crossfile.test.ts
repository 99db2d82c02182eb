// `vnhr check` on a folder of reports: figures compared across them (issue 18
// item 2) in every output format, --no-cross-file, crossFile.groups, --changed
// on a temporary git repository, and a Word file taking part.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { REPO_ROOT } from '../helpers/corpus';
import { markdownToDocx } from '../../server/src/word';
import { PROVINCE_2023, DISTRICT_A_2023, DISTRICT_B_2023, REVIEW_6M_2024, ANNUAL_2024 } from '../helpers/cross-reports';

const BIN = join(REPO_ROOT, 'bin', 'vnhr.js');
const vnhr = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const git = (args: string[], cwd: string) => {
  const r = spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

interface JsonOut {
  files: { path: string; diagnostics: { rule: string; range: { start: { line: number } }; related: { file?: string; range: { start: { line: number } }; word?: unknown }[] }[] }[];
}
/** "path:line -> other:line" for each cross-file finding of the JSON output (1-based lines). */
const crossPairs = (out: string) =>
  (JSON.parse(out) as JsonOut).files
    .flatMap((f) => f.diagnostics.filter((d) => d.related.some((r) => r.file)).map((d) => `${f.path}:${d.range.start.line + 1} -> ${d.related.map((r) => `${r.file}:${r.range.start.line + 1}`).join(',')}`))
    .sort();

const TINH = 'tinh/tong-ket-2023.md';
const HUYEN_A = 'huyen-ninh-phuoc/bao-cao-2023.md';
const HUYEN_B = 'huyen-ninh-son/bao-cao-2023.md';
const SO_KET = 'lai-chau/so-ket-6-thang-2024.md';
const TONG_KET = 'lai-chau/tong-ket-2024.md';
const EXPECTED = [`${HUYEN_A}:8 -> ${TINH}:13`, `${SO_KET}:7 -> ${TONG_KET}:11`, `${TINH}:13 -> ${HUYEN_A}:8`, `${TONG_KET}:11 -> ${SO_KET}:7`].sort();

describe('vnhr check: figures compared across reports', function () {
  this.timeout(120000);
  let dir: string;
  const put = (rel: string, text: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-cross-'));
    put(TINH, PROVINCE_2023);
    put(HUYEN_A, DISTRICT_A_2023);
    put(HUYEN_B, DISTRICT_B_2023);
    put(SO_KET, REVIEW_6M_2024);
    put(TONG_KET, ANNUAL_2024);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a conflict in both files, naming the other file:line (text and JSON)', () => {
    const text = vnhr(['check', '.'], dir);
    assert.equal(text.code, 1, text.err);
    assert.match(text.out, /ghi 94,6% ở đây nhưng 95,8 \(tinh\/tong-ket-2023\.md, dòng 13\) ở báo cáo khác/);
    assert.match(text.out, /↳ tinh\/tong-ket-2023\.md:13:16 /);
    assert.match(text.out, /↳ huyen-ninh-phuoc\/bao-cao-2023\.md:8:74 /);
    assert.match(text.out, /✖ 4 vấn đề \(0 lỗi, 4 cảnh báo/);
    const json = vnhr(['check', '--format', 'json', '.'], dir);
    assert.deepEqual(crossPairs(json.out), EXPECTED);
    // Nothing else in these reports: they are correct otherwise.
    assert.equal((JSON.parse(json.out) as JsonOut).files.flatMap((f) => f.diagnostics).length, 4);
  });

  it('writes SARIF 2.1.0 with relatedLocations in the other file', () => {
    const r = vnhr(['check', '--format', 'sarif', '.'], dir);
    const sarif = JSON.parse(r.out) as { runs: { results: unknown[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    assert.ok(ajv.validate(schema, sarif), JSON.stringify(ajv.errors?.slice(0, 5)));
    type Loc = { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } };
    const results = sarif.runs[0].results as { ruleId: string; ruleIndex: number; locations: Loc[]; relatedLocations: Loc[] }[];
    const inDistrict = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === HUYEN_A)!;
    assert.equal(inDistrict.ruleId, 'indicator-conflict');
    assert.deepEqual(inDistrict.relatedLocations[0].physicalLocation.artifactLocation, { uri: TINH, uriBaseId: 'SRCROOT' });
    assert.deepEqual([inDistrict.relatedLocations[0].physicalLocation.region.startLine, inDistrict.relatedLocations[0].physicalLocation.region.startColumn], [13, 16]);
    // Rule metadata with its help page.
    const rule = sarif.runs[0].tool.driver.rules[inDistrict.ruleIndex];
    assert.equal(rule.id, 'indicator-conflict');
    assert.match(rule.helpUri, /indicator-conflict/);
  });

  it('--no-cross-file turns it off; one file alone has nothing to compare with', () => {
    const off = vnhr(['check', '--no-cross-file', '.'], dir);
    assert.equal(off.code, 0, off.out);
    assert.match(off.out, /Không có vấn đề nào \(5 tệp\)/);
    assert.equal(vnhr(['check', HUYEN_A], dir).code, 0);
    assert.equal(vnhr(['check', HUYEN_A, TINH], dir).code, 1);
  });

  it('crossFile.groups compares reports only inside a group; enabled: false turns it off', () => {
    put('.vnhrrc.json', JSON.stringify({ crossFile: { groups: [['huyen-ninh-son/**', 'tinh/**'], ['lai-chau/**']] } }));
    assert.deepEqual(crossPairs(vnhr(['check', '--format', 'json', '.'], dir).out), EXPECTED.filter((p) => p.includes('lai-chau')));
    put('.vnhrrc.json', JSON.stringify({ crossFile: { groups: [['huyen-*/**', 'tinh/**']] } }));
    assert.deepEqual(crossPairs(vnhr(['check', '--format', 'json', '.'], dir).out), EXPECTED.filter((p) => !p.includes('lai-chau')));
    put('.vnhrrc.json', JSON.stringify({ crossFile: { enabled: false } }));
    assert.deepEqual(crossPairs(vnhr(['check', '--format', 'json', '.'], dir).out), []);
    put('.vnhrrc.json', JSON.stringify({ crossFile: { groups: 'tinh/**' } }));
    const bad = vnhr(['check', '--format', 'json', '.'], dir);
    assert.match(bad.err, /crossFile/);
  });

  it('--changed keeps a cross-file finding when a changed line of either file is involved', () => {
    git(['init', '-q'], dir);
    git(['add', '.'], dir);
    git(['commit', '-qm', 'reports'], dir);
    assert.deepEqual(crossPairs(vnhr(['check', '--changed', 'HEAD', '--format', 'json', '.'], dir).out), []);
    // The district's figure edited (still wrong): both findings involve that line, so both stay; the six-month pair does not.
    put(HUYEN_A, DISTRICT_A_2023.replace('94,6%', '94,7%'));
    const r = vnhr(['check', '--changed', 'HEAD', '--format', 'json', '.'], dir);
    assert.deepEqual(crossPairs(r.out), [`${HUYEN_A}:8 -> ${TINH}:13`, `${TINH}:13 -> ${HUYEN_A}:8`], r.err);
    // An unrelated line of the province's report changed: the conflict is not this change's.
    put(HUYEN_A, DISTRICT_A_2023);
    put(TINH, PROVINCE_2023.replace('nâng cao chất lượng', 'nâng cao hơn nữa chất lượng'));
    assert.deepEqual(crossPairs(vnhr(['check', '--changed', 'HEAD', '--format', 'json', '.'], dir).out), []);
  });

  it('a Word report takes part: located by paragraph, related to the Markdown line and back', async () => {
    rmSync(join(dir, HUYEN_A));
    // One issuer line: the Word reading joins a two-line header block into one line.
    put('huyen-ninh-phuoc/bao-cao-2023.docx', await markdownToDocx(DISTRICT_A_2023.replace('SỞ Y TẾ TỈNH NINH THUẬN\n', '')));
    const json = JSON.parse(vnhr(['check', '--format', 'json', 'tinh', 'huyen-ninh-phuoc'], dir).out) as JsonOut;
    const word = json.files.find((f) => f.path.endsWith('.docx'))!;
    assert.equal(word.diagnostics.length, 1);
    assert.equal(word.diagnostics[0].related[0].file, TINH);
    const tinh = json.files.find((f) => f.path === TINH)!;
    assert.equal(tinh.diagnostics[0].related[0].file, 'huyen-ninh-phuoc/bao-cao-2023.docx');
    assert.ok(tinh.diagnostics[0].related[0].word, 'the Word location of the other figure');
    const text = vnhr(['check', 'tinh', 'huyen-ninh-phuoc'], dir).out;
    assert.match(text, /ghi 95,8 ở đây nhưng 94,6% \(huyen-ninh-phuoc\/bao-cao-2023\.docx\) ở báo cáo khác/);
    assert.match(text, /↳ huyen-ninh-phuoc\/bao-cao-2023\.docx:đoạn \d+/);
    const sarif = JSON.parse(vnhr(['check', '--format', 'sarif', 'tinh', 'huyen-ninh-phuoc'], dir).out) as unknown;
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    assert.ok(ajv.validate(schema, sarif), JSON.stringify(ajv.errors?.slice(0, 5)));
  });
});
