// The 观众画像 charts rendered in a worker of their own (sdk/main/workers.ts), before the workbook's:
// ECharts and the CJK font then leave with this worker, and the big export's peak memory stays that of
// its rows.
import { renderChart, type ChartResult } from '../../../sdk/main/charts/index.js';
import type { WorkerTask } from '../../../sdk/main/workers.js';
import type { LiveDetailCharts } from '../shared/live-detail-api.js';
import { viewerChartCards } from '../shared/viewer-chart-options.js';

export interface ProfileChartsTask {
  charts: LiveDetailCharts;
  inviterSupported: boolean;
}

/** The pictures' size in the sheet: about a detail page card's chart. */
export const PROFILE_CHART = { width: 480, height: 280 };

export const PROFILE_CHARTS_WORKER = new URL('./profile-charts-worker.js', import.meta.url);

/** One result per card of viewerChartCards (light theme), null for a card without points. */
export async function renderProfileCharts(input: ProfileChartsTask): Promise<Array<ChartResult | null>> {
  const cards = viewerChartCards(input.charts, { dark: false, inviterSupported: input.inviterSupported });
  const results: Array<ChartResult | null> = [];
  for (const card of cards) {
    results.push(card.points.length === 0 ? null : await renderChart(card.option, PROFILE_CHART));
  }
  return results;
}

export const task: WorkerTask<ProfileChartsTask, Array<ChartResult | null>> = (input) =>
  renderProfileCharts(input);
