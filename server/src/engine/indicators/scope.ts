// Whose report it is: the document's own scope (cả nước, a province, a
// district, a hospital, a commune). A figure with no place of its own belongs
// to it. Read from the front matter (`unit:` / `scope:`), the header block of
// an administrative document ("SỞ Y TẾ TỈNH …" over "TRUNG TÂM Y TẾ HUYỆN …":
// the lower line is the issuer), the title, and which own-scope words
// ("toàn tỉnh", "toàn huyện") the text uses.
import { foldPhrase } from './lexer';

export type Scope = 'national' | 'province' | 'district' | 'hospital' | 'commune';

export const SCOPES: readonly Scope[] = ['national', 'province', 'district', 'hospital', 'commune'];

/** Bit of a scope in a block's `scopes` mask (the own-scope words it uses). */
export function scopeBit(s: Scope): number {
  return 1 << SCOPES.indexOf(s);
}

export const SCOPE_LABEL: Record<Scope, { vi: string; en: string }> = {
  national: { vi: 'cả nước', en: 'national' },
  province: { vi: 'toàn tỉnh', en: 'province' },
  district: { vi: 'toàn huyện', en: 'district' },
  hospital: { vi: 'toàn viện', en: 'hospital' },
  commune: { vi: 'toàn xã', en: 'commune' },
};

/** An issuer read from a header line or a title: its level and, when named, its place ("ninh phước"). */
export interface Issuer {
  scope: Scope;
  /** The issuer's place key, as mentions write it ("place:ninh phuoc"). */
  place?: string;
  /** The words that decided ("TRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC"). */
  words: string;
  /** The unit word before the place's name ("huyện", "tỉnh", "thành phố"), when written. */
  unit?: string;
}

// Unit words before a place's name. "Thành phố Hưng Yên" is a city inside "tỉnh Hưng Yên":
// the same name under another unit word is another place.
const UNIT_WORDS: [RegExp, string][] = [
  [/^(?:thành phố|tp)(?![\p{L}\p{M}])/u, 'thành phố'],
  [/^tỉnh(?![\p{L}\p{M}])/u, 'tỉnh'],
  [/^huyện(?![\p{L}\p{M}])/u, 'huyện'],
  [/^quận(?![\p{L}\p{M}])/u, 'quận'],
  [/^thị xã(?![\p{L}\p{M}])/u, 'thị xã'],
  [/^thị trấn(?![\p{L}\p{M}])/u, 'thị trấn'],
  [/^xã(?![\p{L}\p{M}])/u, 'xã'],
  [/^phường(?![\p{L}\p{M}])/u, 'phường'],
  // A regional centre's area ("Trung tâm Y tế khu vực Hòa Bình") is not the province or city of that name.
  [/^khu vực(?![\p{L}\p{M}])/u, 'khu vực'],
];

/** The unit word a place label starts with ("thành phố Hưng Yên" → "thành phố"), if any. */
export function unitOfPlaceLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = fold(label);
  for (const [re, u] of UNIT_WORDS) if (re.test(l)) return u;
  return undefined;
}

/**
 * Is a named place (its label) the issuer's own place, given the same name key? Not when
 * both write a unit word and the words differ: "thành phố Hưng Yên" in the report of
 * "SỞ Y TẾ TỈNH HƯNG YÊN", "xã Tam Nông" in the report of "huyện Tam Nông".
 */
export function sameUnit(label: string | undefined, issuerUnit: string | undefined): boolean {
  const u = unitOfPlaceLabel(label);
  return !u || !issuerUnit || u === issuerUnit;
}

// Issuing bodies, most specific first. Linear: alternations of fixed words, one optional name tail.
const ISSUERS: [RegExp, Scope][] = [
  [/^(?:trạm y tế|tyt)\s+(?:xã|phường|thị trấn)(?![\p{L}\p{M}])\s*(.*)$/u, 'commune'],
  [/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:xã|phường|thị trấn)(?![\p{L}\p{M}])\s*(.*)$/u, 'commune'],
  [/^(?:bệnh viện|bv)(?![\p{L}\p{M}])\s*(.*)$/u, 'hospital'],
  [/^(?:trung tâm y tế|ttyt|phòng y tế)\s+(?:huyện|quận|thị xã|thành phố)(?![\p{L}\p{M}])\s*(.*)$/u, 'district'],
  // Since 2025 the district centres are regional ("Trung tâm Y tế khu vực Lạc Thủy"), often named without a level word.
  [/^(?:trung tâm y tế|ttyt)\s+khu vực(?![\p{L}\p{M}])\s*(.*)$/u, 'district'],
  [/^(?:trung tâm y tế dự phòng|trung tâm kiểm soát bệnh tật|cdc)(?:\s+(?:tỉnh|thành phố))?(?![\p{L}\p{M}])\s*(.*)$/u, 'province'],
  [/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:huyện|quận|thị xã)(?![\p{L}\p{M}])\s*(.*)$/u, 'district'],
  [/^(?:sở y tế|ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:tỉnh|thành phố)(?![\p{L}\p{M}])\s*(.*)$/u, 'province'],
  [/^sở y tế(?![\p{L}\p{M}])\s*(.*)$/u, 'province'],
  [/^bộ y tế()$/u, 'national'],
  [/^(?:trung tâm y tế|ttyt)(?![\p{L}\p{M}])\s*(.*)$/u, 'district'],
];

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The issuer a header line names ("TRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC"), if it is one. */
export function issuerOfLine(line: string): Issuer | undefined {
  const l = fold(line.replace(/[*_#>|\u0000]/g, ' '));
  if (!l || l.length > 90) return undefined;
  for (const [re, scope] of ISSUERS) {
    const m = re.exec(l);
    if (!m) continue;
    const name = (m[1] ?? '').replace(/[^\p{L}\p{M}\d\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
    // The place key as mentions write it ("place:" + folded words), so "huyện Ninh Phước" in the text is the issuer's own place.
    const key = name && scope !== 'national' ? foldPhrase(name).filter((w) => /\p{L}/u.test(w)).join(' ') : '';
    // The unit word is what precedes the name ("sở y tế tỉnh" → "tỉnh").
    const before = l.slice(0, l.length - (m[1] ?? '').length).trim();
    const unit = UNIT_WORDS.find(([, u]) => before.endsWith(' ' + u) || before === u)?.[1];
    return { scope, place: key ? 'place:' + key : undefined, words: line.trim(), ...(key && unit ? { unit } : {}) };
  }
  return undefined;
}

/**
 * The issuer a title names after "của" ("Báo cáo kết quả công tác năm 2025 của Trung tâm Y tế khu vực
 * Lạc Thủy"): the body's words up to the period or the end. A title naming two bodies names none.
 */
export function issuerOfTitle(title: string): Issuer | undefined {
  const l = fold(title.replace(/[*_#>|\u0000]/g, ' '));
  const found: Issuer[] = [];
  for (const m of l.matchAll(TITLE_BODY)) {
    const tail = l.slice(m.index! + m[0].length - m[1].length).split(TITLE_TAIL_END)[0];
    const i = issuerOfLine(tail);
    if (i) found.push(i);
  }
  if (found.length !== 1) return undefined;
  // "của Sở Y tế và Bệnh viện X": two bodies, no single issuer.
  let bodies = 0;
  for (const _ of l.matchAll(ANY_BODY)) bodies++;
  return bodies === 1 ? { ...found[0], words: title.trim() } : undefined;
}

const ANY_BODY = /(?:^|\s)(?:trạm y tế|trung tâm y tế|ttyt|trung tâm kiểm soát bệnh tật|cdc|bệnh viện|sở y tế|phòng y tế|bộ y tế|ubnd|ủy ban nhân dân|uỷ ban nhân dân)(?![\p{L}\p{M}])/gu;

const TITLE_BODY = /(?:^|\s)của\s+((?:trạm y tế|trung tâm y tế|ttyt|trung tâm kiểm soát bệnh tật|cdc|bệnh viện|sở y tế|phòng y tế)(?![\p{L}\p{M}]))/gu;
// Where a body's name ends in a title: a period ("năm 2025", "6 tháng", "giai đoạn"), a number or punctuation.
const TITLE_TAIL_END = /\s+(?:năm|giai đoạn|tháng|quý|và|về|tại|trên)(?![\p{L}\p{M}])|\s*[\d,;:.()–-]/u;

/**
 * The header block of an administrative document: lines written in capitals
 * at the top. The lower line naming a body is the issuer ("SỞ Y TẾ TỈNH X"
 * over "TRUNG TÂM Y TẾ HUYỆN Y" → the district centre).
 */
export function issuerOfHeader(text: string): Issuer | undefined {
  let found: Issuer | undefined;
  for (const raw of text.split(/\r\n|\r|\n|<br\s*\/?>/i)) {
    for (const cell of raw.split('|')) {
      const line = cell.replace(/[\u0000*_]/g, ' ').trim();
      // Only capitalised lines: a sentence mentioning "bệnh viện" is not a header.
      if (!line || line !== line.toUpperCase() || !/\p{Lu}/u.test(line)) continue;
      const i = issuerOfLine(line);
      if (i) found = i;
    }
  }
  return found;
}

/** Front matter `scope:` (a level) or `unit:` (the issuing body). */
export function scopeOfFrontMatter(fm: Record<string, string>): Issuer | undefined {
  const sc = fm['scope'] ?? fm['pham_vi'] ?? fm['phạm vi'];
  if (sc) {
    const v = fold(sc);
    const byWord: [RegExp, Scope][] = [
      [/^(national|cả nước|toàn quốc|quốc gia)$/u, 'national'],
      [/^(province|tỉnh|toàn tỉnh|thành phố trực thuộc trung ương)$/u, 'province'],
      [/^(district|huyện|toàn huyện|quận|thị xã)$/u, 'district'],
      [/^(hospital|bệnh viện|toàn viện)$/u, 'hospital'],
      [/^(commune|xã|toàn xã|phường|thị trấn)$/u, 'commune'],
    ];
    for (const [re, s] of byWord) if (re.test(v)) return { scope: s, words: `scope: ${sc}` };
  }
  const unit = fm['unit'] ?? fm['don_vi'] ?? fm['đơn vị'];
  if (unit) {
    const i = issuerOfLine(unit);
    if (i) return { ...i, words: `unit: ${unit}` };
  }
  return undefined;
}

/** The level a named place's keyword says ("huyện Ninh Phước" → district), for a title's place. */
export function scopeOfPlaceLabel(label: string): Scope | undefined {
  const l = fold(label);
  if (/^huyện |^quận |^thị xã /u.test(l)) return 'district';
  if (/^tỉnh /u.test(l)) return 'province';
  if (/^bệnh viện /u.test(l)) return 'hospital';
  if (/^xã |^phường |^thị trấn /u.test(l)) return 'commune';
  return undefined;
}
