import ExcelJS from 'exceljs';
import type { EChartsOption } from 'echarts';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import {
  exceljsPictures,
  openpyxlPictures,
  PNG_SIGNATURE,
  pngSize,
  zipPictures,
} from '../../../tests/support/xlsx-images.js';
import {
  chartFailureNote,
  chartFont,
  isRenderedChart,
  placeChartImage,
  renderChart,
  type ChartResult,
  type RenderedChart,
} from './index.js';

const PIE: EChartsOption = {
  title: { text: '观众构成', left: 'center' },
  legend: { bottom: 0 },
  series: [
    {
      type: 'pie',
      radius: ['36%', '60%'],
      data: [
        { name: '企业成员', value: 12 },
        { name: '微信用户', value: 7 },
        { name: '企业微信用户（外部）', value: 3 },
      ],
    },
  ],
};

function rendered(result: ChartResult): RenderedChart {
  if (!isRenderedChart(result)) throw new Error(`not rendered: ${result.error}`);
  return result;
}

describe('sdk/main/charts renderChart', () => {
  it('draws a chart with Chinese labels to an SVG and a PNG of twice its size', async () => {
    const chart = rendered(await renderChart(PIE, { width: 480, height: 300 }));
    expect(chart.svg).toContain('<svg');
    expect(chart.svg).toContain('企业成员');
    expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(chart.png)).toEqual({ width: 960, height: 600 });
    expect(chart.width).toBe(480);
    expect(chart.height).toBe(300);
    // Not blank: a white picture of that size compresses to a few hundred bytes.
    const empty = rendered(await renderChart({}, { width: 480, height: 300 }));
    expect(chart.png.length).toBeGreaterThan(empty.png.length * 5);
  });

  it('draws the Chinese glyphs with the platform font (a font-less render of the same title is blank)', async () => {
    const title: EChartsOption = { title: { text: '签到情况与观看时长', left: 'center', top: 'middle' } };
    const withFont = rendered(await renderChart(title, { width: 400, height: 120 }));
    const noFont = rendered(
      await renderChart(title, {
        width: 400,
        height: 120,
        font: { files: [], loadSystemFonts: false, family: 'none' },
      }),
    );
    expect(chartFont().files.length).toBe(1);
    expect(withFont.png.length).toBeGreaterThan(noFont.png.length * 3);
  });

  it('answers a bad option or size with a Chinese reason instead of throwing', async () => {
    const bad = await renderChart({ series: [{ type: 'no-such-chart' }] } as unknown as EChartsOption, {
      width: 300,
      height: 200,
    });
    expect(isRenderedChart(bad)).toBeFalse();
    expect('error' in bad ? bad.error : '').toContain('图表');
    const huge = await renderChart(PIE, { width: 3000, height: 200 });
    expect('error' in huge ? huge.error : '').toContain('宽度 × 倍数');
    if ('error' in bad)
      expect(chartFailureNote('观众构成', bad)).toContain('“观众构成”图表未能生成，数据见本表。');
  });
});

describe('sdk/main/charts placeChartImage', () => {
  let dir: string;
  let png: Buffer;
  beforeAll(async () => {
    png = rendered(await renderChart(PIE, { width: 400, height: 260 })).png;
  });
  beforeEach(() => (dir = tempDataDir('charts')));
  afterEach(() => removeDir(dir));

  it('shows the picture on an in-memory workbook’s sheet at the cell asked for', async () => {
    const path = join(dir, 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('数据').addRow(['x']);
    const sheet = workbook.addWorksheet('统计');
    sheet.addRow(['项目', '人数']);
    placeChartImage(workbook, sheet, png, { row: 2, col: 5, width: 400, height: 260, title: '观众构成' });
    await workbook.xlsx.writeFile(path);

    const parts = await zipPictures(path);
    expect(parts.media.length).toBe(1);
    expect(parts.drawingsBySheet.get('xl/worksheets/sheet2.xml')?.length).toBe(1);
    expect(parts.drawingsBySheet.get('xl/worksheets/sheet1.xml') ?? []).toEqual([]);
    const pictures = await exceljsPictures(path, '统计');
    expect(pictures.map(({ row, col }) => [row, col])).toEqual([[2, 5]]);
    expect(pictures[0]?.png.equals(png)).toBeTrue();
    const openpyxl = openpyxlPictures(path, '统计');
    if (openpyxl !== null) expect(openpyxl).toEqual([[2, 5]]);
  });

  it('shows pictures on a streamed sheet between streamed ones, readable by exceljs and openpyxl', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const before = writer.addWorksheet('明细');
    for (let row = 1; row <= 50; row += 1) before.addRow([`观众 ${row}`, row]).commit();
    before.commit();
    const sheet = writer.addWorksheet('画像');
    placeChartImage(writer, sheet, png, { row: 1, col: 5, width: 400, height: 260, title: '观众 & 构成' });
    placeChartImage(writer, sheet, png, { row: 16, col: 5, width: 400, height: 260 });
    for (let row = 1; row <= 30; row += 1) sheet.addRow([`项目 ${row}`, row]).commit();
    sheet.commit();
    const after = writer.addWorksheet('未匹配');
    after.addRow(['无']).commit();
    after.commit();
    await writer.commit();

    const parts = await zipPictures(path);
    expect(parts.media.length).toBe(2);
    expect(parts.drawingsBySheet.get('xl/worksheets/sheet2.xml')).toEqual(['drawing2.xml']);
    expect(parts.contentTypes).toContain('/xl/drawings/drawing2.xml');
    expect(parts.contentTypes).toContain('Extension="png"');
    const pictures = await exceljsPictures(path, '画像');
    expect(pictures.map(({ row, col }) => [row, col])).toEqual([
      [1, 5],
      [16, 5],
    ]);
    expect(pictures.every((picture) => picture.png.equals(png))).toBeTrue();
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(path);
    expect(read.getWorksheet('画像')?.getRow(30).values).toEqual([undefined, '项目 30', 30]);
    expect(read.getWorksheet('明细')?.rowCount).toBe(50);
    const openpyxl = openpyxlPictures(path, '画像');
    if (openpyxl !== null) {
      expect(openpyxl).toEqual([
        [1, 5],
        [16, 5],
      ]);
    }
  });

  it('refuses a streamed sheet already committed, and a cell outside the sheet', () => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'x.xlsx') });
    const sheet = writer.addWorksheet('表');
    sheet.commit();
    expect(() => placeChartImage(writer, sheet, png, { row: 1, col: 1, width: 10, height: 10 })).toThrowError(
      /commit/,
    );
    const book = new ExcelJS.Workbook();
    expect(() =>
      placeChartImage(book, book.addWorksheet('表'), png, { row: 0, col: 1, width: 10, height: 10 }),
    ).toThrowError(/第 0 行/);
  });
});
