// The indicator panel's row model and CSV writer: the server's rows from a
// report (positions, conflict flag, one file), the panel's filter, sort and
// trend series, and CSV text that a CSV parser reads back (BOM, quoting,
// Vietnamese in NFC and NFD).
import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { buildDocModel, check, getDefaultConfig, indicatorSummary, LineIndex } from '../helpers/engine';
import { indicatorRows, sameFile } from '../../server/src/features/indicatorPanel';
import type { WorkspaceReport } from '../../server/src/features/context';
import { csvField, filterRows, sortRows, toCsv, trendOf, type PanelRow } from '../../client/src/panelModel';

const config = getDefaultConfig();
const reportOf = (text: string): WorkspaceReport => ({ lines: new LineIndex(text), indicators: indicatorSummary(buildDocModel(text, config), config), findings: check(text, config) });

// A commune health station's annual report: three years in a table, the plan, and a sentence repeating one figure differently.
const COMMUNE = [
  '# Báo cáo tổng kết công tác y tế xã năm 2024',
  '',
  '| Chỉ tiêu | Năm 2022 | Năm 2023 | Kế hoạch 2024 | Thực hiện 2024 |',
  '|---|---|---|---|---|',
  '| Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ (%) | 96,5 | 97,2 | 98 | 97,8 |',
  '',
  'Năm 2024, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ của xã đạt 97,4%.',
  '',
].join('\n');

const row = (over: Partial<PanelRow>): PanelRow => ({
  uri: 'file:///w/a.md',
  file: 'a.md',
  line: 0,
  character: 0,
  endCharacter: 1,
  indicator: 'x',
  name: 'Chỉ số',
  subgroup: '',
  period: 'năm 2024',
  periodKey: '2024',
  place: 'toàn tỉnh',
  kind: 'thực hiện',
  value: 1,
  written: '1',
  unit: '%',
  conflict: false,
  ...over,
});

describe('indicator panel: server rows', () => {
  it('one row per figure with its line and UTF-16 columns; the two values of one fact are marked as conflicting', () => {
    const rows = indicatorRows(new Map([['file:///w/xa.md', reportOf(COMMUNE)]]), 'vi');
    assert.deepEqual(
      rows.map((r) => [r.line, r.written, r.periodKey, !!r.target, r.conflict]),
      [
        [4, '96,5', '2022', false, false],
        [4, '97,2', '2023', false, false],
        [4, '98', '2024', true, false],
        [4, '97,8', '2024', false, true],
        [6, '97,4%', '2024', false, true],
      ],
    );
    const last = rows[4];
    assert.equal(COMMUNE.split('\n')[6].slice(last.character, last.endCharacter), '97,4%');
    assert.match(last.name, /tiêm chủng/);
  });

  it('NFD letters and CRLF line ends: same rows, columns in the NFD text', () => {
    const nfd = COMMUNE.normalize('NFD').replace(/\n/g, '\r\n');
    const rows = indicatorRows(new Map([['file:///w/xa.md', reportOf(nfd)]]), 'vi');
    assert.deepEqual(
      rows.map((r) => [r.line, r.value, r.conflict]),
      [
        [4, 96.5, false],
        [4, 97.2, false],
        [4, 98, false],
        [4, 97.8, true],
        [6, 97.4, true],
      ],
    );
    const last = rows[4];
    assert.equal(nfd.split('\r\n')[6].slice(last.character, last.endCharacter), '97,4%');
    // Row strings are NFC whatever the report's encoding (they come from the catalogue and the reading).
    assert.equal(last.name, last.name.normalize('NFC'));
  });

  it('only one file when asked, under any spelling of its URI; sorted by file then line', () => {
    const reports = new Map([
      ['file:///w/b%20c.md', reportOf(COMMUNE)],
      ['file:///w/a.md', reportOf(COMMUNE.replace('97,4%', '97,8%'))],
    ]);
    const all = indicatorRows(reports, 'en');
    assert.deepEqual([...new Set(all.map((r) => r.uri))], ['file:///w/a.md', 'file:///w/b%20c.md']);
    // Agreeing figures are not marked.
    assert.ok(all.filter((r) => r.uri === 'file:///w/a.md').every((r) => !r.conflict));
    assert.equal(indicatorRows(reports, 'en', 'file:///w/b c.md').length, 5);
    assert.ok(sameFile('file:///w/b%20c.md', 'file:///w/b c.md'));
    assert.ok(!sameFile('file:///w/a.md', 'file:///w/b.md'));
    assert.match(all[0].name, /immuni[sz]/i);
  });
});

describe('indicator panel: filter, sort, trend', () => {
  const rows: PanelRow[] = [
    row({ indicator: 'bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', period: 'năm 2023', periodKey: '2023', value: 91.4, written: '91,4' }),
    row({ indicator: 'bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', period: '6 tháng đầu năm 2024', periodKey: '6T/2024', value: 92, written: '92' }),
    row({ indicator: 'bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', period: 'năm 2024', periodKey: '2024', value: 93, written: '93', target: true, kind: 'kế hoạch' }),
    row({ indicator: 'bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', period: 'năm 2024', periodKey: '2024', value: 92.6, written: '92,6', conflict: true }),
    row({ indicator: 'bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', period: 'năm 2024', periodKey: '2024', value: 92.8, written: '92,8%', conflict: true, line: 9 }),
    row({ indicator: 'bhyt', name: 'Tỷ lệ bao phủ bảo hiểm y tế', period: 'năm 2022', periodKey: '2022', value: 88, written: '88', place: 'huyện Đông Giang' }),
    row({ indicator: 'bs', name: 'Số bác sĩ/vạn dân', period: 'năm 2024', periodKey: '2024', value: 12.1, written: '12,1', unit: 'bác sĩ/10.000 dân' }),
  ];
  const all = rows.map((_, i) => i);

  it('filters by indicator, period, place, conflicts and free text (NFD text finds NFC rows, case-insensitive)', () => {
    assert.deepEqual(filterRows(rows, { indicator: 'bs' }), [6]);
    assert.deepEqual(filterRows(rows, { period: 'năm 2024' }), [2, 3, 4, 6]);
    assert.deepEqual(filterRows(rows, { place: 'huyện Đông Giang' }), [5]);
    assert.deepEqual(filterRows(rows, { conflictsOnly: true }), [3, 4]);
    assert.deepEqual(filterRows(rows, { text: 'ĐÔNG GIANG'.normalize('NFD') }), [5]);
    assert.deepEqual(filterRows(rows, { text: 'bác sĩ', period: 'năm 2023' }), []);
  });

  it('sorts by value and by period in time order (a half year before its whole year), stable on ties', () => {
    assert.deepEqual(sortRows(rows, all, 'value', false), [6, 5, 0, 1, 3, 4, 2]);
    assert.deepEqual(sortRows(rows, all, 'value', true), [2, 4, 3, 1, 0, 5, 6]);
    assert.deepEqual(sortRows(rows, all, 'period', false), [5, 0, 1, 2, 3, 4, 6]);
    assert.deepEqual(sortRows(rows, all, 'file', false), [0, 1, 2, 3, 5, 6, 4]);
  });

  it('a trend: whole years of one place, achieved apart from target, a year given twice marked as conflicting', () => {
    const tr = trendOf(rows, all, 'bhyt')!;
    assert.equal(tr.place, 'toàn tỉnh');
    assert.deepEqual(tr.achieved.map((p) => [p.year, p.value, p.conflict]), [
      [2023, 91.4, false],
      [2024, 92.6, true],
    ]);
    assert.deepEqual(tr.target.map((p) => [p.year, p.value]), [[2024, 93]]);
    // Anchored on the district's row: only one year there, no trend.
    assert.equal(trendOf(rows, all, 'bhyt', 5), undefined);
    // One year only: no trend.
    assert.equal(trendOf(rows, all, 'bs'), undefined);
    // Filtered rows only.
    assert.equal(trendOf(rows, [0, 1], 'bhyt'), undefined);
  });
});

describe('indicator panel: CSV', () => {
  it('UTF-8 BOM, CRLF, quoted where needed; parses back to the same Vietnamese text (NFC and NFD kept as written)', () => {
    const tricky: PanelRow[] = [
      row({ name: 'Tỷ lệ "bao phủ", BHYT', place: 'xã Hòa Bình'.normalize('NFD'), written: '92,6%', value: 92.6, conflict: true, file: 'báo cáo; quý I.md', line: 4 }),
      row({ name: 'Số bác sĩ\nmỗi vạn dân', subgroup: ' nữ ', written: '=1+2', value: -3, target: true, kind: 'kế hoạch' }),
    ];
    const text = toCsv(tricky, [0, 1], 'vi');
    assert.ok(text.startsWith('\uFEFF'), 'BOM first');
    assert.ok(text.endsWith('\r\n'));
    const back = parse(Buffer.from(text, 'utf8'), { bom: true, relax_column_count: false }) as string[][];
    assert.equal(back.length, 3);
    assert.deepEqual(back[0].slice(0, 3), ['Chỉ số', 'Mã chỉ số', 'Nhóm']);
    assert.deepEqual(back[1], ['Tỷ lệ "bao phủ", BHYT', 'x', '', 'năm 2024', 'xã Hòa Bình'.normalize('NFD'), 'thực hiện', '92.6', '92,6%', '%', '', 'có', 'báo cáo; quý I.md', '5']);
    // A formula is not run by a spreadsheet; a line break and edge spaces survive quoting; a negative number stays a number.
    assert.deepEqual(back[2].slice(0, 10), ['Số bác sĩ\nmỗi vạn dân', 'x', ' nữ ', 'năm 2024', 'toàn tỉnh', 'kế hoạch', '-3', "'=1+2", '%', 'có']);
    assert.equal(toCsv(tricky, [1], 'en').split('\r\n')[0].split(',')[0], '\uFEFFIndicator');
  });

  it('only the rows given, in the order given (the panel sends them as filtered and sorted)', () => {
    const rs = [row({ written: 'a' }), row({ written: 'b' }), row({ written: 'c' })];
    const back = parse(toCsv(rs, [2, 0], 'en'), { bom: true }) as string[][];
    assert.deepEqual(back.slice(1).map((r) => r[7]), ['c', 'a']);
  });

  it('fields: plain text bare, separators and quotes quoted', () => {
    assert.equal(csvField('Hà Nội'), 'Hà Nội');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField(12.5), '12.5');
    assert.equal(csvField('@x'), "'@x");
  });
});
