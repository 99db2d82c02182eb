// Which files are Vietnamese reports: front matter `lang:`, else the share of
// letters that only Vietnamese uses (đ, ơ, ư, ă, â, ê, ô and tone marks).
import { nfcBounded } from './document';

const VI_LETTERS = new Set(
  Array.from('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ', (c) => [c.codePointAt(0)!, c.toUpperCase().codePointAt(0)!]).flat(),
);
const LETTER = /\p{L}/u;

// The server asks on every edit: the answer depends only on the first 64 KB,
// so the last few answers are kept by a 53-bit hash of that head (keeping the
// head itself would keep whole old versions alive: V8 slices share their parent).
const recent = new Map<number, boolean>();

export function isVietnameseText(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  const key = hash53(head);
  let r = recent.get(key);
  if (r === undefined) {
    r = decide(head);
    if (recent.size >= 8) recent.delete(recent.keys().next().value!);
    recent.set(key, r);
  }
  return r;
}

/** cyrb53 (public domain): a fast 53-bit string hash. */
function hash53(s: string): number {
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function decide(text: string): boolean {
  const fm = /^---(?:\r\n?|\n)([\s\S]*?)(?:\r\n?|\n)(?:---|\.\.\.)/.exec(text);
  if (fm) {
    const lang = /^lang(?:uage)?\s*:\s*["']?([A-Za-z-]+)/m.exec(fm[1]);
    if (lang) return lang[1].toLowerCase().startsWith('vi');
  }
  // A sample is enough: the first 64 KB decide.
  const sample = nfcBounded(text);
  // Counted in one pass without building match arrays: this runs on every edit.
  let vi = 0;
  let all = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) all++;
    } else if (VI_LETTERS.has(c)) {
      vi++;
      all++;
    } else if (LETTER.test(ch)) all++;
  }
  if (vi < 3) return false;
  return vi / all >= 0.06;
}
