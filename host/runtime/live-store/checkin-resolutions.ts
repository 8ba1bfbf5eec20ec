// Ambiguous check-in rows resolved by hand (R6.2): the candidates (viewers of the live whose name is the
// row's, normalised as the import compares names), the pick kept in live_checkin_resolutions by the
// row's workbook identity, and its application to the records, at once and on every later import.
import type { Knex } from 'knex';
import { AppError } from '../../../sdk/contracts/errors.js';
import type {
  CheckinCandidate,
  CheckinResolutionInput,
  CheckinRowRef,
  ViewerKind,
} from '../../../sdk/contracts/lives.js';

/** WeCom's external_users.type: 1 a WeChat user, 2 a WeCom user of another enterprise. */
const WECHAT_USER = 1;
const WECOM_USER = 2;

type Origin = 'none' | 'wechat' | 'corp';

/**
 * The name and origin of 已签到成员 as the check-in import reads it: the last `@`/`＠` splits
 * `黍离。@微信` (WeChat) or `张三@某某公司` (a WeCom user); the name compares NFKC, without spaces, lower
 * case. Kept equal to plugins/checkin-import/main/member-label.ts, which the host may not import.
 */
function parseLabel(raw: string): { key: string; origin: Origin } {
  const text = raw.trim();
  const at = Math.max(text.lastIndexOf('@'), text.lastIndexOf('＠'));
  const name = at <= 0 ? text : text.slice(0, at).trim();
  const suffix = at <= 0 ? '' : text.slice(at + 1).trim();
  const origin: Origin = suffix === '' ? 'none' : suffix === '微信' ? 'wechat' : 'corp';
  return { key: nameKey(name), origin };
}

function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function originFits(origin: Origin, viewer: CheckinCandidate): boolean {
  if (origin === 'wechat') return viewer.kind === 'external' && viewer.externalType !== WECOM_USER;
  if (origin === 'corp') return viewer.kind === 'internal' || viewer.externalType !== WECHAT_USER;
  return true;
}

interface AmbiguousRecord {
  id: number;
  live_id: number;
}

async function liveIdOf(db: Knex | Knex.Transaction, corpId: string, livingid: string): Promise<number> {
  const live = (await db('lives').where({ corp_id: corpId, livingid }).first('id')) as
    { id: number } | undefined;
  if (live === undefined) throw new AppError('NOT_FOUND', `本地没有这场直播：${livingid}`, { livingid });
  return live.id;
}

/** The record of an ambiguous row, by the round's number, the row and the label as written. */
async function ambiguousRecord(
  db: Knex | Knex.Transaction,
  liveId: number,
  row: CheckinRowRef,
): Promise<AmbiguousRecord> {
  const found = (await db('live_checkin_records as r')
    .join('live_checkin_rounds as c', 'c.id', 'r.round_id')
    .where({ 'c.live_id': liveId, 'c.round_no': row.roundNo, 'r.row_no': row.rowNo })
    .where('r.member_label', row.memberLabel)
    .where('r.match_state', 'ambiguous')
    .first('r.id', 'c.live_id')) as AmbiguousRecord | undefined;
  if (found === undefined)
    throw new AppError('NOT_FOUND', '这一行签到已不是待确认的同名签到，请刷新页面后再试。', { ...row });
  return found;
}

/** The live's viewers named as the row (the cached name for a member WeCom's stats left unnamed). */
async function candidatesOf(
  db: Knex | Knex.Transaction,
  corpId: string,
  liveId: number,
  memberLabel: string,
): Promise<CheckinCandidate[]> {
  const { key, origin } = parseLabel(memberLabel);
  if (key === '') return [];
  const viewers = (await db('live_viewers as v')
    .leftJoin('live_people as vp', (join) =>
      join
        .on('vp.corp_id', db.raw('?', [corpId]))
        .andOn('vp.person_kind', 'v.viewer_kind')
        .andOn('vp.person_id', 'v.viewer_id'),
    )
    .where('v.live_id', liveId)
    .orderBy([
      { column: 'v.watch_time', order: 'desc' },
      { column: 'v.id', order: 'asc' },
    ])
    .select(
      'v.viewer_kind',
      'v.viewer_id',
      'v.external_type',
      'v.watch_time',
      db.raw(`coalesce(nullif(v.name, ''), vp.name, '') as shown_name`),
    )) as Array<{
    viewer_kind: ViewerKind;
    viewer_id: string;
    external_type: number | null;
    watch_time: number;
    shown_name: string;
  }>;
  return viewers
    .map((viewer): CheckinCandidate => ({
      kind: viewer.viewer_kind,
      viewerId: viewer.viewer_id,
      name: viewer.shown_name,
      externalType: viewer.external_type,
      watchTime: Number(viewer.watch_time),
    }))
    .filter((viewer) => viewer.name !== '' && nameKey(viewer.name) === key && originFits(origin, viewer));
}

export async function checkinCandidates(
  db: Knex,
  corpId: string,
  livingid: string,
  row: CheckinRowRef,
): Promise<CheckinCandidate[]> {
  const liveId = await liveIdOf(db, corpId, livingid);
  await ambiguousRecord(db, liveId, row);
  return candidatesOf(db, corpId, liveId, row.memberLabel);
}

/**
 * Keeps the pick and matches the record to the viewer, in one transaction. Answers the live's id (whose
 * cached check-in figures the caller must forget) and the viewer picked.
 */
export async function resolveCheckin(
  db: Knex,
  now: number,
  corpId: string,
  livingid: string,
  resolution: CheckinResolutionInput,
  resolvedBy: string | null,
): Promise<{ liveId: number; viewer: CheckinCandidate }> {
  return db.transaction(async (trx) => {
    const liveId = await liveIdOf(trx, corpId, livingid);
    const record = await ambiguousRecord(trx, liveId, resolution);
    const viewer = (await candidatesOf(trx, corpId, liveId, resolution.memberLabel)).find(
      (candidate) => candidate.kind === resolution.viewerKind && candidate.viewerId === resolution.viewerId,
    );
    if (viewer === undefined)
      throw new AppError('INVALID_INPUT', '所选观众不是这一行签到的同名观众。', {
        viewerKind: resolution.viewerKind,
        viewerId: resolution.viewerId,
      });
    await trx('live_checkin_resolutions')
      .insert({
        live_id: liveId,
        round_no: resolution.roundNo,
        row_no: resolution.rowNo,
        member_label: resolution.memberLabel,
        viewer_kind: viewer.kind,
        viewer_id: viewer.viewerId,
        resolved_by: resolvedBy,
        resolved_at: now,
      })
      .onConflict(['live_id', 'round_no', 'row_no', 'member_label'])
      .merge(['viewer_kind', 'viewer_id', 'resolved_by', 'resolved_at']);
    await trx('live_checkin_records')
      .where('id', record.id)
      .update({ match_state: 'matched', viewer_kind: viewer.kind, viewer_id: viewer.viewerId });
    return { liveId, viewer };
  });
}

/**
 * After an import wrote the live's records: the rows a user resolved before (same round, row and label,
 * still ambiguous, the viewer still a viewer of the live) count as that viewer's again. A row the new
 * workbook matched by itself, or whose label changed, keeps what the import decided.
 */
export async function applyResolutions(trx: Knex.Transaction, liveId: number): Promise<void> {
  const picks = (await trx('live_checkin_resolutions as s')
    .join('live_checkin_rounds as c', (join) =>
      join.on('c.live_id', 's.live_id').andOn('c.round_no', 's.round_no'),
    )
    .join('live_viewers as v', (join) =>
      join
        .on('v.live_id', 's.live_id')
        .andOn('v.viewer_kind', 's.viewer_kind')
        .andOn('v.viewer_id', 's.viewer_id'),
    )
    .where('s.live_id', liveId)
    .select('c.id as round_id', 's.row_no', 's.member_label', 's.viewer_kind', 's.viewer_id')) as Array<{
    round_id: number;
    row_no: number;
    member_label: string;
    viewer_kind: ViewerKind;
    viewer_id: string;
  }>;
  for (const pick of picks) {
    await trx('live_checkin_records')
      .where({
        round_id: pick.round_id,
        row_no: pick.row_no,
        member_label: pick.member_label,
        match_state: 'ambiguous',
      })
      .update({ match_state: 'matched', viewer_kind: pick.viewer_kind, viewer_id: pick.viewer_id });
  }
}
