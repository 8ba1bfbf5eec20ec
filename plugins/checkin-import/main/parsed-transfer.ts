// The parsed workbook as the parse worker sends it to the main thread: each round's member rows as
// columns (one array per field) instead of 50,000 small objects. Copying a few long arrays between
// threads costs a fraction of copying as many objects, and the copy is read on the main thread, whose
// event loop it would otherwise hold (docs/architecture.md, workers).
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

export type PackedRound = Omit<ParsedRound, 'members'> & { roundNo: number; members: MemberColumns };

export interface PackedWorkbook extends Omit<ParsedWorkbook, 'rounds'> {
  rounds: PackedRound[];
}

export function packWorkbook(parsed: ParsedWorkbook): PackedWorkbook {
  return {
    ...parsed,
    rounds: parsed.rounds.map(({ members, ...round }) => ({ ...round, members: packMembers(members) })),
  };
}

export function unpackWorkbook(packed: PackedWorkbook): ParsedWorkbook {
  return {
    ...packed,
    rounds: packed.rounds.map(({ members, ...round }) => ({ ...round, members: unpackMembers(members) })),
  };
}

function packMembers(members: readonly ParsedMember[]): MemberColumns {
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
  return columns;
}

function unpackMembers(columns: MemberColumns): ParsedMember[] {
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
