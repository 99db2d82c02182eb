// Generators and invariants shared by the property tests (test/unit/properties.test.ts,
// a few thousand runs in `npm test`) and the fuzzer (test/fuzz/fuzz.ts, `npm run fuzz`).
import fc from 'fast-check';
import {
  allRules,
  applyEditGroups,
  buildDocModel,
  check,
  checkSteps,
  DocumentCache,
  fixAll,
  getDefaultConfig,
  rulesById,
  type Finding,
  type Draft,
  type Block,
} from '../helpers/engine';
import { MAX_MARKS } from '../../server/src/engine/document';

const config = getDefaultConfig();

// ---------------------------------------------------------------- generators

/** Syllables and words of health reports, with both tone-mark styles and the usual slips. */
const WORDS = [
  'năm', 'ngành', 'y', 'tế', 'tỉnh', 'đạt', 'tỷ', 'tỉ', 'lệ', 'bác', 'sĩ', 'sỹ', 'giường', 'bệnh', 'dân', 'vạn', 'xã',
  'nhiệm', 'vụ', 'chỉ', 'tiêu', 'giải', 'pháp', 'hoàn', 'thành', 'toàn', 'bộ', 'bảo', 'hiểm', 'trẻ', 'em', 'tiêm', 'chủng',
  'hòa', 'hoà', 'thủy', 'thuỷ', 'khỏe', 'khoẻ', 'lý', 'lí', 'kỹ', 'kĩ', 'vắc', 'xin', 'vắc-xin', 'người', 'nhà', 'từ',
  'Bộ', 'Y', 'Sở', 'UBND', 'BHYT', 'HĐND', 'TYT', 'COVID-19', 'Covid-19', 'covid', 'Thiê', 'nguwoif', 'trên', 'gồm',
  'thứ', 'nhất', 'hai', 'ba', 'tăng', 'giảm', 'so', 'với', 'kế', 'hoạch', 'mục', 'tiêu', 'thực', 'hiện', 'được', 'giao',
  'Quyết', 'định', 'số', 'ngày', 'tháng', 'Nghị', 'quyết', 'điểm', 'phần', 'trăm', 'lượt', 'khám', 'chữa', 'ước',
  'e', 'ngoại', 'trú', 'nội', 'suy', 'dinh', 'dưỡng', 'ĐẠT', 'NĂM', 'Ủy', 'Uỷ', 'ban', 'nhân',
];
const FIGURES = [
  '12,5', '12.5', '87.500', '87,500', '99,3%', '99,3 %', '1.234.567', '0,5', '100%', '103%', '2024', '2023', '31/2/2024',
  '(15/1/)', '5/6', '6/6', '7/6', '6/', '/6', '6//6', '150/226', '66,3%', '70%', '4', '10', '1', '3,14', '1 000', '10.000',
  '9/2023', '08/8/2023', '27/2/1955', '1.1.1.1', '12,5,5', '2021-2025', '-3', '+5', '½', '²', '١٢', '１２',
];
const PUNCT = [',', '.', ';', ':', '!', '?', '(', ')', '"', '“', '”', '…', '-', '–', '—', '/', '%', '&', "'", '*', '_', '`', '[', ']', '<', '>', '#', '|', '\\', '~', '=', '+'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\u202f', '\u2003', '\u200b', '\u3000'];
const PHRASES = [
  'hoàn thành 5/6 nhiệm vụ', 'hoàn thành toàn bộ 6/7 chỉ tiêu', '6/ nhiệm vụ', 'gồm:', '(1) một; (2) hai; (3) ba',
  'thứ nhất, a; thứ hai, b', 'bảo hiểm y tế (BHYT)', 'tỷ lệ bao phủ BHYT đạt 91,5%', 'năm 2023 đạt 10,5 bác sĩ/vạn dân',
  'năm 2024 đạt 12,5 bác sĩ/10.000 dân', 'chỉ tiêu 13 bác sĩ trên 10.000 dân', 'cả nước 12,5', 'tăng 0,3 điểm phần trăm',
  '150/226 xã, đạt 70%', 'trên 90%', 'nhiệm nhiệm vụ', 'người người', 'COVID – 19', '10 nhiệm vụ trọng tâm:', 'Bộ y tế',
  'https://moh.gov.vn/a_b?c=1', 'www.example.vn', 'a.b@so-yte.gov.vn', '<b>đạt</b>', '&amp;', '&#x1F600;', '\\*',
  '<!-- vnhr-disable-next-line whitespace -->', '<!-- vnhr-disable -->', '<!-- vnhr-enable -->', '😀', '𝐀𝐁', '👨‍⚕️',
];

const word = fc.constantFrom(...WORDS);
const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 3, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).chain((n) => fc.constantFrom(String(n), n.toLocaleString('de-DE'), n.toLocaleString('en-US'), (n / 100).toFixed(2).replace('.', ','))) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const sep = fc.oneof({ weight: 12, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom(...SPACES) }, { weight: 1, arbitrary: fc.constant('') });

/** A run of inline Markdown: words, figures, punctuation, code spans, links, emphasis. */
export const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 20, arbitrary: fc.tuple(token, sep).map(([t, s]) => t + s) },
      { weight: 1, arbitrary: fc.array(token, { maxLength: 3 }).map((a) => '`' + a.join(' ') + '`') },
      { weight: 1, arbitrary: fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('https://a.vn/x', 'b.md', '#c', '')).map(([a, u]) => `[${a.join(' ')}](${u})`) },
      { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((a) => `**${a.join(' ')}**`) },
      { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((a) => `_${a.join(' ')}_`) },
      { weight: 1, arbitrary: fc.constantFrom('  \n', '\\\n', '\n', '<br>', '![ảnh](a.png)', '<https://x.vn>') },
    ),
    { maxLength: 40 },
  )
  .map((a) => a.join(''));

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), inline, fc.boolean()).map(([l, t, closed]) => '#'.repeat(l) + ' ' + t.replace(/\n/g, ' ') + (closed ? ' ' + '#'.repeat(l) : ''));
const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ');
const listBlock = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), marker, inline), { minLength: 1, maxLength: 12 })
  .map((items) => items.map(([d, m, t]) => '  '.repeat(d) + m + t.replace(/\n/g, ' ')).join('\n'));
const row = (n: number) => fc.array(inline.map((s) => s.replace(/[\n|]/g, ' ')), { minLength: n, maxLength: n + 1 }).map((cells) => '| ' + cells.join(' | ') + ' |');
const tableBlock = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.tuple(row(n), fc.array(row(n), { maxLength: 8 }), fc.constantFrom('---', ':--', '--:', ':-:')).map(([h, rows, d]) => [h, '|' + Array(n).fill(d).join('|') + '|', ...rows].join('\n')),
);
const fenceBlock = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'text'), fc.array(inline, { maxLength: 4 }), fc.boolean()).map(([f, lang, lines, close]) => [f + lang, ...lines, ...(close ? [f] : [])].join('\n'));
const htmlBlock = fc.oneof(
  inline.map((t) => `<div>\n${t}\n</div>`),
  inline.map((t) => `<!-- ${t} -->`),
  fc.constantFrom('<!-- vnhr-disable whitespace -->', '<!-- vnhr-enable whitespace -->', '<!-- vnhr-disable-next-line -->', '<!--', '-->', '<table><tr><td>12.5</td></tr></table>'),
);
const quote = (inner: fc.Arbitrary<string>) => fc.tuple(fc.integer({ min: 1, max: 4 }), inner).map(([d, b]) => b.split('\n').map((l) => '> '.repeat(d) + l).join('\n'));
const misc = fc.constantFrom('---', '***', '===', '    mã thụt lề  12.5', '[x]: https://a.vn', '|', '| a |', '- ', '1.', '#', '>');

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: inline },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: listBlock },
  { weight: 2, arbitrary: tableBlock },
  { weight: 1, arbitrary: fenceBlock },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 2, arbitrary: quote(fc.oneof(inline, listBlock, tableBlock)) },
  { weight: 1, arbitrary: misc },
);
const frontMatter = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('---\ntitle: Báo cáo năm 2024\nyear: 2024\n---\n', '---\nlang: vi\n---\n', '---\n') });

/** Random Markdown in `\n` form, NFC. */
export const markdownLF: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { maxLength: 14 }))
  .map(([fm, bs]) => fm + bs.map(([b, s]) => b + s).join(''))
  .map((s) => s.normalize('NFC'));

export type LineEnd = 'lf' | 'crlf' | 'cr' | 'mixed';
export function withLineEnds(s: string, kind: LineEnd, rnd = 0): string {
  if (kind === 'lf') return s;
  if (kind === 'crlf') return s.replace(/\n/g, '\r\n');
  if (kind === 'cr') return s.replace(/\n/g, '\r');
  let i = rnd;
  return s.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
}

/** Random Markdown with NFC/NFD, any line ends, sometimes a BOM. */
export const markdown: fc.Arbitrary<string> = fc
  .tuple(markdownLF, fc.constantFrom<LineEnd>('lf', 'lf', 'crlf', 'cr', 'mixed'), fc.constantFrom('NFC', 'NFC', 'NFD'), fc.boolean(), fc.nat(2))
  .map(([s, le, form, bom, r]) => (bom && r === 0 ? '\uFEFF' : '') + withLineEnds(s.normalize(form as 'NFC' | 'NFD'), le, r));

/** Vietnamese syllables built from parts, with the tone on either vowel (both styles) and NFC or NFD. */
const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'oe', 'uy', 'uê', 'ươ', 'iê', 'ia', 'ua', 'ưa', 'ai', 'ao', 'oi', 'ui'];
const CODAS = ['', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'u', 'i', 'o', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
export const syllable = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...NUCLEI), fc.constantFrom(...CODAS), fc.constantFrom(...TONES), fc.boolean(), fc.boolean())
  .map(([o, n, c, t, second, cap]) => {
    const base = n.normalize('NFD');
    // Put the tone mark after the first or the last vowel letter of the nucleus (traditional vs reformed placement).
    const letters = [...base];
    let idx = -1;
    let count = 0;
    for (let i = 0; i < letters.length; i++) if (/\p{L}/u.test(letters[i])) if (count++ === 0 || second) idx = i;
    let k = idx + 1;
    while (k < letters.length && /\p{M}/u.test(letters[k])) k++;
    letters.splice(k, 0, t);
    const s = o + letters.join('') + c;
    return cap ? s[0].toUpperCase() + s.slice(1) : s;
  });
export const vietnamese: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: syllable }, { weight: 1, arbitrary: token }), sep), { maxLength: 80 }), fc.constantFrom('NFC', 'NFD', 'none'), fc.constantFrom<LineEnd>('lf', 'crlf', 'cr'))
  .map(([ws, form, le]) => {
    const s = ws.map(([w, p], i) => w + (i % 17 === 16 ? '\n' : i % 41 === 40 ? '\n\n' : p)).join('');
    return withLineEnds(form === 'none' ? s : s.normalize(form as 'NFC' | 'NFD'), le);
  });

/** Random bytes, decoded as UTF-8 the lenient way (U+FFFD for bad sequences). */
export const bytesAsUtf8 = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'));

/** Any UTF-16 code units, lone surrogates included. */
export const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });

/** Markdown with lone surrogates (and pairs cut in half) sprinkled in. */
export const withSurrogates = fc
  .tuple(markdown, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff })), { minLength: 1, maxLength: 6 }))
  .map(([s, ins]) => {
    let t = s;
    for (const [p, c] of ins) {
      const at = t.length ? p % (t.length + 1) : 0;
      t = t.slice(0, at) + String.fromCharCode(c) + t.slice(at);
    }
    return t;
  });

/** A very long line (tens of KB) made of one repeated piece of prose. */
export const longLine = (minRepeat: number, maxRepeat: number) =>
  fc.tuple(inline, fc.integer({ min: minRepeat, max: maxRepeat }), fc.constantFrom('', '# ', '- ', '| ', '> ')).map(([piece, n, prefix]) => prefix + (piece.replace(/[\r\n]/g, ' ') || 'đạt 12,5% ').repeat(n).slice(0, 200_000));

/**
 * Hostile shapes of issue 15 inside Markdown: long runs of combining marks
 * (on a letter, alone, in a table cell), link-bracket runs ("[bệnh](" and
 * "![a](" repeated) and host/path-like tokens next to terms and figures.
 */
const MARKS = ['\u0301', '\u0323', '\u0302', '\u031b', '\u0306', '\u0300', '\u20dd', '\u1dc4'];
const markRun = fc.tuple(fc.constantFrom('a', 'ệ', 'e', 'A', 'ư'), fc.array(fc.constantFrom(...MARKS), { minLength: 20, maxLength: 120 })).map(([base, ms]) => base + ms.join(''));
const bracketRun = fc.tuple(fc.constantFrom('[bệnh](', '![a](', '](', '](x "', '][', '[a]('), fc.integer({ min: 2, max: 300 })).map(([u, n]) => u.repeat(n));
// The long shapes (rare: each costs a full check of a few KB): thousands of
// marks on one letter or alone, thousands of link openers on one line.
const longMarkRun = fc.tuple(fc.constantFrom('a', 'ệ', '', '|'), fc.constantFrom(...MARKS), fc.integer({ min: 500, max: 4000 })).map(([base, m, n]) => base + m.repeat(n));
const longBracketRun = fc.tuple(fc.constantFrom('[bệnh](', '![a](', '[a]('), fc.integer({ min: 500, max: 3000 })).map(([u, n]) => u.repeat(n));
const pathLike = fc.constantFrom('moh.gov.vn/covid-19/x', 'du-lieu_Covid-19.xlsx', 'C:\\Bao cao\\covid 19\\', './data/12.5/a', 'soyte.gov.vn/12,5%/b.', 'bao-cao.md.');
export const hostile: fc.Arbitrary<string> = fc
  .tuple(markdownLF, fc.array(fc.oneof({ weight: 6, arbitrary: markRun }, { weight: 6, arbitrary: bracketRun }, { weight: 6, arbitrary: pathLike }, { weight: 1, arbitrary: longMarkRun }, { weight: 1, arbitrary: longBracketRun }), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), fc.constantFrom('NFC', 'NFD'))
  .map(([doc, pieces, at, form]) => {
    let t = doc;
    pieces.forEach((p, k) => {
      const i = t.length ? at[k] % (t.length + 1) : 0;
      t = t.slice(0, i) + (k % 2 ? ' ' : '') + p + t.slice(i);
    });
    return form === 'NFD' ? t.normalize('NFD') : t;
  });

/** Every kind of input above. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: markdown },
  { weight: 3, arbitrary: vietnamese },
  { weight: 1, arbitrary: bytesAsUtf8 },
  { weight: 1, arbitrary: anyUnits },
  { weight: 2, arbitrary: withSurrogates },
  { weight: 1, arbitrary: hostile },
);

// ---------------------------------------------------------------- invariants

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const MARK = /\p{M}/u;
const BASE = /[\p{L}\p{N}]/u;

/** Does offset `o` fall inside a surrogate pair, or between a letter and its combining marks? */
export function splitsCharacter(text: string, o: number): string | undefined {
  if (o <= 0 || o >= text.length) return undefined;
  if (isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))) return 'splits a surrogate pair';
  if (MARK.test(text[o])) {
    let k = o - 1;
    while (k > 0 && MARK.test(text[k])) k--;
    // Past MAX_MARKS marks on one letter the rest are stray (document.ts): a boundary there is fine.
    if (BASE.test(text[k]) && o - k - 1 < MAX_MARKS) return 'splits a letter from its combining mark';
  }
  return undefined;
}

function fail(what: string, text: string, extra?: unknown): never {
  throw new Error(`${what}\n  text: ${JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text)}${extra === undefined ? '' : `\n  ${JSON.stringify(extra)}`}`);
}

function checkRange(text: string, what: string, s: number, e: number, f: unknown): void {
  if (!Number.isInteger(s) || !Number.isInteger(e)) fail(`${what}: offsets are not integers`, text, f);
  if (s < 0 || e > text.length || s > e) fail(`${what}: range [${s}, ${e}) is outside the document (length ${text.length}) or reversed`, text, f);
  const split = splitsCharacter(text, s) ?? splitsCharacter(text, e);
  if (split) fail(`${what}: range [${s}, ${e}) ${split}`, text, f);
}

/** The invariants on one finding list. */
export function checkFindings(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    if (!rulesById.has(f.rule)) fail(`unknown rule id ${f.rule}`, text, f);
    if (!['error', 'warning', 'information', 'hint'].includes(f.severity)) fail(`bad severity ${f.severity}`, text, f);
    if (typeof f.message?.vi !== 'string' || typeof f.message?.en !== 'string' || !f.message.vi || !f.message.en) fail('message without vi/en text', text, f);
    checkRange(text, `${f.rule} finding`, f.start, f.end, f);
    for (const r of f.related ?? []) checkRange(text, `${f.rule} related`, r.start, r.end, f);
    for (const fx of f.fixes ?? []) {
      const edits = [...fx.edits].sort((a, b) => a.start - b.start);
      if (!edits.length) fail(`${f.rule}: a fix with no edits`, text, f);
      edits.forEach((e, k) => {
        checkRange(text, `${f.rule} fix edit`, e.start, e.end, f);
        if (typeof e.newText !== 'string') fail(`${f.rule}: edit without newText`, text, f);
        if (k > 0 && e.start < edits[k - 1].end) fail(`${f.rule}: edits of one fix overlap`, text, f);
        if (k > 0 && e.start === edits[k - 1].start) fail(`${f.rule}: two edits of one fix start at the same offset`, text, f);
      });
      // Applied alone, the fix is accepted, changes the text, and changes nothing outside its ranges.
      const r = applyEditGroups(text, [fx.edits]);
      if (r.applied !== 1) fail(`${f.rule}: fix "${fx.title.en}" cannot be applied on its own`, text, f);
      if (r.text === text) fail(`${f.rule}: fix "${fx.title.en}" changes nothing`, text, f);
      const lo = edits[0].start;
      const hi = edits[edits.length - 1].end;
      const tail = text.length - hi;
      if (r.text.slice(0, lo) !== text.slice(0, lo) || r.text.slice(r.text.length - tail) !== text.slice(hi)) fail(`${f.rule}: fix changes text outside its ranges`, text, f);
    }
  }
}

/**
 * Run every rule directly on the parsed blocks (the engine itself swallows a
 * rule's exception to protect the others, so only a direct call shows it), and
 * check the drafts' coordinates against the block they belong to.
 */
export function runRulesDirectly(text: string): void {
  const doc = buildDocModel(text, config);
  const inBlock = (b: Block, d: { start: number; end: number }, raw: boolean | undefined, what: string, rule: string) => {
    const len = raw ? b.source.length : b.prose.length;
    if (!(d.start >= 0 && d.end <= len && d.start <= d.end)) fail(`${rule}: ${what} [${d.start}, ${d.end}) outside its block (${raw ? 'source' : 'prose'} length ${len})`, text, d);
  };
  const checkDraft = (b: Block, d: Draft, rule: string) => {
    inBlock(b, d, d.raw, 'draft', rule);
    for (const fx of d.fixes ?? []) for (const e of fx.edits) inBlock(b, e, d.raw, 'fix edit', rule);
    for (const r of d.related ?? []) inBlock(r.block ?? b, r, d.raw && !r.block, 'related', rule);
  };
  for (const r of allRules) {
    const ctx = { options: config.rules[r.meta.id]?.options ?? {}, config };
    for (const b of doc.blocks) {
      if (!b.segments.length || !r.checkBlock) continue;
      let drafts: Draft[];
      try {
        drafts = r.checkBlock(b, ctx);
      } catch (e) {
        fail(`rule ${r.meta.id} threw in checkBlock: ${(e as Error).stack ?? String(e)}`, text);
      }
      for (const d of drafts) checkDraft(b, d, r.meta.id);
    }
    if (r.checkDocument) {
      let drafts;
      try {
        drafts = r.checkDocument(doc, ctx);
      } catch (e) {
        fail(`rule ${r.meta.id} threw in checkDocument: ${(e as Error).stack ?? String(e)}`, text);
      }
      for (const d of drafts) checkDraft(d.block, d, r.meta.id);
    }
  }
}

/** All invariants for one document. Throws with the text on the first violation. */
export function checkDocumentInvariants(text: string): void {
  let findings: Finding[];
  try {
    findings = check(text, config);
  } catch (e) {
    fail(`check threw: ${(e as Error).stack ?? String(e)}`, text);
  }
  checkFindings(text, findings);
  runRulesDirectly(text);
  let once: string;
  let twice: string;
  try {
    once = fixAll(text, config).text;
    twice = fixAll(once, config).text;
  } catch (e) {
    fail(`fixAll threw: ${(e as Error).stack ?? String(e)}`, text);
  }
  if (once !== twice) fail('fixAll is not idempotent', text, { once, twice });
}

/** Findings as comparable facts: rule and the NFC text of the range (offsets differ between forms). */
export function findingFacts(text: string, findings: readonly Finding[], ignore: readonly string[] = []): string[] {
  return findings
    .filter((f) => !ignore.includes(f.rule))
    .map((f) => `${f.rule}:${text.slice(f.start, f.end).normalize('NFC').replace(/\r\n?/g, '\n')}`)
    .sort();
}

/** NFC and NFD forms of a document give the same findings (but for unicode-normalization itself). */
export function checkFormsAgree(nfcText: string): void {
  const nfd = nfcText.normalize('NFD');
  const a = findingFacts(nfcText, check(nfcText, config), ['unicode-normalization']);
  const b = findingFacts(nfd, check(nfd, config), ['unicode-normalization']);
  if (JSON.stringify(a) !== JSON.stringify(b)) fail('NFC and NFD forms give different findings', nfcText, { nfc: a, nfd: b });
}

/** LF, CRLF and CR line ends give the same findings. */
export function checkLineEndsAgree(lfText: string): void {
  const base = findingFacts(lfText, check(lfText, config));
  for (const le of ['crlf', 'cr'] as const) {
    const t = withLineEnds(lfText, le);
    const got = findingFacts(t, check(t, config));
    if (JSON.stringify(base) !== JSON.stringify(got)) fail(`LF and ${le.toUpperCase()} line ends give different findings`, lfText, { lf: base, [le]: got });
  }
}

/**
 * Markdown whose code (fenced, indented, inline) and URLs contain what rules
 * would flag in prose; `protectedParts` must come out of fixAll unchanged.
 */
export const markdownWithCode = fc
  .array(
    fc.oneof(
      fc.tuple(inline, fc.constant(false)),
      fc.tuple(fc.array(fc.constantFrom('12.5  bác  sĩ', 'Covid-19', 'nhiệm nhiệm vụ', '99,3 %', 'a ,b', '\t\tx', 'x\u00a0y'), { minLength: 1, maxLength: 4 }), fc.constantFrom('```', '~~~')).map(([ls, f]) => [`${f}\n${ls.join('\n')}\n${f}`, true] as [string, boolean]),
      fc.constantFrom<[string, boolean]>(['`12.5  bác  sĩ`', true], ['`Covid-19  ,`', true], ['<https://a.vn/12.5%20x>', true], ['<!-- 12.5  nhiệm nhiệm vụ -->', true]),
      // Inside a paragraph or a quote, across lines: only the code or comment is protected.
      fc.constantFrom<[string, boolean, string]>(
        ['Năm 2024 <!-- ghi  chú\ntiếp  theo 12.5 --> đạt tốt.', true, '<!-- ghi  chú\ntiếp  theo 12.5 -->'],
        ['> Năm 2024 `mã  a\n> b  ,c` đạt tốt.', true, '`mã  a\n> b  ,c`'],
        ['- Mục một <!-- a  b\n  c  d --> xong.', true, '<!-- a  b\n  c  d -->'],
      ),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((parts) => ({ text: parts.map(([p]) => p).join('\n\n') + '\n', protectedParts: parts.filter(([, k]) => k).map((x) => x[2] ?? x[0]) }));

export function checkCodeUntouched(doc: { text: string; protectedParts: string[] }): void {
  const fixed = fixAll(doc.text, config).text;
  for (const p of doc.protectedParts) if (!fixed.includes(p)) fail(`fixAll changed code or a URL: ${JSON.stringify(p)}`, doc.text, { fixed });
}

// ------------------------------------------------------------ incremental

/** A document and a few edits to it (positions as fractions of the length at the time). */
export const markdownWithEdits = fc.tuple(
  markdown,
  fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 40 }), ins: fc.oneof(markdown.map((m) => m.slice(0, 60)), fc.constantFrom('\n', '\n\n', '# ', '- ', '| ', '1', '/', '%', ',')) }), { minLength: 1, maxLength: 5 }),
);

const runSteps = (text: string, cache?: InstanceType<typeof DocumentCache>): Finding[] => {
  const it = checkSteps(text, allRules, config, { cache });
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
};

/** Checking each version through one DocumentCache gives what a fresh check gives. */
export function checkIncremental([base, edits]: [string, { at: number; del: number; ins: string }[]]): void {
  const cache = new DocumentCache();
  runSteps(base, cache);
  let text = base;
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
    const a = JSON.stringify(runSteps(text, cache));
    const b = JSON.stringify(runSteps(text));
    if (a !== b) fail('a check through the DocumentCache differs from a fresh check', text, { base });
  }
}
