// Counted nouns: the words that make "x/y <noun>" or "<n> <noun>" a count of
// tasks, targets or units. Two classes:
//  - task nouns (nhiệm vụ, chỉ tiêu, ...) name a set the report itself defines,
//    so a bare number before them is a claimed total and two different totals of
//    the same group in one report are a conflict;
//  - unit nouns (xã, tỉnh, bệnh viện, ...) name places or institutions: a bare
//    number before them is usually a subset ("13 tỉnh ước bội chi"), never a total.
// Config `taskNouns` adds task nouns.
import type { ResolvedConfig } from '../config';

export type NounClass = 'task' | 'unit';

export const DEFAULT_TASK_NOUNS: readonly string[] = [
  'nhiệm vụ',
  'chỉ tiêu',
  'giải pháp',
  'mục tiêu',
  'tiêu chí',
  'nội dung',
  'chương trình',
  'đề án',
  'dự án',
  'lĩnh vực',
  'nhóm nhiệm vụ',
  'nhóm giải pháp',
  'nhóm chỉ tiêu',
  'nhóm mục tiêu',
];

export const DEFAULT_UNIT_NOUNS: readonly string[] = [
  'xã',
  'phường',
  'thị trấn',
  'thị xã',
  'tỉnh',
  'tỉnh thành',
  'thành phố',
  'huyện',
  'quận',
  'đơn vị',
  'bệnh viện',
  'trạm y tế',
  'trung tâm y tế',
  'cơ sở',
  'cơ sở y tế',
  'phòng khám',
  'khoa',
  'địa phương',
];

/**
 * Words that, right after a noun's last syllable, make it another word:
 * "xã hội" (society), "tỉnh ủy" (the provincial party committee), ...
 */
const NOT_NOUN_AFTER: Record<string, readonly string[]> = {
  xã: ['hội', 'viên'],
  tỉnh: ['ủy', 'uỷ', 'táo'],
  huyện: ['ủy', 'uỷ'],
  'thị xã': ['ủy', 'uỷ'],
  'thành phố': ['ủy', 'uỷ'],
  khoa: ['học'],
  'cơ sở': ['dữ'],
};

export interface Noun {
  /** Canonical form, lowercase NFC, syllables separated by one space. */
  text: string;
  syllables: string[];
  cls: NounClass;
}

export interface NounMatcher {
  /** Nouns by first syllable, longest first. */
  byFirst: Map<string, Noun[]>;
  notAfter(noun: Noun, nextWord: string | undefined): boolean;
}

const norm = (s: string) => s.normalize('NFC').toLowerCase().trim().split(/\s+/).filter(Boolean);

const matchers = new WeakMap<ResolvedConfig, NounMatcher>();

/** The noun matcher for a config (default nouns plus `taskNouns`). */
export function nounMatcher(config: ResolvedConfig): NounMatcher {
  let m = matchers.get(config);
  if (m) return m;
  const byFirst = new Map<string, Noun[]>();
  const seen = new Set<string>();
  const add = (s: string, cls: NounClass) => {
    const syllables = norm(s);
    if (!syllables.length) return;
    const text = syllables.join(' ');
    if (seen.has(text)) return;
    seen.add(text);
    const list = byFirst.get(syllables[0]) ?? [];
    list.push({ text, syllables, cls });
    byFirst.set(syllables[0], list);
  };
  for (const s of DEFAULT_TASK_NOUNS) add(s, 'task');
  for (const s of DEFAULT_UNIT_NOUNS) add(s, 'unit');
  for (const s of config.taskNouns ?? []) add(s, 'task');
  for (const list of byFirst.values()) list.sort((a, b) => b.syllables.length - a.syllables.length);
  m = {
    byFirst,
    notAfter: (noun, next) => !!next && (NOT_NOUN_AFTER[noun.text]?.includes(next) ?? false),
  };
  matchers.set(config, m);
  return m;
}
