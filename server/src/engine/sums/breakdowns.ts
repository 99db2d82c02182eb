// Totals and their parts in prose: "Toàn tỉnh có 2.940 giường bệnh (tuyến tỉnh
// 1.250 giường, tuyến huyện 1.080 giường, tuyến xã 560 giường)", "1.405 người,
// trong đó nữ 780 người (55,5%)", "nam chiếm 49,8%, nữ chiếm 50,2%".
//
// A breakdown is read only where its shape is plain: a total, an introducer
// (parentheses, "gồm", "bao gồm", "chia ra", "trong đó", a colon), then parts
// each made of a label and one figure in the total's unit (or none), joined by
// "," ";" "và". Anything else inside the list (a change, a date, a figure in
// another unit) drops the whole breakdown: a breakdown not read with
// confidence is not summed.
import type { Tok } from './lex';
import { isTimeUnit, memberAt, wholeKindAt, categoryExact, categoryOf, hedgeBefore, HEDGES, isP, isQty, isW, namesWholeSet, unitAfter, unitsAgree } from './figures';

export interface Part {
  /** Index of the part's figure in the segment's tokens. */
  qi: number;
  q: Tok;
  label: string[];
  unit?: string;
  hedge?: string;
  /** A share written with the part ("(42,5%)", ", chiếm 42,5%"). */
  share?: Tok;
  shareHedge?: string;
  /** "còn lại", "khác": the rest of the total. */
  rest: boolean;
  /** Extent of the part (label to unit) in prose offsets. */
  s: number;
  e: number;
}

export interface Breakdown {
  segment: number;
  /** The total's figure; absent for a split of shares with no total ("nam chiếm 49,8%, nữ chiếm 50,2%"). */
  total?: Tok;
  totalUnit?: string;
  totalHedge?: string;
  parts: Part[];
  /** exhaustive: the parts make the whole; subset: "trong đó", the parts are some of it. */
  kind: 'exhaustive' | 'subset';
  /** Parts name places, levels or categories of one kind (so a subset's parts cannot overlap). */
  parallel: boolean;
}

/** Words that start a breakdown after a total. */
const INTRO: string[][] = [['bao', 'gồm'], ['gồm', 'có'], ['gồm'], ['chia', 'ra'], ['trong', 'số', 'đó'], ['trong', 'đó'], ['phân', 'theo']];
/** Words that end a total's noun phrase: a new clause starts. */
const CLAUSE = new Set(['tăng', 'giảm', 'đạt', 'so', 'chiếm', 'bằng', 'vượt', 'là', 'có', 'được', 'đã', 'với', 'nâng', 'còn', 'hơn', 'thấp', 'cao', 'từ', 'lên', 'xuống', 'gồm', 'bao', 'trong', 'chia', 'phân', 'cụ', 'riêng', 'tương', 'tức']);
/** Words that cannot be inside a part's label. */
const NOT_LABEL = new Set(['tăng', 'giảm', 'so', 'chiếm', 'bằng', 'vượt', 'nâng', 'lên', 'xuống', 'năm', 'tháng', 'quý', 'kỳ', 'trước', 'kế', 'hoạch', 'chỉ', 'tiêu', 'mục', 'gồm', 'bao', 'trong', 'tổng', 'tỷ', 'tỉ', 'lệ', 'suất', 'bình', 'quân', 'trung']);
/** Head words of a label that names a place, a level or a facility: two such labels never overlap. */
const PARALLEL_HEADS = new Set(['tuyến', 'huyện', 'xã', 'phường', 'thị', 'thành', 'tỉnh', 'quận', 'bệnh', 'trung', 'trạm', 'khu', 'vùng', 'khoa', 'khối', 'nhóm', 'phòng', 'cơ']);
const CONNECT = new Set(['là', 'có', 'với', 'đạt', 'chiếm', 'gồm']);
const MAX_LABEL = 14;
const MAX_TOTAL_NOUN = 8;

/** All breakdowns in a segment's tokens, sentence by sentence. */
export function readBreakdowns(toks: Tok[], sents: [number, number][], segment: number, out: Breakdown[]): void {
  const national = toks.some((t, i) => (isW(t, 'cả') && isW(toks[i + 1], 'nước')) || (isW(t, 'toàn') && isW(toks[i + 1], 'quốc')) || (isW(t, 'trung') && isW(toks[i + 1], 'ương')));
  sents.forEach(([lo, hi], si) => {
    const used = new Set<number>();
    for (let i = lo; i < hi; i++) {
      if (!isTotalLike(toks, i, lo, hi)) continue;
      const b = readAfterTotal(toks, i, lo, hi, segment, national, used);
      if (b) out.push(b);
    }
    // "...; trong đó ..." or a sentence "Trong đó ..." after the total's sentence.
    for (let i = lo; i < hi; i++) {
      if (!isW(toks[i], 'trong') || !isW(toks[i + 1], 'đó') || used.has(i)) continue;
      let total = -1;
      if (i === lo) {
        if (si === 0) continue;
        const [plo, phi] = sents[si - 1];
        for (let k = plo; k < phi && total < 0; k++) if (isTotalLike(toks, k, plo, phi) && unitAfter(toks, k, phi).key) total = k;
      } else {
        for (let k = lo; k < i && total < 0; k++) if (isTotalLike(toks, k, lo, hi) && unitAfter(toks, k, hi).key) total = k;
      }
      if (total < 0) continue;
      const b = readParts(toks, total, i, lo, hi, segment, national, true);
      if (b) out.push(b);
    }
    readShareSplits(toks, lo, hi, segment, out);
  });
  readLooseShares(toks, sents, segment, out);
}

function isTotalLike(toks: Tok[], i: number, lo: number, hi: number): boolean {
  const t = toks[i];
  if (!isQty(t) || t.pct || t.year || t.range || t.v <= 0 || t.num?.percent) return false;
  if (i > lo && isW(toks[i - 1], 'năm', 'tháng', 'ngày', 'quý', 'đoạn', 'số', 'thứ', 'lần', 'khoản', 'điều', 'mục', 'phần', 'bảng', 'biểu', 'hình')) return false;
  const u = unitAfter(toks, i, hi);
  if (u.key === 'lần' || u.key === 'pp' || isTimeUnit(u.key) || (u.key !== undefined && NON_ADDITIVE.has(u.key))) return false;
  // An average, a rate or an index is not the sum of its subgroups' values ("tuổi thọ trung bình là 74,5 tuổi, trong đó nam 72,1 tuổi").
  for (let k = i - 1; k >= lo && k >= i - 8; k--) {
    if (isP(toks[k], ',', ';', '(', ':')) break;
    if (toks[k].t !== 'w' || !AVERAGE_WORDS.has(toks[k].k)) continue;
    if ((toks[k].k === 'tỷ' || toks[k].k === 'tỉ') && !isW(toks[k + 1], 'lệ', 'suất', 'số', 'trọng')) continue;
    // Only with their partner: "Trung tâm", "Ninh Bình", "Công Thương" are names, not "trung bình", "công suất".
    const partner = AVERAGE_PAIRS[toks[k].k];
    if (partner && !isW(toks[k + 1], ...partner) && !(toks[k].k === 'bình' && isW(toks[k - 1], 'trung')) && !(toks[k].k === 'quân' && isW(toks[k - 1], 'bình'))) continue;
    // "dân số trung bình" (mid-year population) is a count.
    if ((toks[k].k === 'trung' || toks[k].k === 'bình') && isW(toks[k - 1], 'số') && isW(toks[k - 2], 'dân')) continue;
    if (toks[k].k === 'bình' && isW(toks[k - 1], 'trung') && isW(toks[k - 2], 'số') && isW(toks[k - 3], 'dân')) continue;
    return false;
  }
  return true;
}

/** Units of measures that do not add up across groups. */
const NON_ADDITIVE = new Set(['tuổi', 'điểm', 'kg', 'g', 'cm', 'm', 'mmhg', 'độ', '°c', 'calo', 'kcal']);
/** The word each of these must come with to make an average or a rate ("bình" also after "trung", "quân" after "bình"). */
const AVERAGE_PAIRS: Record<string, string[]> = { trung: ['bình'], bình: ['quân'], quân: [], công: ['suất'], mật: ['độ'], chỉ: ['số'], hệ: ['số'], tốc: ['độ'] };
/** Words before a figure that make it an average, a rate or an index. */
const AVERAGE_WORDS = new Set(['trung', 'bình', 'tỷ', 'tỉ', 'tuổi', 'công', 'mật', 'chỉ', 'hệ', 'tốc', 'quân']);

function readAfterTotal(toks: Tok[], i: number, lo: number, hi: number, segment: number, national: boolean, used: Set<number>): Breakdown | undefined {
  const u = unitAfter(toks, i, hi);
  if (u.key === 'lần' || u.key === 'pp') return undefined;
  let k = u.next;
  const nounStart = k;
  // "người bệnh tăng huyết áp": "tăng" in a disease's name is not a change.
  while (k < hi && k < nounStart + MAX_TOTAL_NOUN && toks[k].t === 'w' && (!CLAUSE.has(toks[k].k) || (toks[k].k === 'tăng' && isW(toks[k + 1], 'huyết')))) k++;
  let kind: Breakdown['kind'] = 'exhaustive';
  let paren = false;
  let p = k;
  if (isP(toks[p], '(')) {
    if (k - nounStart > 3) return undefined;
    paren = true;
    p++;
    if (isW(toks[p], 'chiếm', 'tăng', 'giảm', 'bằng', 'đạt', 'so', 'năm', 'vượt', 'cùng')) return undefined;
    // "(gồm 172 nam và 214 nữ)": the introducer inside the parentheses.
    const inner = INTRO.find((w) => w[0] !== 'trong' && w[0] !== 'phân' && w.every((x, n) => isW(toks[p + n], x)));
    if (inner) {
      p += inner.length;
      if (isP(toks[p], ':')) p++;
    }
    if (isW(toks[p], 'trong') && isW(toks[p + 1], 'đó')) {
      used.add(p);
      kind = 'subset';
      p += 2;
      if (isP(toks[p], ':', ',')) p++;
    }
  } else if (isP(toks[p], ':') && k === nounStart + (u.key ? 0 : 0)) {
    // "2.940 giường bệnh: tuyến tỉnh 1.250 giường, ..."
    p++;
  } else {
    if (isP(toks[p], ',', ';')) p++;
    const intro = INTRO.find((w) => w.every((x, n) => isW(toks[p + n], x)));
    if (!intro) return undefined;
    if (intro[0] === 'trong') used.add(p);
    p += intro.length;
    if (intro[0] === 'trong' || intro[0] === 'phân') kind = 'subset';
    if (intro[0] === 'phân') return undefined;
    if (isP(toks[p], ':')) p++;
    if (kind === 'subset' && isW(toks[p], 'có') && !isQty(toks[p + 1])) p++;
  }
  return collect(toks, i, u.key, p, lo, hi, segment, national, kind, paren);
}

/** Parts after a detached "trong đó" at j, of the total at ti. */
function readParts(toks: Tok[], ti: number, j: number, lo: number, hi: number, segment: number, national: boolean, _detached: boolean): Breakdown | undefined {
  let p = j + 2;
  if (isP(toks[p], ',', ':')) p++;
  if (isW(toks[p], 'có') && !isQty(toks[p + 1])) p++;
  const u = unitAfter(toks, ti, hi);
  return collect(toks, ti, u.key, p, lo, hi, segment, national, 'subset', false);
}

function collect(toks: Tok[], i: number, unit: string | undefined, p: number, _lo: number, hi: number, segment: number, national: boolean, kind: Breakdown['kind'], paren: boolean): Breakdown | undefined {
  const total = toks[i];
  const kindOfTotal = wholeKindAt(toks, i + 1, hi);
  const parts: Part[] = [];
  let closed = false;
  let open = false;
  while (p < hi) {
    const r = readPart(toks, p, hi, unit, paren, kindOfTotal);
    if (!r) {
      // "43 ca ghép tim, phổi và các tạng khác.": the last label goes on to "khác" with no figure.
      if (parts.length && restTail(toks, p, hi)) {
        parts[parts.length - 1].rest = true;
        closed = true;
        p = hi;
        break;
      }
      open = true;
      break;
    }
    parts.push(r.part);
    p = r.next;
    if (r.last) {
      closed = true;
      break;
    }
    if (paren && isP(toks[p], ')')) {
      closed = true;
      break;
    }
    if (p >= hi) {
      closed = true;
      break;
    }
    if (isP(toks[p], ',', ';')) {
      p++;
      continue;
    }
    // "và" is read by readPart: the part after it ends the list.
    if (isW(toks[p], 'và')) continue;
    // Something else follows the last part ("... 560 giường tăng 3%"): not a plain list.
    open = true;
    break;
  }
  // A part read after "và" ends the list (readPart reports it).
  if (!parts.length) return undefined;
  if (paren && !(closed && isP(toks[p], ')'))) return undefined;
  if (parts.some((x) => x.hedge) || hedgeBefore(toks, i, 0)) {
    // Hedged values: no arithmetic on them.
    return undefined;
  }
  const pcts = parts.filter((x) => x.q.pct).length;
  if (pcts && pcts !== parts.length) return undefined;
  if (total.pct) return undefined;
  const rest = parts.some((x) => x.rest);
  const labels = parts.map((x) => x.label);
  if (kind === 'subset' && (rest || namesWholeSet(labels, national))) kind = 'exhaustive';
  // In parentheses, only parts of one kind (levels, places, categories) or a "còn lại" make the whole:
  // "12 bác sĩ (3 bác sĩ chuyên khoa I, 1 bác sĩ chuyên khoa II)" names some of them.
  if (paren && kind === 'exhaustive' && !rest && !isParallel(labels) && !namesWholeSet(labels, national)) kind = 'subset';
  if (kind === 'exhaustive' && parts.length < 2) kind = 'subset';
  if (open && kind === 'exhaustive') {
    // The list goes on in a shape we do not read: what we read is only some of it.
    kind = 'subset';
  }
  return { segment, total, totalUnit: unit, parts, kind, parallel: isParallel(labels) };
}

function readPart(toks: Tok[], p: number, hi: number, unit: string | undefined, paren: boolean, kindOfTotal?: string): { part: Part; next: number; last: boolean } | undefined {
  const start = p;
  let last = false;
  if (isW(toks[p], 'và')) {
    last = true;
    p++;
  }
  const label: string[] = [];
  let rest = false;
  // Label first: "tuyến tỉnh 1.250 giường", "nam: 620 người", "còn lại 560 giường".
  while (p < hi && toks[p].t === 'w' && label.length < MAX_LABEL && (!NOT_LABEL.has(toks[p].k) || centralGov(toks, p) || programme(label, toks, p)) && !HEDGES.has(toks[p].k)) {
    if (CONNECT.has(toks[p].k) && label.length) break;
    // "và" inside a label joins two names of one part ("loại đặc biệt và loại I là 4.368 ca").
    if ((toks[p].k === 'và' || toks[p].k === 'hoặc') && !label.length) return undefined;
    label.push(toks[p].k);
    p++;
    // "chương trình mục tiêu y tế - dân số 2,6 tỷ đồng": a hyphen between the words of a name.
    if (isP(toks[p], '-') && label.length && toks[p + 1]?.t === 'w' && !NOT_LABEL.has(toks[p + 1].k)) p++;
    // "tuyến quận, huyện 812.400 lượt": a comma inside the label when words then the figure follow.
    if (isP(toks[p], ',') && toks[p + 1]?.t === 'w') {
      let j = p + 1;
      while (j < hi && j < p + 4 && toks[j].t === 'w' && !HEDGES.has(toks[j].k) && !NOT_LABEL.has(toks[j].k)) j++;
      if (j > p + 1 && isQty(toks[j])) p++;
    }
  }
  if (isP(toks[p], ':')) p++;
  else if (isW(toks[p], 'là', 'có', 'với', 'đạt') && label.length) p++;
  let chiem = false;
  if (isW(toks[p], 'chiếm')) {
    chiem = true;
    p++;
  }
  let hedge: string | undefined;
  while (p < hi && toks[p].t === 'w' && HEDGES.has(toks[p].k)) {
    hedge = toks[p].k;
    p++;
  }
  const q = toks[p];
  if (!isQty(q) || q.year || q.range) return undefined;
  if (chiem && !q.pct) return undefined;
  const qi = p;
  const u = unitAfter(toks, p, hi);
  let next = u.next;
  let partUnit = u.key;
  if (q.pct) {
    partUnit = '%';
  } else if (!unitsAgree(partUnit, unit)) {
    // "780 nữ": a category word in the unit's place, the unit left out;
    // "5 cán bộ, gồm 1 bác sĩ, 1 y sĩ": a member noun of the total's whole noun.
    const cat = label.length === 0 && partUnit ? categoryAt(toks, p + 1, hi) : undefined;
    const member = !cat && label.length === 0 && kindOfTotal ? memberAt(toks, p + 1, hi, kindOfTotal) : undefined;
    const words = cat?.words ?? member;
    if (!words) return undefined;
    label.push(...words);
    next = p + 1 + words.length;
    partUnit = undefined;
    // "1 y sĩ đa khoa", "1 dược sĩ trung học": the label goes on.
    while (next < hi && toks[next].t === 'w' && label.length < MAX_LABEL && !NOT_LABEL.has(toks[next].k) && !CONNECT.has(toks[next].k) && toks[next].k !== 'và') label.push(toks[next++].k);
  }
  // Number first: the label after the unit ("1.250 giường tuyến tỉnh").
  if (!label.length) {
    while (next < hi && toks[next].t === 'w' && label.length < MAX_LABEL && !NOT_LABEL.has(toks[next].k) && !CONNECT.has(toks[next].k) && toks[next].k !== 'và') {
      label.push(toks[next].k);
      next++;
    }
  }
  const e = toks[next - 1].e;
  // A share with the part: "(42,5%)", "(chiếm 42,5%)", ", chiếm 42,5%", "chiếm 42,5%".
  let share: Tok | undefined;
  let shareHedge: string | undefined;
  if (!q.pct) {
    let s = next;
    const parenShare = isP(toks[s], '(');
    if (parenShare) s++;
    else if (isP(toks[s], ',') && isW(toks[s + 1], 'chiếm')) s++;
    const hasChiem = isW(toks[s], 'chiếm', 'bằng', 'đạt');
    if (hasChiem) s++;
    let h: string | undefined;
    while (s < hi && toks[s].t === 'w' && HEDGES.has(toks[s].k)) {
      h = toks[s].k;
      s++;
    }
    if ((parenShare || hasChiem) && isQty(toks[s]) && toks[s].pct) {
      const after = s + 1;
      if (parenShare ? isP(toks[after], ')') : true) {
        share = toks[s];
        shareHedge = h;
        next = parenShare ? after + 1 : after;
      }
    }
  }
  rest = (label[0] === 'còn' && label[1] === 'lại') || label.includes('khác') || (label.length >= 2 && label[label.length - 2] === 'còn' && label[label.length - 1] === 'lại');
  // A part must say what it is, unless the list is in parentheses after its total.
  if (!label.length && !paren) return undefined;
  return { part: { qi, q, label, unit: partUnit, hedge, share, shareHedge, rest, s: toks[start].s, e }, next, last };
}

/** A category label starting at j ("nữ", "nam giới", "nông thôn"). */
function categoryAt(toks: Tok[], j: number, hi: number): { words: string[] } | undefined {
  for (let n = 3; n >= 1; n--) {
    if (j + n > hi) continue;
    const ws = toks.slice(j, j + n);
    if (ws.some((w) => w.t !== 'w')) continue;
    const words = ws.map((w) => w.k);
    if (categoryExact(words.join(' '))) return { words };
  }
  return undefined;
}

/** Labels of one kind: the same place/level head word, or categories of one set. */
function isParallel(labels: string[][]): boolean {
  if (labels.length === 1) return true;
  if (labels.some((l) => !l.length)) return false;
  const cats = labels.map(categoryOf);
  if (cats.every((c) => c) && new Set(cats.map((c) => c!.set)).size === 1 && new Set(cats.map((c) => c!.member)).size === labels.length) return true;
  const heads = labels.map((l) => l[0]);
  return PARALLEL_HEADS.has(heads[0]) && heads.every((h) => h === heads[0]) && new Set(labels.map((l) => l.join(' '))).size === labels.length;
}

/** "nam chiếm 49,8%, nữ chiếm 50,2%": shares of a split that names every category. */
function readShareSplits(toks: Tok[], lo: number, hi: number, segment: number, out: Breakdown[]): void {
  for (let i = lo; i < hi; i++) {
    if (!isW(toks[i], 'chiếm')) continue;
    const q = toks[i + 1];
    if (!isQty(q) || !q.pct) continue;
    // The label before "chiếm", back to a separator; or "nam 663.400 người, chiếm 49,4%": the label before the count.
    const first = labelBefore(toks, i, lo) ?? labelBeforeCount(toks, i, lo);
    if (!first) continue;
    const parts: Part[] = [{ qi: i + 1, q, label: first.label, unit: '%', rest: isRest(first.label), s: toks[first.start].s, e: q.e }];
    let p = i + 2;
    while (p < hi && (isP(toks[p], ',', ';') || isW(toks[p], 'và'))) {
      let s = p + 1;
      if (isW(toks[s], 'và')) s++;
      const label: string[] = [];
      const ls = s;
      while (s < hi && toks[s].t === 'w' && label.length < MAX_LABEL && toks[s].k !== 'chiếm' && !HEDGES.has(toks[s].k)) label.push(toks[s++].k);
      if (isW(toks[s], 'chiếm')) s++;
      else if (isQty(toks[s]) && !toks[s].pct) {
        // "; nữ 679.200 người, chiếm 50,6%": the count, its unit words, then the share.
        let j = s + 1;
        while (j < hi && j < s + 4 && toks[j].t === 'w') j++;
        if (isP(toks[j], ',') && isW(toks[j + 1], 'chiếm')) s = j + 2;
      }
      const r = toks[s];
      if (!label.length || !isQty(r) || !r.pct) break;
      parts.push({ qi: s, q: r, label, unit: '%', rest: isRest(label), s: toks[ls].s, e: r.e });
      p = s + 1;
    }
    i = p - 1;
    if (parts.some((x) => hedgeBefore(toks, x.qi, lo))) continue;
    // "nhóm A chiếm 48,2%, nhóm B chiếm 27,5%, ..., các nhóm còn lại chiếm 10,2%": the rest closes the split.
    if (parts.length >= 2 && parts[parts.length - 1].rest && parts.slice(0, -1).every((x) => !x.rest)) {
      out.push({ segment, parts, kind: 'exhaustive', parallel: false });
      continue;
    }
    // "thành thị chiếm 29,4%, nông thôn chiếm 70,6%; nam chiếm 49,6%, nữ chiếm 50,4%": one split per category set.
    let run: Part[] = [];
    const flush = () => {
      if (run.length >= 2 && namesWholeSet(run.map((x) => x.label))) out.push({ segment, parts: run, kind: 'exhaustive', parallel: true });
      run = [];
    };
    for (const part of parts) {
      const set = categoryOf(part.label)?.set;
      if (run.length && categoryOf(run[0].label)?.set !== set) flush();
      run.push(part);
    }
    flush();
  }
}

const isRest = (l: string[]) => (l.length >= 2 && l[l.length - 2] === 'còn' && l[l.length - 1] === 'lại') || l[l.length - 1] === 'khác';

function labelBefore(toks: Tok[], i: number, lo: number): { label: string[]; start: number } | undefined {
  const label: string[] = [];
  let k = i - 1;
  while (k >= lo && toks[k].t === 'w' && label.length < MAX_LABEL && !isW(toks[k], 'đó', 'trong', 'là', 'có')) label.unshift(toks[k--].k);
  if (!label.length) return undefined;
  return { label, start: k + 1 };
}


/** "nam 663.400 người, chiếm …": the label before the count the share follows (the count's unit words, then a comma). */
function labelBeforeCount(toks: Tok[], i: number, lo: number): { label: string[]; start: number } | undefined {
  if (!isP(toks[i - 1], ',')) return undefined;
  let k = i - 2;
  while (k >= lo && k > i - 6 && toks[k].t === 'w') k--;
  if (k < lo || !isQty(toks[k]) || toks[k].pct || k === i - 2) return undefined;
  return labelBefore(toks, k, lo);
}

/** Words only (no figure) from p to the end of the clause, ending with "khác": the rest of the last label. */
function restTail(toks: Tok[], p: number, hi: number): boolean {
  let last = '';
  for (let j = p; j < hi; j++) {
    const t = toks[j];
    if (isP(t, ';', ')')) break;
    if (t.t === 'n' || t.t === 'x') return false;
    if (t.t === 'w') last = t.k;
  }
  return last === 'khác';
}

const SHARE_VERB = new Set(['chiếm']);
/** Words after "(p%)" that make p a share of something other than the earlier count. */
const SHARE_OF_OTHER = new Set(['so', 'kế', 'chỉ', 'mục', 'dự', 'tổng', 'của', 'trên', 'dân', 'dân số', 'số', 'cùng', 'năm', 'tăng', 'giảm', 'vượt', 'đạt', 'bằng']);
const isRate = (k: string | undefined) => k === undefined || k === '%' || k === '‰' || k === 'pp' || k === 'lần';

/**
 * A count with its share but no breakdown: "kiểm tra 1.864 cơ sở, phát hiện 212 cơ sở vi phạm, chiếm 11,4%"
 * (the base is the earlier count in the same unit), "Tổng số lượt khám ... 286.420 lượt. Số lượt khám có thẻ
 * bảo hiểm y tế là 241.030 lượt, chiếm 84,2%." (the total of the sentence before), and "ngoài công lập chiếm
 * 8,6% tổng số giường bệnh" after a breakdown naming "ngoài công lập".
 */
function readLooseShares(toks: Tok[], sents: [number, number][], segment: number, out: Breakdown[]): void {
  const taken = new Set<Tok>();
  const mine = out.filter((b) => b.segment === segment);
  for (const b of mine) for (const p of b.parts) if (p.share) taken.add(p.share);
  sents.forEach(([lo, hi], si) => {
    for (let i = lo; i < hi; i++) {
      // "<label> chiếm p%" naming a part of an earlier breakdown.
      if (SHARE_VERB.has(toks[i].k) && toks[i].t === 'w' && isQty(toks[i + 1]) && toks[i + 1].pct && !taken.has(toks[i + 1])) {
        const share = toks[i + 1];
        if (hedgeBefore(toks, i + 1, lo)) continue;
        const label: string[] = [];
        for (let k = i - 1; k >= lo && toks[k].t === 'w' && label.length < 8; k--) label.unshift(toks[k].k);
        for (const b of mine) {
          if (!b.total || b.total.s > toks[i].s) continue;
          // The longest label that ends the subject ("ngoài công lập", not "công lập").
          let part: Part | undefined;
          let best = 0;
          let tie = false;
          for (const p of b.parts) {
            if (!p.label.length || p.q.pct) continue;
            const n = commonSuffix(label, p.label);
            if (n > best) {
              best = n;
              part = p;
              tie = false;
            } else if (n === best && n > 0) tie = true;
          }
          // At least two words in common, or the whole part label ("nam", "nữ").
          if (!part || tie || (best < 2 && best < part.label.length)) continue;
          if (!part) continue;
          taken.add(share);
          out.push({ segment, total: b.total, totalUnit: b.totalUnit, parts: [{ ...part, share, shareHedge: undefined }], kind: 'subset', parallel: true });
          break;
        }
        continue;
      }
      if (!isTotalLike(toks, i, lo, hi)) continue;
      // "tăng 82 bác sĩ (7,0%)": a change and its relative size, not a share.
      if (isW(toks[i - 1], 'tăng', 'giảm', 'thêm', 'hơn', 'đi')) continue;
      const u = unitAfter(toks, i, hi);
      if (isRate(u.key) || hedgeBefore(toks, i, 0)) continue;
      // The share: after the unit and a short noun phrase, "(p%)", ", chiếm p%", ", tỷ lệ p%".
      let j = u.next;
      let n = 0;
      while (j < hi && n < 6 && toks[j].t === 'w' && !SHARE_VERB.has(toks[j].k) && !isW(toks[j], 'tăng', 'giảm', 'so', 'là', 'và', 'tỷ', 'tỉ', 'trong')) {
        j++;
        n++;
      }
      let paren = false;
      if (isP(toks[j], '(')) paren = true;
      else if (isP(toks[j], ',')) j++;
      else continue;
      if (paren) j++;
      else if (SHARE_VERB.has(toks[j]?.k ?? '')) j++;
      else if (isW(toks[j], 'tỷ', 'tỉ') && isW(toks[j + 1], 'lệ')) j += 2;
      else continue;
      const share = toks[j];
      if (!isQty(share) || !share.pct || taken.has(share) || hedgeBefore(toks, j, lo)) continue;
      if (paren && !isP(toks[j + 1], ')')) continue;
      // What follows the share: nothing (the base is implied) or "tổng số <unit>".
      const after = toks[j + 1 + (paren ? 1 : 0)];
      let named = false;
      if (after && after.t === 'w') {
        if (after.k === 'tổng' && isW(toks[j + 2], 'số') && isW(toks[j + 3], u.key!)) named = true;
        // "61 ca (82,4%) chưa tiêm vắc xin": the share right after the count, then what sets the
        // count apart; not when what follows names another base ("(51,8%) so với kế hoạch").
        else if (!(paren && n === 0 && !SHARE_OF_OTHER.has(after.k))) continue;
      }
      // The base: an earlier count in the same unit in this sentence, else the total of the sentence before.
      let base: Tok | undefined;
      let ambiguous = false;
      let depth = 0;
      for (let k = i - 1; k >= lo; k--) {
        if (isP(toks[k], ')')) depth++;
        else if (isP(toks[k], '(')) depth--;
        if (depth > 0 || !isTotalLike(toks, k, lo, hi)) continue;
        if (unitAfter(toks, k, hi).key === u.key && toks[k].v > toks[i].v) {
          // "1.187 mẫu đạt, chiếm 94,2%; 73 mẫu không đạt, chiếm 5,8%": a larger count with its own share is
          // a sibling part of a split (or a subset holding this one): which base the share means is not readable.
          const sib = shareAfter(toks, k, hi);
          if (sib < 0) base = toks[k];
          else {
            // Its share names its own base: an earlier count it matches, with no "trong đó" (nesting) between.
            const far = siblingBase(toks, k, toks[sib], u.key, lo, hi);
            if (far && !nestedBetween(toks, k, i)) base = far;
            else ambiguous = true;
          }
          break;
        }
      }
      if (ambiguous) continue;
      if (!base && si > 0) {
        const [plo, phi] = sents[si - 1];
        let sawTotal = false;
        for (let k = plo; k < phi; k++) {
          if (isW(toks[k], 'tổng')) sawTotal = true;
          if (!isTotalLike(toks, k, plo, phi)) continue;
          if ((sawTotal || named) && unitAfter(toks, k, phi).key === u.key && toks[k].v > toks[i].v) base = toks[k];
          break;
        }
      }
      if (!base || (named && !base)) continue;
      taken.add(share);
      const part: Part = { qi: i, q: toks[i], label: [], unit: u.key, rest: false, share, s: toks[i].s, e: toks[u.next - 1].e };
      out.push({ segment, total: base, totalUnit: u.key, parts: [part], kind: 'subset', parallel: true });
    }
  });
}


/** The earlier count of the sentence, in the same unit, of which the sibling at k with its share is that share. */
function siblingBase(toks: Tok[], k: number, share: Tok, unit: string | undefined, lo: number, hi: number): Tok | undefined {
  for (let m = k - 1; m >= lo; m--) {
    if (!isTotalLike(toks, m, lo, hi) || unitAfter(toks, m, hi).key !== unit || toks[m].v <= toks[k].v) continue;
    const exact = (100 * toks[k].v) / toks[m].v;
    return Math.abs(exact - share.v) <= share.half + 1e-9 ? toks[m] : undefined;
  }
  return undefined;
}

function nestedBetween(toks: Tok[], a: number, b: number): boolean {
  for (let j = a; j < b; j++) if (isW(toks[j], 'trong') && isW(toks[j + 1], 'đó', 'số')) return true;
  return false;
}

/** The index of a share written right after the count at i ("1.187 mẫu đạt, chiếm 94,2%", "61 ca (82,4%)"), or -1. */
function shareAfter(toks: Tok[], i: number, hi: number): number {
  let j = unitAfter(toks, i, hi).next;
  let n = 0;
  while (j < hi && n < 6 && toks[j].t === 'w' && !SHARE_VERB.has(toks[j].k) && !isW(toks[j], 'tăng', 'giảm', 'so', 'là', 'và', 'tỷ', 'tỉ', 'trong')) {
    j++;
    n++;
  }
  if (isP(toks[j], '(')) j++;
  else if (isP(toks[j], ',') && SHARE_VERB.has(toks[j + 1]?.k ?? '')) j += 2;
  else if (SHARE_VERB.has(toks[j]?.k ?? '')) j++;
  else return -1;
  return j < hi && isQty(toks[j]) && toks[j].pct ? j : -1;
}

/** "trung ương" (central government, "ngân sách trung ương") is a name, not "trung bình". */
function centralGov(toks: Tok[], p: number): boolean {
  return toks[p].k === 'trung' && isW(toks[p + 1], 'ương');
}

/** "chương trình mục tiêu" (a national target programme) is a name, not a target. */
function programme(label: string[], toks: Tok[], p: number): boolean {
  const n = label.length;
  if (toks[p].k === 'mục') return isW(toks[p + 1], 'tiêu') && n >= 2 && label[n - 2] === 'chương' && label[n - 1] === 'trình';
  return toks[p].k === 'tiêu' && n >= 3 && label[n - 3] === 'chương' && label[n - 2] === 'trình' && label[n - 1] === 'mục';
}

function commonSuffix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
