// A page of the detail export's viewers as its worker receives them: one array per field instead of
// 2,000 small objects (and their check-in lists). Copying a few long arrays between threads costs a
// fraction of copying as many objects, and the worker, the export's slowest stage, unpacks them into
// plain records faster than it would deserialize the objects (docs/architecture.md, Workers).
import type { InviterRule, ViewerCheckin, ViewerDetail, ViewerKind } from '../../../sdk/contracts/lives.js';

export interface ViewerColumns {
  kind: ViewerKind[];
  viewerId: string[];
  externalType: Array<number | null>;
  name: string[];
  watchTime: Float64Array;
  isComment: Uint8Array;
  isMic: Uint8Array;
  invitorUserid: Array<string | null>;
  invitorExternalUserid: Array<string | null>;
  inviterName: Array<string | null>;
  inviterRule: Array<InviterRule | null>;
  /** Viewer i's check-ins are entries checkinStart[i] up to checkinStart[i + 1] of the three below. */
  checkinStart: Int32Array;
  checkinRound: Int32Array;
  /** Unix seconds; NaN where the check-in has no time. */
  checkinAt: Float64Array;
  /** The titles of the rounds the page's check-ins are in, by round number. */
  roundTitles: Record<number, string>;
}

const NO_CHECKINS: readonly ViewerCheckin[] = Object.freeze([]);

export function packViewers(viewers: readonly ViewerDetail[]): ViewerColumns {
  const count = viewers.length;
  let checkins = 0;
  for (const viewer of viewers) checkins += viewer.checkins.length;
  const columns: ViewerColumns = {
    kind: new Array<ViewerKind>(count),
    viewerId: new Array<string>(count),
    externalType: new Array<number | null>(count),
    name: new Array<string>(count),
    watchTime: new Float64Array(count),
    isComment: new Uint8Array(count),
    isMic: new Uint8Array(count),
    invitorUserid: new Array<string | null>(count),
    invitorExternalUserid: new Array<string | null>(count),
    inviterName: new Array<string | null>(count),
    inviterRule: new Array<InviterRule | null>(count),
    checkinStart: new Int32Array(count + 1),
    checkinRound: new Int32Array(checkins),
    checkinAt: new Float64Array(checkins),
    roundTitles: {},
  };
  let next = 0;
  viewers.forEach((viewer, index) => {
    columns.kind[index] = viewer.kind;
    columns.viewerId[index] = viewer.viewerId;
    columns.externalType[index] = viewer.externalType;
    columns.name[index] = viewer.name;
    columns.watchTime[index] = viewer.watchTime;
    columns.isComment[index] = viewer.isComment ? 1 : 0;
    columns.isMic[index] = viewer.isMic ? 1 : 0;
    columns.invitorUserid[index] = viewer.invitorUserid;
    columns.invitorExternalUserid[index] = viewer.invitorExternalUserid;
    columns.inviterName[index] = viewer.inviterName;
    columns.inviterRule[index] = viewer.inviterRule;
    columns.checkinStart[index] = next;
    for (const checkin of viewer.checkins) {
      columns.checkinRound[next] = checkin.roundNo;
      columns.checkinAt[next] = checkin.at ?? Number.NaN;
      columns.roundTitles[checkin.roundNo] = checkin.title;
      next += 1;
    }
  });
  columns.checkinStart[count] = next;
  return columns;
}

/** The records `packViewers` packed, equal to them. */
export function unpackViewers(columns: ViewerColumns): ViewerDetail[] {
  const count = columns.viewerId.length;
  const viewers = new Array<ViewerDetail>(count);
  for (let index = 0; index < count; index += 1) {
    const from = columns.checkinStart[index] ?? 0;
    const to = columns.checkinStart[index + 1] ?? from;
    let checkins = NO_CHECKINS as ViewerCheckin[];
    if (to > from) {
      checkins = [];
      for (let entry = from; entry < to; entry += 1) {
        const roundNo = columns.checkinRound[entry] ?? 0;
        const at = columns.checkinAt[entry] ?? Number.NaN;
        checkins.push({
          roundNo,
          title: columns.roundTitles[roundNo] ?? '',
          at: Number.isNaN(at) ? null : at,
        });
      }
    }
    viewers[index] = {
      kind: columns.kind[index] ?? 'external',
      viewerId: columns.viewerId[index] ?? '',
      externalType: columns.externalType[index] ?? null,
      name: columns.name[index] ?? '',
      watchTime: columns.watchTime[index] ?? 0,
      isComment: columns.isComment[index] === 1,
      isMic: columns.isMic[index] === 1,
      invitorUserid: columns.invitorUserid[index] ?? null,
      invitorExternalUserid: columns.invitorExternalUserid[index] ?? null,
      inviterName: columns.inviterName[index] ?? null,
      inviterRule: columns.inviterRule[index] ?? null,
      checkins,
    };
  }
  return viewers;
}
