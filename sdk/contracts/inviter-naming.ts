// R4.6, who invited a viewer and what that inviter is called: every rule, written once. The live store
// (merges and queries), the list's sync and the detail's refresh (sdk/main/inviter-naming.ts, user/get)
// and the detail's page and workbook (the texts below) all go through this module. Pure and browser-safe
// (the UI shows the same texts); the one rule that calls WeCom is carried out by sdk/main/inviter-naming.ts.
//
// A viewer's inviter is `invitor_userid` (a member) or else `invitor_external_userid` (an external user);
// WeCom gives them only for promotion lives (type 4). The first rule that applies names the inviter:
//
// | #  | when                                                          | name stored              | inviter_rule |
// |----|---------------------------------------------------------------|--------------------------|--------------|
// | 0  | the viewer is their own inviter (members compared ignoring     | none, ever; shown as     | `self`       |
// |    | case, external ids exactly)                                    | 「本人（自行进入）」, not  |              |
// |    |                                                                | counted as an invitation |              |
// | 1  | WeCom's stats answer a name (`invitor_name`, undocumented)     | as answered              | `watch-stat` |
// | 2  | the inviter is the live's anchor (any spelling) with a typed   | the typed anchor name    | `anchor`     |
// |    | anchor name                                                    |                          |              |
// | 3  | the inviter watched the same live under a name (exact id)      | that viewer's name       | `viewer`     |
// | 4  | the name cache (live_people) has a non-empty name (exact id)   | the cached name          | `people`     |
// | 5  | a member still unnamed: WeCom user/get with the userid exactly | WeCom's answer, cached   | `user-get`   |
// |    | as received (never lower-cased); external users have none      | under that spelling      |              |
// | —  | nothing named it                                               | none; shown as the id    | `none`       |
//
// Rule 5 details: 48002/48009/60011 (no permission) cache an empty name and show
// MEMBER_NAMES_DENIED_NOTICE; 46004/60111 (no such member) cache an empty name; anything else stops the
// lookups with its error. Each spelling is asked once (`WangDeSheng` and `wangdesheng` are two lookups).
//
// At read time (`inviterAsRead`): an inviter stored unnamed takes the cache's name as it is now (`user-get`
// when user/get gave it, else `people`); a `people` name that user/get gave reads as `user-get`; a
// self-invite is never named, not even by a name an older version stored.
//
// Names are cached under the id exactly as WeCom spelt it (`personKey`); case-folded comparison
// (`samePerson`) only tells whether two ids are the same member (rules 0 and 2). See docs/architecture.md,
// "Live store" (Userid spellings) and docs/requirements.md R4.6.
import type { InviterRule, ViewerKind } from './lives.js';

/** A person by id: a member (`internal`, userid) or an external user (external_userid). */
export interface PersonRef {
  kind: ViewerKind;
  id: string;
}

/** What the rules read of a viewer of get_watch_stat. */
export interface NamingViewer extends PersonRef {
  /** The viewer's own name in the stats ('' when none: WeCom names no member there). */
  name: string;
  invitorUserid: string | null;
  invitorExternalUserid: string | null;
  /** Rule 1: a name WeCom itself answered for the inviter; null when none. */
  statInviterName: string | null;
}

export interface NamedInviter {
  name: string | null;
  /** null when the viewer has no inviter. */
  rule: InviterRule | null;
}

export interface InviterNameSources {
  anchorUserid: string;
  /** The anchor name typed when the live was created here (null or '' when none). */
  anchorName: string | null;
  /** Rule 4's name cache, keyed by `personKey` (ids spelt exactly as WeCom gave them). */
  known: ReadonlyMap<string, string>;
}

/** The name cache's key: the id exactly as WeCom spelt it (a name is reused only for that spelling). */
export const personKey = (kind: ViewerKind, id: string): string => `${kind}:${id}`;

/** One member whatever the spelling (`WangDeSheng`, `wangdesheng`): for "is it the same person" only. */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'internal' ? a.id.toLowerCase() === b.id.toLowerCase() : a.id === b.id;
}

/** The viewer's inviter: a member when WeCom gives invitor_userid, else an external user; null if none. */
export function inviterOf(
  viewer: Pick<NamingViewer, 'invitorUserid' | 'invitorExternalUserid'>,
): PersonRef | null {
  if (viewer.invitorUserid !== null) return { kind: 'internal', id: viewer.invitorUserid };
  if (viewer.invitorExternalUserid !== null) return { kind: 'external', id: viewer.invitorExternalUserid };
  return null;
}

/** Rules 0–4 for every viewer of one live (rule 5 is a call: see `unnamedInviters`). */
export function nameInviters(viewers: readonly NamingViewer[], sources: InviterNameSources): NamedInviter[] {
  const viewerNames = new Map<string, string>();
  for (const viewer of viewers) {
    if (viewer.name !== '') viewerNames.set(personKey(viewer.kind, viewer.id), viewer.name);
  }
  const anchor: PersonRef = { kind: 'internal', id: sources.anchorUserid };
  return viewers.map((viewer): NamedInviter => {
    const inviter = inviterOf(viewer);
    if (inviter === null) return { name: null, rule: null };
    if (samePerson(inviter, viewer)) return { name: null, rule: 'self' };
    if (viewer.statInviterName !== null) return { name: viewer.statInviterName, rule: 'watch-stat' };
    if (samePerson(inviter, anchor) && sources.anchorName !== null && sources.anchorName !== '') {
      return { name: sources.anchorName, rule: 'anchor' };
    }
    const key = personKey(inviter.kind, inviter.id);
    const asViewer = viewerNames.get(key);
    if (asViewer !== undefined) return { name: asViewer, rule: 'viewer' };
    const known = sources.known.get(key);
    if (known !== undefined && known !== '') return { name: known, rule: 'people' };
    return { name: null, rule: 'none' };
  });
}

/** The inviters rules 0–4 left unnamed (`none`), each spelling once, in order of appearance. */
export function unnamedInviters(
  viewers: readonly NamingViewer[],
  names: readonly NamedInviter[],
): PersonRef[] {
  const unnamed = new Map<string, PersonRef>();
  viewers.forEach((viewer, index) => {
    const inviter = inviterOf(viewer);
    if (inviter !== null && names[index]?.rule === 'none')
      unnamed.set(personKey(inviter.kind, inviter.id), inviter);
  });
  return [...unnamed.values()];
}

/** Rule 5's userids: members only (external users have no user/get), each exact spelling once. */
export function memberLookups(people: Iterable<PersonRef>): string[] {
  const userids = new Set<string>();
  for (const person of people) if (person.kind === 'internal') userids.add(person.id);
  return [...userids];
}

/** user/get refusals for lack of permission: the name stays empty and MEMBER_NAMES_DENIED_NOTICE shows. */
export const USER_GET_DENIED_ERRCODES: ReadonlySet<number> = new Set([48002, 48009, 60011]);
/** user/get answers for a member that does not exist (any more): the name stays empty, nothing to grant. */
export const USER_GET_UNKNOWN_ERRCODES: ReadonlySet<number> = new Set([46004, 60111]);

/** How rule 5 treats a user/get errcode: a refusal, an unknown member, or an error that stops lookups. */
export function userGetOutcome(errcode: number): 'denied' | 'unknown' | 'error' {
  if (USER_GET_DENIED_ERRCODES.has(errcode)) return 'denied';
  if (USER_GET_UNKNOWN_ERRCODES.has(errcode)) return 'unknown';
  return 'error';
}

/** What to tell people when a permission kept names out (R4.6: say which permission to grant). */
/**
 * The name cache's source of an empty answer user/get gave for lack of permission (an unknown member's
 * is 'user-get'): a visit then names the refusal without asking WeCom again (live-store membersToName).
 */
export const USER_GET_DENIED_SOURCE = 'user-get-denied';

export const MEMBER_NAMES_DENIED_NOTICE =
  '部分成员的姓名无法从企业微信通讯录读取：请在企业微信管理后台为本应用开通「通讯录读取权限」（读取成员），' +
  '并把这些成员加入应用的「可见范围」，然后再同步或刷新。';

/** The name cache's entry for a stored inviter at read time (null when the cache has none). */
export interface CachedInviterName {
  name: string | null;
  source: string | null;
}

/** The inviter as a read answers it: the stored naming, completed from the cache as it is now. */
export function inviterAsRead(stored: NamedInviter, cached: CachedInviterName | null): NamedInviter {
  if (stored.rule === 'self') return { name: null, rule: 'self' };
  const name = cached?.name ?? '';
  const fromUserGet = cached?.source === 'user-get';
  if (stored.name === null && name !== '') return { name, rule: fromUserGet ? 'user-get' : 'people' };
  // A later merge found the user/get answer in the cache (rule 4): it still came from rule 5.
  if (stored.rule === 'people' && fromUserGet && stored.name === name) return { name, rule: 'user-get' };
  return stored;
}

// ---- What people see (the detail page, its workbook) --------------------------------------------------

/** Promotion lives (活动直播, type 4) are the only ones WeCom gives inviters for. */
export const PROMOTION_LIVE_TYPE = 4;
export const NO_INVITER_TEXT = '企业微信仅对推广产品直播提供邀请人';
/** Rule 0: shown instead of a name, never the viewer's own name. */
export const SELF_INVITE_TEXT = '本人（自行进入）';

/** Which rule named the inviter, as the detail page and its workbook say it. */
export const INVITER_RULE_LABELS: Readonly<Record<InviterRule, string>> = {
  'watch-stat': '企业微信返回',
  anchor: '主播',
  viewer: '同场观众',
  people: '本地名录',
  'user-get': '通讯录查询',
  self: '非他人邀请',
  none: '未能识别',
};

type InvitedViewer = Pick<NamingViewer, 'invitorUserid' | 'invitorExternalUserid'> & {
  inviterName: string | null;
  inviterRule: InviterRule | null;
};

/** Invited by somebody else: counts as an invitation (a self-invite does not). */
export function invitedByOther(viewer: InvitedViewer): boolean {
  return (viewer.invitorUserid ?? viewer.invitorExternalUserid) !== null && viewer.inviterRule !== 'self';
}

/**
 * The inviter as shown: the name, else the id, else nothing; a self-invite says so; lives that are not
 * promotion lives say why it is empty.
 */
export function inviterText(viewer: InvitedViewer, inviterSupported: boolean): string {
  if (!inviterSupported) return NO_INVITER_TEXT;
  const id = viewer.invitorUserid ?? viewer.invitorExternalUserid;
  if (id === null) return '';
  if (viewer.inviterRule === 'self') return SELF_INVITE_TEXT;
  return viewer.inviterName !== null && viewer.inviterName !== '' ? viewer.inviterName : id;
}

// ---- The same rules in SQL (the live store's queries over live_viewers and live_people) ---------------

/**
 * SQL for the rules over `live_viewers` rows (or rows grouped from them) aliased `v`, with the name cache
 * joined on its primary key as `members` (person_kind 'internal', person_id = v.invitor_userid) and
 * `externals` (person_kind 'external', person_id = v.invitor_external_userid).
 */
export interface InviterSqlAliases {
  v: string;
  members: string;
  externals: string;
}

/** Invited by somebody else (`invitedByOther`), over `v`'s inviter ids and `inviter_rule`. */
export function invitedByOtherSql(v: string): string {
  return `((${v}.invitor_userid is not null or ${v}.invitor_external_userid is not null)
      and coalesce(${v}.inviter_rule, '') <> 'self')`;
}

/**
 * The cache's name (or `source`) of the viewer's inviter, for `inviterAsRead`; never for a self-invite.
 * `selfKnown: false` where the rows are invitations already (self-invites filtered out, no `inviter_rule`).
 */
export function cachedInviterSql(
  { v, members, externals }: InviterSqlAliases,
  column: 'name' | 'source',
  selfKnown = true,
): string {
  const self = selfKnown ? `when ${v}.inviter_rule = 'self' then null\n  ` : '';
  return `case ${self}when ${v}.invitor_userid is not null then ${members}.${column} else ${externals}.${column} end`;
}

/** The inviter's name as read (`inviterAsRead`'s name), '' for a self-invite or no name: keyword search. */
export function inviterNameSql(aliases: InviterSqlAliases): string {
  return `case when ${aliases.v}.inviter_rule = 'self' then ''
  else coalesce(${aliases.v}.inviter_name, ${cachedInviterSql(aliases, 'name')}, '') end`;
}

/** The inviter as shown (`inviterText`) of invitations by somebody else: the name as read, else the id. */
export function inviterLabelSql(aliases: InviterSqlAliases): string {
  const { v } = aliases;
  const named = `coalesce(${v}.inviter_name, nullif(${cachedInviterSql(aliases, 'name', false)}, ''))`;
  return `case
  when ${named} <> ''
    then ${named}
  else coalesce(${v}.invitor_userid, ${v}.invitor_external_userid) end`;
}
