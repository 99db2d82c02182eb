// unicode-normalization: text that is not Unicode NFC (ORT-01). "Việt" typed with
// combining marks looks identical but is a different string: search, sorting and
// counting break. Reported on the original text (raw drafts), one finding per
// line of prose that has any non-NFC letter, from the first to the last such
// letter, with the NFC form as the safe fix. Only prose: code is left alone.
//
// Also (ORT-02) look-alike letters: the Icelandic eth "Ð/ð" typed for "Đ/đ",
// and Cyrillic/Greek letters inside a Latin-script word ("Bệnh viện" with a
// Cyrillic "е"): a safe fix to the Latin letter.
import type { Block, Draft } from '../types';
import { msg, type Rule } from '../rule';
import { proseRuns } from '../vietnamese/text';
import { clusterEnd, MAX_MARKS } from '../document';
import { isMarkAt } from '../chars';

/** Cyrillic and Greek letters that look like Latin ones. */
const LOOKALIKE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKE).join('')}]`, 'u');
const WORD = /[\p{L}\p{M}]+/gu;
/** Eth, Greek or Cyrillic: what a run needs for a look-alike. */
const SUSPECT = /[\u00d0\u00f0\u0370-\u04ff\u0500-\u052f]/;
const LATIN = /\p{Script=Latin}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

export const rule: Rule = {
  meta: {
    id: 'unicode-normalization',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Văn bản phải ở dạng Unicode dựng sẵn (NFC): không dùng dấu tổ hợp tách rời, không dùng chữ giống hệt nhưng khác bảng mã (Ð thay cho Đ, chữ Kirin trong từ Latinh).',
      'Text must be Unicode NFC (no decomposed diacritics) with no look-alike letters (Ð for Đ, Cyrillic inside Latin words).',
    ),
    fixable: 'safe',
  },
  checkBlock(block) {
    const out: Draft[] = [];
    // The prose view is NFC: it differs from the source exactly when some prose is not NFC.
    if (block.normalized) nonNfc(block, out);
    lookalikes(block, out);
    return out;
  },
};

/** One raw finding per prose run (a line between masked parts) holding non-NFC clusters. */
function nonNfc(block: Block, out: Draft[]): void {
  const src = block.source;
  for (const run of proseRuns(block)) {
    const s0 = block.toSource(run.start);
    const s1 = block.toSource(run.start + run.text.length);
    let first = -1;
    let last = -1;
    let i = s0;
    while (i < s1) {
      // Bounded like nfcView's clusters: marks past the bound are stray (MASK in prose, reported below).
      const j = clusterEnd(src, i, s1);
      const cluster = src.slice(i, j);
      if (cluster.normalize('NFC') !== cluster) {
        if (first < 0) first = i;
        last = j;
      }
      i = j;
    }
    if (first < 0) continue;
    // Widen to whole words, so the range reads as text ("Phó", not "ó").
    while (first > s0 && LETTER_OR_MARK.test(src[first - 1])) first--;
    while (last < s1 && LETTER_OR_MARK.test(src[last])) last++;
    const nfc = src.slice(first, last).normalize('NFC');
    out.push({
      start: first,
      end: last,
      raw: true,
      message: msg('Chữ không ở dạng Unicode dựng sẵn (NFC): dấu được gõ tách rời (tổ hợp). Chuyển sang NFC.', 'Text not in Unicode NFC: decomposed (combining) diacritics. Normalize to NFC.'),
      fixes: [{ title: msg('Chuyển sang dạng dựng sẵn (NFC)', 'Normalize to NFC'), edits: [{ start: first, end: last, newText: nfc }], safe: true }],
    });
  }
  strayMarks(block, out);
}

/**
 * Marks past the bound of one letter (document.ts MAX_MARKS): no script needs
 * them; pasted "glitch" text or a broken converter. One finding per run, with
 * an unsafe fix that deletes them (the letter keeps its first marks).
 */
function strayMarks(block: Block, out: Draft[]): void {
  const st = block.strayMarks;
  if (!st) return;
  for (let k = 0; k < st.length; k += 2) {
    const [start, end] = [st[k], st[k + 1]];
    out.push({
      start,
      end,
      raw: true,
      message: msg(
        `${end - start} dấu tổ hợp thừa (quá ${MAX_MARKS} dấu trên một chữ): không phải chữ nào, nên xóa.`,
        `${end - start} stray combining marks (more than ${MAX_MARKS} on one letter): they belong to no letter; delete them.`,
      ),
      fixes: [{ title: msg('Xóa các dấu thừa', 'Delete the stray marks'), edits: [{ start, end, newText: '' }], safe: false }],
    });
  }
}

/** Ð/ð for Đ/đ, and Cyrillic/Greek look-alikes inside Latin words (prose coordinates). */
function lookalikes(block: Block, out: Draft[]): void {
  if (!SUSPECT.test(block.prose)) return;
  for (const run of proseRuns(block)) {
    if (!SUSPECT.test(run.text)) continue;
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(run.text))) {
      const w = m[0];
      const base = run.start + m.index;
      // Look-alikes are not Latin themselves: a Latin letter anywhere in the word makes it a Latin word.
      const latinWord = LATIN.test(w);
      for (let k = 0; k < w.length; k++) {
        const c = w[k];
        let to: string | undefined;
        if (c === 'Ð' || c === 'ð') {
          // Eth before a vowel in a word: a typed Đ/đ (Icelandic words are not Vietnamese prose).
          if (/^[aeiouy]/i.test((w[k + 1] ?? '').normalize('NFD'))) to = c === 'Ð' ? 'Đ' : 'đ';
        } else if (latinWord && LOOKALIKE_RE.test(c)) to = LOOKALIKE[c];
        if (!to) continue;
        const s = base + k;
        // Its combining marks go with it ("А̀": a range never splits a letter from its marks).
        let e = k + 1;
        while (e < w.length && isMarkAt(w, e)) e++;
        const marks = w.slice(k + 1, e);
        out.push({
          start: s,
          end: base + e,
          message: msg(`Chữ “${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) trông giống “${to}” nhưng khác bảng mã.`, `“${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) looks like “${to}” but is another character.`),
          fixes: [{ title: msg(`Thay bằng “${to}”`, `Replace with “${to}”`), edits: [{ start: s, end: base + e, newText: to + marks }], safe: true }],
        });
      }
    }
  }
}

