// Word lists for reading indicator mentions: denominators ("/vạn dân",
// "trên 1.000 trẻ đẻ sống"), places, kinds (achieved / target), hedges, changes
// and sub-types. Phrases are folded (lexer.fold) into tries once.
import { foldPhrase, PhraseTrie, type Tok } from './lexer';
import { parseViNumber } from '../vietnamese/numbers';

export type Den = 'population' | 'live-births' | 'girls' | 'women';

const DEN_PHRASES: [string, Den][] = [
  ['dân', 'population'],
  ['người dân', 'population'],
  ['dân số', 'population'],
  ['người', 'population'],
  ['dân cư', 'population'],
  ['nhân khẩu', 'population'],
  ['trẻ đẻ sống', 'live-births'],
  ['trẻ sinh sống', 'live-births'],
  ['trẻ đẻ ra sống', 'live-births'],
  ['trẻ sinh ra sống', 'live-births'],
  ['trẻ em sinh sống', 'live-births'],
  ['trẻ sơ sinh sống', 'live-births'],
  ['ca đẻ sống', 'live-births'],
  ['ca sinh sống', 'live-births'],
  ['trẻ sinh ra còn sống', 'live-births'],
  ['bé gái', 'girls'],
  ['trẻ gái', 'girls'],
  ['trẻ nữ', 'girls'],
  ['trẻ em gái', 'girls'],
  ['phụ nữ', 'women'],
];

const denTrie = new PhraseTrie<Den>();
for (const [p, d] of DEN_PHRASES) denTrie.add(foldPhrase(p), d);

function wordSetEarly(...words: string[]): Set<string> {
  return new Set(words.map((w) => K(w)));
}
const kCache = new Map<string, string>();
const K = (s: string): string => {
  let k = kCache.get(s);
  if (k === undefined) kCache.set(s, (k = foldPhrase(s).join(' ')));
  return k;
};
const kw = (t: Tok | undefined, ...words: string[]) => !!t && t.t === 'w' && words.some((w) => K(w) === t.k);

// Word sets of the hot paths, folded once (named by the word or what it marks: "tháng" = MONTH_WORD).
const PER_INTRO = wordSetEarly('trên', 'cho');
const BINH_WORD = wordSetEarly('bình');
const QUAN_WORD = wordSetEarly('quân');
const TINH_WORD = wordSetEarly('tính');
const EACH_WORD = wordSetEarly('mỗi');
const ONE_OR_TEN_WORDS = wordSetEarly('một', 'mười');
const ONE_WORD = wordSetEarly('một');
const HUNDRED_WORD = wordSetEarly('trăm');
const THOUSAND_WORDS = wordSetEarly('nghìn', 'ngàn');

export interface PerPhrase {
  /** Token index just after the phrase. */
  end: number;
  /** Denominator base: 10000 for "/vạn dân", 1000 for "trên 1.000 trẻ đẻ sống". */
  per: number;
  den: Den;
}

const BASES = new Set([1, 100, 1000, 10000, 100000, 1000000]);
const SCALE: Record<string, number> = { [K('vạn')]: 1e4, [K('nghìn')]: 1e3, [K('ngàn')]: 1e3, [K('triệu')]: 1e6 };

/**
 * A denominator phrase at toks[i]: "/vạn dân", "/ 10.000 dân", "trên 1 vạn dân",
 * "trên một vạn dân", "/10 nghìn dân", "bình quân 1 vạn dân", "/100 bé gái",
 * "/phụ nữ". `noIntro` also accepts a bare "10000 dân" (only used for aliases).
 */
export function parsePer(toks: readonly Tok[], i: number, noIntro = false): PerPhrase | undefined {
  let j = i;
  const t = toks[j];
  if (!t) return undefined;
  let intro = false;
  if (t.k === '/') {
    j++;
    intro = true;
  } else if (inW(t, PER_INTRO)) {
    j++;
    intro = true;
  } else if (inW(t, BINH_WORD) && inW(toks[j + 1], QUAN_WORD)) {
    j += 2;
    intro = true;
    if (inW(toks[j], PER_INTRO)) j++;
  } else if (inW(t, TINH_WORD) && inW(toks[j + 1], BINH_WORD) && inW(toks[j + 2], QUAN_WORD)) {
    j += 3;
    intro = true;
    if (inW(toks[j], PER_INTRO)) j++;
  }
  if (!intro && !noIntro) return undefined;
  if (inW(toks[j], EACH_WORD)) j++;
  let base: number | undefined;
  const b = toks[j];
  if (b?.t === 'n' && b.num.kind !== 'fraction' && b.num.kind !== 'date' && b.num.kind !== 'time' && !b.num.percent) {
    const v = parseViNumber(b.num.raw);
    if (v && v.decimals === 0) {
      base = v.value;
      j++;
      if (b.num.scale) base *= b.num.scale.factor;
      // The scale word is its own token after the number.
      const sc = toks[j]?.t === 'w' ? SCALE[toks[j].k] : undefined;
      if (sc) {
        if (!b.num.scale) base *= sc;
        j++;
      }
    }
  } else if (inW(b, ONE_OR_TEN_WORDS)) {
    const mult = inW(b, ONE_WORD) ? 1 : 10;
    const sc = toks[j + 1]?.t === 'w' ? SCALE[toks[j + 1].k] : undefined;
    if (sc) {
      base = mult * sc;
      j += 2;
    } else if (inW(b, ONE_WORD) && inW(toks[j + 1], HUNDRED_WORD) && inW(toks[j + 2], THOUSAND_WORDS)) {
      base = 1e5;
      j += 3;
    }
  } else if (inW(b, HUNDRED_WORD) && inW(toks[j + 1], THOUSAND_WORDS)) {
    base = 1e5;
    j += 2;
  } else if (b?.t === 'w' && SCALE[b.k]) {
    base = SCALE[b.k];
    j++;
  }
  const d = denTrie.match(toks, j);
  if (!d) return undefined;
  const den = d.values[0];
  if (base === undefined) {
    // "con/phụ nữ": per one woman. Other denominators need a base.
    if (den !== 'women' || t.k !== '/') return undefined;
    base = 1;
  }
  if (!BASES.has(base)) return undefined;
  if (base === 1 && den !== 'women') return undefined;
  return { end: d.end, per: base, den };
}

// ---------------------------------------------------------------------------
// Qualifiers

export type QualCat =
  | 'place' // val: place key
  | 'target' // chỉ tiêu, kế hoạch, mục tiêu, phấn đấu ...
  | 'achieved' // thực hiện, hoàn thành, ước đạt ...
  | 'weak' // đạt, là, chiếm ...
  | 'prev' // so với, cùng kỳ, năm trước
  | 'change' // tăng, giảm, vượt, cao hơn ... (a delta, never a level)
  | 'level' // lên, xuống, còn: the new level after a change verb
  | 'from' // từ, từ mức: the earlier level
  | 'hedge' // val: approx | estimate | near | lower | upper
  | 'sub' // val: "sex:nam" ...
  | 'subset' // trong đó, riêng
  | 'othertime' // trước đây, những năm gần đây: another, unnamed time (the period is unknown)
  | 'norm' // khuyến cáo của WHO, mức sinh thay thế, chuẩn quốc gia: a standard, never a value of a place
  | 'average' // bình quân, mức chung, trung bình: someone's average (whose is read from the words after it)
  | 'neutral'; // consumed, no meaning for us (kế hoạch hóa gia đình, xã hội ...)

export interface Qual {
  cat: QualCat;
  val: string;
  /** Raw label for display (places). */
  label?: string;
}

const qualTrie = new PhraseTrie<Qual>();
function q(cat: QualCat, val: string, ...phrases: string[]) {
  for (const p of phrases) qualTrie.add(foldPhrase(p), { cat, val, label: p });
}

q('place', 'national', 'cả nước', 'toàn quốc', 'trên toàn quốc', 'phạm vi cả nước', 'phạm vi toàn quốc', 'nước ta', 'bình quân chung cả nước', 'trung bình cả nước', 'toàn quốc gia');
q('place', 'province', 'toàn tỉnh', 'tỉnh ta', 'địa bàn tỉnh', 'trên địa bàn tỉnh', 'trong tỉnh', 'toàn thành phố', 'thành phố ta', 'địa bàn thành phố', 'trên địa bàn thành phố');
q('place', 'level:trung ương', 'tuyến trung ương');
q('place', 'level:tỉnh', 'tuyến tỉnh');
q('place', 'level:huyện', 'tuyến huyện', 'các huyện', 'cấp huyện');
q('place', 'level:xã', 'tuyến xã', 'cấp xã', 'các xã');
// A district's, a hospital's, a commune's own scope ("toàn huyện"): the document's own place in a report of that level.
q('place', 'district', 'toàn huyện', 'huyện ta', 'địa bàn huyện', 'trên địa bàn huyện', 'toàn thị xã', 'trên địa bàn thị xã', 'toàn quận', 'trên địa bàn quận');
q('place', 'hospital', 'toàn viện', 'toàn bệnh viện', 'bệnh viện ta');
q('place', 'commune', 'toàn xã', 'xã ta', 'trên địa bàn xã', 'địa bàn xã', 'toàn phường', 'trên địa bàn phường');
q('place', 'multi:tỉnh', 'các tỉnh', 'các tỉnh, thành phố', 'nhiều tỉnh', 'một số tỉnh', 'các địa phương', 'nhiều địa phương', 'một số địa phương');

q('target', 'target', 'mục tiêu', 'chỉ tiêu', 'kế hoạch', 'phấn đấu', 'dự kiến', 'định hướng', 'đề ra', 'đặt ra', 'cần đạt', 'phải đạt', 'phải đạt được', 'tối thiểu phải', 'dự toán', 'đặt mục tiêu', 'chỉ tiêu giao', 'chỉ tiêu được giao', 'mục tiêu đề ra', 'kế hoạch đề ra', 'kế hoạch giao');
q('achieved', 'achieved', 'thực hiện', 'đạt được', 'đã đạt', 'ước đạt', 'ước thực hiện', 'hoàn thành', 'kết quả', 'hiện nay', 'hiện', 'đến nay', 'hiện đạt', 'thực tế', 'thực hiện đạt', 'đã đạt được');
q('weak', 'weak', 'đạt', 'là', 'ở mức', 'chiếm', 'bằng', 'có', 'mức');
q('prev', 'prev', 'so với', 'cùng kỳ', 'năm trước', 'năm ngoái', 'so cùng kỳ');
q('change', 'change', 'tăng', 'giảm', 'tăng thêm', 'giảm thêm', 'cao hơn', 'thấp hơn', 'vượt', 'chênh lệch', 'tăng được', 'giảm được', 'vượt mức', 'tăng khoảng', 'giảm khoảng', 'hơn so với');
q('level', 'level', 'lên', 'xuống', 'còn', 'xuống còn', 'lên mức', 'xuống mức', 'tăng lên', 'giảm xuống', 'giảm còn', 'nâng lên', 'lên đến', 'lên tới', 'tăng lên đến', 'giảm xuống còn', 'xuống dưới', 'lên trên');
q('from', 'from', 'từ', 'từ mức');
q('hedge', 'approx', 'khoảng', 'xấp xỉ', 'trên dưới', 'chừng', 'khoảng chừng', 'ước khoảng', 'gần như');
q('hedge', 'estimate', 'ước', 'ước tính', 'ước đạt khoảng');
q('hedge', 'near', 'gần', 'gần đạt', 'suýt');
q('hedge', 'lower', 'hơn', 'trên', 'ngoài', 'lớn hơn', 'tối thiểu', 'ít nhất', 'không dưới', 'không thấp hơn', 'tối thiểu là', 'tối thiểu phải được', 'trở lên', 'vượt trên', 'hơn mức');
q('hedge', 'upper', 'dưới', 'chưa đến', 'chưa tới', 'không quá', 'tối đa', 'nhỏ hơn', 'không vượt quá', 'chưa đầy', 'không đến', 'tối đa là');
q('sub', 'sex:nam', 'nam giới', 'giới nam', 'trẻ trai', 'trẻ em trai', 'bé trai');
q('sub', 'sex:nữ', 'nữ giới', 'giới nữ', 'trẻ gái', 'trẻ em gái', 'bé gái', 'ở nữ', 'với nữ', 'của nữ', 'đối với nữ');
q('sub', 'area:thành thị', 'thành thị', 'khu vực thành thị');
q('sub', 'area:nông thôn', 'nông thôn', 'khu vực nông thôn');
q('sub', 'area:miền núi', 'miền núi', 'vùng miền núi', 'vùng cao');
q('sub', 'area:vùng khó khăn', 'vùng khó khăn', 'vùng sâu', 'vùng xa', 'vùng sâu, vùng xa', 'vùng đặc biệt khó khăn');
q('sub', 'group:dân tộc thiểu số', 'dân tộc thiểu số', 'đồng bào dân tộc thiểu số');
q('sub', 'group:hộ nghèo', 'hộ nghèo', 'người nghèo', 'cận nghèo', 'hộ cận nghèo');
q('sub', 'sector:công lập', 'công lập', 'nhà nước');
q('sub', 'sector:ngoài công lập', 'ngoài công lập', 'tư nhân', 'y tế tư nhân');
q('sub', 'care:nội trú', 'nội trú', 'người bệnh nội trú');
q('sub', 'care:ngoại trú', 'ngoại trú', 'người bệnh ngoại trú');
q('sub', 'beds:kế hoạch', 'giường kế hoạch', 'giường bệnh kế hoạch', 'theo kế hoạch giao');
q('sub', 'beds:thực kê', 'giường thực kê', 'giường bệnh thực kê', 'thực kê');
q('sub', 'beds:kể cả trạm y tế', 'kể cả giường trạm y tế', 'tính cả giường trạm y tế', 'bao gồm cả giường trạm y tế', 'bao gồm giường trạm y tế', 'kể cả trạm y tế');
q('norm', 'norm', 'khuyến cáo', 'theo khuyến cáo', 'khuyến nghị', 'WHO', 'Tổ chức Y tế thế giới', 'mức sinh thay thế', 'chuẩn quốc gia', 'tiêu chuẩn', 'ngưỡng', 'ngưỡng an toàn', 'định mức', 'mức bình thường', 'mức cân bằng tự nhiên', 'cân bằng tự nhiên', 'quy định', 'theo quy định', 'mức chuẩn');
q('average', 'average', 'bình quân', 'mức chung', 'mức bình quân', 'mức trung bình', 'trung bình chung', 'bình quân chung', 'tỷ lệ chung', 'mặt bằng chung');
q('subset', 'subset', 'trong đó', 'riêng', 'bao gồm', 'trong số đó');
q('subset', 'some', 'một số', 'một vài', 'có nơi');
q('othertime', 'othertime', 'trước đây', 'trước kia', 'giai đoạn trước', 'những năm trước', 'các năm trước', 'nhiều năm trước', 'đầu nhiệm kỳ', 'đầu giai đoạn', 'những năm gần đây', 'các năm gần đây', 'gần đây', 'thời điểm đó', 'khi đó', 'lúc đó', 'thời kỳ đầu', 'những năm đầu', 'giai đoạn đầu', 'trước năm', 'năm trước đó');
q(
  'neutral',
  '',
  'không tính giường trạm y tế',
  'không tính giường trạm y tế xã',
  'không kể giường trạm y tế',
  'không bao gồm giường trạm y tế',
  'trừ giường trạm y tế',
  'chương trình mục tiêu',
  'chương trình mục tiêu quốc gia',
  'kế hoạch hóa gia đình',
  'kế hoạch hóa',
  'dân số - kế hoạch hóa gia đình',
  'phát hiện',
  'xuất hiện',
  'thể hiện',
  'xã hội',
  'kinh tế - xã hội',
  'kinh tế-xã hội',
  'hiện đại',
  'hiện đại hóa',
  'hiện trạng',
  'hiện tại',
  'hiện hành',
);

export function matchQual(toks: readonly Tok[], i: number): { end: number; qual: Qual } | undefined {
  const m = qualTrie.match(toks, i);
  if (!m) return undefined;
  return { end: m.end, qual: m.values[0] };
}

// Place names. A keyword followed by capitalised words names a place; the 63
// provinces (and the 7 regions) are recognised alone when capitalised.
const PLACE_KEYWORDS: [string, string][] = [
  ['tỉnh', 'tỉnh'],
  ['thành phố', 'thành phố'],
  ['tp', 'thành phố'],
  ['huyện', 'huyện'],
  ['quận', 'quận'],
  ['thị xã', 'thị xã'],
  ['xã', 'xã'],
  ['phường', 'phường'],
  ['thị trấn', 'thị trấn'],
  ['vùng', 'vùng'],
  ['khu vực', 'khu vực'],
  ['miền', 'miền'],
  ['bệnh viện', 'bệnh viện'],
  ['trung tâm y tế', 'trung tâm y tế'],
  ['bv', 'bệnh viện'],
  ['ttyt', 'trung tâm y tế'],
  ['nhóm', 'nhóm'],
];
const placeKw = new PhraseTrie<string>();
for (const [p, v] of PLACE_KEYWORDS) placeKw.add(foldPhrase(p), v);

const PROVINCES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định', 'Bình Dương',
  'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang',
  'Hà Nam', 'Hà Tĩnh', 'Hải Dương', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng',
  'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam',
  'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế',
  'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái', 'Cần Thơ', 'Đà Nẵng', 'Hải Phòng', 'Hà Nội', 'Hồ Chí Minh',
  'TP.HCM', 'TPHCM', 'TP. Hồ Chí Minh', 'Huế',
  'Trung du và miền núi phía Bắc', 'Trung du miền núi phía Bắc', 'Đồng bằng sông Hồng', 'Bắc Trung Bộ', 'Duyên hải Nam Trung Bộ',
  'Bắc Trung Bộ và Duyên hải miền Trung', 'Tây Nguyên', 'Đông Nam Bộ', 'Đồng bằng sông Cửu Long',
];
const provinceTrie = new PhraseTrie<string>();
for (const p of PROVINCES) provinceTrie.add(foldPhrase(p), p);
const nationalNames = new PhraseTrie<string>();
nationalNames.add(foldPhrase('Việt Nam'), 'Việt Nam');

const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/** A word written wholly in capitals ("VÀ"), as in a heading in capitals; one letter is not. */
function isAllCaps(t: Tok): boolean {
  return t.t === 'w' && t.raw.length > 1 && !LOWER.test(t.raw);
}
// Words that are never inside a place's name: in a heading in capitals they end it.
const NOT_IN_NAME = wordSet('và', 'của', 'tại', 'trong', 'với', 'về', 'các', 'những', 'là', 'có', 'năm', 'tháng', 'đến', 'theo');
const HOSPITAL_TAIL = wordSet('khoa');
const HOSPITAL_LEVEL = wordSet('tỉnh', 'huyện', 'thành', 'khu', 'trung');
/** Capitalised word (ASCII answered without a regex). */
export function isCap(t: Tok | undefined): boolean {
  if (!t || t.t !== 'w') return false;
  const c = t.raw.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  return UPPER.test(t.raw);
}

/**
 * A named place at toks[i]: "tỉnh Sơn La", "huyện Mường Tè", "TP. Hồ Chí Minh",
 * "Hà Nội", "Việt Nam" (national), "nhóm 1" (a group of provinces).
 */
export function matchPlace(toks: readonly Tok[], i: number): { end: number; key: string; label: string } | undefined {
  const t = toks[i];
  if (!t) return undefined;
  if (isCap(t)) {
    const nat = nationalNames.match(toks, i);
    if (nat && toks.slice(i, nat.end).every(isCap)) return { end: nat.end, key: 'national', label: 'Việt Nam' };
    const pv = provinceTrie.match(toks, i);
    if (pv && isCap(toks[i]) && isCap(toks[pv.end - 1])) return { end: pv.end, key: 'place:' + foldKey(toks, i, pv.end), label: pv.values[0] };
  }
  const k = placeKw.match(toks, i);
  if (!k) return undefined;
  let j = k.end;
  const kind = k.values[0];
  if (kind === 'nhóm') {
    // "nhóm 1", "nhóm 2": groups of places or people; a different population.
    const n = toks[j];
    if (n?.t === 'n' && n.num.kind === 'number' && !n.num.percent) return { end: j + 1, key: 'group:' + n.num.raw, label: 'nhóm ' + n.num.raw };
    return undefined;
  }
  if (toks[j]?.k === '.' && toks[j].s === toks[j - 1].e) j++; // "TP. Hồ Chí Minh"
  // "khu vực Trung du và miền núi phía Bắc": a known name after the keyword, whole.
  if (isCap(toks[j])) {
    const pv = provinceTrie.match(toks, j);
    if (pv && isCap(toks[pv.end - 1])) return { end: pv.end, key: 'place:' + foldKey(toks, j, pv.end), label: kind + ' ' + pv.values[0] };
  }
  const nameStart = j;
  // In capitals ("VỀ TRẠM Y TẾ XÃ VÀ BÁC SĨ"), every word is capitalised: a name stops at a function word.
  while (j < toks.length && j - nameStart < 5 && ((isCap(toks[j]) && !(inW(toks[j], NOT_IN_NAME) && isAllCaps(toks[j]))) || (toks[j].k === '-' && isCap(toks[j + 1]) && j > nameStart))) j++;
  if (j === nameStart) return undefined;
  // "Bệnh viện Đa khoa tỉnh": the generic name of a hospital goes on in lower case.
  if (kind === 'bệnh viện' && j === nameStart + 1 && inW(toks[j], HOSPITAL_TAIL)) {
    j++;
    if (inW(toks[j], HOSPITAL_LEVEL)) j++;
  }
  return { end: j, key: 'place:' + foldKey(toks, nameStart, j), label: kind + ' ' + toks.slice(nameStart, j).map((x) => (x.t === 'w' ? x.raw : x.k)).join(' ') };
}

function foldKey(toks: readonly Tok[], s: number, e: number): string {
  return toks
    .slice(s, e)
    .filter((x) => x.t === 'w')
    .map((x) => x.k)
    .join(' ');
}

/** Folded words a qualifier or a place (keyword or name) can start with. */
export function lexiconStartWords(): string[] {
  return [...qualTrie.firstKeys(), ...placeKw.firstKeys(), ...provinceTrie.firstKeys(), ...nationalNames.firstKeys()];
}

export const HEDGE_SYMBOLS: Record<string, string> = { '>': 'lower', '≥': 'lower', '<': 'upper', '≤': 'upper', '~': 'approx', '≈': 'approx' };

/** A set of folded words, built once (module level) for fast membership tests. */
export function wordSet(...words: string[]): Set<string> {
  return new Set(words.map(K));
}
/** Is the token a word of this set? */
export function inW(t: Tok | undefined, set: Set<string>): boolean {
  return !!t && t.t === 'w' && set.has(t.k);
}
/** Is the folded word one of these? (Slow path: for one-off checks; hot paths use wordSet/inW.) */
export function isWord(t: Tok | undefined, ...words: string[]): boolean {
  return kw(t, ...words);
}
export { K as foldKeyOf };
