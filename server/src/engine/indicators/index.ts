// Editor support on the indicator model: the list of all indicator mentions of
// a document (hover, outline, "Show indicator summary") and its Markdown table.
import type { DocModel } from '../rule';
import type { ResolvedConfig } from '../config';
import type { Locale, Msg } from '../types';
import { localize, msg } from '../msg';
import { docOffset } from '../engine';
import { resolveDocument, display, readingOf, KIND_LABEL } from './resolve';
import { formatVi } from './compare';
import { factorOf } from './mentions';
import { crossKeyOf } from './crossfile';
import type { IndicatorMentionInfo } from './info';

export { catalogueFor, shippedIndicators, type Indicator, type Catalogue } from './catalogue';
export { resolveDocument, type ResolvedMention, type DocIndicators } from './resolve';
export { blockIndicators, type Mention, type MentionKind } from './mentions';
export { crossReportConflicts, newCrossMemo, type CrossReport, type CrossMention, type CrossMemo, type CrossStats } from './crossfile';
export type { IndicatorMentionInfo } from './info';


const NOT_COMPARED: Record<NonNullable<IndicatorMentionInfo['notCompared']>, Msg> = {
  'period-unknown': { vi: 'không so sánh: không rõ kỳ của số liệu', en: 'not compared: its period is unknown' },
  change: { vi: 'không so sánh: đây là mức thay đổi, không phải mức đạt', en: 'not compared: it is a change, not a level' },
  enumeration: { vi: 'không so sánh: nhiều giá trị khác nhau cùng cách đọc trong một câu/bảng (liệt kê chưa phân biệt được)', en: 'not compared: several values read alike in one sentence or table (an enumeration we cannot tell apart)' },
  indicator: { vi: 'không so sánh: chỉ số này không được đối chiếu', en: 'not compared: this indicator is not compared' },
  norm: { vi: 'không so sánh: định mức/khuyến cáo', en: 'not compared: a norm or recommendation' },
  reference: { vi: 'không so sánh: số liệu dẫn để so sánh mà không rõ của ai', en: 'not compared: a figure quoted for comparison whose owner is not named' },
  contrasted: { vi: 'không so sánh: câu so sánh số này với chính nơi của phạm vi văn bản, nên không rõ là số của nơi nào', en: "not compared: the sentence compares it with the very place of the document's scope, so whose it is is unknown" },
};

/**
 * Every indicator mention of the document, in document order, with what it was
 * read as. Use `buildDocModel(text, config, cache)` to get the doc.
 */
export function indicatorSummary(doc: DocModel, config: ResolvedConfig): IndicatorMentionInfo[] {
  const { mentions } = resolveDocument(doc, config);
  return mentions.map((rm) => {
    const m = rm.m;
    const f = factorOf(rm.ind, m);
    const dec = Math.min(4, Math.max(0, m.decimals + Math.round(-Math.log10(f || 1))));
    let normalized = formatVi(rm.norm, dec);
    if (rm.normHi !== undefined) normalized += ' - ' + formatVi(rm.normHi, dec);
    const info: IndicatorMentionInfo = {
      start: docOffset(rm.block, m.start),
      end: Math.max(docOffset(rm.block, m.start), docOffset(rm.block, m.end)),
      line: rm.line,
      indicator: rm.ind.id,
      name: { vi: rm.ind.name_vi, en: rm.ind.name_en ?? rm.ind.name_vi },
      written: display(m),
      value: rm.norm,
      valueHi: rm.normHi,
      normalized,
      unit: rm.ind.unit.replace(/\s*\(.*\)\s*$/, '') || rm.ind.unit,
      period: rm.periodKey && rm.periodLabel ? { key: rm.periodKey, label: rm.periodLabel } : undefined,
      place: { key: rm.place, label: rm.placeLabel },
      kind: rm.kind,
      kindLabel: KIND_LABEL[rm.kind],
      hedge: m.hedge,
      subtypes: m.sub,
      key: rm.key,
      interval: rm.interval,
      cross: crossKeyOf(rm),
      reading: { vi: '', en: '' },
    };
    info.reading = readingOf(rm);
    if (!rm.key) {
      info.notCompared =
        rm.ind.compare === false
          ? 'indicator'
          : rm.kind === 'change'
            ? 'change'
            : m.ref === 'norm'
              ? 'norm'
              : m.ref === 'unknown'
                ? 'reference'
                : rm.how.contrasted
                  ? 'contrasted'
                  : m.ambiguous
                  ? 'enumeration'
                  : 'period-unknown';
    }
    if (info.notCompared) {
      const n = NOT_COMPARED[info.notCompared];
      info.reading = { vi: `${info.reading.vi}. ${n.vi}`, en: `${info.reading.en}. ${n.en}` };
    }
    return info;
  });
}

/**
 * The reading of the figure at a document offset (UTF-16, original text): how
 * it was read and, when it is not compared, why. Undefined when no indicator
 * figure covers the offset. Bilingual.
 */
export function figureReadingAt(doc: DocModel, config: ResolvedConfig, offset: number): IndicatorMentionInfo | undefined {
  return indicatorSummary(doc, config).find((x) => x.start <= offset && offset <= x.end);
}

const HEAD = {
  vi: ['Dòng', 'Chỉ số', 'Giá trị ghi', 'Giá trị chuẩn hóa', 'Kỳ', 'Địa bàn', 'Loại'],
  en: ['Line', 'Indicator', 'As written', 'Normalized', 'Period', 'Place', 'Kind'],
};

/**
 * The summary as a Markdown table. Headers in both languages ("Chỉ số /
 * Indicator"); cell text in `locale` (default Vietnamese). Pure: no I/O.
 */
export function renderIndicatorSummary(infos: readonly IndicatorMentionInfo[], locale: Locale = 'vi'): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const pick = (m: Msg) => localize(m, locale);
  const head = HEAD.vi.map((v, i) => `${v} / ${HEAD.en[i]}`);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const none = pick(msg('không tìm thấy số liệu chỉ số nào', 'no indicator figures found'));
  for (const x of infos) {
    const sub = x.subtypes.length ? ` (${x.subtypes.map((s) => s.slice(s.indexOf(':') + 1)).join(', ')})` : '';
    const period = pick(x.period ? x.period.label : msg('? (không so sánh)', '? (not compared)'));
    lines.push(
      `| ${[String(x.line + 1), pick(x.name) + sub, pick(x.written), `${x.normalized} ${x.unit}`, period, pick(x.place.label), pick(x.kindLabel)].map(esc).join(' | ')} |`,
    );
  }
  if (!infos.length) lines.push(`| ${[none, '', '', '', '', '', ''].join(' | ')} |`);
  return lines.join('\n') + '\n';
}
