// Document-level facts: front matter and the year the report is about.
import { MASK, type Block } from './types';

export function documentMeta(blocks: readonly Block[]): { frontMatter: Record<string, string>; year?: number } {
  const frontMatter: Record<string, string> = {};
  const fm = blocks[0]?.type === 'frontmatter' ? blocks[0] : undefined;
  if (fm) {
    for (const line of fm.source.split(/\r\n|\r|\n/)) {
      // (.*) then trim: a lazy (.*?) before \s*$ is quadratic in a run of blanks.
      const m = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
      if (m) frontMatter[m[1].toLowerCase()] = m[2].trim().replace(/^["']|["']$/g, '');
    }
  }
  let year: number | undefined;
  const fy = frontMatter['year'] ?? frontMatter['nam'] ?? frontMatter['năm'];
  if (fy && /^\d{4}$/.test(fy)) year = Number(fy);
  let signed: number | undefined;
  if (year === undefined) {
    // The title: the first heading, or the first paragraph when there is no heading early on.
    for (const b of blocks.slice(0, 8)) {
      const seg = b.segments.find((s) => s.kind === 'heading') ?? (b.type === 'paragraph' ? b.segments[0] : undefined);
      if (!seg) continue;
      let t = b.prose.slice(seg.start, seg.end).split(MASK).join(' ');
      // A paragraph standing for a title: its first line only (the rest is body text with other years).
      if (seg.kind !== 'heading') t = t.split('\n')[0];
      const m = /\b[Nn]ăm\s+((?:19|20)\d\d)\b|\b[Nn]ĂM\s+((?:19|20)\d\d)\b/u.exec(t);
      if (m) {
        // The place-and-date line ("Hà Nội, ngày 10 tháng 01 năm 2025") says when it was signed: the year of a
        // title further down ("Tổng kết ... năm 2024") is the one reported on; the signing year only without one.
        if (seg.kind !== 'heading' && /tháng\s+\d{1,2}\s+$/u.test(t.slice(0, m.index))) {
          signed ??= Number(m[1] ?? m[2]);
          continue;
        }
        year = Number(m[1] ?? m[2]);
        break;
      }
      // A heading that only names the kind of document ("BÁO CÁO"): the subtitle under it is the title.
      if (seg.kind === 'heading' && t.trim().split(/\s+/).length > 3) break;
    }
  }
  return { frontMatter, year: year ?? signed };
}
