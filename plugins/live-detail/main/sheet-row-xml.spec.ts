import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { SheetRowXml } from './sheet-row-xml.js';

describe('SheetRowXml (rows written as text into exceljs’s streamed sheet)', () => {
  let dir: string;
  beforeEach(() => (dir = tempDataDir('sheet-row-xml')));
  afterEach(() => removeDir(dir));

  it('reads back as the same text, numbers and dates, below the rows exceljs wrote', async () => {
    const path = join(dir, 'rows.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const sheet = writer.addWorksheet('表');
    sheet.addRow(['标题']).commit();
    sheet.addRow(['观众', '秒数', '时间', '备注']).commit();
    const dateStyle = { numFmt: 'yyyy-mm-dd hh:mm:ss' };
    const rows = new SheetRowXml(writer, sheet, 4, dateStyle, 3);
    const messy = '张三 & <李四> "王五" \u0001\u0008末尾';
    rows.add([messy, 3725, new Date(Date.UTC(2025, 2, 13, 12, 17, 0)), '']);
    rows.add(['客户2', 0.5, '已签到', '  前后空格  ']);
    rows.add(['第一行\n第二行', 1, '\t制表', '中 间 空 格']);
    rows.flush();
    sheet.commit();
    await writer.commit();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const read = workbook.getWorksheet('表');
    expect(read?.rowCount).toBe(5);
    expect(read?.getRow(3).getCell(1).value).toBe('张三 & <李四> "王五" 末尾');
    expect(read?.getRow(3).getCell(2).value).toBe(3725);
    const date = read?.getRow(3).getCell(3);
    expect(date?.type).toBe(ExcelJS.ValueType.Date);
    expect(date?.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect((date?.value as Date).toISOString()).toBe('2025-03-13T12:17:00.000Z');
    expect(read?.getRow(3).getCell(4).value).toBeNull();
    expect(read?.getRow(4).values).toEqual([undefined, '客户2', 0.5, '已签到', '  前后空格  ']);
    expect(read?.getRow(5).values).toEqual([undefined, '第一行\n第二行', 1, '\t制表', '中 间 空 格']);
  });

  it('holds back while the zip has more than the limit of the sheet queued, and loses no row', async () => {
    const path = join(dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const sheet = writer.addWorksheet('表');
    sheet.addRow(['观众', '序号']).commit();
    const rows = new SheetRowXml(writer, sheet, 2, {}, 2);
    const queued = (): number =>
      (sheet as unknown as { stream: { pipes: Array<{ _writableState: { length: number } }> } }).stream
        .pipes[0]?._writableState.length ?? 0;
    const limit = 256 * 1024;
    let most = 0;
    for (let index = 0; index < 40_000; index += 1) {
      rows.add([`观众${index}-${'长'.repeat(40)}`, index]);
      if (index % 1000 === 999) {
        rows.flush();
        most = Math.max(most, queued());
        await rows.drained(limit);
        expect(queued()).toBeLessThanOrEqual(limit);
      }
    }
    rows.flush();
    sheet.commit();
    await writer.commit();
    // Without the wait the queue holds every row written so far (several MB by the end).
    expect(most).toBeGreaterThan(limit);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const read = workbook.getWorksheet('表');
    expect(read?.rowCount).toBe(40_001);
    expect(read?.getRow(40_001).getCell(2).value).toBe(39_999);
  });
});
