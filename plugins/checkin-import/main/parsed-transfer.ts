// The parsed workbook as the parse worker sends it to the main thread, in two parts: each round's member
// rows with the progress of its sheet (as columns, one array per field, instead of 5,000 small objects),
// so the main thread matches a round while the worker reads the next; then the outline (rounds without
// their rows, skipped sheets, notices, issues) as the task's answer. Copying a few long arrays between
// threads costs a fraction of copying as many objects (docs/architecture.md, workers).
import type { MemberOrigin } from '../shared/checkin-api.js';
import type { ParsedMember, ParsedRound } from './round-sheet-parser.js';
import type { ParsedWorkbook } from './workbook-parser.js';

export interface MemberColumns {
  raw: string[];
  name: string[];
  suffix: Array<string | null>;
  origin: MemberOrigin[];
  row: Int32Array;
  department: string[];
}

/** One round's member rows, sent with its sheet's progress; the sheet's tab position names the round. */
export interface SheetMembers {
  sheetIndex: number;
  members: MemberColumns;
}

export type OutlinedRound = Omit<ParsedRound, 'members'> & { roundNo: number };

/** The parsed workbook without the member rows (those came with the sheets' progress). */
export interface WorkbookOutline extends Omit<ParsedWorkbook, 'rounds'> {
  rounds: OutlinedRound[];
}

export function outlineOf(parsed: ParsedWorkbook): WorkbookOutline {
  return { ...parsed, rounds: parsed.rounds.map(({ members: _members, ...round }) => round) };
}

/** The outline and the rows of each round, by sheet, put back together (a round without rows is a bug). */
export function joinWorkbook(
  outline: WorkbookOutline,
  membersBySheet: ReadonlyMap<number, ParsedMember[]>,
): ParsedWorkbook {
  return {
    ...outline,
    rounds: outline.rounds.map((round) => ({ ...round, members: rowsOf(membersBySheet, round) })),
  };
}

/** The rows a sheet sent for this round. */
export function rowsOf<T>(
  bySheet: ReadonlyMap<number, T>,
  round: Pick<ParsedRound, 'sheetIndex' | 'sheet'>,
): T {
  const rows = bySheet.get(round.sheetIndex);
  if (rows === undefined)
    throw new Error(`the rows of sheet ${round.sheetIndex} (${round.sheet}) never came`);
  return rows;
}

export function packMembers(sheetIndex: number, members: readonly ParsedMember[]): SheetMembers {
  const columns: MemberColumns = {
    raw: new Array<string>(members.length),
    name: new Array<string>(members.length),
    suffix: new Array<string | null>(members.length),
    origin: new Array<MemberOrigin>(members.length),
    row: new Int32Array(members.length),
    department: new Array<string>(members.length),
  };
  members.forEach((member, index) => {
    columns.raw[index] = member.raw;
    columns.name[index] = member.name;
    columns.suffix[index] = member.suffix;
    columns.origin[index] = member.origin;
    columns.row[index] = member.row;
    columns.department[index] = member.department;
  });
  return { sheetIndex, members: columns };
}

export function unpackMembers(columns: MemberColumns): ParsedMember[] {
  const members = new Array<ParsedMember>(columns.row.length);
  for (let index = 0; index < columns.row.length; index += 1) {
    members[index] = {
      raw: columns.raw[index] ?? '',
      name: columns.name[index] ?? '',
      suffix: columns.suffix[index] ?? null,
      origin: columns.origin[index] ?? 'none',
      row: columns.row[index] ?? 0,
      department: columns.department[index] ?? '',
    };
  }
  return members;
}
