// Figures compared across reports (issue 18 item 2): crossReportConflicts on
// the indicator mentions of several reports. Which reports' figures meet: a
// district's own figures are keyed by the district its header names, so the
// province's table row for it compares and two districts' "toàn huyện" never
// do; periods as read in each report (a half-year column of the annual report
// against the six-month review); rounding as inside one file; groups.
import { strict as assert } from 'node:assert';
import { LineIndex, configFromObject, getDefaultConfig, crossReportConflicts, newCrossMemo, type CrossReport, type Finding, type ResolvedConfig } from '../helpers/engine';
import { crossReportOf } from '../../server/src/crossfile';
import { PROVINCE_2023, DISTRICT_A_2023, DISTRICT_B_2023, REVIEW_6M_2024, ANNUAL_2024 } from '../helpers/cross-reports';

const cfg = getDefaultConfig();
type Doc = { id: string; text: string; group?: string[]; config?: ResolvedConfig };

function cross(docs: Doc[], config = cfg): Map<string, Finding[]> {
  const reports: CrossReport[] = docs.map((d) => crossReportOf(d.id, d.text, d.config ?? config, { group: d.group }));
  return crossReportConflicts(reports, config);
}
/** "file:line -> other:line" for each finding (1-based lines). */
function pairs(docs: Doc[], config = cfg): string[] {
  const text = new Map(docs.map((d) => [d.id, d.text]));
  const line = (id: string, off: number) => new LineIndex(text.get(id)!).positionAt(off).line + 1;
  const out: string[] = [];
  for (const [id, fs] of cross(docs, config)) for (const f of fs) out.push(`${id}:${line(id, f.start)} -> ${f.related!.map((r) => `${r.file}:${line(r.file!, r.start)}`).join(',')}`);
  return out.sort();
}

describe('crossReportConflicts: figures compared across reports', () => {
  it("compares the province's table row for a district with the district's own figure, in both files", () => {
    const docs = [
      { id: 'tinh/bao-cao-2023.md', text: PROVINCE_2023 },
      { id: 'huyen-ninh-phuoc/bao-cao-2023.md', text: DISTRICT_A_2023 },
    ];
    assert.deepEqual(pairs(docs), ['huyen-ninh-phuoc/bao-cao-2023.md:8 -> tinh/bao-cao-2023.md:13', 'tinh/bao-cao-2023.md:13 -> huyen-ninh-phuoc/bao-cao-2023.md:8']);
    const [f] = cross(docs).get('huyen-ninh-phuoc/bao-cao-2023.md')!;
    assert.equal(f.rule, 'indicator-conflict');
    assert.equal(f.severity, 'warning');
    assert.equal(f.data?.crossFile, true);
    assert.equal(DISTRICT_A_2023.slice(f.start, f.end), '94,6%');
    assert.equal(PROVINCE_2023.slice(f.related![0].start, f.related![0].end), '95,8');
    // The message names the other file and line, and how both figures were read.
    assert.match(f.message.vi, /ghi 94,6% ở đây nhưng 95,8 \(tinh\/bao-cao-2023\.md, dòng 13\) ở báo cáo khác/);
    assert.match(f.message.vi, /Cách đọc: 94,6% — năm 2023 .*95,8 \(tinh\/bao-cao-2023\.md, dòng 13\) — năm 2023 \(từ tên bảng\)/);
    assert.match(f.message.en, /is 94,6% here but 95,8 \(tinh\/bao-cao-2023\.md, line 13\) in another report/);
  });

  it("never compares two districts' own figures, and a district that agrees with its row has nothing", () => {
    assert.deepEqual(pairs([{ id: 'a.md', text: DISTRICT_A_2023 }, { id: 'b.md', text: DISTRICT_B_2023 }]), []);
    // Ninh Sơn's 97,1% is the province's row; only Ninh Phước disagrees.
    assert.deepEqual(pairs([{ id: 'tinh.md', text: PROVINCE_2023 }, { id: 'a.md', text: DISTRICT_A_2023 }, { id: 'b.md', text: DISTRICT_B_2023 }]), ['a.md:8 -> tinh.md:13', 'tinh.md:13 -> a.md:8']);
  });

  it("compares the six-month review with the annual report's half-year column; 78,42 and 78,4 agree", () => {
    const docs = [
      { id: 'so-ket-6-thang.md', text: REVIEW_6M_2024 },
      { id: 'tong-ket-2024.md', text: ANNUAL_2024 },
    ];
    assert.deepEqual(pairs(docs), ['so-ket-6-thang.md:7 -> tong-ket-2024.md:11', 'tong-ket-2024.md:11 -> so-ket-6-thang.md:7']);
    const [f] = cross(docs).get('tong-ket-2024.md')!;
    assert.match(f.message.vi, /6 tháng đầu năm 2024/);
    // The whole year's 97,2 is another period: not compared with the half year's 93,5%.
    assert.ok(!cross(docs).get('so-ket-6-thang.md')!.some((x) => x.related!.some((r) => ANNUAL_2024.slice(r.start, r.end) === '97,2')));
  });

  it('takes rounding, truncation and hedges as inside one file', () => {
    const withValue = (v: string) => DISTRICT_A_2023.replace('94,6%', v);
    for (const v of ['95,8%', '95,83%', '95,86%', 'khoảng 96%', 'trên 95%']) assert.deepEqual(pairs([{ id: 't.md', text: PROVINCE_2023 }, { id: 'h.md', text: withValue(v) }]), [], v);
    for (const v of ['95,6%', '96,0%', 'dưới 90%']) assert.equal(pairs([{ id: 't.md', text: PROVINCE_2023 }, { id: 'h.md', text: withValue(v) }]).length, 2, v);
  });

  it('does not compare a figure whose place cannot be named outside its report', () => {
    // No header naming the district: "toàn huyện" of which district is unknown.
    const anon = DISTRICT_A_2023.replace('SỞ Y TẾ TỈNH NINH THUẬN\nTRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC\n', '');
    assert.deepEqual(pairs([{ id: 't.md', text: PROVINCE_2023 }, { id: 'h.md', text: anon }]), []);
    // The province's figure quoted in a district's report ("cao hơn mức chung của toàn tỉnh") names no province.
    const quoted = DISTRICT_A_2023.replace('đạt 86,4%.', 'đạt 86,4%, cao hơn mức chung của toàn tỉnh (80,1%).');
    assert.deepEqual(pairs([{ id: 't.md', text: PROVINCE_2023 }, { id: 'h.md', text: quoted }]), ['h.md:8 -> t.md:13', 't.md:13 -> h.md:8']);
    // A district's table by commune: commune names repeat across districts, so its rows are not read as places across files.
    const byCommune = DISTRICT_A_2023 + '\nBảng 2. Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi theo xã, năm 2023\n\n| Xã | Tỷ lệ tiêm chủng đầy đủ (%) |\n|---|---|\n| Phước Hậu | 93,2 |\n| Phước Thuận | 95,9 |\n';
    const commune = 'TRẠM Y TẾ XÃ PHƯỚC HẬU\n\n# Báo cáo kết quả công tác y tế năm 2023\n\nNăm 2023, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ toàn xã đạt 97,0%.\n';
    assert.deepEqual(pairs([{ id: 'h.md', text: byCommune }, { id: 'x.md', text: commune }]), []);
    // Two provinces' own figures never meet.
    const other = PROVINCE_2023.replace('NINH THUẬN', 'LAI CHÂU').replace('96,2%', '91,0%');
    assert.deepEqual(pairs([{ id: 'a.md', text: PROVINCE_2023 }, { id: 'b.md', text: other }]), []);
  });

  it('reads NFD, CRLF, the other tone style and the other spelling of "tỷ lệ" alike', () => {
    // The district's name in both tone styles: "Hòa Thuận" in the province's table, "HOÀ THUẬN" in the district's header.
    const province = PROVINCE_2023.replace('| Ninh Phước |', '| Hòa Thuận |');
    const district = DISTRICT_A_2023.replace('HUYỆN NINH PHƯỚC', 'HUYỆN HOÀ THUẬN').replace('tỷ lệ trẻ em', 'tỉ lệ trẻ em');
    const variants = [district, district.normalize('NFD'), district.replace(/\n/g, '\r\n')];
    for (const v of variants) {
      for (const t of [province, province.normalize('NFD').replace(/\n/g, '\r\n')]) {
        const found = cross([{ id: 't.md', text: t }, { id: 'h.md', text: v }]);
        const [f] = found.get('h.md') ?? [];
        assert.ok(f, 'found in the district report');
        assert.equal(v.slice(f.start, f.end).normalize('NFC'), '94,6%');
        assert.equal(new LineIndex(v).positionAt(f.start).line, 7);
        const [g] = found.get('t.md')!;
        assert.equal(new LineIndex(t).positionAt(g.start).line, 12);
        assert.equal(t.slice(g.start, g.end), '95,8');
      }
    }
  });

  it('groups: reports are compared only inside a group; crossFile off or indicator-conflict off: nothing', () => {
    const docs = (g1: string[] | undefined, g2: string[] | undefined) => [
      { id: 't.md', text: PROVINCE_2023, group: g1 },
      { id: 'h.md', text: DISTRICT_A_2023, group: g2 },
    ];
    assert.equal(pairs(docs(['x#0'], ['x#0', 'x#1'])).length, 2);
    assert.deepEqual(pairs(docs(['x#0'], ['x#1'])), []);
    assert.deepEqual(pairs(docs(['x#0'], [])), []);
    assert.deepEqual(pairs(docs(undefined, ['x#0'])), []);
    assert.deepEqual(pairs(docs([], [])), []);
    const off = configFromObject({ crossFile: { enabled: false } });
    assert.deepEqual(pairs(docs(undefined, undefined), off), []);
    // One report with the comparison off: it is left out, and so are its figures.
    assert.deepEqual(pairs([{ id: 't.md', text: PROVINCE_2023 }, { id: 'h.md', text: DISTRICT_A_2023, config: configFromObject({ rules: { 'indicator-conflict': 'off' } }) }]), []);
    // The rule's severity applies.
    const err = configFromObject({ rules: { 'indicator-conflict': 'error' } });
    assert.ok([...cross(docs(undefined, undefined), err).values()].flat().every((f) => f.severity === 'error'));
  });

  it('many reports of one fact: at most 5 related per finding; a memo gives what a fresh comparison gives', () => {
    // 40 districts named in the province's table would be long to write: the same district's report in 40 copies, with two values.
    const reports: CrossReport[] = [crossReportOf('tinh.md', PROVINCE_2023, cfg)];
    for (let i = 0; i < 40; i++) reports.push(crossReportOf(`h${i}.md`, i % 4 ? DISTRICT_A_2023.replace('94,6%', '95,8%') : DISTRICT_A_2023, cfg));
    const fresh = crossReportConflicts(reports, cfg);
    // The 10 copies with 94,6% disagree with the province and the 30 others; the province and the 30 with 95,8% disagree with the 10.
    assert.equal(fresh.size, 41);
    for (const fs of fresh.values()) for (const f of fs) assert.ok(f.related!.length >= 1 && f.related!.length <= 5);
    const key = (m: Map<string, Finding[]>) => JSON.stringify([...m.entries()].sort());
    const memo = newCrossMemo();
    assert.equal(key(crossReportConflicts(reports, cfg, memo)), key(fresh));
    // One report changes (agrees now): the memo recomputes its keys only, and the result is a fresh one's.
    reports[1] = crossReportOf('h0.md', DISTRICT_A_2023.replace('94,6%', '95,8%'), cfg);
    assert.equal(key(crossReportConflicts(reports, cfg, memo)), key(crossReportConflicts(reports, cfg)));
    // It now agrees with the province; it still disagrees with the copies that say 94,6%.
    const h0 = crossReportConflicts(reports, cfg, memo).get('h0.md')!;
    assert.deepEqual(h0[0].related!.map((r) => r.file), ['h4.md', 'h8.md', 'h12.md', 'h16.md', 'h20.md']);
  });

  it('parses the crossFile setting and rejects a wrong shape', () => {
    const c = configFromObject({ crossFile: { groups: [['huyen-a/**', 'tinh/**'], []] } });
    assert.deepEqual(c.crossFile, { enabled: true, groups: [['huyen-a/**', 'tinh/**']] });
    assert.equal(c.key, getDefaultConfig().key, 'not part of the per-file cache key');
  });
});
