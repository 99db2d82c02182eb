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
import { categoryExact, categoryOf, hedgeBefore, HEDGES, isContentWord, isP, isQty, isW, namesWholeSet, unitAfter, unitsAgree } from './figures';

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
const NOT_LABEL = new Set(['tăng', 'giảm', 'so', 'chiếm', 'bằng', 'vượt', 'nâng', 'lên', 'xuống', 'từ', 'đến', 'tới', 'năm', 'tháng', 'quý', 'kỳ', 'trước', 'kế', 'hoạch', 'chỉ', 'tiêu', 'mục', 'gồm', 'bao', 'trong', 'tổng', 'tỷ', 'tỉ', 'lệ', 'suất', 'bình', 'quân', 'trung']);
/** Head words of a label that names a place, a level or a facility: two such labels never overlap. */
const PARALLEL_HEADS = new Set(['tuyến', 'huyện', 'xã', 'phường', 'thị', 'thành', 'tỉnh', 'quận', 'bệnh', 'trung', 'trạm', 'khu', 'vùng', 'khoa', 'khối', 'nhóm', 'phòng', 'cơ']);
const CONNECT = new Set(['là', 'có', 'với', 'đạt', 'chiếm', 'gồm']);
const MAX_LABEL = 8;
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
}

function isTotalLike(toks: Tok[], i: number, lo: number, hi: number): boolean {
  const t = toks[i];
  if (!isQty(t) || t.pct || t.year || t.range || t.v <= 0 || t.num?.percent) return false;
  if (i > lo && isW(toks[i - 1], 'năm', 'tháng', 'ngày', 'quý', 'đoạn', 'số', 'thứ', 'lần', 'khoản', 'điều', 'mục', 'phần', 'bảng', 'biểu', 'hình')) return false;
  const u = unitAfter(toks, i, hi);
  return u.key !== 'lần' && u.key !== 'pp';
}

function readAfterTotal(toks: Tok[], i: number, lo: number, hi: number, segment: number, national: boolean, used: Set<number>): Breakdown | undefined {
  const total = toks[i];
  const u = unitAfter(toks, i, hi);
  if (u.key === 'lần' || u.key === 'pp') return undefined;
  let k = u.next;
  const nounStart = k;
  while (k < hi && k < nounStart + MAX_TOTAL_NOUN && toks[k].t === 'w' && !CLAUSE.has(toks[k].k)) k++;
  let kind: Breakdown['kind'] = 'exhaustive';
  let paren = false;
  let p = k;
  if (isP(toks[p], '(')) {
    if (k - nounStart > 3) return undefined;
    paren = true;
    p++;
    if (isW(toks[p], 'chiếm', 'tăng', 'giảm', 'bằng', 'đạt', 'so', 'năm', 'vượt', 'cùng')) return undefined;
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

function collect(toks: Tok[], i: number, unit: string | undefined, p: number, lo: number, hi: number, segment: number, national: boolean, kind: Breakdown['kind'], paren: boolean): Breakdown | undefined {
  const total = toks[i];
  const parts: Part[] = [];
  let closed = false;
  let open = false;
  while (p < hi) {
    const r = readPart(toks, p, hi, unit, paren);
    if (!r) {
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
  if (kind === 'exhaustive' && parts.length < 2) kind = 'subset';
  if (open && kind === 'exhaustive') {
    // The list goes on in a shape we do not read: what we read is only some of it.
    kind = 'subset';
  }
  return { segment, total, totalUnit: unit, parts, kind, parallel: isParallel(labels) };
}

function readPart(toks: Tok[], p: number, hi: number, unit: string | undefined, paren: boolean): { part: Part; next: number; last: boolean } | undefined {
  const start = p;
  let last = false;
  if (isW(toks[p], 'và')) {
    last = true;
    p++;
  }
  const label: string[] = [];
  let rest = false;
  // Label first: "tuyến tỉnh 1.250 giường", "nam: 620 người", "còn lại 560 giường".
  while (p < hi && toks[p].t === 'w' && label.length < MAX_LABEL && !NOT_LABEL.has(toks[p].k) && !HEDGES.has(toks[p].k)) {
    if (CONNECT.has(toks[p].k) && label.length) break;
    if (toks[p].k === 'và' || toks[p].k === 'hoặc') return undefined;
    label.push(toks[p].k);
    p++;
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
    // "780 nữ": a category word in the unit's place, the unit left out.
    const cat = label.length === 0 && partUnit ? categoryAt(toks, p + 1, hi) : undefined;
    if (!cat) return undefined;
    label.push(...cat.words);
    next = p + 1 + cat.words.length;
    partUnit = undefined;
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
    // The label before "chiếm", back to a separator.
    const first = labelBefore(toks, i, lo);
    if (!first) continue;
    const parts: Part[] = [{ qi: i + 1, q, label: first.label, unit: '%', rest: false, s: toks[first.start].s, e: q.e }];
    let p = i + 2;
    while (p < hi && (isP(toks[p], ',', ';') || isW(toks[p], 'và'))) {
      let s = p + 1;
      if (isW(toks[s], 'và')) s++;
      const label: string[] = [];
      const ls = s;
      while (s < hi && toks[s].t === 'w' && label.length < 4 && toks[s].k !== 'chiếm' && !HEDGES.has(toks[s].k)) label.push(toks[s++].k);
      if (isW(toks[s], 'chiếm')) s++;
      const r = toks[s];
      if (!label.length || !isQty(r) || !r.pct) break;
      parts.push({ qi: s, q: r, label, unit: '%', rest: false, s: toks[ls].s, e: r.e });
      p = s + 1;
    }
    i = p - 1;
    if (parts.some((x) => hedgeBefore(toks, x.qi, lo))) continue;
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

function labelBefore(toks: Tok[], i: number, lo: number): { label: string[]; start: number } | undefined {
  const label: string[] = [];
  let k = i - 1;
  while (k >= lo && toks[k].t === 'w' && label.length < 4 && isContentWordOrCat(toks[k])) label.unshift(toks[k--].k);
  if (!label.length) return undefined;
  // Only the category words count ("dân số thành thị" → "thành thị").
  const c = categoryOf(label);
  if (!c) return undefined;
  return { label, start: k + 1 };
}

function isContentWordOrCat(t: Tok): boolean {
  return isContentWord(t) || categoryOf([t.k]) !== undefined;
}
