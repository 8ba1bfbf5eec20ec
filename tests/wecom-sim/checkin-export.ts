// A check-in workbook as WeCom's console exports it for one of the simulator's lives (R6.1),
// made as messy as real exports get: the same name many times (also in one round), names differing only
// in case or full/half width, inner U+00A0, people who are no viewer at all, a 说明 sheet before and a
// 汇总 sheet after the rounds, rounds out of tab order, one round whose 已签到人数 differs from its rows,
// times as text or Excel dates, merged titles. Written with exceljs's streaming writer (10 × 5,000 rows
// in about a second), deterministic per seed.
import ExcelJS from 'exceljs';
import { wallClockOf } from '../../sdk/contracts/zoned-time.js';
import { GIVEN_NAMES, NICKNAMES, SURNAMES } from './names.js';
import { Prng } from './prng.js';
import type { SimLive, SimMember } from './types.js';

export interface CheckinExportOptions {
  rounds: number;
  rowsPerRound: number;
  seed?: number;
  /** The zone the console writes times in. */
  timeZone?: string;
  /** The corp's name as `@<企业名>` suffixes show it for its own members. */
  corpName?: string;
}

/** What the generator wrote, so specs can check the import against it. */
export interface CheckinExportFacts {
  /** Tab order of the sheets. */
  sheets: string[];
  skippedSheets: string[];
  /** Per round (by number): its sheet, rows written and 已签到人数 as stated. */
  rounds: Array<{ roundNo: number; sheet: string; rows: number; stated: number; startedAt: number }>;
  /** Rows whose label names nobody among the live's viewers. */
  strangers: number;
}

const ROUND_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const OTHER_CORPS = ['远方科技', '星河贸易', '蓝海咨询'];
const DEPARTMENTS = ['销售部', '市场部', '华东大区/销售一组', '客服中心', '-'];
const STRANGER_SHARE = 0.12;
const VARIANT_SHARE = 0.06;
const REPEAT_SHARE = 0.02;

export async function writeCheckinExport(
  path: string,
  live: SimLive,
  members: readonly SimMember[],
  options: CheckinExportOptions,
): Promise<CheckinExportFacts> {
  const prng = new Prng(options.seed ?? 7);
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const corpName = options.corpName ?? '模拟科技';
  const labels = viewerLabels(live, members, corpName);
  const roundCount = Math.min(options.rounds, ROUND_NAMES.length);
  // Tab order: rounds shuffled, a 说明 sheet first and a 汇总 sheet last.
  const order = prng.shuffle(Array.from({ length: roundCount }, (_, index) => index + 1));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  const facts: CheckinExportFacts = { sheets: [], skippedSheets: ['说明', '汇总'], rounds: [], strangers: 0 };
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['本文件由企业微信直播签到导出，另加了汇总页。']).commit();
  notes.addRow(['签到统计以每个工作表为准。']).commit();
  notes.commit();
  facts.sheets.push('说明');
  for (const roundNo of order) {
    const sheetName = `第${ROUND_NAMES[roundNo - 1] ?? String(roundNo)}次签到`;
    const startedAt = live.actual_start + 300 + (roundNo - 1) * 600;
    const rows: Array<[string, string]> = [];
    for (let row = 0; row < options.rowsPerRound; row += 1) {
      const roll = prng.next();
      if (roll < STRANGER_SHARE || labels.length === 0) {
        facts.strangers += 1;
        rows.push([strangerLabel(prng), prng.pick(DEPARTMENTS)]);
      } else {
        const label = prng.pick(labels);
        const text = roll < STRANGER_SHARE + VARIANT_SHARE ? variant(prng, label) : label;
        rows.push([text, prng.pick(DEPARTMENTS)]);
        // The same person twice in one round (a double tap, or two devices).
        if (prng.chance(REPEAT_SHARE) && row + 1 < options.rowsPerRound) {
          rows.push([label, prng.pick(DEPARTMENTS)]);
          row += 1;
        }
      }
    }
    // The second round was exported while people were still checking in.
    const stated = roundNo === 2 ? rows.length + 3 : rows.length;
    writeRound(workbook, sheetName, { startedAt, timeZone, stated, rows, asDate: roundNo % 2 === 0 });
    facts.sheets.push(sheetName);
    facts.rounds.push({ roundNo, sheet: sheetName, rows: rows.length, stated, startedAt });
  }
  const summary = workbook.addWorksheet('汇总');
  summary.addRow(['轮次', '签到人数']).commit();
  for (const round of [...facts.rounds].sort((a, b) => a.roundNo - b.roundNo)) {
    summary.addRow([round.sheet, round.rows]).commit();
  }
  summary.commit();
  facts.sheets.push('汇总');
  facts.rounds.sort((a, b) => a.roundNo - b.roundNo);
  await workbook.commit();
  return facts;
}

function writeRound(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  round: {
    startedAt: number;
    timeZone: string;
    stated: number;
    rows: ReadonlyArray<[string, string]>;
    asDate: boolean;
  },
): void {
  const sheet = workbook.addWorksheet(name);
  const clock = wallClockOf(round.startedAt * 1000, round.timeZone);
  const title = (text: string): void => {
    const row = sheet.addRow([text, '']);
    row.font = { bold: true };
    sheet.mergeCells(row.number, 1, row.number, 2);
    row.commit();
  };
  title('签到统计');
  sheet.addRow(['签到发起时间', '已签到人数']).commit();
  const time = round.asDate
    ? new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute))
    : `${clock.year}.${clock.month}.${clock.day} ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  const values = sheet.addRow([time, round.stated]);
  if (round.asDate) values.getCell(1).numFmt = 'yyyy/m/d h:mm';
  values.commit();
  sheet.addRow([]).commit();
  title('签到明细');
  sheet.addRow(['已签到成员', '所在部门']).commit();
  for (const row of round.rows) sheet.addRow(row).commit();
  sheet.commit();
}

/** Each named viewer as the console labels them: `昵称@微信`, `姓名@其他企业`, `姓名@本企业`. */
function viewerLabels(live: SimLive, members: readonly SimMember[], corpName: string): string[] {
  const names = new Map(members.map((member) => [member.userid, member.name]));
  const labels: string[] = [];
  for (const viewer of live.viewers) {
    if (viewer.kind === 'internal') {
      const name = names.get(viewer.userid);
      if (name !== undefined && name !== '') labels.push(`${name}@${corpName}`);
    } else if (viewer.name !== '') {
      const corp = OTHER_CORPS[viewer.external_userid.length % OTHER_CORPS.length] ?? OTHER_CORPS[0];
      labels.push(viewer.type === 1 ? `${viewer.name}@微信` : `${viewer.name}@${corp}`);
    }
  }
  return labels;
}

/** The same person written another way: upper case, full width, an inner U+00A0, outer spaces. */
function variant(prng: Prng, label: string): string {
  const at = label.lastIndexOf('@');
  const name = label.slice(0, at);
  const suffix = label.slice(at);
  switch (prng.int(0, 3)) {
    case 0:
      return `${name.toUpperCase()}${suffix}`;
    case 1:
      return `${toFullWidth(name)}${suffix}`;
    case 2:
      return name.length > 1 ? `${name.slice(0, 1)}\u00a0${name.slice(1)}${suffix}` : ` ${label} `;
    default:
      return ` ${label} `;
  }
}

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/** Someone who checked in without being among the viewers WeCom reports: common names collide often. */
function strangerLabel(prng: Prng): string {
  if (prng.chance(0.5)) return `${prng.pick(NICKNAMES)}@微信`;
  const name = `${prng.pick(SURNAMES)[1]}${prng.pick(GIVEN_NAMES)[1]}`;
  return prng.chance(0.5) ? `${name}@微信` : `${name}@${prng.pick(OTHER_CORPS)}`;
}
