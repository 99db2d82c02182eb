// common-misspelling: words made of valid syllables that are wrong, which the
// syllable model cannot see (detection in vietnamese/misspellings.ts):
//  - pairs a Vietnamese reviewer knows ("chuẩn đoán" -> "chẩn đoán", "sử lý" ->
//    "xử lý"), from data/misspellings.json plus the config key `misspellings`,
//    each with the neighbouring words with which the same letters are right;
//  - the sector's fixed phrases with one syllable's tone or one letter wrong
//    ("khám chửa bệnh", "Trung tâm Y tê").
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { misspellingSlips } from '../vietnamese/misspellings';

export const rule: Rule = {
  meta: {
    id: 'common-misspelling',
    family: 'orthography',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Lỗi chính tả quen thuộc gồm các âm tiết hợp lệ (“chuẩn đoán” → “chẩn đoán”, “sử lý” → “xử lý”) và cụm từ cố định của ngành bị sai một dấu hoặc một chữ (“khám chửa bệnh”, “Trung tâm Y tê”).',
      'Well-known misspellings made of valid syllables (“chuẩn đoán” → “chẩn đoán”, “sử lý” → “xử lý”) and the sector’s fixed phrases with one tone or letter wrong (“khám chửa bệnh”, “Trung tâm Y tê”).',
    ),
    fixable: 'safe',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phrases: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Extra fixed phrases (three words or more) whose one-slip variants are flagged. Extra misspelling pairs go in the top-level `misspellings`.' },
      },
    },
  },
  checkBlock(block, ctx) {
    return misspellingSlips(block, ctx.config).map((s): Draft => ({
      start: s.start,
      end: s.end,
      message:
        s.source === 'pair'
          ? msg(`“${s.written}” viết sai; đúng là “${s.fixed}”.`, `“${s.written}” is misspelt; write “${s.fixed}”.`)
          : msg(
              `“${s.written}”: cụm từ “${s.right}” bị sai ${s.kind === 'tone' ? 'dấu' : 'một chữ'} ở “${s.slipped}”; đúng là “${s.fixed}”.`,
              `“${s.written}”: the phrase “${s.right}” has a wrong ${s.kind === 'tone' ? 'mark' : 'letter'} in “${s.slipped}”; write “${s.fixed}”.`,
            ),
      fixes: [{ title: msg(`Sửa thành “${s.fixed}”`, `Change to “${s.fixed}”`), edits: s.edits, safe: s.safe }],
      data: { right: s.right, source: s.source },
    }));
  },
};
