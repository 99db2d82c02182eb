// syllable: a word that cannot be a Vietnamese syllable (Telex/VNI leftovers,
// misplaced or doubled tone marks, impossible tone on p/t/c/ch, bad c/k g/gh
// ng/ngh onsets, truncated syllables). Foreign words, names in Latin script,
// abbreviations, units and codes are classified as foreign by the model and
// never flagged.
import type { Draft, DraftFix } from '../types';
import { msg, type Rule } from '../rule';
import { vnTokens, wordFacts, type VnToken } from '../vietnamese/vnwords';
import { analyzeSyllable } from '../vietnamese/syllable';
import { isNameSyllable, placeSlips } from '../vietnamese/places';
import { misspellingSlips } from '../vietnamese/misspellings';

export const rule: Rule = {
  meta: {
    id: 'syllable',
    family: 'orthography',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Từ không thể là âm tiết tiếng Việt: chữ gõ Telex/VNI chưa chuyển, dấu thanh đặt sai hoặc hai dấu, sai c/k, g/gh, ng/ngh, âm tiết bị cụt.',
      'A word that cannot be a Vietnamese syllable: unconverted Telex/VNI keystrokes, misplaced or doubled tone marks, c/k, g/gh, ng/ngh errors, truncated syllables.',
    ),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    const invalid = wordFacts(block, ctx.config).invalid;
    let tokens: VnToken[] | undefined;
    // Place names break the rules on purpose (Đăk Glei, Krông Pắc); a misspelt one is place-name's finding.
    const slips: { edits: { start: number; end: number }[] }[] = [];
    if (invalid.length && ctx.config.rules['place-name']?.enabled) for (const s of placeSlips(block, ctx.config)) slips.push({ edits: [{ start: s.editStart, end: s.editEnd }] });
    // A slip in a fixed phrase ("công suât sử dụng giường bệnh") is common-misspelling's, with the certain fix.
    if (invalid.length && ctx.config.rules['common-misspelling']?.enabled) slips.push(...misspellingSlips(block, ctx.config));
    for (let i = 0; i < invalid.length; i++) {
      const t = invalid[i];
      const r = t.result;
      if (t.glued) continue;
      if (t.text[0] !== t.text[0].toLowerCase() && isNameSyllable(t.text)) continue;
      if (slips.some((s) => s.edits.some((e) => e.start <= t.start && t.end <= e.end))) continue;
      const reason = r.message ?? msg('không hợp lệ', 'is not valid');
      let suggestions = r.suggestions ?? [];
      // A truncated syllable ("Thiê"): offer the words of this block that complete it (a rare case: rescan the block).
      if (r.reason === 'truncated' && !suggestions.length) {
        const seen = new Set<string>();
        for (const u of (tokens ??= vnTokens(block)))
          if (u.result.status === 'valid' && u.text.length > t.text.length && u.text.startsWith(t.text) && analyzeSyllable(u.text, true).ok) seen.add(u.text);
        suggestions = [...seen].slice(0, 3);
      }
      const fixes: DraftFix[] = suggestions.map((s, k) => ({
        title: msg(`Sửa thành "${s}"`, `Change to "${s}"`),
        edits: [{ start: t.start, end: t.end, newText: s }],
        safe: k === 0 && !!r.safe && suggestions.length === 1,
      }));
      const sugg = suggestions.length ? ` Gợi ý: ${suggestions.map((s) => `"${s}"`).join(', ')}.` : '';
      const suggEn = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
      out.push({
        start: t.start,
        end: t.end,
        message: msg(`"${t.text}" không phải âm tiết tiếng Việt: ${reason.vi}.${sugg}`, `"${t.text}" is not a Vietnamese syllable: ${reason.en}.${suggEn}`),
        fixes,
        data: { reason: r.reason, suggestions },
      });
    }
    return out;
  },
};
