// The indicator panel's request over real JSON-RPC: vnhr/indicatorRows on a
// workspace of reports (none opened, then one opened and edited), one file's
// rows, the conflict flag, the UI locale, and vnhr/indicatorRowsChanged.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';
import type { IndicatorRow } from '../../server/src/protocol';

// A province's annual report: a table with three years and the plan, and a sentence that disagrees with the table.
const PROVINCE = [
  '# Báo cáo kết quả công tác y tế năm 2024',
  '',
  '## 1. Kết quả thực hiện các chỉ tiêu chủ yếu',
  '',
  '| Chỉ tiêu | Năm 2022 | Năm 2023 | Kế hoạch 2024 | Thực hiện 2024 |',
  '|---|---|---|---|---|',
  '| Tỷ lệ bao phủ bảo hiểm y tế (%) | 90,1 | 91,4 | 93 | 92,6 |',
  '| Số bác sĩ/vạn dân | 10,9 | 11,5 | 12 | 12,1 |',
  '',
  'Năm 2024, tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 92,8% dân số.',
  '',
].join('\n');
// A district's six-month review, NFD letters and CRLF line ends.
const DISTRICT = [
  '# Báo cáo sơ kết 6 tháng đầu năm 2024 của Trung tâm Y tế huyện',
  '',
  'Năm 2024, số giường bệnh đạt 28,5 giường bệnh/vạn dân.',
  '',
]
  .join('\r\n')
  .normalize('NFD');
const DRAFT = ['# Báo cáo công tác y tế năm 2024', '', 'Năm 2024, tỷ lệ bao phủ bảo hiểm y tế đạt 91,0% dân số.', ''].join('\n');
const DRAFT_EDITED = DRAFT.replace('91,0%', '94,5%');

describe('LSP server: vnhr/indicatorRows (the indicator panel)', function () {
  this.timeout(120000);
  let root: string;
  let c: LspClient;
  let changes = 0;
  const uri = (name: string) => pathToFileURL(join(root, name)).toString();
  const rows = async (p: { uri?: string } = {}) => ((await c.conn.sendRequest('vnhr/indicatorRows', p)) as { rows: IndicatorRow[] }).rows;
  /** Poll the rows until `pred` holds (the workspace scan runs in the background; not a timing assertion). */
  async function rowsWhen(pred: (r: IndicatorRow[]) => boolean, p: { uri?: string } = {}): Promise<IndicatorRow[]> {
    for (let i = 0; ; i++) {
      const r = await rows(p);
      if (pred(r)) return r;
      if (i > 1000) throw new Error(`rows never matched: ${JSON.stringify(r.map((x) => [x.uri, x.line, x.written]))}`);
      await new Promise((res) => setTimeout(res, 30));
    }
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vnhr-panel-'));
    writeFileSync(join(root, 'tinh-2024.md'), PROVINCE);
    writeFileSync(join(root, 'huyen-6-thang.md'), DISTRICT);
    writeFileSync(join(root, 'du-thao.md'), DRAFT);
    c = new LspClient();
    c.conn.onNotification('vnhr/indicatorRowsChanged', () => void changes++);
    await c.initialize('vi', {}, { workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
  });
  after(async () => {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists every figure of every report of the workspace, none opened, with the conflicting ones marked', async () => {
    const all = await rowsWhen((r) => new Set(r.map((x) => x.uri)).size === 3);
    for (let i = 0; changes === 0 && i < 500; i++) await new Promise((res) => setTimeout(res, 20));
    assert.ok(changes > 0, 'vnhr/indicatorRowsChanged was sent after the scan');
    const province = all.filter((r) => r.uri === uri('tinh-2024.md'));
    assert.equal(province.length, 9);
    const bhyt = province.filter((r) => r.indicator === 'health_insurance_coverage');
    assert.deepEqual(
      bhyt.map((r) => [r.line, r.value, r.periodKey, !!r.target, r.conflict]),
      [
        [6, 90.1, '2022', false, false],
        [6, 91.4, '2023', false, false],
        [6, 93, '2024', true, false],
        // The table's 92,6 and the sentence's 92,8 state the same fact differently: both are marked.
        [6, 92.6, '2024', false, true],
        [9, 92.8, '2024', false, true],
      ],
    );
    // Positions are UTF-16 columns of the figure, its % sign included.
    const sentence = bhyt[4];
    const line = PROVINCE.split('\n')[9];
    assert.equal(line.slice(sentence.character, sentence.endCharacter), '92,8%');
    assert.equal(sentence.written, '92,8%');
    assert.equal(sentence.unit, '%');
    assert.match(sentence.name, /bảo hiểm y tế/i);
    assert.match(sentence.kind, /thực hiện|đạt/i);
    assert.ok(sentence.period.includes('2024'));
    // The doctors' row has no conflict at all.
    assert.ok(province.filter((r) => r.indicator === 'doctors_per_10k').every((r) => !r.conflict));
    // NFD + CRLF: the district's figure is on line 2 at its NFD column.
    const district = all.filter((r) => r.uri === uri('huyen-6-thang.md'));
    assert.equal(district.length, 1);
    const dl = DISTRICT.split('\r\n')[2];
    assert.equal(district[0].line, 2);
    assert.equal(dl.slice(district[0].character, district[0].endCharacter), '28,5');
  });

  it('{ uri } gives that file only, whatever the spelling of its URI', async () => {
    const only = await rows({ uri: uri('tinh-2024.md') });
    assert.equal(only.length, 9);
    assert.ok(only.every((r) => r.uri === uri('tinh-2024.md')));
    // VS Code escapes more characters in a file URI (here the colon-free path is the same; a percent-escaped "-" names the same file).
    const escaped = uri('huyen-6-thang.md').replace('huyen-6', 'huyen%2D6');
    assert.equal((await rows({ uri: escaped })).length, 1);
    assert.deepEqual(await rows({ uri: uri('khong-co.md') }), []);
  });

  it('an open document gives its editor text, and an edit refreshes the rows with a notification', async () => {
    const draft = uri('du-thao.md');
    assert.deepEqual((await rows({ uri: draft })).map((r) => r.value), [91]);
    await c.open(draft, DRAFT_EDITED);
    const before = changes;
    const edited = await rowsWhen((r) => r.length === 1 && r[0].value === 94.5, { uri: draft });
    assert.equal(edited[0].written, '94,5%');
    for (let i = 0; changes === before && i < 500; i++) await new Promise((res) => setTimeout(res, 20));
    assert.ok(changes > before, 'vnhr/indicatorRowsChanged after the edit');
    // One row per figure: the file on disk is not listed besides the open document.
    assert.equal((await rows()).filter((r) => r.uri.endsWith('du-thao.md')).length, 1);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: draft } });
    await rowsWhen((r) => r.length === 1 && r[0].value === 91, { uri: draft });
  });

  it('strings follow the locale setting (English)', async () => {
    c.settings = { locale: 'en' };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const en = await rows({ uri: uri('tinh-2024.md') });
    c.settings = null;
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const row = en.find((r) => r.indicator === 'health_insurance_coverage')!;
    assert.match(row.name, /health insurance/i);
    assert.doesNotMatch(row.name, /bảo hiểm/);
  });
});
