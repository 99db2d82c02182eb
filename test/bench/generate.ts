// Generated reports for the benchmark: Markdown built from the real corpus
// sentences (headings, paragraphs, bullet and numbered lists, tables, quotes)
// with the figures varied by a fixed-seed PRNG, so every run measures the same
// text. Without the corpus, a small built-in set of sentences is used instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDocs, corpusDir } from '../helpers/corpus';

/** mulberry32: small, fast, good enough for reproducible test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Material {
  /** Where the sentences came from: "corpus (N documents)" or "built-in". */
  source: string;
  sentences: string[];
  /** Short clauses for list items and headings. */
  clauses: string[];
  /** Table row labels (indicator names) with their units. */
  rows: { label: string; unit: string; min?: number; max?: number }[];
  /** Table rows found in the corpus as-is (cells). */
  corpusTableRows: string[][];
}

// Web-page noise around the real articles: not report prose.
const NOISE = /^(source:|date\b|share\b|tags?\b|theo dõi|tin liên quan|tin cùng chuyên mục|bình luận|viết bình luận|hiện tại chưa có)|https?:\/\/|\.(jpg|png)\b/i;
const VI = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

export function loadMaterial(): Material {
  const docs = corpusDocs();
  const sentences: string[] = [];
  const clauses: string[] = [];
  const corpusTableRows: string[][] = [];
  for (const d of docs) {
    for (const raw of d.text.normalize('NFC').split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || NOISE.test(line) || !VI.test(line)) continue;
      if (line.includes(' | ')) {
        const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
        if (cells.length >= 2) corpusTableRows.push(cells);
        continue;
      }
      if (line.length < 40) continue;
      for (const s of line.split(/(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ])/u)) {
        const t = s.trim();
        if (t.length >= 30 && t.length <= 600) sentences.push(t);
        for (const c of t.split(/;\s*/)) {
          const k = c.replace(/[.;:]+$/, '').trim();
          if (k.length >= 20 && k.length <= 160) clauses.push(k);
        }
      }
    }
  }
  const rows = indicatorRows();
  if (sentences.length < 20) return { source: 'built-in (corpus not found)', sentences: BUILTIN, clauses: BUILTIN.map((s) => s.replace(/[.]$/, '')), rows, corpusTableRows: [] };
  return { source: `corpus (${docs.length} documents, ${sentences.length} sentences)`, sentences, clauses, rows, corpusTableRows };
}

function indicatorRows(): { label: string; unit: string; min?: number; max?: number }[] {
  const dir = corpusDir();
  const file = dir ? join(dir, '..', 'knowledge', 'indicators.json') : undefined;
  if (file && existsSync(file)) {
    try {
      const list = JSON.parse(readFileSync(file, 'utf8')) as { name_vi?: string; unit?: string; plausible_min?: number; plausible_max?: number }[];
      const rows = list.filter((x) => x.name_vi).map((x) => ({ label: x.name_vi!, unit: x.unit ?? '', min: x.plausible_min, max: x.plausible_max }));
      if (rows.length) return rows;
    } catch {
      /* fall through to the built-in rows */
    }
  }
  return [
    { label: 'Số bác sĩ trên 10.000 dân', unit: 'bác sĩ/10.000 dân' },
    { label: 'Số giường bệnh trên 10.000 dân', unit: 'giường/10.000 dân' },
    { label: 'Tỷ lệ bao phủ bảo hiểm y tế', unit: '%' },
    { label: 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ', unit: '%' },
    { label: 'Tuổi thọ trung bình', unit: 'tuổi' },
  ];
}

// Our own sentences, for clones without the corpus.
const BUILTIN = [
  'Năm 2024, ngành y tế tỉnh đã hoàn thành 8/9 chỉ tiêu chủ yếu được Hội đồng nhân dân tỉnh giao.',
  'Tỷ lệ bao phủ bảo hiểm y tế đạt 93,5% dân số, tăng 1,2 điểm phần trăm so với năm 2023.',
  'Số bác sĩ trên 10.000 dân đạt 12,4 bác sĩ; số giường bệnh trên 10.000 dân đạt 32,8 giường.',
  'Công tác tiêm chủng mở rộng được duy trì, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,1%.',
  'Tổng số lượt khám chữa bệnh là 2.145.300 lượt, trong đó điều trị nội trú 87.450 lượt.',
  'Trạm y tế xã có bác sĩ làm việc đạt 98,2%; 100% trạm y tế xã có nữ hộ sinh hoặc y sĩ sản nhi.',
  'Ngành tiếp tục triển khai chuyển đổi số, ứng dụng hồ sơ sức khỏe điện tử cho 1.234.000 người dân.',
  'Dịch COVID-19 được kiểm soát tốt; không để xảy ra dịch bệnh lớn trên địa bàn tỉnh.',
  'Công tác an toàn thực phẩm được tăng cường, đã kiểm tra 3.456 cơ sở, xử phạt 123 cơ sở vi phạm.',
  'Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi giảm còn 19,8%.',
  'Sở Y tế đã tham mưu Ủy ban nhân dân tỉnh ban hành 12 kế hoạch và 5 đề án về chăm sóc sức khỏe nhân dân.',
  'Mạng lưới y tế cơ sở được củng cố; 152/160 xã đạt Bộ tiêu chí quốc gia về y tế xã.',
  'Tuổi thọ trung bình của người dân đạt 74,2 tuổi, tỷ lệ người dân hài lòng với dịch vụ y tế đạt trên 90%.',
  'Những khó khăn, hạn chế: thiếu nhân lực bác sĩ ở tuyến xã, cơ sở vật chất một số trạm y tế xuống cấp.',
  'Năm 2025, ngành phấn đấu hoàn thành 10 nhiệm vụ trọng tâm và 6 giải pháp chủ yếu.',
  'Bệnh viện đa khoa tỉnh triển khai thành công 25 kỹ thuật mới, trong đó có 7 kỹ thuật tuyến trung ương.',
  'Tỷ lệ dân số được quản lý sức khỏe đạt 85,3%, vượt 0,3 điểm phần trăm so với kế hoạch.',
  'Chương trình phòng, chống bệnh không lây nhiễm quản lý 45.210 người tăng huyết áp và 12.870 người đái tháo đường.',
  'Công tác dân số được chú trọng, tỷ số giới tính khi sinh là 112 bé trai/100 bé gái.',
  'Các đơn vị sự nghiệp y tế công lập thực hiện tự chủ tài chính theo Nghị định số 60/2021/NĐ-CP của Chính phủ.',
];

/** Replace each figure with random digits of the same shape (separators and length kept). */
export function varyFigures(s: string, rnd: () => number): string {
  return s.replace(/\d+(?:[.,/]\d+)*/g, (m) => {
    if (/^(19|20)\d\d$/.test(m)) return String(2019 + Math.floor(rnd() * 7)); // a year stays a year
    let first = true;
    return m.replace(/\d/g, (d) => {
      const keepNonZero = first && d !== '0';
      first = false;
      return String(keepNonZero ? 1 + Math.floor(rnd() * 9) : Math.floor(rnd() * 10));
    });
  });
}

function fmt(x: number, decimals: number): string {
  const [int, frac] = x.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** A Markdown report of at least `bytes` UTF-8 bytes, deterministic for a seed. */
export function generateReport(m: Material, bytes: number, seed = 2024): string {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const sentence = () => varyFigures(pick(m.sentences), rnd);
  const clause = () => varyFigures(pick(m.clauses), rnd);
  const parts: string[] = [];
  let size = 0;
  const add = (s: string) => {
    parts.push(s);
    size += Buffer.byteLength(s, 'utf8');
  };
  const year = 2020 + int(0, 5);
  add(`---\ntitle: Báo cáo tổng kết công tác y tế năm ${year}\nyear: ${year}\nlang: vi\n---\n\n`);
  add(`# BÁO CÁO TỔNG KẾT CÔNG TÁC Y TẾ NĂM ${year} VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM ${year + 1}\n\n`);
  let section = 0;
  let table = 0;
  const tableValues = new Map<string, string[]>();
  while (size < bytes) {
    add(`## ${ROMAN[section % ROMAN.length]}. ${clause()}\n\n`);
    section++;
    const subs = int(2, 4);
    for (let k = 1; k <= subs && size < bytes; k++) {
      add(`### ${k}. ${clause()}\n\n`);
      for (let p = int(1, 3); p > 0; p--) add(Array.from({ length: int(2, 5) }, sentence).join(' ') + '\n\n');
      const shape = rnd();
      if (shape < 0.3) {
        add(Array.from({ length: int(3, 8) }, () => `- ${clause()};`).join('\n') + '\n\n');
      } else if (shape < 0.5) {
        add(Array.from({ length: int(3, 7) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n') + '\n\n');
      } else if (shape < 0.6) {
        add(`> ${sentence()}\n> ${sentence()}\n\n`);
      } else if (shape < 0.65 && m.corpusTableRows.length) {
        const w = 2;
        add(`| ${pick(m.corpusTableRows).slice(0, w).join(' | ')} |\n|---|---|\n`);
        add(Array.from({ length: int(2, 5) }, () => `| ${pick(m.corpusTableRows).slice(0, w).map((c) => varyFigures(c, rnd)).join(' | ')} |`).join('\n') + '\n\n');
      }
      if (rnd() < 0.35) {
        table++;
        add(`**Bảng ${table}.** Một số chỉ tiêu y tế chủ yếu năm ${year}\n\n`);
        add(`| Chỉ tiêu | Đơn vị tính | Năm ${year - 1} | Kế hoạch ${year} | Thực hiện ${year} |\n|---|---|---:|---:|---:|\n`);
        const rows = int(4, 12);
        for (let r = 0; r < rows; r++) {
          const row = pick(m.rows);
          // A report repeats its figures consistently: one set of values per
          // indicator, and now and then a slip (a different value) to find.
          let cells = tableValues.get(row.label);
          if (!cells) {
            const pct = row.unit.includes('%');
            // Plausible values (the catalogue's range, kept off its edges): a report's figures mostly are.
            const lo = row.min ?? (pct ? 50 : 1);
            const hi = row.max ?? (pct ? 99 : 80);
            const base = lo + (hi - lo) * (0.2 + 0.6 * rnd());
            const d = pct ? 1 : int(0, 2);
            cells = [fmt(base, d), fmt(base * (0.95 + rnd() * 0.1), d), fmt(base * (0.9 + rnd() * 0.2), d)];
            tableValues.set(row.label, cells);
          }
          const shown = cells.map((c) => (rnd() < 0.02 ? varyFigures(c, rnd) : c));
          add(`| ${row.label} | ${row.unit || 'lượt'} | ${shown.join(' | ')} |\n`);
        }
        add('\n');
      }
    }
  }
  return parts.join('');
}
