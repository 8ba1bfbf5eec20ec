// One ECharts option to an SVG (ECharts' server-side renderer) and a PNG (resvg, off the JS thread).
import type { EChartsOption } from 'echarts';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { chartFont, type ChartFont } from './chart-font.js';

type ECharts = typeof import('echarts');
let echartsModule: ECharts | undefined;

/**
 * ECharts on first use (a process that never renders a chart never pays for it), as its one-file CommonJS
 * bundle: Node's import of its ES modules loads some 1,000 files, about 70 MB more memory and seconds
 * more time than the bundle's 20 MB.
 */
function loadECharts(): ECharts {
  echartsModule ??= createRequire(import.meta.url)('echarts') as ECharts;
  return echartsModule;
}

export interface ChartRenderOptions {
  /** The chart's size in CSS pixels, as it would be drawn on a page. */
  width: number;
  height: number;
  /** PNG pixels per CSS pixel (default 2: sharp on high-DPI screens and in print). */
  scale?: number;
  /** PNG background (default white: Excel shows a transparent PNG over grid lines). */
  background?: string;
  /** Default: chartFont() for this platform. */
  font?: ChartFont;
}

export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** The size it renders at in the sheet (CSS pixels = the options' width and height). */
  width: number;
  height: number;
  /** Milliseconds the render took (SVG and PNG). */
  ms: number;
}

export interface ChartFailure {
  /** Why the chart could not render, in Chinese. */
  error: string;
}

export type ChartResult = RenderedChart | ChartFailure;

const MAX_SIDE = 4000;

export function isRenderedChart(result: ChartResult): result is RenderedChart {
  return 'png' in result;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Renders `option` to SVG and PNG. Never throws: a bad option, a missing resvg binary or a failing
 * render comes back as `{ error }` (Chinese) for the caller to show beside the chart's data.
 * Animation is off and the text family is the platform's CJK font unless the option sets its own.
 * The SVG step runs on the calling thread (tens of milliseconds); the PNG step too in a worker thread,
 * in libuv's thread pool on the main thread.
 */
export async function renderChart(option: EChartsOption, options: ChartRenderOptions): Promise<ChartResult> {
  const started = performance.now();
  const { width, height } = options;
  const scale = options.scale ?? 2;
  for (const [name, value] of [
    ['宽度', width],
    ['高度', height],
    ['宽度 × 倍数', width * scale],
    ['高度 × 倍数', height * scale],
  ] as const) {
    if (!Number.isFinite(value) || value < 1 || value > MAX_SIDE) {
      return { error: `图表尺寸不对：${name}为 ${value}，应在 1 到 ${MAX_SIDE} 像素之间。` };
    }
  }
  const font = options.font ?? chartFont();
  let svg: string;
  try {
    const echarts = loadECharts();
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      const textStyle = Array.isArray(option.textStyle) ? {} : (option.textStyle ?? {});
      chart.setOption({
        animation: false,
        ...option,
        textStyle: { fontFamily: font.family, ...textStyle },
      });
      // ECharts drops a series of a type it does not know (with a console message) and draws the rest.
      const asked = option.series === undefined ? 0 : Array.isArray(option.series) ? option.series.length : 1;
      // getModel() is public at runtime; ECharts' typings mark it private.
      const drawn = (chart as unknown as { getModel(): { getSeriesCount(): number } })
        .getModel()
        .getSeriesCount();
      if (drawn < asked) throw new Error(`${asked - drawn} 个系列的类型无法识别`);
      svg = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  } catch (error) {
    return { error: `图表配置有误，未能生成图表（${reason(error)}）。` };
  }
  try {
    const resvg = await import('@resvg/resvg-js');
    const settings: ResvgRenderOptions = {
      fitTo: { mode: 'zoom', value: scale },
      background: options.background ?? '#ffffff',
      font: {
        fontFiles: font.files,
        loadSystemFonts: font.loadSystemFonts,
        defaultFontFamily: font.family,
        sansSerifFamily: font.family,
      },
      logLevel: 'off',
    };
    // In a worker (where exports build their workbooks) on that thread: it is off the host's event loop
    // already, and it reuses one allocator arena (libuv's pool spreads the font's copies over several:
    // about 40 MB more memory for five charts). On the main thread in libuv's pool, never blocking it.
    const image = isMainThread
      ? await resvg.renderAsync(svg, settings)
      : new resvg.Resvg(svg, settings).render();
    const png = image.asPng();
    return { svg, png, width, height, ms: performance.now() - started };
  } catch (error) {
    return { error: `图表图片生成失败（${reason(error)}）。` };
  }
}

/** The note a sheet shows where a chart could not render: its data stays in the table beside it. */
export function chartFailureNote(title: string, failure: ChartFailure): string {
  return `“${title}”图表未能生成，数据见本表。${failure.error}`;
}
