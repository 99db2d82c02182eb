// indicator-ratio-mismatch: a count, a population and a ratio of the same
// thing that do not agree. "Toàn tỉnh có 1.240 bác sĩ; dân số 1,32 triệu
// người; đạt 11 bác sĩ/vạn dân": 1.240 / 132 vạn = 9,4. In a table of counts
// and ratios by year, a ratio that falls while its count rises (in a year of
// ordinary population growth) is a slip too. The figures are read in
// indicators/ratios.ts; here the sentence's own population, else the
// document's one population statement of that year, is applied.
import type { DocDraft, Rule } from '../rule';
import { msg } from '../rule';
import { ratioFacts, ratioBase, agrees, docBases, type Fig } from '../indicators/ratios';
import { catalogueFor } from '../indicators/catalogue';
import { formatVi } from '../indicators/compare';

const fmt = (x: number, d: number) => formatVi(x, d);
const digits = (f: Fig) => f.decimals;

export const rule: Rule = {
  meta: {
    id: 'indicator-ratio-mismatch',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Số lượng, dân số và tỷ số (trên vạn dân) của cùng một chỉ số không khớp nhau, hoặc tỷ số trong bảng không đi cùng chiều với số lượng.',
      'A count, the population and the ratio per 10,000 of the same indicator do not agree, or a table\'s ratio does not move with its count.',
    ),
    fixable: false,
  },
  checkDocument(doc, ctx) {
    const cat = catalogueFor(ctx.config);
    const out: DocDraft[] = [];
    const bases = docBases(doc, ctx.config);
    for (const block of doc.blocks) {
      const facts = ratioFacts(block, ctx.config);
      for (const s of facts.sentences) {
        const ind = cat.byId.get(s.ind);
        if (!ind?.per) continue;
        const byBirths = ratioBase(s.ind) === 'births';
        const own = byBirths ? bases.births(s.year) : s.pop ? { block, p: { ...s.pop } } : bases.population(s.year);
        if (!own) continue;
        const p = own.p;
        const computed = (s.count.value / p.value) * ind.per;
        const lo = (s.count.value / (p.value + p.half)) * ind.per;
        const hi = (s.count.value / Math.max(1e-9, p.value - p.half)) * ind.per;
        if (agrees(lo, hi, s.ratio)) continue;
        const d = Math.max(1, digits(s.ratio));
        const popVi = own.block.prose.slice(p.start, p.end);
        const baseVi = byBirths ? 'số trẻ đẻ sống' : 'dân số';
        const baseEn = byBirths ? 'live births' : 'the population';
        const countVi = block.prose.slice(s.count.start, s.count.end);
        const ratioVi = block.prose.slice(s.ratio.start, s.ratio.end);
        const base = ind.per === 10000 ? 'vạn' : fmt(ind.per, 0);
        out.push({
          block,
          start: s.ratio.start,
          end: s.ratio.end,
          message: msg(
            `${ratioVi} không khớp với số lượng và ${baseVi}: ${countVi} / ${popVi} × ${fmt(ind.per, 0)} = ${fmt(computed, d)} (${ind.name_vi}).`,
            `${ratioVi} does not match the count and ${baseEn}: ${countVi} / ${popVi} × ${fmt(ind.per, 0)} = ${fmt(computed, d)} (${ind.name_en ?? ind.name_vi}).`,
          ),
          related: [
            { block, start: s.count.start, end: s.count.end, message: msg(`Số lượng: ${countVi}`, `Count: ${countVi}`) },
            { block: own.block, start: p.start, end: p.end, message: msg(`${byBirths ? 'Số trẻ đẻ sống' : 'Dân số'}: ${popVi}`, `${byBirths ? 'Live births' : 'Population'}: ${popVi}`) },
          ],
          data: { indicator: ind.id, computed, written: s.ratio.value, count: s.count.value, population: p.value, per: base },
        });
      }
      for (const t of facts.tables) {
        const ratioVi = block.prose.slice(t.ratio.start, t.ratio.end);
        const countVi = block.prose.slice(t.count.start, t.count.end);
        const ind = cat.byId.get(t.ind);
        const nameEn = ind?.name_en ?? t.label;
        if (t.kind === 'value') {
          const popVi = block.prose.slice(t.pop!.start, t.pop!.end);
          const d = Math.max(1, digits(t.ratio));
          out.push({
            block,
            start: t.ratio.start,
            end: t.ratio.end,
            message: msg(
              `${ratioVi} không khớp với số lượng ${countVi} và dân số ${popVi} cùng hàng/cột: tính ra ${fmt(t.computed, d)} (${t.label}).`,
              `${ratioVi} does not match the count ${countVi} and the population ${popVi} beside it: they give ${fmt(t.computed, d)} (${nameEn}).`,
            ),
            related: [
              { block, start: t.count.start, end: t.count.end, message: msg(`Số lượng: ${countVi}`, `Count: ${countVi}`) },
              { block, start: t.pop!.start, end: t.pop!.end, message: msg(`Dân số: ${popVi}`, `Population: ${popVi}`) },
            ],
            data: { indicator: t.ind, computed: t.computed, written: t.ratio.value, reason: 'value' },
          });
        } else {
          const c0 = t.count0!;
          const r0 = t.ratio0!;
          const cPct = (t.count.value / c0.value - 1) * 100;
          const rPct = (t.ratio.value / r0.value - 1) * 100;
          const gPct = (t.computed - 1) * 100;
          const sign = (x: number) => (x >= 0 ? '+' : '−') + fmt(Math.abs(x), 1) + '%';
          const r0Vi = block.prose.slice(r0.start, r0.end);
          const c0Vi = block.prose.slice(c0.start, c0.end);
          out.push({
            block,
            start: t.ratio.start,
            end: t.ratio.end,
            message: msg(
              `${t.label}: tỷ số đổi ${sign(rPct)} (${r0Vi} → ${ratioVi}) trong khi số lượng đổi ${sign(cPct)} (${c0Vi} → ${countVi}); như vậy dân số phải đổi ${sign(gPct)} trong một năm. Kiểm tra lại tỷ số hoặc số lượng.`,
              `${nameEn}: the ratio changes ${sign(rPct)} (${r0Vi} → ${ratioVi}) while the count changes ${sign(cPct)} (${c0Vi} → ${countVi}); the population would have to change ${sign(gPct)} in one year. Check the ratio or the count.`,
            ),
            related: [
              { block, start: t.count.start, end: t.count.end, message: msg(`Số lượng: ${countVi}`, `Count: ${countVi}`) },
              { block, start: r0.start, end: r0.end, message: msg(`Tỷ số năm trước: ${r0Vi}`, `Previous year's ratio: ${r0Vi}`) },
            ],
            data: { indicator: t.ind, impliedGrowth: t.computed, reason: 'trend' },
          });
        }
      }
    }
    return out;
  },
};
