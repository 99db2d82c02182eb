// The vnhr/indicatorSummary request (the "show indicator summary" command):
// every indicator figure of the document as a Markdown table.
import { renderIndicatorSummary, localize, msg } from '../engine';
import type { InsightsOf } from '../insights';
import type { ServerContext } from './context';
import { INDICATOR_SUMMARY_REQUEST, type IndicatorSummaryParams, type IndicatorSummaryResult } from '../protocol';

export function registerIndicatorSummary(ctx: ServerContext, insightsOf: InsightsOf) {
  ctx.connection.onRequest(INDICATOR_SUMMARY_REQUEST, async (p: IndicatorSummaryParams): Promise<IndicatorSummaryResult> => {
    const ins = await insightsOf(p.uri, { current: true });
    if (!ins) return { markdown: '', count: 0 };
    const title = localize(msg('# Tổng hợp chỉ số trong báo cáo', '# Indicators in this report'), ins.locale);
    return { markdown: `${title}\n\n${renderIndicatorSummary(ins.indicators, ins.locale)}`, count: ins.indicators.length };
  });
  return {};
}
