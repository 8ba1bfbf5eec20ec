import ExcelJS from 'exceljs';
import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';
import type {
  CheckinRoundSummary,
  LiveRecord,
  UnmatchedCheckin,
  ViewerDetail,
} from '../../../sdk/contracts/lives.js';
import type { ChartPoint, LiveDetailCharts } from '../shared/live-detail-api.js';
import {
  formatWatchTime,
  INVITER_RULE_LABELS,
  inviterText,
  UNMATCHED_REASONS,
  viewerKindLabel,
} from '../shared/viewer-format.js';

export const VIEWER_SHEET = '观众明细';
export const PROFILE_SHEET = '观众画像';
export const ROUNDS_SHEET = '签到轮次';
export const UNMATCHED_SHEET = '未匹配签到';
const MAX_TEXT_WIDTH = 50;
const YIELD_EVERY_ROWS = 2000;

export interface DetailWorkbookInput {
  live: LiveRecord;
  viewers: readonly ViewerDetail[];
  rounds: readonly CheckinRoundSummary[];
  /** Check-in rows kept without a viewer: listed on their own sheet, never dropped. */
  unmatched: readonly UnmatchedCheckin[];
  inviterSupported: boolean;
  charts: LiveDetailCharts | null;
  /** Times are written as text of this zone's wall clock (the installation's zone). */
  timeZone: string;
}

/** Unix seconds → `yyyy-MM-dd HH:mm:ss` of the zone's wall clock. */
function timeFormatter(timeZone: string): (unixSeconds: number) => string {
  return (unixSeconds) =>
    wallClockDate(unixSeconds * 1000, timeZone)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
}

/** Display width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return width;
}

/**
 * The detail export (R7.1, R7.2) in the house style of the audit export: a bold, frozen, filtered
 * header; columns sized to their content; streamed to disk. 观众明细 carries the R5.2 columns (one per
 * check-in round); 观众画像 the chart data as tables.
 */
export async function writeDetailWorkbook(path: string, input: DetailWorkbookInput): Promise<void> {
  const formatTime = timeFormatter(input.timeZone);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'WeCom Live';
  const headers = [
    '观众',
    'userid / external_userid',
    '观众类型',
    '观看时长',
    '观看秒数',
    '签到次数',
    ...input.rounds.map((round) => `${round.title !== '' ? round.title : `第 ${round.roundNo} 轮`}签到时间`),
    '邀请人',
    '邀请人 ID',
    '邀请人姓名来源',
    '评论',
    '连麦',
  ];
  const values = input.viewers.map((viewer) => [
    viewer.name,
    viewer.viewerId,
    viewerKindLabel(viewer),
    formatWatchTime(viewer.watchTime),
    viewer.watchTime,
    viewer.checkins.length,
    ...input.rounds.map((round) => {
      const at = viewer.checkins.find((checkin) => checkin.roundNo === round.roundNo)?.at;
      return at === undefined ? '' : at === null ? '已签到' : formatTime(at);
    }),
    inviterText(viewer, input.inviterSupported),
    viewer.invitorUserid ?? viewer.invitorExternalUserid ?? '',
    viewer.inviterRule === null || !input.inviterSupported ? '' : INVITER_RULE_LABELS[viewer.inviterRule],
    viewer.isComment ? '是' : '否',
    viewer.isMic ? '是' : '否',
  ]);
  await addTable(workbook, VIEWER_SHEET, headers, values);
  if (input.rounds.length > 0) {
    await addTable(
      workbook,
      ROUNDS_SHEET,
      ['轮次', '工作表', '签到发起时间', '已签到人数（签到表所写）', '明细行数', '已匹配观众', '未匹配'],
      input.rounds.map((round) => [
        round.roundNo,
        round.title,
        round.startedAt === null ? '' : formatTime(round.startedAt),
        round.reportedCount ?? '',
        round.records,
        round.matched,
        round.records - round.matched,
      ]),
    );
    await addTable(
      workbook,
      UNMATCHED_SHEET,
      ['轮次', '工作表', '行号', '已签到成员（原文）', '所在部门', '未匹配原因', '签到发起时间'],
      input.unmatched.map((row) => [
        row.roundNo,
        row.title,
        row.rowNo,
        row.memberLabel,
        row.department,
        UNMATCHED_REASONS[row.matchState],
        row.at === null ? '' : formatTime(row.at),
      ]),
    );
  }
  if (input.charts !== null) addProfile(workbook, input.live, input.charts);
  await workbook.commit();
}

async function addTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: string[],
  values: ReadonlyArray<Array<string | number>>,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  sheet.columns = headers.map((header, index) => {
    let widest = displayWidth(header);
    for (const row of values) {
      widest = Math.max(widest, displayWidth(String(row[index] ?? '')));
      if (widest >= MAX_TEXT_WIDTH) break;
    }
    return { header, key: `c${index}`, width: Math.min(MAX_TEXT_WIDTH, widest + 2) };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.commit();
  for (const [index, row] of values.entries()) {
    sheet.addRow(row).commit();
    // A big live (tens of thousands of viewers) lets other calls have their turn meanwhile.
    if (index % YIELD_EVERY_ROWS === YIELD_EVERY_ROWS - 1) await new Promise((done) => setImmediate(done));
  }
  sheet.commit();
}

/** The chart series one under another: a bold title row, then 项目 / 人数 / 占比 rows. */
function addProfile(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  live: LiveRecord,
  charts: LiveDetailCharts,
): void {
  const sheet = workbook.addWorksheet(PROFILE_SHEET);
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 12 }];
  const title = sheet.addRow([`${live.theme}（${live.livingid}）观众画像，共 ${charts.viewers} 位观众`]);
  title.font = { bold: true, size: 13 };
  title.commit();
  const block = (heading: string, points: readonly ChartPoint[], share: boolean): void => {
    sheet.addRow([]).commit();
    const head = sheet.addRow([heading, '人数', ...(share ? ['占比'] : [])]);
    head.font = { bold: true };
    head.commit();
    if (points.length === 0) sheet.addRow(['（无数据）']).commit();
    for (const point of points) {
      const ratio = charts.viewers === 0 ? 0 : point.value / charts.viewers;
      const row = sheet.addRow([point.label, point.value, ...(share ? [ratio] : [])]);
      if (share) row.getCell(3).numFmt = '0.0%';
      row.commit();
    }
  };
  block('观众构成', charts.audience, true);
  block('观看时长分布', charts.watchTime, true);
  block('邀请人排行（前 10）', charts.topInviters, false);
  block('签到情况（每轮签到人数）', charts.checkinRounds, true);
  block('互动', charts.engagement, true);
  sheet.commit();
}
