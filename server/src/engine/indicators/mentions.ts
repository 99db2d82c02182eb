// The mention extractor: for every figure in a block's prose and table cells,
// decide whether it is a value of a catalogued indicator and read what it
// means (indicator, sub-type, value and precision, hedge, unit, period, place,
// kind). Per block and cached with it: it depends only on the block's text and
// the config. Headings, captions and the document's year are applied later, in
// the document-level step (resolve.ts).
//
// The reader is split as a reader of reports reads: read.ts (a segment's
// tokens: names, units, periods via period.ts, places, qualifiers), prose.ts
// (sentences and what each figure says), kind.ts (achieved / target / quoted
// for comparison), table.ts (rows, column headers, unit columns), context.ts
// (headings and captions), mention.ts (the Mention shape and shared helpers).
import { analysis } from '../rule';
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { catalogueFor } from './catalogue';
import { captionOf, contextOf, isCaption } from './context';
import { sectionUnitOf } from './counts';
import { comparedPlace } from './kind';
import { segmentTokens } from './lexer';
import type { BlockIndicators, Context, ReadCtx } from './mention';
import { extractProse, type ParagraphState } from './prose';
import { readTokens, type Reading } from './read';
import { issuerOfHeader, scopeBit, type Scope } from './scope';
import { extractTable } from './table';

export { factorOf, indicatorOf, type BlockIndicators, type Context, type Mention, type MentionKind, type MissingUnit, type RefRole } from './mention';

/** The indicator facts of a block (cached per block). */
export const blockIndicators = analysis('indicator-mentions', (block: Block, config: ResolvedConfig): BlockIndicators => extractBlock(block, config), { blockPhase: true });

const HEADER_HINT = /Y TẾ|BỆNH VIỆN|UBND|ỦY BAN|UỶ BAN|TTYT/u;
const OWN_SCOPE = new Set<string>(['province', 'district', 'hospital', 'commune']);

export function extractBlock(block: Block, config: ResolvedConfig): BlockIndicators {
  const out: BlockIndicators = { mentions: [], missingUnits: [], scopes: 0 };
  if (!block.segments.length) return out;
  const ctx: ReadCtx = { cat: catalogueFor(config), prose: block.prose };
  // A short block in capitals naming a health body: the header block (read on the text, it may have no figure).
  if (block.prose.length < 600 && HEADER_HINT.test(block.prose)) out.issuer = issuerOfHeader(block.prose);
  const readings = readingsOf(block, config);
  out.scopes = ownScopes(readings);
  const tables = new Map<number, number[]>();
  const captions = new Map<number, Context | undefined>();
  const para: ParagraphState = {};
  let lastCaption: Context | undefined;
  block.segments.forEach((seg, i) => {
    const r = readings[i];
    if (seg.kind === 'table-cell') {
      // Table cells are read per table, after the block's prose (a caption before the table applies to it).
      const id = seg.table!.tableId;
      let list = tables.get(id);
      if (!list) {
        tables.set(id, (list = []));
        captions.set(id, lastCaption);
      }
      list.push(i);
      return;
    }
    if (seg.kind === 'heading') {
      out.heading = { ...contextOf(r, true), level: seg.level ?? 1 };
      // A section about one facility or department (never the document's title).
      const unit = (seg.level ?? 1) >= 2 ? sectionUnitOf(r.toks) : undefined;
      if (unit) out.heading.unit = unit;
    }
    para.period = undefined;
    extractProse(ctx, r, i, out.mentions, out.missingUnits, para);
    lastCaption = isCaption(r) ? captionOf(r) : undefined;
  });
  for (const [id, segs] of tables) extractTable(ctx, block, readings, segs, id, out.mentions, captions.get(id));
  // A caption right before a table in the same block belongs to that table (applied in resolve); one ending the block, to the next block.
  if (lastCaption && block.segments[block.segments.length - 1].kind !== 'table-cell') out.caption = lastCaption;
  return out;
}

/** The own-scope words a block uses ("toàn tỉnh"); a place only compared with ("cao hơn mức chung của toàn tỉnh") does not say whose report it is. */
function ownScopes(readings: readonly Reading[]): number {
  let scopes = 0;
  for (const r of readings) for (const h of r.hits) if (h.type === 'place' && OWN_SCOPE.has(h.key) && !comparedPlace(r, h.s, 0)) scopes |= scopeBit(h.key as Scope);
  return scopes;
}

/** What a segment left unread reads as: nothing. */
const EMPTY_READING: Reading = { toks: [], hits: [], hitOf: [], unitAt: [], groupOf: [], closeOf: new Map(), openOf: new Map() };
/** Words a paragraph without figures may matter by: its province scope ("toàn tỉnh", "thành phố ta") or a caption ("Bảng 2"). */
const MAY_MATTER = /tỉnh|phố|toàn huyện|địa bàn huyện|toàn viện|toàn xã|địa bàn xã|bảng|biểu/iu;

/**
 * The reading of each segment of a block. Segments that cannot give a figure
 * or a context are left unread: paragraphs without a number (unless they may
 * be a caption or name the province) and tables without a number. Shared by
 * the fraction, ratio and mention extractors of a block; transient (tokens are
 * many and short-lived): the extractors that document steps read are computed
 * in the block phase (analysis blockPhase) while the readings are still there.
 */
export const readingsOf = analysis('indicator-readings', (block: Block, config: ResolvedConfig): Reading[] => readBlock(block, config), { transient: true });

function readBlock(block: Block, config: ResolvedConfig): Reading[] {
  const cat = catalogueFor(config);
  const segs = block.segments;
  let tablesWithNumbers: Set<number> | undefined;
  const keep = (i: number, counts: readonly number[]): boolean => {
    const seg = segs[i];
    if (counts[i] > 0 || seg.kind === 'heading') return true;
    if (seg.kind === 'table-cell') {
      if (!tablesWithNumbers) {
        tablesWithNumbers = new Set();
        for (let k = 0; k < segs.length; k++) if (counts[k] > 0 && segs[k].table) tablesWithNumbers.add(segs[k].table!.tableId);
      }
      return tablesWithNumbers.has(seg.table!.tableId);
    }
    MAY_MATTER.lastIndex = 0;
    return MAY_MATTER.test(block.prose.slice(seg.start, seg.end));
  };
  const toks = segmentTokens(block, config, keep);
  return toks.map((t) => (t.length ? readTokens(t, cat) : EMPTY_READING));
}
