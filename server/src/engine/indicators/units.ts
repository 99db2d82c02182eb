// Units that do not fit the indicator (READING.md §10): a per-10.000 or
// per-1.000 ratio written with "%" ("9,6 bác sĩ/vạn dân" written "9,6%",
// IMR "11,2%"), "điểm phần trăm" on a ratio that is not a percentage, a rate
// per 100.000 given in "người". "%o"/"%0" for ‰ is a number-format finding,
// not this one: the writer meant ‰. Per block and cached; the name of the
// indicator must own the figure (nothing but the period, a hedge, a place or
// a linking word between them), else nothing is said.
import { analysis } from '../rule';
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { readingsOf } from './mentions';
import { isN, type Hit, type Reading } from './read';
import { catalogueFor, type Indicator } from './catalogue';
import { inW, wordSet } from './lexicon';

export type UnitSlipKind = 'percent' | 'pp' | 'count' | 'permille';

export interface UnitSlip {
  kind: UnitSlipKind;
  ind: string;
  /** The figure with what was written after it ("9,6%", "0,5 điểm phần trăm", "46 người"), prose offsets. */
  start: number;
  end: number;
  /** The indicator's name as written. */
  nameStart: number;
  nameEnd: number;
}

const W_RATE = wordSet('tỷ', 'tỉ');
const W_SUAT = wordSet('suất', 'số', 'lệ');
const W_PERSON = wordSet('người', 'ca', 'trường');
const W_HOP = wordSet('hợp');
const W_VERB = wordSet('đạt', 'chiếm', 'bằng');
// Words that may stand between a name and its figure ("... của toàn tỉnh năm 2024 đạt 9,6%").
const LINK = wordSet('của', 'toàn', 'tỉnh', 'huyện', 'thành', 'phố', 'xã', 'trên', 'địa', 'bàn', 'chung', 'bình', 'quân', 'trung', 'hiện', 'nay', 'ước', 'mới', 'chỉ', 'vẫn', 'đã', 'được', 'là', 'đạt', 'ở', 'mức', 'còn', 'khoảng');

export const unitSlips = analysis(
  'indicator-unit-slips',
  (block: Block, config: ResolvedConfig): UnitSlip[] => {
    const out: UnitSlip[] = [];
    const cat = catalogueFor(config);
    for (const r of readingsOf(block, config)) if (r.toks.length) slipsIn(block, r, cat.byId, out);
    return out;
  },
  // Not transient: indicator-unit-mismatch's document check reads it again (small: the slips only).
);

function hitAt(r: Reading, k: number): Hit | undefined {
  const h = k >= 0 && k < r.hitOf.length ? r.hitOf[k] : -1;
  return h >= 0 ? r.hits[h] : undefined;
}

/** The unit base the indicator is written in, when it is a ratio to a population (not a percentage). */
function nonPercent(ind: Indicator): boolean {
  if (ind.kind === 'percent' || /%/.test(ind.unit)) return false;
  // A rate per one (tổng tỷ suất sinh: con/phụ nữ) is never a percentage either.
  return ind.kind === 'permille' || (ind.per !== undefined && ind.per >= 1000) || (ind.kind === 'rate' && ind.per === 1);
}

const W_TONG = wordSet('tổng');

function slipsIn(block: Block, r: Reading, byId: Map<string, Indicator>, out: UnitSlip[]): void {
  const toks = r.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!isN(t) || t.num.kind !== 'number' || t.num.value === undefined) continue;
    const u = r.unitAt[i];
    let kind: UnitSlipKind | undefined;
    let end = t.e;
    if (t.num.percent === '‰') {
      kind = 'permille';
    } else if (t.num.percent === '%') {
      // "%o", "%0", "%o/oo": ‰ meant, a format slip only.
      const after = block.prose.slice(t.e, t.e + 1);
      if (/[o0O]/.test(after)) continue;
      kind = 'percent';
    } else if (u?.kind === 'pp' && ppPercent(toks, i)) {
      kind = 'pp';
      // UnitInfo.end is the token index just after the unit ("điểm phần trăm").
      end = toks[Math.max(i, Math.min(toks.length, u.end) - 1)].e;
    } else if (!t.num.percent && inW(toks[i + 1], W_PERSON) && toks[i + 2]?.k !== '/' && !(toks[i + 2] && inW(toks[i + 2], W_HOP))) {
      kind = 'count';
      end = toks[i + 1].e;
    }
    if (!kind) continue;
    // A relative change ("tăng 5%") is a percentage of anything.
    const own = ownerName(r, i, kind);
    if (!own) continue;
    const entries = own.name.entries;
    const ids = new Set(entries.map((e) => e.ind));
    if (ids.size !== 1) continue;
    const ind = byId.get(entries[0].ind);
    if (!ind) continue;
    // "tỷ suất …", "tổng tỷ suất sinh": the name says it is a rate.
    const r0 = inW(toks[own.s], W_TONG) ? own.s + 1 : own.s;
    const rateName = inW(toks[r0], W_RATE) && inW(toks[r0 + 1], W_SUAT);
    if (kind === 'permille') {
      // "tỷ lệ thấp còi 17,4‰": a percentage indicator written per mille.
      if (ind.kind !== 'percent' || /‰/.test(ind.unit)) continue;
    } else if (kind === 'percent') {
      // The name must say it is a ratio to a population: "trên vạn dân", "tỷ suất ...", an IMR-type indicator.
      if (!nonPercent(ind) || !(own.name.per || ind.kind === 'permille' || rateName)) continue;
      // A rate per one: only its own figure, right after the name ("tổng tỷ suất sinh của tỉnh là 2,08%"),
      // not "số phụ nữ có tổng tỷ suất sinh cao chiếm 12%".
      if (ind.per === 1 && !plainLink(r, own.e, i)) continue;
    } else if (kind === 'pp') {
      if (ind.kind === 'percent' || /%/.test(ind.unit)) continue;
    } else {
      // "Tỷ số tử vong mẹ là 46 người": a rate given as a headcount.
      if (!(ind.per !== undefined && ind.per >= 1000) || !(rateName || own.name.per)) continue;
    }
    out.push({ kind, ind: ind.id, start: t.s, end, nameStart: toks[own.s].s, nameEnd: toks[own.e - 1].e });
  }
}

/** Only linking words, periods and places between the name's end and the figure. */
function plainLink(r: Reading, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const h = hitAt(r, k);
    if (h && (h.type === 'period' || h.type === 'place')) {
      k = h.e - 1;
      continue;
    }
    if (!inW(r.toks[k], LINK)) return false;
  }
  return true;
}

const W_DIEM = wordSet('điểm');
const W_PHAN = wordSet('phần');
const W_TRAM = wordSet('trăm');
/** "0,5 điểm phần trăm", "0,5 điểm %" (not "điểm phần nghìn"). */
function ppPercent(toks: Reading['toks'], i: number): boolean {
  if (!inW(toks[i + 1], W_DIEM)) return false;
  return toks[i + 2]?.k === '%' || (inW(toks[i + 2], W_PHAN) && inW(toks[i + 3], W_TRAM));
}

/** The indicator name this figure states, reading back through the clause; undefined when anything else could own it. */
function ownerName(r: Reading, i: number, kind: UnitSlipKind): { s: number; e: number; name: Extract<Hit, { type: 'name' }>['name'] } | undefined {
  const toks = r.toks;
  let words = 0;
  let level = false;
  let crossed = false;
  for (let k = i - 1; k >= 0 && k >= i - 30; k--) {
    const t = toks[k];
    // "Số giường bệnh/vạn dân (không tính giường trạm y tế xã) đạt 33,5%": an aside between name and figure.
    if (t.k === ')' && r.openOf.has(k) && k < i - 1) {
      k = r.openOf.get(k)!;
      continue;
    }
    // "Số người tham gia bảo hiểm y tế là 1.556.100 người, đạt 94,8‰": a clause with no subject of its own
    // continues the one before; only for ‰, which no share is written in.
    if (t.k === ',' && kind === 'permille' && !crossed && (inW(toks[k + 1], W_VERB) || (inW(toks[k + 1], W_RATE) && inW(toks[k + 2], W_SUAT) && k + 3 === i))) {
      crossed = true;
      continue;
    }
    if (t.t === 'nl' || t.k === '.' || t.k === ';' || t.k === ',' || t.k === ':' || t.k === '(' || t.k === ')') return undefined;
    const h = hitAt(r, k);
    if (h) {
      if (h.type === 'name') return h.name.synthetic ? undefined : { s: h.s, e: h.e, name: h.name };
      if (h.type === 'qual') {
        const c = h.qual.cat;
        if (c === 'change') {
          // "tăng 5%": a relative change, fine in %; "tăng 0,5 điểm phần trăm", "giảm từ 18,4‰ xuống 17,6%": read on.
          if (kind !== 'pp' && !level) return undefined;
        } else if (c === 'level') {
          // "xuống 17,6%": the new level of the indicator.
          if (h.e !== i) return undefined;
          level = true;
        } else if (c === 'from') {
          if (!level) return undefined;
        } else if (c === 'subset' || c === 'prev' || c === 'othertime' || c === 'target') return undefined;
      }
      k = h.s;
      continue;
    }
    if (isN(t)) {
      // "dưới 1 tuổi": the age in the name; "từ 18,4‰ xuống …": the earlier level.
      if (r.unitAt[k]?.kind === 'years') continue;
      if (level && hitAt(r, k - 1)?.type === 'qual' && (hitAt(r, k - 1) as Extract<Hit, { type: 'qual' }>).qual.cat === 'from') continue;
      // The count the clause before states ("… là 1.556.100 người, đạt …").
      if (crossed && !t.num.percent) continue;
      return undefined;
    }
    if (t.t === 'w') {
      if (!inW(t, LINK) && ++words > 2) return undefined;
      continue;
    }
    return undefined;
  }
  return undefined;
}
