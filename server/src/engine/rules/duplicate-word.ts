// duplicate-word: a syllable typed twice ("triển khai nhiệm nhiệm vụ").
//
// Vietnamese doubles syllables legitimately all the time: reduplicatives
// ("người người", "nhà nhà", "dần dần", "song song") and, more often, the
// boundary of two compounds ("thi công | công trình", "trở thành | thành phố",
// "hệ thống | thống kê"). Without a full dictionary the only safe calls are:
//  - a BOUND syllable (one that never stands alone: "nhiệm", "triển", "nghị"...)
//    doubled, when the word before cannot form a compound ending in it
//    ("khai nhiệm" is no word, so "nhiệm nhiệm vụ" is a slip; "trách nhiệm
//    nhiệm vụ" is left alone);
//  - a FUNCTION word doubled ("và và", "của của"), unless a known compound
//    explains it ("của của cải", "hiện tại tại tỉnh").
// Anything else is not reported: precision first.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import type { Block } from '../types';
import { proseRuns } from '../vietnamese/text';
import { C_LM, charClass, classAt } from '../vietnamese/chars';

/** Bound syllable -> the syllables that can precede it inside a word (compounds ending in it). */
const BOUND: Record<string, string[]> = {
  nhiệm: ['trách', 'bổ', 'miễn', 'kiêm', 'chủ', 'đảm', 'tín', 'kế', 'tiền', 'lưu', 'ủy', 'uỷ', 'bãi', 'đương', 'tái', 'hiện', 'nguyên', 'nhậm'],
  triển: ['phát', 'tiến', 'khai'],
  nghị: ['hội', 'đề', 'kiến', 'kháng', 'thương', 'dị', 'quyết', 'hữu', 'tham', 'phản', 'trù', 'thảo'],
  kiểm: ['hậu', 'tiền', 'phúc', 'tự', 'tuần'],
  soát: ['kiểm', 'rà', 'lục', 'truy', 'khám'],
  giám: ['tổng', 'phó', 'thái', 'quốc'],
  hỗ: ['tương'],
  khuyến: [],
  thiết: ['cần', 'khẩn', 'tha', 'mật', 'giả', 'thân', 'trang', 'bức', 'cấp', 'tối', 'kiến'],
  đảm: ['bảo', 'cam', 'gánh'],
  hoạt: ['sinh', 'linh', 'kích'],
  cường: ['tăng', 'kiên', 'hùng', 'phú', 'tự', 'siêu', 'quật', 'ngoan', 'liệt'],
  trợ: ['hỗ', 'tài', 'viện', 'cứu', 'phù', 'tương', 'bảo', 'phụ'],
  chẩn: ['hội'],
  phối: ['phân', 'chi', 'điều', 'hôn', 'giao'],
  cập: ['đề', 'phổ'],
  thẩm: ['hội', 'phúc', 'sơ', 'đốc', 'tái'],
  huấn: ['tập', 'giáo', 'gia', 'tuyên', 'đặc'],
  dưỡng: ['điều', 'dinh', 'bồi', 'nuôi', 'an', 'bảo', 'tu', 'phụng', 'tĩnh', 'hưu', 'cấp', 'di', 'giáo', 'hàm', 'nghỉ', 'chăm'],
  doanh: ['kinh', 'liên', 'tư', 'quốc', 'hợp', 'công'],
  tế: ['y', 'kinh', 'quốc', 'thực', 'cứu', 'tiếp', 'cúng', 'hiến', 'tinh', 'thiết', 'tế'],
  nghiệp: ['nghề', 'doanh', 'công', 'nông', 'sự', 'chuyên', 'tốt', 'đồng', 'lâm', 'ngư', 'thương', 'cơ', 'sản', 'gia', 'ác', 'tác', 'thất', 'lập', 'khởi', 'chức', 'học', 'thiện', 'tiền', 'bản', 'di', 'nghĩa'],
  thống: ['hệ', 'truyền', 'tổng', 'chính', 'huyết', 'liên', 'nhất', 'đại', 'tông', 'hoàng'],
};

/** Function word -> compounds that can explain a doubling: syllables before it, syllables after it. */
const FUNCTION: Record<string, { before?: string[]; after?: string[] }> = {
  và: {},
  các: {},
  những: {},
  của: { after: ['cải', 'đáng', 'nả', 'ăn', 'để', 'riêng', 'chung', 'công', 'hồi', 'quý', 'lạ'] },
  được: { after: ['mùa', 'việc', 'thua', 'lòng', 'giá', 'phép'] },
  đã: { after: ['đời', 'khát', 'thèm'] },
  sẽ: {},
  đang: { after: ['tâm'] },
  với: { after: ['tới', 'vã'] },
  cho: { after: ['phép', 'nên', 'vay', 'rằng', 'biết', 'thuê', 'mượn', 'hay', 'dù', 'đến', 'tới'] },
  tại: { before: ['hiện', 'thực', 'sở', 'tồn', 'có'], after: ['chỗ', 'gia', 'ngũ', 'chức', 'sao', 'vì'] },
  theo: { before: ['tiếp', 'kèm', 'noi', 'bám', 'đi', 'làm', 'chạy', 'dựa', 'đeo', 'ngả', 'xu'], after: ['dõi', 'đuổi', 'học'] },
  để: { after: ['ý', 'dành', 'lại', 'tâm', 'mắt', 'lộ', 'phòng'] },
  thì: { after: ['thầm', 'thào', 'giờ'] },
  nhưng: {},
  hoặc: {},
  bị: { after: ['động', 'cáo', 'can', 'thương'] },
  cũng: {},
  vẫn: {},
  rằng: {},
  nếu: {},
  trong: { before: ['bên', 'phía', 'đằng', 'ở', 'vào', 'nằm', 'từ', 'lòng', 'mặt', 'miền', 'người', 'nội'], after: ['khi', 'lúc', 'sạch', 'suốt', 'lành', 'trẻo', 'sáng', 'veo', 'vắt', 'xanh', 'đó', 'này'] },
  ở: { before: ['nơi', 'chỗ', 'chốn', 'ăn', 'sinh'], after: ['lại', 'rể', 'cữ', 'trọ', 'riêng', 'đợ', 'đậu', 'ẩn', 'không'] },
};

const BOUND_SETS = new Map(Object.entries(BOUND).map(([k, v]) => [k, new Set(v)]));

export const rule: Rule = {
  meta: {
    id: 'duplicate-word',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg('Một tiếng bị gõ lặp hai lần (“nhiệm nhiệm vụ”); từ láy như “người người”, “dần dần” không bị báo.', 'A syllable typed twice (“nhiệm nhiệm vụ”); reduplicatives such as “người người” are fine.'),
    fixable: true,
  },
  checkBlock(block) {
    const out: Draft[] = [];
    const n = scanWords(block);
    const prose = block.prose;
    const text = (i: number) => prose.slice(WS[i], WE[i]);
    // Words joined only by spaces (or one soft line break) belong to one phrase.
    const joined = (a: number, b: number) => WG[a] === WG[b] && WS[b] > WE[a] && spacesOnly(prose, WE[a], WS[b]);
    for (let i = 0; i + 1 < n; i++) {
      // Cheap tests first: most neighbours differ in length or text (compared in place, no strings).
      if (WE[i] - WS[i] !== WE[i + 1] - WS[i + 1] || !maybeSame(prose, WS[i], WS[i + 1], WE[i] - WS[i])) continue;
      const at = text(i);
      const bt = text(i + 1);
      const x = bt.toLowerCase();
      if (at.toLowerCase() !== x || !joined(i, i + 1)) continue;
      // A capitalised second word is a name ("Hà Hà"); ALL CAPS headings are fine.
      if (bt !== x && !(bt === bt.toUpperCase() && at === at.toUpperCase() && x.length > 1)) continue;
      const w = i > 0 && joined(i - 1, i) ? text(i - 1).toLowerCase() : undefined;
      const y = i + 2 < n && joined(i + 1, i + 2) ? text(i + 2).toLowerCase() : undefined;
      const bound = BOUND_SETS.get(x);
      const fn = FUNCTION[x];
      let slip = false;
      if (bound) slip = w === undefined || !bound.has(w);
      else if (fn) slip = !(w !== undefined && fn.before?.includes(w)) && !(y !== undefined && fn.after?.includes(y));
      if (!slip) continue;
      const aEnd = WE[i];
      const bEnd = WE[i + 1];
      out.push({
        start: WS[i],
        end: bEnd,
        message: msg(`Lặp từ “${at} ${bt}”: có lẽ gõ thừa một “${bt}”.`, `Repeated word “${at} ${bt}”: probably one “${bt}” too many.`),
        fixes: [{ title: msg(`Bỏ “${bt}” thừa`, `Remove the extra “${bt}”`), edits: [{ start: aEnd, end: bEnd, newText: '' }], safe: true }],
      });
      i++; // "và và và": one finding per run
    }
    return out;
  },
};

// The words of the block being checked ([\p{L}\p{M}]+ in each prose run): start,
// end and segment in reused typed arrays, so the scan allocates nothing per word.
let WS = new Int32Array(4096);
let WE = new Int32Array(4096);
let WG = new Int32Array(4096);

function scanWords(block: Block): number {
  const p = block.prose;
  let n = 0;
  for (const run of proseRuns(block)) {
    const hi = run.start + run.text.length;
    let i = run.start;
    while (i < hi) {
      let c = p.charCodeAt(i);
      let cls = c >= 0xd800 && c <= 0xdbff ? classAt(p, i, hi) : charClass(c) | 256;
      if (!(cls & C_LM)) {
        i += cls >> 8;
        continue;
      }
      const start = i;
      do {
        i += cls >> 8;
        if (i >= hi) break;
        c = p.charCodeAt(i);
        cls = c >= 0xd800 && c <= 0xdbff ? classAt(p, i, hi) : charClass(c) | 256;
      } while (cls & C_LM);
      if (n === WS.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        WS = grow(WS);
        WE = grow(WE);
        WG = grow(WG);
      }
      WS[n] = start;
      WE[n] = i;
      WG[n] = run.segment;
      n++;
    }
  }
  return n;
}

/** Could the words at a and b (same length) be equal ignoring case? False only when certainly not. */
function maybeSame(p: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) {
    const x = p.charCodeAt(a + k);
    const y = p.charCodeAt(b + k);
    if (x === y) continue;
    // Words hold only letters and marks. Up to here both lower-case the same, so two
    // ASCII letters that differ ignoring case make the words differ; anything else: compare strings.
    if (x >= 128 || y >= 128) return true;
    if ((x | 32) !== (y | 32)) return false;
  }
  return true;
}

/** The gap reads /^[ \u00a0\t]*\n?[ \u00a0\t]*$/. */
function spacesOnly(p: string, from: number, to: number): boolean {
  let nl = false;
  for (let k = from; k < to; k++) {
    const c = p.charCodeAt(k);
    if (c === 32 || c === 0xa0 || c === 9) continue;
    if (c === 10 && !nl) {
      nl = true;
      continue;
    }
    return false;
  }
  return true;
}
