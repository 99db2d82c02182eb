// punctuation-spacing: spaces around punctuation (CONVENTIONS PUN-01).
//   "phòng , chống"  -> "phòng, chống"     space before , . ; : ! ? )
//   "( 2011)"        -> "(2011)"           space after (
//   "Xuất bản:Thứ ba"-> "Xuất bản: Thứ ba" missing space after , ; : before a letter
//   "tuổi,, đến"     -> "tuổi, đến"        doubled comma or semicolon
//   "tâm thần…Trong" -> "tâm thần… Trong"  missing space after an ellipsis, . ? or ! before a new sentence
//   "mốc100 triệu"   -> "mốc 100 triệu"    a Vietnamese word glued to a number
//   "Hưng- Phó"      -> "Hưng - Phó"       a dash spaced on one side only
// Never inside numbers (12,5 · 10.000), times (02:53), ratios (1 : 2), URLs and
// code (masked), "./." (the end-of-document mark), ellipses ("…", "...", ",..."),
// "v.v.", dotted abbreviations ("TP.", "PGS.TS.BS"), quotes, or codes (H5N1, COVID-19).
import type { Draft, Msg } from '../types';
import { msg, type Rule } from '../rule';
import { proseRuns } from '../vietnamese/text';
import { C_L, C_LL, C_LMN, C_LU, C_M, charClass } from '../vietnamese/chars';
import { isSurrogate } from '../chars';

// Found from the mark backwards (a regex starting at the spaces would rescan long space runs: quadratic).
const PUNCT = /[,.;:!?)]/g;
const isSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\t';
const MISSING_AFTER = /[,;:](?=\p{L})/gu;
const DOUBLED = /([,;])\1+/g;
const ELLIPSIS_GLUED = /(?:…|\.\.\.)(?=\p{Lu})/gu;
const STOP_GLUED = /[.?!](?=\p{Lu}\p{Ll})/gu;
// Letter-digit contacts: found from the digits, the words around them checked in code.
const DIGIT = /\d/g;
const LL_M = C_LL | C_M;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** The classes of the code unit at i (as a one-character regex test would see it). */
const cls = (s: string, i: number) => charClass(s.charCodeAt(i));
const ONE_SIDED_DASH = /[-–—](?=[ \u00a0]+\p{L})/gu;
// What a block holds that some check below may report (found by blockFlags; a flag may be
// set needlessly, never missed: the checks themselves decide).
const F_SPACE_PUNCT = 1; // a space before , . ; : ! ? )
const F_OPEN_SPACE = 2; // "( "
const F_MISSING_AFTER = 4; // , ; : before a letter
const F_DOUBLED = 8; // ",," ";;"
const F_ELLIPSIS = 16; // "…" or "..." before a letter
const F_STOP = 32; // . ? ! before a letter
const F_DIGIT_LETTER = 64; // a digit next to a letter or mark
const F_DASH = 128; // a dash before a space

const isSpaceCode = (c: number) => c === 32 || c === 0xa0 || c === 9;
/** Maybe a letter or mark (a surrogate may start or end one). */
const letterish = (c: number) => isSurrogate(c) || (charClass(c) & (C_L | C_M)) !== 0;

function blockFlags(p: string): number {
  let f = 0;
  const n = p.length;
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(i);
    // Letters (most characters) first.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 0xff && c !== 0x2026 && c !== 0x2013 && c !== 0x2014 && !isSurrogate(c))) continue;
    const next = i + 1 < n ? p.charCodeAt(i + 1) : -1;
    if (c >= 48 && c <= 57) {
      if ((i > 0 && letterish(p.charCodeAt(i - 1))) || (next >= 0 && letterish(next))) f |= F_DIGIT_LETTER;
      continue;
    }
    const spaceBefore = i > 0 && isSpaceCode(p.charCodeAt(i - 1));
    if (c === 44 || c === 59 || c === 58) {
      // , ; :
      if (next === c && c !== 58) f |= F_DOUBLED;
      if (next >= 0 && letterish(next)) f |= F_MISSING_AFTER;
      if (spaceBefore) f |= F_SPACE_PUNCT;
    } else if (c === 46 || c === 33 || c === 63) {
      // . ! ?
      if (c === 46 && next === 46 && i + 3 < n && p.charCodeAt(i + 2) === 46 && letterish(p.charCodeAt(i + 3))) f |= F_ELLIPSIS;
      if (next >= 0 && letterish(next)) f |= F_STOP;
      if (spaceBefore) f |= F_SPACE_PUNCT;
    } else if (c === 41) {
      if (spaceBefore) f |= F_SPACE_PUNCT;
    } else if (c === 40) {
      if (isSpaceCode(next)) f |= F_OPEN_SPACE;
    } else if (c === 0x2026) {
      if (next >= 0 && letterish(next)) f |= F_ELLIPSIS;
    } else if (c === 45 || c === 0x2013 || c === 0x2014) {
      if (next === 32 || next === 0xa0) f |= F_DASH;
    }
  }
  return f;
}

/** A letter only Vietnamese uses: marks a Vietnamese word (codes and units are ASCII). */
const VI_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;
/** What may stand right before a space-then-punctuation slip: a word, a number, a closing bracket or quote. */
const WORD_END = /[\p{L}\p{M}\p{N})\]”"’'%‰]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const URL_SCHEMES = new Set(['http', 'https', 'ftp', 'mailto', 'tel', 'file', 'urn', 'data', 'news', 'sms', 'skype', 'zalo']);

const NAMES: Record<string, string> = { ',': 'dấu phẩy', '.': 'dấu chấm', ';': 'dấu chấm phẩy', ':': 'dấu hai chấm', '!': 'dấu chấm than', '?': 'dấu chấm hỏi', ')': 'dấu đóng ngoặc' };
const NAMES_EN: Record<string, string> = { ',': 'comma', '.': 'full stop', ';': 'semicolon', ':': 'colon', '!': 'exclamation mark', '?': 'question mark', ')': 'closing parenthesis' };

export const rule: Rule = {
  meta: {
    id: 'punctuation-spacing',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Khoảng trắng quanh dấu câu: không cách trước , . ; : ! ? ) và sau (; có một khoảng trắng sau , ; : trước chữ.',
      'Spaces around punctuation: none before , . ; : ! ? ) or after (; one after , ; : before a word.',
    ),
    fixable: 'safe',
  },
  checkBlock(block) {
    const out: Draft[] = [];
    const push = (start: number, end: number, message: Msg, edits: { start: number; end: number; newText: string }[], title: Msg) =>
      out.push({ start, end, message, fixes: [{ title, edits, safe: true }] });

    // One pass over the block first: a check runs on the block's runs only when the block holds
    // what it looks for (most blocks hold nothing, and tables have many short runs).
    const f = blockFlags(block.prose);
    if (!f) return out;
    const f1 = (f & F_SPACE_PUNCT) !== 0;
    const f2 = (f & F_OPEN_SPACE) !== 0;
    const f3 = (f & F_MISSING_AFTER) !== 0;
    const f4 = (f & F_DOUBLED) !== 0;
    const f5a = (f & F_ELLIPSIS) !== 0;
    const f5b = (f & F_STOP) !== 0;
    const f6 = (f & F_DIGIT_LETTER) !== 0;
    const f7 = (f & F_DASH) !== 0;

    for (const run of proseRuns(block)) {
      const s = run.text;
      const at = (i: number) => run.start + i;
      let m: RegExpExecArray | null;

      // 1. A space before , . ; : ! ? )
      PUNCT.lastIndex = 0;
      while (f1 && (m = PUNCT.exec(s))) {
        const p = m.index;
        let ws = p;
        while (ws > 0 && isSpace(s[ws - 1])) ws--;
        if (ws === p) continue;
        const punct = m[0];
        const before = s[ws - 1];
        const after = s[p + 1];
        if (before === undefined || !WORD_END.test(before)) continue;
        const glued = after !== undefined && LETTER_OR_DIGIT.test(after);
        if (punct === '.' && (after === '.' || after === '/' || glued)) continue; // "...", "./.", ".NET", " .000"
        if ((punct === ':' || punct === '!' || punct === '?') && glued) continue;
        if (punct === ':' && /\d/.test(before) && /^[ \u00a0]*\d/.test(s.slice(p + 1))) continue; // ratio 1 : 2
        if ((punct === ',' || punct === ';') && after !== undefined && /\p{N}/u.test(after)) continue; // "12 ,5": a number problem
        const name = { vi: NAMES[punct], en: NAMES_EN[punct] };
        if ((punct === ',' || punct === ';') && glued) {
          // "viện ,trạm": the space is on the wrong side.
          push(at(ws), at(p + 1), msg(`Khoảng trắng đặt trước ${name.vi}; đặt sau.`, `The space belongs after the ${name.en}, not before.`), [
            { start: at(ws), end: at(p), newText: '' },
            { start: at(p + 1), end: at(p + 1), newText: ' ' },
          ], msg('Chuyển khoảng trắng ra sau dấu', 'Move the space after the mark'));
          continue;
        }
        push(at(ws), at(p + 1), msg(`Thừa khoảng trắng trước ${name.vi} “${punct}”.`, `Space before the ${name.en} “${punct}”.`), [{ start: at(ws), end: at(p), newText: '' }], msg('Bỏ khoảng trắng', 'Remove the space'));
      }

      // 2. A space after (
      for (let o = f2 ? s.indexOf('(') : -1; o >= 0; o = s.indexOf('(', o + 1)) {
        let e = o + 1;
        while (e < s.length && isSpace(s[e])) e++;
        if (e === o + 1 || e >= s.length || !LETTER_OR_DIGIT.test(s[e])) continue;
        push(at(o), at(e), msg('Thừa khoảng trắng sau dấu mở ngoặc “(”.', 'Space after the opening parenthesis “(”.'), [{ start: at(o + 1), end: at(e), newText: '' }], msg('Bỏ khoảng trắng', 'Remove the space'));
      }

      // 3. No space after , ; : before a letter
      MISSING_AFTER.lastIndex = 0;
      while (f3 && (m = MISSING_AFTER.exec(s))) {
        const i = m.index;
        const punct = s[i];
        const before = s[i - 1];
        if (before === undefined || !WORD_END.test(before)) continue;
        if (punct === ';' && /&#?[A-Za-z0-9]+$/.test(s.slice(Math.max(0, i - 12), i))) continue; // an HTML entity
        if (punct === ':') {
          // Only after a word of 2+ letters ("Xuất bản:Thứ ba"): not in codes and ratios ("ICD-10:A01", "A:B").
          const word = /[\p{L}\p{M}\p{N}]+$/u.exec(s.slice(Math.max(0, i - 30), i))?.[0] ?? '';
          if (word.length < 2 || /\p{N}/u.test(word) || URL_SCHEMES.has(word.toLowerCase())) continue;
        }
        const name = { vi: NAMES[punct], en: NAMES_EN[punct] };
        push(at(i), at(i + 1), msg(`Thiếu khoảng trắng sau ${name.vi} “${punct}”.`, `Missing space after the ${name.en} “${punct}”.`), [{ start: at(i + 1), end: at(i + 1), newText: ' ' }], msg('Thêm khoảng trắng', 'Add a space'));
      }

      // 4. Doubled comma / semicolon
      DOUBLED.lastIndex = 0;
      while (f4 && (m = DOUBLED.exec(s))) {
        const e = m.index + m[0].length;
        push(at(m.index), at(e), msg(`Dấu “${m[1]}” bị lặp.`, `Doubled “${m[1]}”.`), [{ start: at(m.index + 1), end: at(e), newText: '' }], msg('Bỏ dấu thừa', 'Remove the extra mark'));
      }

      // 5. A new sentence glued to an ellipsis or a full stop
      ELLIPSIS_GLUED.lastIndex = 0;
      while (f5a && (m = ELLIPSIS_GLUED.exec(s))) {
        const i = m.index;
        if (i === 0 || !/[\p{L}\p{M}\p{N})”"%]/u.test(s[i - 1])) continue;
        const e = i + m[0].length;
        push(at(i), at(e), msg('Thiếu khoảng trắng sau dấu chấm lửng.', 'Missing space after the ellipsis.'), [{ start: at(e), end: at(e), newText: ' ' }], msg('Thêm khoảng trắng', 'Add a space'));
      }
      STOP_GLUED.lastIndex = 0;
      while (f5b && (m = STOP_GLUED.exec(s))) {
        const i = m.index;
        // Only after an ordinary lower-case word of 2+ letters: "năm.Trong", "tp.Hồ";
        // never after abbreviations ("TP.HCM", "PGS.TS", "v.v.") or inside domains.
        const word = /[\p{L}\p{M}]+$/u.exec(s.slice(Math.max(0, i - 30), i))?.[0];
        if (!word || word.length < 2 || word !== word.toLowerCase()) continue;
        const pre = s[i - word.length - 1];
        if (pre !== undefined && !/[ \u00a0(“"]/.test(pre)) continue;
        const name = { vi: NAMES[s[i]], en: NAMES_EN[s[i]] };
        push(at(i), at(i + 1), msg(`Thiếu khoảng trắng sau ${name.vi}.`, `Missing space after the ${name.en}.`), [{ start: at(i + 1), end: at(i + 1), newText: ' ' }], msg('Thêm khoảng trắng', 'Add a space'));
      }

      // 6. A Vietnamese word glued to a number ("mốc100", "ngày10/12", "100người")
      // Found from the digits (a native search), with the letters around them read from the class table.
      if (f6 && /\d/.test(s)) {
        DIGIT.lastIndex = 0;
        while (DIGIT.test(s)) {
          const e = DIGIT.lastIndex - 1; // the digit
          if (e === 0 || !(cls(s, e - 1) & LL_M)) continue;
          let b = e;
          while (b > 0 && cls(s, b - 1) & LL_M) b--;
          if (b > 0 && cls(s, b - 1) & C_LU) b--; // "Ngày10/12"
          const word = s.slice(b, e);
          if (word.length < 2 || !VI_LETTER.test(word.toLowerCase()) || (b > 0 && cls(s, b - 1) & C_LMN)) continue;
          push(at(b), at(e + 1), msg(`Thiếu khoảng trắng giữa “${word}” và số.`, `Missing space between “${word}” and the number.`), [{ start: at(e), end: at(e), newText: ' ' }], msg('Thêm khoảng trắng', 'Add a space'));
        }
        DIGIT.lastIndex = 0;
        while (DIGIT.test(s)) {
          const d = DIGIT.lastIndex - 1;
          const e = d + 1; // the first letter
          if (e >= s.length || !(cls(s, e) & LL_M)) continue;
          let b = d;
          while (b > 0 && isDigit(s.charCodeAt(b - 1))) b--;
          let w = e;
          while (w < s.length && cls(s, w) & LL_M) w++;
          DIGIT.lastIndex = w;
          const word = s.slice(e, w);
          // "100người", not codes or units ("5km", "H5N1", "12,5mg"): a whole lower-case Vietnamese word after a whole number.
          if (word.length < 2 || !VI_LETTER.test(word) || (w < s.length && cls(s, w) & C_LMN)) continue;
          if (b > 0 && (cls(s, b - 1) & C_LMN || s[b - 1] === '.' || s[b - 1] === ',')) continue;
          push(at(b), at(w), msg(`Thiếu khoảng trắng giữa số và “${word}”.`, `Missing space between the number and “${word}”.`), [{ start: at(e), end: at(e), newText: ' ' }], msg('Thêm khoảng trắng', 'Add a space'));
        }
      }

      // 7. A dash spaced on one side only: "Hưng- Phó Chủ tịch", "NGTK 2011- Cục"
      ONE_SIDED_DASH.lastIndex = 0;
      while (f7 && (m = ONE_SIDED_DASH.exec(s))) {
        const i = m.index;
        if (i === 0 || !LETTER_OR_DIGIT.test(s[i - 1])) continue;
        push(at(i), at(i + 1), msg('Dấu gạch nối chỉ có khoảng trắng một bên: viết “A - B” (hoặc “A-B”).', 'A dash spaced on one side only: write “A - B” (or “A-B”).'), [{ start: at(i), end: at(i), newText: ' ' }], msg('Thêm khoảng trắng trước dấu gạch', 'Add a space before the dash'));
      }
    }
    return out;
  },
};
