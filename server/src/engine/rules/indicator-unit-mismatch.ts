// indicator-unit-mismatch: a figure written in a unit its indicator is not
// measured in: "Số bác sĩ trên vạn dân đạt 9,6%" (per 10.000, not %),
// "Tỷ suất tử vong trẻ em dưới 1 tuổi là 11,2%" (‰), "tăng 0,5 điểm phần
// trăm" on a ratio that is not a percentage, "Tỷ số tử vong mẹ là 46 người"
// (per 100.000 trẻ đẻ sống). "%o"/"%0" written for ‰ is number-format's.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { unitSlips } from '../indicators/units';
import { catalogueFor } from '../indicators/catalogue';
import { ratioFacts, docBases, agrees } from '../indicators/ratios';
import { formatVi } from '../indicators/compare';
import type { DocDraft } from '../rule';

export const rule: Rule = {
  meta: {
    id: 'indicator-unit-mismatch',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Đơn vị không hợp với chỉ số: tỷ suất trên 1.000 hay trên 10.000 dân viết bằng "%", tỷ lệ phần trăm viết bằng "‰", "điểm phần trăm" cho chỉ số không phải tỷ lệ phần trăm, tỷ số trên 100.000 ghi bằng "người".',
      'A unit that does not fit the indicator: a per-1,000 or per-10,000 ratio written with "%", a percentage written with "‰", "percentage points" on a ratio that is not a percentage, a rate per 100,000 given in "người".',
    ),
    fixable: false,
  },
  checkBlock(block, ctx) {
    const cat = catalogueFor(ctx.config);
    const out: Draft[] = [];
    for (const s of unitSlips(block, ctx.config)) {
      const ind = cat.byId.get(s.ind);
      if (!ind) continue;
      const unit = ind.unit.replace(/\s*\(.*\)\s*$/, '').trim() || ind.unit;
      const written = block.prose.slice(s.start, s.end);
      const nameVi = ind.name_vi;
      const nameEn = ind.name_en ?? ind.name_vi;
      const per = ind.kind === 'permille' ? 'phần nghìn (‰)' : `${unit}`;
      const message =
        s.kind === 'permille'
          ? msg(
              `${nameVi} là tỷ lệ phần trăm (%), không tính theo phần nghìn: "${written}" viết sai đơn vị.`,
              `${nameEn} is a percentage (%), not per mille: "${written}" has the wrong unit.`,
            )
          : s.kind === 'percent'
          ? msg(
              `${nameVi} tính theo ${per}, không phải phần trăm: "${written}" viết sai đơn vị.`,
              `${nameEn} is measured in ${ind.kind === 'permille' ? 'per mille (‰)' : unit}, not per cent: "${written}" has the wrong unit.`,
            )
          : s.kind === 'pp'
            ? msg(
                `${nameVi} không phải tỷ lệ phần trăm (đơn vị ${unit}): thay đổi của nó không tính bằng "điểm phần trăm"${ind.kind === 'permille' ? ' mà bằng "điểm phần nghìn"' : ` mà bằng ${unit}`}.`,
                `${nameEn} is not a percentage (unit ${unit}): its change is not in "percentage points"${ind.kind === 'permille' ? ' but in per-mille points' : ` but in ${unit}`}.`,
              )
            : msg(
                `${nameVi} là tỷ số (${unit}), không phải số người: "${written}" thiếu mẫu số.`,
                `${nameEn} is a ratio (${unit}), not a headcount: "${written}" lacks its denominator.`,
              );
      out.push({
        start: s.start,
        end: s.end,
        message,
        related: [{ start: s.nameStart, end: s.nameEnd, message: msg(`Chỉ số: ${nameVi} (${unit})`, `Indicator: ${nameEn} (${unit})`) }],
        data: { indicator: ind.id, reason: s.kind },
      });
    }
    return out;
  },
  // "Số điều dưỡng là 2.954 người, đạt 22,3%": "đạt 22,3%" alone may be a share of the plan; it is the ratio per
  // 10.000 written with % only when the count and the population give exactly that figure.
  checkDocument(doc, ctx) {
    const cat = catalogueFor(ctx.config);
    const out: DocDraft[] = [];
    let bases: ReturnType<typeof docBases> | undefined;
    for (const block of doc.blocks) {
      for (const c of ratioFacts(block, ctx.config).unitCandidates) {
        bases ??= docBases(doc, ctx.config);
        const pop = c.pop ?? bases.population(c.year)?.p;
        if (!pop) continue;
        const ind = c.ind ? cat.byId.get(c.ind) : undefined;
        const per = c.kind === 'percent' ? ind?.per : 100;
        if (!per) continue;
        const lo = (c.count.value / (pop.value + pop.half)) * per;
        const hi = (c.count.value / Math.max(1e-9, pop.value - pop.half)) * per;
        if (!agrees(lo, hi, c.written)) continue;
        const written = block.prose.slice(c.written.start, c.written.end);
        const value = formatVi((c.count.value / pop.value) * per, Math.max(1, c.written.decimals));
        const countVi = block.prose.slice(c.count.start, c.count.end);
        const unit = ind ? ind.unit.replace(/\s*\(.*\)\s*$/, '').trim() : '%';
        out.push({
          block,
          start: c.written.start,
          end: c.written.end,
          message:
            c.kind === 'percent'
              ? msg(
                  `"${written}" là ${ind!.name_vi} (${countVi} / dân số × ${formatVi(per, 0)} = ${value}), đơn vị là ${unit}, không phải %.`,
                  `"${written}" is the ${ind!.name_en ?? ind!.name_vi} (${countVi} / population × ${formatVi(per, 0)} = ${value}), in ${unit}, not %.`,
                )
              : msg(
                  `"${written}" là tỷ lệ trên dân số (${countVi} / dân số = ${value}%): viết bằng %, không phải ‰.`,
                  `"${written}" is a share of the population (${countVi} / population = ${value}%): it is written with %, not ‰.`,
                ),
          related: [{ block, start: c.count.start, end: c.count.end, message: msg(`Số lượng: ${countVi}`, `Count: ${countVi}`) }],
          data: { reason: c.kind === 'percent' ? 'ratio-as-percent' : 'share-as-permille', indicator: ind?.id },
        });
      }
    }
    return out;
  },
};
