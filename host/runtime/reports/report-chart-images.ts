// Where report charts become PNG images in the Excel export (report-workbook.ts calls it for every chart
// of the analysis sheet): the server-side renderer of sdk/main/charts (ECharts option → SVG → PNG with
// @resvg/resvg-js). It never throws: a chart that cannot render answers a note, and the workbook keeps
// the chart's figures as a table with that note; the export never fails for a chart.
import type { EChartsOption } from 'echarts';
import { chartFailureNote, isRenderedChart, renderChart } from '../../../sdk/main/charts/index.js';

export type ChartImage = { png: Buffer; width: number; height: number } | { note: string };

export async function renderReportChart(
  title: string,
  option: Record<string, unknown>,
  size: { width: number; height: number },
): Promise<ChartImage> {
  const rendered = await renderChart(option as EChartsOption, size);
  if (isRenderedChart(rendered)) return { png: rendered.png, width: rendered.width, height: rendered.height };
  return { note: chartFailureNote(title, rendered) };
}
