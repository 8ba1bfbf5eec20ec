import { LIVE_STATUS_LABELS, LIVE_TYPE_LABELS, type LiveStatus } from '../../../sdk/contracts/lives.js';
import type { LiveListRow } from '../shared/live-list-api.js';
import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';
import { PEAK_NOT_SAMPLED } from '../../../sdk/contracts/peak-online.js';

export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const NOT_SAMPLED = PEAK_NOT_SAMPLED;
export const NO_CHECKINS = '未导入签到';
export const LIVING_TEXT = '直播中';

export type CellValue = string | number | Date | null;

export interface ExportColumn {
  header: string;
  width: number;
  date?: boolean;
  value(row: LiveListRow, timeZone: string): CellValue;
}

const at = (seconds: number | null, timeZone: string): Date | null =>
  seconds === null ? null : wallClockDate(seconds * 1000, timeZone);
const atMs = (ms: number | null, timeZone: string): Date | null =>
  ms === null ? null : wallClockDate(ms, timeZone);

/** The list's columns (R4.2, R7.1) as the workbook writes them: Chinese headers, real dates. */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: '直播主题', width: 28, value: (row) => row.theme },
  { header: '开始时间', width: 20, date: true, value: (row, tz) => at(row.start, tz) },
  {
    header: '结束时间',
    width: 20,
    date: true,
    value: (row, tz) => (row.living ? LIVING_TEXT : at(row.end, tz)),
  },
  { header: '时间类型', width: 10, value: (row) => (row.timeKind === 'actual' ? '实际' : '预约') },
  { header: '主播', width: 14, value: (row) => row.anchorName ?? '' },
  { header: '主播 userid', width: 18, value: (row) => row.anchorUserid },
  {
    header: '状态',
    width: 10,
    value: (row) => (row.status === null ? '未知' : LIVE_STATUS_LABELS[row.status as LiveStatus]),
  },
  {
    header: '直播类型',
    width: 12,
    value: (row) => (row.type === null ? '' : (LIVE_TYPE_LABELS[row.type] ?? `类型 ${row.type}`)),
  },
  { header: '最高在线人数', width: 14, value: (row) => row.peakOnline ?? NOT_SAMPLED },
  {
    header: '最高在线时间',
    width: 20,
    date: true,
    value: (row, tz) => (row.peakOnlineAt === null ? NOT_SAMPLED : atMs(row.peakOnlineAt, tz)),
  },
  // How many samples the peak rests on (0 with 未采样): see docs/user-manual.md, 峰值在线人数.
  { header: '在线采样次数', width: 12, value: (row) => row.peakOnlineSamples },
  {
    header: '签到人数',
    width: 12,
    value: (row) => (row.checkinRounds === 0 ? NO_CHECKINS : row.checkinPeople),
  },
  {
    header: '签到次数',
    width: 12,
    value: (row) => (row.checkinRounds === 0 ? NO_CHECKINS : row.checkinCount),
  },
  { header: '签到轮次', width: 10, value: (row) => row.checkinRounds },
  { header: '观看人数', width: 10, value: (row) => row.viewerNum },
  { header: '评论数', width: 10, value: (row) => row.commentNum },
  { header: '连麦人数', width: 10, value: (row) => row.micNum },
  { header: '订阅人数', width: 10, value: (row) => row.subscribeCount },
  {
    header: '回放',
    width: 10,
    value: (row) => (row.openReplay === null ? '' : row.openReplay === 1 ? '开启' : '关闭'),
  },
  { header: '本应用创建', width: 12, value: (row) => (row.createdByUs ? '是' : '否') },
  { header: '创建人', width: 14, value: (row) => row.creatorUserid ?? '' },
  { header: '直播 ID', width: 36, value: (row) => row.livingid },
  { header: '最后同步', width: 20, date: true, value: (row, tz) => atMs(row.lastSyncedAt, tz) },
];
