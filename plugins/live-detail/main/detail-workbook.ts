import ExcelJS from 'exceljs';
import { LIVE_STATUS_LABELS, type LiveStatus } from '../../../sdk/contracts/lives.js';
import type {
  CheckinRoundSummary,
  LiveRecord,
  UnmatchedCheckin,
  ViewerDetail,
} from '../../../sdk/contracts/lives.js';
import { addChartSheet, type ChartResult } from '../../../sdk/main/charts/index.js';
import type { LiveDetailCharts } from '../shared/live-detail-api.js';
import { viewerChartCards, type ViewerChartKey } from '../shared/viewer-chart-options.js';
import { PROFILE_CHART } from './profile-charts-worker.js';
import {
  formatWatchTime,
  INVITER_RULE_LABELS,
  inviterText,
  UNMATCHED_REASONS,
  viewerKindLabel,
} from '../shared/viewer-format.js';
import { firstInviteOf } from './message-invites.js';
import { SheetRowXml, type PlainCell } from './sheet-row-xml.js';
import { zonedDates } from './zoned-dates.js';

export const VIEWER_SHEET = '观众明细';
export const PROFILE_SHEET = '观众画像';
export const ROUNDS_SHEET = '签到轮次';
export const UNMATCHED_SHEET = '未匹配签到';
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MAX_TEXT_WIDTH = 50;
// Column widths come from the first rows: scanning 100,000 rows for a width costs more than it shows.
const WIDTH_SAMPLE_ROWS = 1000;
const YIELD_EVERY_ROWS = 2000;
/** XML of a sheet queued ahead of the zip's deflate, at most: about two batches of rows. */
const MAX_QUEUED_XML_BYTES = 4 * 1024 * 1024;

type CellValue = PlainCell;

/** The figures above the viewer table, over the whole live (the rows come a page at a time). */
export interface DetailFigures {
  viewers: number;
  comments: number;
  mics: number;
  checkedIn: number;
}

/** Everything of the detail workbook but its viewer rows, which follow in pages. */
export interface DetailWorkbookInput {
  /** Its anchorName is the typed name, else the cached one (else the userid shows alone). */
  live: LiveRecord;
  figures: DetailFigures;
  rounds: readonly CheckinRoundSummary[];
  /** Check-in rows kept without a viewer: listed on their own sheet, never dropped. */
  unmatched: readonly UnmatchedCheckin[];
  inviterSupported: boolean;
  charts: LiveDetailCharts | null;
  /**
   * The profile's charts rendered beforehand (profile-charts-worker.ts), one per card; null renders them
   * here.
   */
  profileCharts?: Array<ChartResult | null> | null;
  /** Times are Excel dates of this zone's wall clock (the installation's zone). */
  timeZone: string;
  /** When the export was asked for, milliseconds. */
  exportedAt: number;
  /** Lower-case userid → when the first invitation message reached the member (ms), as `firstInviteOf` reads. */
  messageInvites?: ReadonlyMap<string, number>;
}

/** Pages of rows, as a worker's chunks or as one array. */
type Pages<T> = AsyncIterable<readonly T[]> | Iterable<readonly T[]>;

/** Display width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(value: CellValue): number {
  if (value instanceof Date) return DATE_FORMAT.length;
  const text = String(value);
  let width = 0;
  for (let index = 0; index < text.length; index += 1) width += text.charCodeAt(index) >= 0x1100 ? 2 : 1;
  return width;
}

/**
 * The detail export (R7.1, R7.2) in the house style of the audit export: the live's header block, then a
 * bold, frozen, filtered table; columns sized to their content; streamed to disk. 观众明细 carries the
 * R5.2 columns (one per check-in round, as Excel dates); 观众画像 the detail page's charts as tables with
 * the charts as pictures beside them.
 */
export async function writeDetailWorkbook(
  path: string,
  input: DetailWorkbookInput,
  viewers: Pages<ViewerDetail>,
): Promise<void> {
  const toDate = zonedDates(input.timeZone);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
    // Deflate level 1: a 100,000-viewer sheet (63 MB of XML) packs to 6.0 MB in 0.18 s, against 4.8 MB
    // in 0.74 s at zlib's default level 6: a quarter bigger file for a tenth of the export's time.
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'WeCom Live';
  const roundColumns = input.rounds.map((round) => round.roundNo);
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
    '消息邀请',
  ];
  const invites = input.messageInvites ?? new Map<string, number>();
  const viewerRow = (viewer: ViewerDetail): CellValue[] => {
    // A few check-ins at most per viewer, none for most: a scan, not a Map per row.
    const { checkins } = viewer;
    return [
      viewer.name,
      viewer.viewerId,
      viewerKindLabel(viewer),
      formatWatchTime(viewer.watchTime),
      viewer.watchTime,
      viewer.checkins.length,
      ...roundColumns.map((roundNo): CellValue => {
        const checkin = checkins.length === 0 ? undefined : checkins.find((c) => c.roundNo === roundNo);
        return checkin === undefined ? '' : checkin.at === null ? '已签到' : toDate(checkin.at * 1000);
      }),
      inviterText(viewer, input.inviterSupported),
      viewer.invitorUserid ?? viewer.invitorExternalUserid ?? '',
      viewer.inviterRule === null || !input.inviterSupported ? '' : INVITER_RULE_LABELS[viewer.inviterRule],
      viewer.isComment ? '是' : '否',
      viewer.isMic ? '是' : '否',
      messageInvite(firstInviteOf(invites, viewer), toDate),
    ];
  };
  await addTable(workbook, VIEWER_SHEET, {
    above: liveHeader(input, toDate),
    headers,
    pages: viewers,
    toRow: viewerRow,
  });
  if (input.rounds.length > 0) {
    await addTable(workbook, ROUNDS_SHEET, {
      above: [],
      headers: [
        '轮次',
        '工作表',
        '签到发起时间',
        '已签到人数（签到表所写）',
        '明细行数',
        '已匹配观众',
        '未匹配',
      ],
      pages: [input.rounds],
      toRow: (round) => [
        round.roundNo,
        round.title,
        round.startedAt === null ? '' : toDate(round.startedAt * 1000),
        round.reportedCount ?? '',
        round.records,
        round.matched,
        round.records - round.matched,
      ],
    });
    await addTable(workbook, UNMATCHED_SHEET, {
      above: [],
      headers: ['轮次', '工作表', '行号', '已签到成员（原文）', '所在部门', '未匹配原因', '签到发起时间'],
      pages: [input.unmatched],
      toRow: (row) => [
        row.roundNo,
        row.title,
        row.rowNo,
        row.memberLabel,
        row.department,
        UNMATCHED_REASONS[row.matchState],
        row.at === null ? '' : toDate(row.at * 1000),
      ],
    });
  }
  if (input.charts !== null) await addProfile(workbook, input, input.charts);
  await workbook.commit();
}

/** 消息邀请: the first invitation's send time as an Excel date, or 否. */
function messageInvite(at: number | undefined, toDate: (ms: number) => Date): CellValue {
  return at === undefined ? '否' : toDate(at);
}

/**
 * The live above the viewer table, as the customer's document asks: theme, anchor, times, counts. Label
 * / value pairs, times as Excel dates; a blank row separates it from the table.
 */
function liveHeader(input: DetailWorkbookInput, toDate: (ms: number) => Date): CellValue[][] {
  const { live, figures } = input;
  const actual = live.actualStart !== null;
  const start = live.actualStart ?? live.reserveStart;
  const duration = actual ? live.actualDuration : live.reserveDuration;
  const living = live.status === 1;
  const end: CellValue = living
    ? LIVE_STATUS_LABELS[1]
    : start !== null && duration !== null
      ? toDate((start + duration) * 1000)
      : '';
  const anchor =
    live.anchorName !== null && live.anchorName !== '' && live.anchorName !== live.anchorUserid
      ? `${live.anchorName}（${live.anchorUserid}）`
      : live.anchorUserid;
  return [
    [`直播详情：${live.theme}`],
    ['直播主题', live.theme, '直播 ID', live.livingid],
    ['主播', anchor, '状态', live.status === null ? '未知' : LIVE_STATUS_LABELS[live.status as LiveStatus]],
    [
      actual ? '实际开始' : '预约开始',
      start === null ? '' : toDate(start * 1000),
      actual ? '实际结束' : '预约结束',
      end,
    ],
    ['观众人数', figures.viewers, '评论人数', figures.comments],
    ['连麦人数', figures.mics, '签到轮次', input.rounds.length],
    ['签到人数', figures.checkedIn, '导出时间', toDate(input.exportedAt)],
    [],
  ];
}

interface TableSpec<T> {
  /** Rows above the table (the live's header block); their first cell is bold. */
  above: CellValue[][];
  headers: string[];
  pages: Pages<T>;
  toRow(row: T): CellValue[];
}

// One style object per kind, shared by every cell: exceljs looks a style up by identity, so a fresh
// object per cell (its default) costs a style rendering per cell.
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT, alignment: { horizontal: 'left' } };
const LABEL_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 14 } };
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: { vertical: 'middle' } };

function writeRow(
  sheet: ExcelJS.Worksheet,
  values: CellValue[],
  styleOf: (column: number) => Partial<ExcelJS.Style>,
): void {
  const row = sheet.addRow(values);
  for (let column = 0; column < values.length; column += 1) {
    const value = values[column];
    row.getCell(column + 1).style = value instanceof Date ? DATE_STYLE : styleOf(column);
  }
  row.commit();
}

/**
 * The sheet's header block, header row and column widths, sized by `sample` (the first rows): written
 * before any row, so only the first page is known by then.
 */
function beginTable<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  table: TableSpec<T>,
  sample: readonly CellValue[][],
): { sheet: ExcelJS.Worksheet; rows: SheetRowXml } {
  const headerRow = table.above.length + 1;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
  });
  sheet.columns = table.headers.map((header, index) => {
    let widest = displayWidth(header);
    for (const values of [...sample, ...table.above.slice(1)]) {
      widest = Math.max(widest, displayWidth(values[index] ?? ''));
      if (widest >= MAX_TEXT_WIDTH) break;
    }
    return { width: Math.min(MAX_TEXT_WIDTH, widest + 2) };
  });
  for (const [index, values] of table.above.entries()) {
    writeRow(sheet, values, (column) =>
      index === 0 ? TITLE_STYLE : column % 2 === 0 ? LABEL_STYLE : PLAIN_STYLE,
    );
  }
  writeRow(sheet, table.headers, () => HEADER_STYLE);
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: table.headers.length },
  };
  // The rows below go out as text (sheet-row-xml.ts): exceljs's per-cell objects dominate a big export.
  return { sheet, rows: new SheetRowXml(workbook, sheet, table.headers.length, DATE_STYLE, headerRow + 1) };
}

async function addTable<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  table: TableSpec<T>,
): Promise<void> {
  let begun: ReturnType<typeof beginTable> | null = null;
  let written = 0;
  for await (const page of table.pages) {
    let sample: CellValue[][] = [];
    if (begun === null) {
      sample = page.slice(0, WIDTH_SAMPLE_ROWS).map((row) => table.toRow(row));
      begun = beginTable(workbook, name, table, sample);
    }
    const { rows } = begun;
    for (const [index, row] of page.entries()) {
      rows.add(index < sample.length ? (sample[index] ?? []) : table.toRow(row));
      written += 1;
      // Waits for the zip to take what is queued: a big live's rows are never all held as XML at once.
      if (written % YIELD_EVERY_ROWS === 0) {
        rows.flush();
        await rows.drained(MAX_QUEUED_XML_BYTES);
      }
    }
  }
  begun ??= beginTable(workbook, name, table, []);
  begun.rows.flush();
  begun.sheet.commit();
}

// The export's own headings where they say more than the page's card titles.
const PROFILE_HEADINGS: Partial<Record<ViewerChartKey, string>> = {
  checkinRounds: '签到情况（每轮签到人数）',
};

/**
 * 观众画像: the detail page's charts (shared/viewer-chart-options.ts, light theme) as tables of
 * 项目 / 人数 / 占比, each with its chart as a picture beside it (sdk/main/charts). A chart that cannot
 * render leaves its table and a note; the export goes on.
 */
async function addProfile(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  input: DetailWorkbookInput,
  charts: LiveDetailCharts,
): Promise<void> {
  const { live } = input;
  const cards = viewerChartCards(charts, { dark: false, inviterSupported: input.inviterSupported });
  await addChartSheet(workbook, {
    name: PROFILE_SHEET,
    heading: `${live.theme}（${live.livingid}）观众画像，共 ${charts.viewers} 位观众`,
    widths: [28, 12, 12],
    chartSize: PROFILE_CHART,
    blocks: cards.map((card, index) => {
      const share = card.key !== 'topInviters';
      const ratio = (value: number): number => (charts.viewers === 0 ? 0 : value / charts.viewers);
      return {
        title: PROFILE_HEADINGS[card.key] ?? card.title,
        header: ['项目', '人数', ...(share ? ['占比'] : [])],
        rows: card.points.map((point) => [point.label, point.value, ...(share ? [ratio(point.value)] : [])]),
        numFmts: [undefined, undefined, '0.0%'],
        chart: card.option,
        empty: card.hint !== '' ? card.hint : '（无数据）',
        ...(input.profileCharts != null ? { rendered: input.profileCharts[index] ?? null } : {}),
      };
    }),
  });
}
