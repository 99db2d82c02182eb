// Which files are Vietnamese reports: front matter `lang:`, else the share of
// letters that only Vietnamese uses (đ, ơ, ư, ă, â, ê, ô and tone marks).
const VI_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;
const LETTER = /\p{L}/gu;

export function isVietnameseText(text: string): boolean {
  const fm = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)/.exec(text);
  if (fm) {
    const lang = /^lang(?:uage)?\s*:\s*["']?([A-Za-z-]+)/m.exec(fm[1]);
    if (lang) return lang[1].toLowerCase().startsWith('vi');
  }
  // A sample is enough: the first 64 KB decide.
  const sample = text.slice(0, 65536).normalize('NFC');
  const vi = sample.match(VI_LETTER)?.length ?? 0;
  const all = sample.match(LETTER)?.length ?? 0;
  if (vi < 3) return false;
  return vi / all >= 0.06;
}
