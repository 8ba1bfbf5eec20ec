import ExcelJS from 'exceljs';
import type { EChartsOption } from 'echarts';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { exceljsPictures, openpyxlPictures, zipPictures } from '../../../tests/support/xlsx-images.js';
import { addChartSheet, type ChartSheetSpec } from './index.js';

const bar = (labels: string[], values: number[]): EChartsOption => ({
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: values }],
});

const SPEC: ChartSheetSpec = {
  name: '统计',
  heading: '直播统计',
  figures: [
    ['直播场次', 3],
    ['观看人数合计', 60],
  ],
  widths: [20, 10, 10],
  chartSize: { width: 400, height: 240 },
  blocks: [
    {
      title: '每日直播场次',
      header: ['日期', '场次'],
      rows: [
        ['2025-03-01', 2],
        ['2025-03-02', 1],
      ],
      chart: bar(['2025-03-01', '2025-03-02'], [2, 1]),
    },
    {
      title: '签到率',
      header: ['直播', '观看', '签到率'],
      rows: [['周会', 40, 0.25]],
      numFmts: [undefined, undefined, '0.0%'],
      // A chart ECharts cannot draw: the table stays, a note says why the picture is missing.
      chart: { series: [{ type: 'no-such-chart' }] } as unknown as EChartsOption,
    },
    { title: '空表', header: ['项目', '人数'], rows: [], chart: bar([], []) },
  ],
};

describe('sdk/main/charts addChartSheet', () => {
  let dir: string;
  beforeEach(() => (dir = tempDataDir('chart-sheet')));
  afterEach(() => removeDir(dir));

  async function check(path: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('统计');
    const column = (col: number): unknown[] => (sheet?.getColumn(col).values ?? []).slice(1);
    expect(sheet?.getCell('A1').value).toBe('直播统计');
    expect(sheet?.getCell('A2').value).toBe('直播场次');
    expect(sheet?.getCell('B2').value).toBe(3);
    // Blocks: blank, title, header, rows; the first is padded to the 12 rows its picture covers.
    expect(sheet?.getCell('A5').value).toBe('每日直播场次');
    expect(sheet?.getRow(6).values).toEqual([undefined, '日期', '场次']);
    expect(sheet?.getRow(7).values).toEqual([undefined, '2025-03-01', 2]);
    const rateTitle = column(1).indexOf('签到率') + 1;
    expect(rateTitle).toBe(6 + 12 + 2);
    expect(sheet?.getRow(rateTitle + 2).getCell(3).value).toBe(0.25);
    expect(sheet?.getRow(rateTitle + 2).getCell(3).numFmt).toBe('0.0%');
    const note = String(sheet?.getRow(rateTitle + 1).getCell(5).value);
    expect(note).toContain('“签到率”图表未能生成，数据见本表。');
    expect(note).toContain('类型无法识别');
    expect(column(1)).toContain('（无数据）');
    const pictures = await exceljsPictures(path, '统计');
    expect(pictures.map(({ row, col }) => [row, col])).toEqual([[6, 5]]);
    expect((await zipPictures(path)).media.length).toBe(1);
    const openpyxl = openpyxlPictures(path, '统计');
    if (openpyxl !== null) expect(openpyxl).toEqual([[6, 5]]);
  }

  it('writes figures, tables, one picture and a note for the chart that failed (in-memory workbook)', async () => {
    const path = join(dir, 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    const result = await addChartSheet(workbook, SPEC);
    await workbook.xlsx.writeFile(path);
    expect(result.images).toBe(1);
    expect(result.failed).toEqual(['签到率']);
    expect(result.renderMs.length).toBe(1);
    await check(path);
  });

  it('writes the same sheet into a streamed workbook', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const result = await addChartSheet(writer, SPEC);
    await writer.commit();
    expect(result.images).toBe(1);
    await check(path);
  });
});
