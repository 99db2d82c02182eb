// place-name: a Vietnamese administrative name misspelt ("tỉnh Hà Năm",
// "Thừa Thiê Huế") or in an outdated spelling ("Bắc Cạn", "Buôn Mê Thuột").
// Names come from the gazetteer (data/places.json: the 63 provinces with
// their districts and communes, the 34 provinces of 2025). Precision: a slip
// is only read after a unit word (tỉnh, huyện, quận, thị xã, thành phố) and
// when the capitalised name is one letter or mark away from exactly one known
// name and is not itself a known name; the variants are capitalised names
// listed in the data. Outdated spellings are information, slips warnings.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { placeSlips } from '../vietnamese/places';

export const rule: Rule = {
  meta: {
    id: 'place-name',
    family: 'orthography',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Địa danh hành chính viết sai hoặc theo cách viết cũ (“tỉnh Hà Năm”, “Bắc Cạn”, “Buôn Mê Thuột”): sửa theo tên chính thức.',
      'An administrative place name misspelt or in an outdated spelling (“tỉnh Hà Năm”, “Bắc Cạn”, “Buôn Mê Thuột”): use the official name.',
    ),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const s of placeSlips(block, ctx.config)) {
      const outdated = s.kind === 'outdated';
      const fixed = s.written.slice(0, s.editStart - s.start) + s.newText + s.written.slice(s.editEnd - s.start);
      out.push({
        start: s.start,
        end: s.end,
        severity: outdated ? 'information' : undefined,
        message: outdated
          ? msg(`“${s.written}” là cách viết cũ; tên chính thức: “${s.official}”.`, `“${s.written}” is an outdated spelling; the official name is “${s.official}”.`)
          : msg(`Địa danh “${s.written}” viết sai; tên chính thức: “${fixed}”.`, `Place name “${s.written}” is misspelt; the official name is “${fixed}”.`),
        fixes: [{ title: msg(`Sửa thành “${fixed}”`, `Change to “${fixed}”`), edits: [{ start: s.editStart, end: s.editEnd, newText: s.newText }], safe: true }],
        data: { official: s.official, kind: s.kind },
      });
    }
    return out;
  },
};
