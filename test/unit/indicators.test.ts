// The indicator model: catalogue and config, how a mention is read (unit,
// hedge, kind, period, place, sub-type), the comparison arithmetic, the
// findings' related information and fixes, and the editor summary.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { check, configFromObject, getDefaultConfig, loadConfig, buildDocModel, DocumentCache, LineIndex, applyFixes, type Finding, type ResolvedConfig } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { indicatorSummary, renderIndicatorSummary, shippedIndicators, catalogueFor, blockIndicators, type IndicatorMentionInfo } from '../../server/src/engine/indicators';
import { catalogueAdds, compileCatalogue, type CatalogueAdds } from '../../server/src/engine/indicators/catalogue';
import { intervalOf, overlaps, formatVi } from '../../server/src/engine/indicators/compare';
import { matches } from '../../server/src/engine/indicators/fractions';
import { fold } from '../../server/src/engine/indicators/lexer';

const cfg = getDefaultConfig();
const summary = (text: string, config: ResolvedConfig = cfg): IndicatorMentionInfo[] => indicatorSummary(buildDocModel(text, config), config);
const one = (text: string, config: ResolvedConfig = cfg): IndicatorMentionInfo => {
  const s = summary(text, config);
  assert.equal(s.length, 1, `expected one mention in ${JSON.stringify(text)}, got ${JSON.stringify(s.map((x) => x.written.vi))}`);
  return s[0];
};
const rules = (text: string, config: ResolvedConfig = cfg): string[] => {
  const li = new LineIndex(text);
  return check(text, config)
    .filter((f) => f.rule.startsWith('indicator-') || f.rule === 'fraction-percent-mismatch')
    .map((f) => `${li.positionAt(f.start).line + 1}:${f.rule}`);
};
const H = '# Báo cáo kết quả công tác y tế năm 2023\n\n';

describe('indicator catalogue', () => {
  it('ships a catalogue valid against schemas/indicators.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'indicators.schema.json'), 'utf8'));
    const data = JSON.parse(readFileSync(join(REPO_ROOT, 'server', 'src', 'engine', 'indicators', 'catalogue.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const ids = shippedIndicators().map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 30);
  });

  it('gives every extracted indicator a plausible range and a unit base that matches its kind', () => {
    for (const ind of shippedIndicators()) {
      if (ind.kind === 'count') continue;
      assert.ok(ind.plausible_min !== undefined && ind.plausible_max !== undefined, ind.id);
      assert.ok(ind.plausible_min! < ind.plausible_max!, ind.id);
      if (ind.kind === 'rate' || ind.kind === 'ratio' || ind.kind === 'permille') assert.ok(ind.per && ind.denominator, ind.id);
    }
  });

  it('folds spelling variants: sĩ/sỹ, tỷ/tỉ, khỏe/khoẻ', () => {
    assert.equal(fold('sỹ'), fold('sĩ'));
    assert.equal(fold('tỉ'), fold('tỷ'));
    assert.equal(fold('khoẻ'), fold('khỏe'));
    assert.equal(fold('Bác'), fold('bác'));
    assert.notEqual(fold('dân'), fold('dần'));
    assert.notEqual(fold('quy'), fold('qui'));
  });

  it('accepts new indicators and overrides from the config', () => {
    const { config, problems } = loadConfig(
      JSON.stringify({
        indicators: [
          { id: 'midwives_per_10k', name_vi: 'Số nữ hộ sinh trên 10.000 dân', aliases: ['nữ hộ sinh/vạn dân'], numerators: ['nữ hộ sinh'], unit: 'per10k', plausible_min: 0.5, plausible_max: 20 },
          { id: 'beds_per_10k', plausible_max: 200, aliases: ['giường bệnh thực kê/vạn dân'] },
        ],
      }),
    );
    assert.deepEqual(problems, []);
    const m = one(H + 'Năm 2023 đạt 3,5 nữ hộ sinh/vạn dân.\n', config);
    assert.equal(m.indicator, 'midwives_per_10k');
    assert.equal(m.normalized, '3,5');
    assert.deepEqual(rules(H + 'Năm 2023 đạt 35 nữ hộ sinh/vạn dân.\n', config), ['3:indicator-implausible']);
    // The override widens the range; the default catalogue still reports 150 beds per 10.000.
    const beds = H + 'Năm 2023, toàn tỉnh có 180 giường bệnh/vạn dân.\n';
    assert.deepEqual(rules(beds), ['3:indicator-implausible']);
    assert.deepEqual(rules(beds, config), []);
    assert.ok(catalogueFor(config).byId.get('beds_per_10k')!.aliases.includes('giường bệnh/vạn dân'), 'override keeps the shipped aliases');
  });

  it('reads an indicator configured with only a base, as in the README', () => {
    const config = configFromObject({
      indicators: [{ id: 'dentists_per_10k', name_vi: 'Số nha sĩ trên 10.000 dân', aliases: ['nha sĩ/vạn dân'], per: 10000, kind: 'rate', plausible_min: 0.1, plausible_max: 10 }],
    });
    const m = one(H + 'Năm 2023 đạt 1,2 nha sĩ/vạn dân.\n', config);
    assert.deepEqual([m.indicator, m.value], ['dentists_per_10k', 1.2]);
    assert.deepEqual(rules(H + 'Năm 2023 đạt 12 nha sĩ/vạn dân.\n', config), ['3:indicator-implausible']);
  });
});

describe('reading a mention', () => {
  it('normalizes the per-10.000 units: /vạn dân = trên 10.000 dân = /10.000 dân = /1 vạn dân = /10 nghìn dân', () => {
    for (const unit of ['bác sĩ/vạn dân', 'bác sĩ trên 10.000 dân', 'bác sĩ/10.000 dân', 'bác sĩ/ 10.000 dân', 'bác sĩ/1 vạn dân', 'bác sĩ trên một vạn dân', 'bác sĩ/10 nghìn dân', 'bác sỹ/vạn dân', 'BS/vạn dân']) {
      const m = one(H + `Năm 2023, toàn tỉnh đạt 12,5 ${unit}.\n`);
      assert.equal(m.indicator, 'doctors_per_10k', unit);
      assert.equal(m.value, 12.5, unit);
    }
  });

  it('converts other denominators of the same base (per 1.000 / 100.000) and keeps distinct bases apart', () => {
    assert.equal(one(H + 'Năm 2023 đạt 125 bác sĩ/100.000 dân.\n').value, 12.5);
    assert.equal(one(H + 'Năm 2023 đạt 1,25 bác sĩ/1.000 dân.\n').value, 12.5);
    const imr = one(H + 'Tỷ suất tử vong trẻ em dưới 1 tuổi năm 2023 là 12,1 trên 1.000 trẻ đẻ sống.\n');
    assert.deepEqual([imr.indicator, imr.value], ['imr', 12.1]);
    const mmr = one(H + 'Tỷ số tử vong mẹ năm 2023 là 46/100.000 trẻ đẻ sống.\n');
    assert.deepEqual([mmr.indicator, mmr.value], ['mmr', 46]);
    assert.equal(one(H + 'Tỷ suất tử vong trẻ em dưới 1 tuổi năm 2023 là 1,21%.\n').value, 12.1);
  });

  it('tells headcounts from ratios', () => {
    assert.deepEqual(summary(H + 'Năm 2023, toàn tỉnh có 1.596 bác sĩ và 3.200 giường bệnh.\n'), []);
    assert.deepEqual(summary(H + '| Chỉ tiêu | Năm 2023 |\n|---|---|\n| Bác sĩ | 1.596 |\n'), []);
    assert.equal(one(H + '| Chỉ tiêu | Năm 2023 |\n|---|---|\n| Số bác sĩ/vạn dân | 14 |\n').value, 14);
    assert.equal(one(H + 'Số giường bệnh trên 10.000 dân năm 2023 là 32 giường.\n').value, 32);
    // After a ratio, a headcount of the same noun is not the ratio.
    assert.equal(summary(H + 'Năm 2023, số bác sĩ/vạn dân đạt 12,5, tổng số 1.596 bác sĩ.\n').length, 1);
  });

  it('reads hedges as approximations or bounds', () => {
    const hedge = (s: string) => one(H + s + '\n').hedge;
    assert.equal(hedge('Năm 2023, tỷ lệ hài lòng của người bệnh đạt trên 90%.'), 'lower');
    assert.equal(hedge('Năm 2023, tỷ lệ hài lòng của người bệnh đạt hơn 90%.'), 'lower');
    assert.equal(hedge('Năm 2023, tỷ lệ hài lòng của người bệnh dưới 90%.'), 'upper');
    assert.equal(hedge('Năm 2023, tỷ lệ hài lòng của người bệnh đạt khoảng 90%.'), 'approx');
    assert.equal(hedge('Năm 2023, tỷ lệ hài lòng của người bệnh đạt gần 90%.'), 'near');
    assert.equal(hedge('Năm 2023, tỷ lệ người dân tham gia bảo hiểm y tế ước đạt 95,15%.'), 'estimate');
    assert.equal(hedge('Năm 2023, tỷ lệ hài lòng của người bệnh đạt 90%.'), undefined);
  });

  it('reads the kind: achieved, target, earlier level, change', () => {
    const kinds = (s: string) => summary(H + s + '\n').map((m) => `${m.written.vi}=${m.kind}`);
    assert.deepEqual(kinds('Kế hoạch năm 2023 là 13 bác sĩ/vạn dân, thực hiện đạt 12,5.'), ['13 bác sĩ/vạn dân=target', '12,5=achieved']);
    assert.deepEqual(kinds('Năm 2023 đạt 12,5 bác sĩ/vạn dân, tăng 0,3 so với năm 2022 (12,2).'), ['12,5 bác sĩ/vạn dân=achieved', '0,3=change', '12,2=previous']);
    assert.deepEqual(kinds('Năm 2023, Chính phủ đặt mục tiêu tỷ lệ dân số tham gia bảo hiểm y tế đạt 93%.'), ['93%=target']);
    assert.deepEqual(kinds('Năm 2023, ngành y tế hoàn thành các chỉ tiêu được giao: 12,5 bác sĩ/vạn dân.'), ['12,5 bác sĩ/vạn dân=achieved']);
    assert.deepEqual(kinds('Tỷ lệ suy dinh dưỡng thể thấp còi giảm từ 20,1% năm 2022 xuống còn 19,5% năm 2023.'), ['20,1%=previous', '19,5%=achieved']);
    assert.deepEqual(kinds('Đến năm 2030, tỷ lệ người dân tham gia bảo hiểm y tế đạt 98%.'), ['98%=target']);
    assert.deepEqual(kinds('Tính đến hết năm 2023, tỷ lệ người dân tham gia bảo hiểm y tế đạt 93%.'), ['93%=achieved']);
    // Under a plan heading, a bare "đạt" is a target.
    assert.deepEqual(kinds('## Kế hoạch năm 2024\n\nSố bác sĩ/vạn dân đạt 13.'), ['13=target']);
  });

  it('reads the period from the clause, the paragraph, a table header, a heading or the document', () => {
    const period = (s: string) => summary(s).map((m) => m.period?.key ?? '?');
    assert.deepEqual(period(H + 'Năm 2022 đạt 10,5 bác sĩ/vạn dân, năm 2023 đạt 12,5 bác sĩ/vạn dân.\n'), ['2022', '2023']);
    assert.deepEqual(period(H + 'Số bác sĩ/vạn dân đạt 12,5 năm 2023 và 10,5 năm 2022.\n'), ['2023', '2022']);
    assert.deepEqual(period(H + 'Năm 2022, ngành có nhiều cố gắng. Số bác sĩ/vạn dân đạt 10,5.\n'), ['2022']);
    assert.deepEqual(period(H + '6 tháng đầu năm 2023, công suất sử dụng giường bệnh là 95%.\n'), ['6T/2023']);
    assert.deepEqual(period(H + 'Tỷ suất sinh thô sơ bộ năm 2021 là 15,1‰.\n'), ['2021 (sơ bộ)']);
    assert.deepEqual(period(H + 'Giai đoạn 2021-2025, bình quân đạt 32,5 giường bệnh/vạn dân.\n'), ['2021-2025']);
    assert.deepEqual(period(H + '| Chỉ tiêu | Thực hiện 2022 | Năm 2023 |\n|---|---|---|\n| Số bác sĩ/vạn dân | 11 | 12 |\n'), ['2022', '2023']);
    assert.deepEqual(period(H + '## 2. Năm 2021\n\nSố bác sĩ/vạn dân đạt 9,5.\n'), ['2021']);
    assert.deepEqual(period(H + 'Số bác sĩ/vạn dân đạt 12,5.\n'), ['2023']);
    assert.deepEqual(period('Số bác sĩ/vạn dân đạt 12,5.\n'), ['?']);
    assert.deepEqual(period('---\nyear: 2021\n---\n\nSố bác sĩ/vạn dân đạt 12,5.\n'), ['2021']);
    // "từ" a year with no year for the earlier level: unknown, never compared.
    const from = summary(H + 'Tỷ lệ người dân tham gia bảo hiểm y tế tăng từ 85% lên 93% năm 2023.\n');
    assert.deepEqual(from.map((m) => m.notCompared ?? m.period?.key), ['period-unknown', '2023']);
  });

  it('reads the place: national, province, named places, heading sections', () => {
    const place = (s: string) => summary(H + s).map((m) => m.place.key);
    assert.deepEqual(place('Năm 2023, toàn tỉnh đạt 10,8 bác sĩ/vạn dân, cả nước đạt 12,5 bác sĩ/vạn dân.\n'), ['province', 'national']);
    assert.deepEqual(place('Năm 2023, Việt Nam đạt 12,5 bác sĩ/vạn dân.\n'), ['national']);
    assert.deepEqual(place('Năm 2023, tỉnh Sơn La là 118,2 bé trai/100 bé gái; Hà Nội 113 bé trai/100 bé gái.\n'), ['place:' + fold('sơn') + ' ' + fold('la'), 'place:' + fold('hà') + ' ' + fold('nội')]);
    assert.deepEqual(place('## Huyện Mường Tè\n\nNăm 2023 đạt 6,5 bác sĩ/vạn dân.\n'), ['place:' + fold('mường') + ' ' + fold('tè')]);
    // Without a stated place: the report's scope, the province when the report speaks of "toàn tỉnh".
    assert.deepEqual(place('Năm 2023 đạt 10,8 bác sĩ/vạn dân.\n'), ['doc']);
    assert.deepEqual(place('Năm 2023 đạt 10,8 bác sĩ/vạn dân.\n\nTrên địa bàn toàn tỉnh có 20 bệnh viện.\n'), ['province']);
    // A province named in the title is the report's own scope, not a section's place.
    assert.deepEqual(
      summary('# Báo cáo công tác y tế tỉnh Lai Châu năm 2023\n\nToàn tỉnh đạt 12,5 bác sĩ/vạn dân.\n\nSố bác sĩ/vạn dân đạt 12,8.\n').map((m) => m.place.key),
      ['province', 'province'],
    );
  });

  it('reads sub-types that change the meaning', () => {
    const subs = (s: string) => summary(H + s + '\n').map((m) => `${m.indicator}:${m.subtypes.join('+')}`);
    assert.deepEqual(subs('Năm 2023, tuổi thọ trung bình của nam giới là 71,1 tuổi, của nữ giới là 76,4 tuổi.'), ['life_expectancy:sex:nam', 'life_expectancy:sex:nữ']);
    assert.deepEqual(subs('Năm 2023, tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi là 19,5%; thể nhẹ cân 11,2%.'), ['stunting_u5:', 'underweight_u5:']);
    assert.deepEqual(subs('Năm 2023, tỷ lệ hài lòng của người bệnh nội trú đạt 95%, ngoại trú đạt 91%.'), ['patient_satisfaction:care:nội trú', 'patient_satisfaction:care:ngoại trú']);
    assert.deepEqual(subs('Năm 2023, tỷ lệ người dân tham gia bảo hiểm y tế ở thành thị đạt 95%.'), ['health_insurance_coverage:area:thành thị']);
    assert.deepEqual(subs('Năm 2023, số giường bệnh ngoài công lập đạt 2,5 giường bệnh/vạn dân.'), ['beds_per_10k:sector:ngoài công lập']);
    assert.deepEqual(subs('Năm 2023, tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi đạt 98,5%.'), ['full_immunization_u1:']);
  });

  it('does not read document numbers, dates, years, codes and ages as figures', () => {
    assert.deepEqual(
      summary(H + 'Theo Quyết định số 247/QĐ-UBND ngày 30/1/2023, sáng 11/7 (24/2), nhóm 18 tuổi trở lên, trẻ từ 5 đến dưới 12 tuổi, mũi 3, H5N1, COVID-19, năm 2023, giai đoạn 2021-2025, 60/63 tỉnh, 3/3 chỉ tiêu.\n'),
      [],
    );
  });
});

describe('comparing figures', () => {
  const iv = (value: number, decimals: number, hedge?: 'lower' | 'upper' | 'approx' | 'near' | 'estimate', hi?: number) => intervalOf({ value, decimals, hedge, hi });
  it('treats rounding and truncation as the same value', () => {
    assert.ok(overlaps(iv(12.5, 1), iv(12.53, 2)));
    assert.ok(overlaps(iv(66.3, 1), iv(66.37, 2)));
    assert.ok(!overlaps(iv(12.5, 1), iv(12.8, 1)));
    assert.ok(!overlaps(iv(12, 0), iv(14, 0)));
  });
  it('treats bounds and approximations as ranges', () => {
    assert.ok(overlaps(iv(90, 0, 'lower'), iv(93, 0)));
    assert.ok(!overlaps(iv(90, 0, 'lower'), iv(88, 0)));
    assert.ok(overlaps(iv(78, 0, 'near'), iv(78, 0)));
    assert.ok(!overlaps(iv(78, 0, 'near'), iv(70, 0)));
    assert.ok(overlaps(iv(2.0, 1, undefined, 2.1), iv(2.05, 2)));
    assert.ok(!overlaps(iv(74.8, 1, 'approx'), iv(79, 0)));
  });
  it('checks a percentage against its fraction with the precision written', () => {
    const exact = (100 * 150) / 226;
    assert.ok(matches(exact, 66.3, 1));
    assert.ok(matches(exact, 66.4, 1));
    assert.ok(matches(exact, 66, 0));
    assert.ok(!matches(exact, 70, 0));
    assert.ok(!matches(exact, 67, 0));
    assert.ok(matches(exact, 67, 0, 'near'));
    assert.ok(matches(exact, 60, 0, 'lower'));
    assert.ok(!matches(exact, 70, 0, 'lower'));
  });
  it('formats the Vietnamese way', () => {
    assert.equal(formatVi(12.5, 1), '12,5');
    assert.equal(formatVi(1596, 0), '1.596');
    assert.equal(formatVi(66.37168, 2), '66,37');
  });
});

describe('indicator findings', () => {
  const text = H + 'Năm 2023, toàn tỉnh đạt 12,5 bác sĩ/vạn dân.\n\nSố bác sĩ trên 10.000 dân năm 2023 đạt 12,8.\n';

  function conflict(t: string): Finding {
    const f = check(t, cfg).find((x) => x.rule === 'indicator-conflict');
    assert.ok(f, 'no conflict');
    return f!;
  }

  it('reports a conflict on the later mention, with the earlier one as related information and an unsafe fix', () => {
    const f = conflict(text);
    assert.equal(text.slice(f.start, f.end), '12,8');
    assert.equal(f.related?.length, 1);
    assert.equal(text.slice(f.related![0].start, f.related![0].end), '12,5');
    assert.deepEqual(
      f.fixes?.map((x) => [x.title.vi, x.title.en, x.safe]),
      [['Dùng 12,5 (như dòng 3)', 'Use 12,5 (as on line 3)', false]],
    );
    assert.match(f.message.vi, /năm 2023/);
    assert.match(f.message.en, /12,5 bác sĩ\/vạn dân \(line 3\)/);
    const fixed = applyFixes(text, [{ ...f, fixes: f.fixes!.map((x) => ({ ...x, safe: true })) }]).text;
    assert.ok(fixed.includes('đạt 12,5.\n'));
    assert.deepEqual(rules(fixed), []);
  });

  it('maps the finding, its related range and its fix onto NFD text', () => {
    const nfd = text.normalize('NFD');
    const f = conflict(nfd);
    assert.equal(nfd.slice(f.start, f.end), '12,8');
    assert.equal(nfd.slice(f.related![0].start, f.related![0].end), '12,5');
    assert.equal(nfd.slice(f.fixes![0].edits[0].start, f.fixes![0].edits[0].end), '12,8');
  });

  it('writes the fix in the later mention\'s own unit', () => {
    const f = conflict(H + 'Năm 2023, toàn tỉnh đạt 12,5 bác sĩ/vạn dân.\n\nNăm 2023, toàn tỉnh đạt 150 bác sĩ/100.000 dân.\n');
    assert.equal(f.fixes![0].edits[0].newText, '125');
  });

  it('proposes one fix per other value, never for a bound', () => {
    const all = check(H + 'Năm 2023 đạt 12,5 bác sĩ/vạn dân.\n\nNăm 2023 đạt 12,8 bác sĩ/vạn dân.\n\nNăm 2023 đạt 13,6 bác sĩ/vạn dân.\n', cfg).filter((x) => x.rule === 'indicator-conflict');
    assert.equal(all.length, 2);
    assert.deepEqual(all[1].fixes!.map((x) => x.edits[0].newText), ['12,5', '12,8']);
    assert.equal(all[1].related?.length, 2);
    const bound = conflict(H + 'Năm 2023, tỷ lệ hài lòng của người bệnh đạt trên 90%.\n\nNăm 2023, tỷ lệ hài lòng của người bệnh là 88%.\n');
    assert.deepEqual(bound.fixes ?? [], []);
  });

  it('does not report a later figure that agrees with the first stated value', () => {
    const t = H + 'Năm 2023 đạt 12,5 bác sĩ/vạn dân.\n\nNăm 2023 đạt 12,8 bác sĩ/vạn dân.\n\nNăm 2023 đạt 12,5 bác sĩ/vạn dân.\n';
    assert.deepEqual(rules(t), ['5:indicator-conflict']);
  });

  it('fixes a percentage from its fraction with the precision used', () => {
    const t = H + 'Có 150/226 xã đạt chuẩn (70,0%).\n';
    const f = check(t, cfg).find((x) => x.rule === 'fraction-percent-mismatch')!;
    assert.equal(t.slice(f.start, f.end), '70,0%');
    assert.equal(f.fixes![0].edits[0].newText, '66,4');
    assert.equal(f.fixes![0].safe, false);
    assert.equal(t.slice(f.related![0].start, f.related![0].end), '150/226');
  });

  it('caches the per-block mentions with the block', () => {
    const cache = new DocumentCache();
    const a = buildDocModel(text, cfg, cache);
    const m1 = blockIndicators(a.blocks[1], cfg);
    const b = buildDocModel(text + '\nThêm một đoạn.\n', cfg, cache);
    assert.equal(blockIndicators(b.blocks[1], cfg), m1);
  });
});

describe('indicator summary (editor)', () => {
  const text = H + 'Năm 2023, toàn tỉnh đạt 12,5 bác sĩ/vạn dân; tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 93%.\n\n| Chỉ tiêu | Kế hoạch 2024 |\n|---|---|\n| Số bác sĩ/vạn dân | 13 |\n';

  it('lists every mention with its offsets, line, names, values and qualifiers', () => {
    const s = summary(text);
    assert.deepEqual(
      s.map((x) => [text.slice(x.start, x.end), x.line, x.indicator, x.normalized, x.period?.key, x.place.key, x.kind, x.hedge ?? '']),
      [
        ['12,5', 2, 'doctors_per_10k', '12,5', '2023', 'province', 'achieved', ''],
        ['93%', 2, 'health_insurance_coverage', '93', '2023', 'province', 'achieved', 'lower'],
        ['13', 6, 'doctors_per_10k', '13', '2024', 'province', 'target', ''],
      ],
    );
    assert.equal(s[0].name.vi, 'Số bác sĩ trên 10.000 dân');
    assert.equal(s[0].name.en, 'Doctors per 10,000 population');
    assert.equal(s[1].written.vi, 'trên 93%');
    assert.ok(s[0].key && s[0].key !== s[2].key);
  });

  it('gives offsets into the original text when it is NFD', () => {
    const nfd = text.normalize('NFD');
    const s = summary(nfd);
    assert.deepEqual(
      s.map((x) => nfd.slice(x.start, x.end)),
      ['12,5', '93%', '13'],
    );
  });

  it('renders a Markdown table with Vietnamese and English headers', () => {
    const md = renderIndicatorSummary(summary(text));
    const lines = md.trim().split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[0], /^\| Dòng \/ Line \| Chỉ số \/ Indicator \| .* \| Kỳ \/ Period \| Địa bàn \/ Place \| Loại \/ Kind \|$/);
    assert.match(lines[2], /^\| 3 \| Số bác sĩ trên 10\.000 dân \| 12,5 bác sĩ\/vạn dân \| 12,5 bác sĩ\/10\.000 dân \| năm 2023 \| toàn tỉnh \| thực hiện \|$/);
    assert.match(renderIndicatorSummary(summary(text), 'en').split('\n')[4], /\| 7 \| Doctors per 10,000 population \| 13 \| .* \| 2024 \| province \| target \|/);
    assert.match(renderIndicatorSummary([]), /không tìm thấy/);
    // Cell text with a pipe is escaped.
    const pipe = renderIndicatorSummary([{ ...summary(text)[0], written: { vi: 'a|b', en: 'a|b' } }]);
    assert.ok(pipe.includes('a\\|b'));
  });
});

// Built by scripts/build.mjs so a check does not lex every alias at first use.
describe('catalogue keys generated at build time', () => {
  it('equal what catalogueAdds() makes of the shipped catalogue now, and compile to the same tries', () => {
    const built = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/indicators/catalogue-adds.generated.json'), 'utf8')) as CatalogueAdds;
    const live = catalogueAdds(shippedIndicators());
    assert.ok(live.names.length > 100 && live.numerators.length > 0);
    assert.deepEqual(built, live);
    assert.deepEqual(compileCatalogue(shippedIndicators(), built), compileCatalogue(shippedIndicators()));
    assert.deepEqual(catalogueFor(getDefaultConfig()).names, compileCatalogue(shippedIndicators()).names);
  });
});
