// THE SEAM where report charts become PNG images in the Excel export (report-workbook.ts calls it for
// every chart of the analysis sheet). The server-side renderer (ECharts option → SVG → PNG with
// @resvg/resvg-js) belongs in sdk/main/charts/ and is built on its own branch; once it is merged, this
// function calls it. Until then, and whenever a chart cannot be rendered, the answer is a note: the
// workbook keeps the chart's figures as a table with that note, and the export never fails for a chart.

export type ChartImage = { png: Uint8Array; width: number; height: number } | { note: string };

export async function renderReportChart(
  _option: Record<string, unknown>,
  _size: { width: number; height: number },
): Promise<ChartImage> {
  return { note: '此版本尚未提供图表图片，下面是图表的数据。' };
}
