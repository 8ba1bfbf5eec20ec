/**
 * Charts in Excel exports (R7.2): an ECharts option rendered on the server to SVG and PNG, and the PNG
 * placed on a worksheet next to the figures it draws. docs/plugin-development.md, "Charts in Excel exports".
 *
 * The API (stable; everything else in this folder is internal):
 *
 *   renderChart(option, { width, height, scale?, background?, font? }): Promise<ChartResult>
 *     ECharts' SSR renderer (SVG, animation off, text in the platform's CJK font) then resvg (PNG at
 *     `scale`, default 2, on a white background). Never throws: a bad option, a missing resvg binary or
 *     a failing render resolves to `{ error }` in Chinese. About 0.2-0.4 s per chart on a busy 2-core
 *     box, most of it resvg reading the CJK font; the first call also loads ECharts (about 20 MB). In a
 *     worker thread the PNG step runs on that thread, on the main thread in libuv's pool, so the host's
 *     event loop never waits for it. Build whole workbooks in a worker (ctx.workers.run,
 *     sdk/main/workers.ts) as the built-in exports do.
 *   isRenderedChart(result): result is RenderedChart   { svg, png, width, height, ms }
 *   chartFailureNote(title, failure): string
 *     The note to write beside the chart's data table where the image would have gone. An export with
 *     a failed chart still succeeds: the table stays, the note says why the picture is missing.
 *   placeChartImage(workbook, worksheet, png, { row, col, width, height, title? }): void
 *     Shows the PNG with its top-left corner at cell (row, col), 1-based, `width` x `height` CSS pixels.
 *     Works for `new ExcelJS.Workbook()` and for the streaming `ExcelJS.stream.xlsx.WorkbookWriter`
 *     (there: before the sheet's commit(); rows above and below may be streamed as usual).
 *   rowsCovered(heightPx): number   default-height rows (20 px) an image covers, for the layout.
 *   addChartSheet(workbook, { name, heading?, figures?, widths?, blocks, chartSize? })
 *     : Promise<{ images, failed, renderMs }>
 *     The analysis sheet in one call: heading, label/value figures, then per block (title, header, rows,
 *     numFmts?, chart option or null) the table with its chart beside it (or the failure note), blocks
 *     spaced so pictures never overlap. Both workbook kinds; commits a streamed sheet. A block's
 *     `rendered` (a ChartResult from renderChart, e.g. made in a worker of its own before a big
 *     workbook's worker, as live-detail's export does) is used instead of rendering `chart` again.
 *   chartFont(platform?): ChartFont   the font the PNGs use: WenQuanYi Zen Hei / Noto Sans CJK on
 *     Linux, Microsoft YaHei on Windows, PingFang SC on macOS (files found on disk, else system fonts).
 */
export { chartFont, type ChartFont } from './chart-font.js';
export {
  addChartSheet,
  type ChartBlock,
  type ChartSheetCell,
  type ChartSheetResult,
  type ChartSheetSpec,
} from './chart-sheet.js';
export {
  DEFAULT_ROW_PX,
  placeChartImage,
  rowsCovered,
  type ChartAnchor,
  type ChartImageSize,
} from './place-image.js';
export {
  chartFailureNote,
  isRenderedChart,
  renderChart,
  type ChartFailure,
  type ChartRenderOptions,
  type ChartResult,
  type RenderedChart,
} from './render-chart.js';
