// What the editor features and the comparison across reports know of one
// indicator figure (indicatorSummary builds it). Its own module so that
// crossfile.ts can name the part it needs without importing index.ts.
import type { Msg } from '../types';
import type { Hedge } from './compare';
import type { MentionKind } from './mentions';

export interface IndicatorMentionInfo {
  /** Document offsets (UTF-16, original text) of the figure, % sign included. */
  start: number;
  end: number;
  /** Zero-based line of the figure. */
  line: number;
  indicator: string;
  name: Msg;
  /** The figure as written, with its hedge and unit ("trên 90%", "12,5 bác sĩ/vạn dân"). */
  written: Msg;
  /** The value in the catalogue unit (the lower end for a range). */
  value: number;
  /** Top of a range ("2,0 - 2,1"). */
  valueHi?: number;
  /** The value in the catalogue unit, written the Vietnamese way ("12,5"). */
  normalized: string;
  /** The catalogue unit ("bác sĩ/10.000 dân", "%"). */
  unit: string;
  period?: { key: string; label: Msg };
  place: { key: string; label: Msg };
  kind: MentionKind;
  kindLabel: Msg;
  hedge?: Hedge;
  /** Sub-types that set this figure apart ("sex:nữ", "age:dưới 5"). */
  subtypes: string[];
  /** Mentions with the same key state the same fact; undefined when this one is not compared (unknown period, change, enumeration). */
  key?: string;
  /** The interval of true values in the catalogue unit (rounding, truncation, hedges): two figures of one key agree when these overlap. */
  interval: [number, number];
  /**
   * The key across reports (`key` with the report's own place named by its issuer, a table row's
   * place label as the place) and that place's label; undefined when the place cannot be named
   * outside this report, or the figure is not compared.
   */
  cross?: { key: string; place: Msg };
  /** Why it is not compared, when it is not. */
  notCompared?: 'period-unknown' | 'change' | 'enumeration' | 'indicator' | 'norm' | 'reference' | 'contrasted';
  /** How it was read: period, place, kind, where each came from and the words that decided; and why it is not compared. */
  reading: Msg;
}
