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
import { REPEAT_SIZE, wordFacts } from '../vietnamese/vnwords';

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
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    // The candidate pairs come from the shared word scan (vnwords.ts): neighbours of equal length
    // that may be equal ignoring case, with the word before and after each pair.
    const R = wordFacts(block, ctx.config).repeats;
    if (!R) return out;
    const prose = block.prose;
    const text = (at: number) => prose.slice(R[at], R[at + 1]);
    // Words joined only by spaces (or one soft line break) belong to one phrase (x, y: offsets of two words in R).
    const joined = (x: number, y: number) => R[x] >= 0 && R[y] >= 0 && R[x + 2] === R[y + 2] && R[y] > R[x + 1] && spacesOnly(prose, R[x + 1], R[y]);
    let skip = -1;
    for (let c = 0; c < R.length; c += REPEAT_SIZE) {
      const i = R[c];
      if (i === skip) continue; // "và và và": one finding per run
      const W = c + 1;
      const A = c + 4;
      const B = c + 7;
      const Y = c + 10;
      const at = text(A);
      const bt = text(B);
      const x = bt.toLowerCase();
      if (at.toLowerCase() !== x || !joined(A, B)) continue;
      // A capitalised second word is a name ("Hà Hà"); ALL CAPS headings are fine.
      if (bt !== x && !(bt === bt.toUpperCase() && at === at.toUpperCase() && x.length > 1)) continue;
      const w = joined(W, A) ? text(W).toLowerCase() : undefined;
      const y = joined(B, Y) ? text(Y).toLowerCase() : undefined;
      const bound = BOUND_SETS.get(x);
      const fn = FUNCTION[x];
      let slip = false;
      if (bound) slip = w === undefined || !bound.has(w);
      else if (fn) slip = !(w !== undefined && fn.before?.includes(w)) && !(y !== undefined && fn.after?.includes(y));
      if (!slip) continue;
      out.push({
        start: R[A],
        end: R[B + 1],
        message: msg(`Lặp từ “${at} ${bt}”: có lẽ gõ thừa một “${bt}”.`, `Repeated word “${at} ${bt}”: probably one “${bt}” too many.`),
        fixes: [{ title: msg(`Bỏ “${bt}” thừa`, `Remove the extra “${bt}”`), edits: [{ start: R[A + 1], end: R[B + 1], newText: '' }], safe: true }],
      });
      skip = i + 1;
    }
    return out;
  },
};

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
