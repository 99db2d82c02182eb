// indicator-implausible: a value outside the catalogue's plausible range (150
// bác sĩ/vạn dân), a percentage above 100 where that cannot be (bảo hiểm y tế
// 103%), or a percentage indicator written without its % sign.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { blockIndicators, factorOf, type Mention } from '../indicators/mentions';
import { catalogueFor, type Indicator } from '../indicators/catalogue';
import { display } from '../indicators/resolve';
import { formatVi } from '../indicators/compare';
import { unitSlips } from '../indicators/units';

export const rule: Rule = {
  meta: {
    id: 'indicator-implausible',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Giá trị chỉ số ngoài khoảng hợp lý (sai đơn vị, mẫu số hoặc dấu thập phân), tỷ lệ phần trăm vượt 100%, hoặc thiếu dấu %.',
      'An indicator value outside its plausible range (wrong unit, denominator or decimal separator), a percentage above 100, or a missing % sign.',
    ),
    fixable: true,
  },
  checkBlock(block, ctx) {
    const cat = catalogueFor(ctx.config);
    const info = blockIndicators(block, ctx.config);
    const out: Draft[] = [];
    // A figure written in the wrong unit ("11,2%" for a ‰ rate) is indicator-unit-mismatch's, which says so plainly.
    const unitRule = ctx.config.rules['indicator-unit-mismatch'];
    const slipAt = new Set(unitRule && !unitRule.enabled ? [] : unitSlips(block, ctx.config).map((s) => s.start));
    for (const m of info.mentions) {
      const ind = cat.byId.get(m.ind);
      if (!ind || m.kind === 'change' || slipAt.has(m.start)) continue;
      // "14,5%0": the 0 of a misspelt ‰ sign is not a figure.
      if (m.start > 0 && block.prose[m.start - 1] === '%') continue;
      // "23,9%o", "23,9%0": ‰ meant (number-format says so); read as % the value would be wrong.
      if (m.per === 100 && /^[o0O]/.test(block.prose.slice(m.end, m.end + 1))) continue;
      const d = check(ind, m);
      if (d) out.push(d);
    }
    for (const mu of info.missingUnits) {
      const ind = cat.byId.get(mu.ind);
      if (!ind) continue;
      out.push({
        start: mu.start,
        end: mu.end,
        message: msg(
          `${ind.name_vi} là tỷ lệ phần trăm nhưng ${mu.numText} thiếu dấu %.`,
          `${ind.name_en ?? ind.name_vi} is a percentage but ${mu.numText} has no % sign.`,
        ),
        fixes: [{ title: msg(`Thêm %: ${mu.numText}%`, `Add %: ${mu.numText}%`), edits: [{ start: mu.end, end: mu.end, newText: '%' }], safe: false }],
        data: { indicator: ind.id, reason: 'missing-unit' },
      });
    }
    return out;
  },
};

function check(ind: Indicator, m: Mention): Draft | undefined {
  const f = factorOf(ind, m);
  const lo = m.value * f;
  const hi = (m.hi ?? m.value) * f;
  const shown = display(m);
  // A bound only says something when the bound itself is impossible: "trên 120%" yes, "dưới 120%" no.
  const checkHigh = m.hedge !== 'upper';
  const checkLow = m.hedge !== 'lower';
  if (ind.kind === 'percent' && !ind.over100 && m.unitExplicit && checkHigh && hi > 100) {
    return {
      start: m.start,
      end: m.end,
      message: msg(
        `${ind.name_vi} không thể vượt 100%: ${shown.vi}.`,
        `${ind.name_en ?? ind.name_vi} cannot exceed 100%: ${shown.en}.`,
      ),
      data: { indicator: ind.id, reason: 'over-100', value: hi },
    };
  }
  if (ind.kind === 'percent' && !m.unitExplicit) return undefined;
  // The range is for the whole population: private beds only, one group, a "trong đó" part can be far lower.
  if (m.sub.some((s) => /^(sector|subset|beds|group|col|row):/.test(s))) return undefined;
  const min = ind.plausible_min;
  const max = ind.plausible_max;
  const tooHigh = max !== undefined && checkHigh && hi > max;
  const tooLow = min !== undefined && checkLow && lo < min;
  if (!tooHigh && !tooLow) return undefined;
  const dec = Math.max(0, m.decimals - Math.round(Math.log10(f)));
  const conv = f !== 1 ? ` (= ${formatVi(tooHigh ? hi : lo, Math.min(dec, 3))} ${shortUnit(ind)})` : '';
  const range = `${formatVi(min ?? 0, decimalsOf(min))}–${max === undefined ? '…' : formatVi(max, decimalsOf(max))}`;
  const unit = shortUnit(ind);
  const scaleHintVi = ind.kind === 'permille' && m.per === 100 ? ' Chỉ số này tính theo ‰ (trên 1.000), không phải %.' : '';
  const scaleHintEn = ind.kind === 'permille' && m.per === 100 ? ' This indicator is per 1,000 (‰), not a percentage.' : '';
  return {
    start: m.start,
    end: m.end,
    message: msg(
      `${ind.name_vi}: ${shown.vi}${conv} nằm ngoài khoảng hợp lý ${range} ${unit}; kiểm tra đơn vị, mẫu số hoặc dấu thập phân.${scaleHintVi}`,
      `${ind.name_en ?? ind.name_vi}: ${shown.en}${conv} is outside the plausible range ${range} ${unit}; check the unit, the denominator or the decimal separator.${scaleHintEn}`,
    ),
    data: { indicator: ind.id, reason: tooHigh ? 'above-range' : 'below-range', value: tooHigh ? hi : lo },
  };
}

/** "‰ (số trẻ dưới 1 tuổi chết/1.000 trẻ sinh sống)" -> "‰". */
function shortUnit(ind: Indicator): string {
  return ind.unit.replace(/\s*\(.*\)\s*$/, '').trim() || ind.unit;
}

function decimalsOf(x: number | undefined): number {
  if (x === undefined || Number.isInteger(x)) return 0;
  return String(x).split('.')[1]?.length ?? 0;
}
