// What a heading, a table caption or a header cell says about the figures
// under it: one period, a kind (a review of results or a plan), a place, and
// for a caption the facility or department it is about.
import { sectionUnitOf } from './counts';
import { CHI_WORD, targetValidity } from './kind';
import { inW, wordSet } from './lexicon';
import { inPairs, pairSet, specKey, type Context } from './mention';
import type { PeriodSpec } from './period';
import { hitAt, type Hit, type Reading } from './read';

/** A caption starts "Bảng 2.", "Biểu 3.". */
const CAPTION_WORDS = wordSet('bảng', 'biểu');
/** "Chỉ tiêu được giao". */
const ASSIGNED_WORD = wordSet('giao');
const DUOC_WORD = wordSet('được');
// "báo cáo kết quả" is three words: as a pair of two folded words it never matches (kept as it was).
const HEAD_ACHIEVED = pairSet(['tình hình', 'đánh giá', 'tổng kết', 'sơ kết', 'thực trạng', 'báo cáo kết quả']);
const HEAD_TARGET = pairSet(['phương hướng', 'nhiệm vụ', 'giải pháp']);
const UPPER_FIRST = /^\p{Lu}/u;
const NAMED_PLACE = /^(place|level):/;

/** "chỉ tiêu" (indicator or target) in a heading: a target only as "Chỉ tiêu năm 2025", "Chỉ tiêu được giao". */
function isChiTieu(r: Reading, h: Hit): boolean {
  return h.e - h.s === 2 && inW(r.toks[h.s], CHI_WORD);
}
function headingTarget(r: Reading, h: Hit): boolean {
  const nx = hitAt(r, h.e);
  return nx?.type === 'period' || inW(r.toks[h.e], ASSIGNED_WORD) || (inW(r.toks[h.e], DUOC_WORD) && inW(r.toks[h.e + 1], ASSIGNED_WORD));
}

/** What a heading, caption or header says: one period, a kind, a place. */
export function contextOf(r: Reading, heading: boolean): Context {
  const out: Context = {};
  const periods = new Map<string, PeriodSpec>();
  let achieved = false;
  let target = false;
  for (const h of r.hits) {
    if (h.type === 'period' && (h.ptype === 'at' || h.ptype === 'until')) periods.set(specKey(h.spec), h.spec);
    else if (h.type === 'qual' && h.qual.cat === 'achieved') achieved = true;
    else if (h.type === 'qual' && h.qual.cat === 'target' && (!heading || !isChiTieu(r, h) || headingTarget(r, h))) {
      const v = targetValidity(r, h);
      if (v === 'target') target = true;
      else if (v === 'achieved') achieved = true;
    } else if (h.type === 'place' && !out.place) {
      if (!heading || h.key === 'national' || NAMED_PLACE.test(h.key)) out.place = { key: h.key, label: h.label };
    }
  }
  for (let i = 0; i + 1 < r.toks.length; i++) {
    const a = r.toks[i].k;
    const b = r.toks[i + 1].k;
    if (inPairs(HEAD_ACHIEVED, a, b)) achieved = true;
    if (inPairs(HEAD_TARGET, a, b)) target = true;
  }
  if (periods.size === 1) out.period = [...periods.values()][0];
  out.kind = achieved ? 'achieved' : target ? 'target' : undefined;
  return out;
}

/** Is the segment a table caption ("Bảng 2. ...")? */
export function isCaption(r: Reading): boolean {
  const t = r.toks[0];
  return !!t && t.t === 'w' && inW(t, CAPTION_WORDS) && UPPER_FIRST.test(t.raw);
}

/** What a table caption says, with the facility or department it is about ("Bảng 2. Khám bệnh tại các trạm y tế"). */
export function captionOf(r: Reading): Context {
  const c = contextOf(r, true);
  const unit = sectionUnitOf(r.toks);
  return unit ? { ...c, unit } : c;
}
