import type { NamingViewer } from '../../../sdk/contracts/inviter-naming.js';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';

/**
 * One viewer of get_watch_stat, members and external users alike: what the R4.6 rules read
 * (sdk/contracts/inviter-naming.ts; only external users carry a name in the stats, and no documented
 * field carries `statInviterName` today) and the figures stored.
 */
export interface StatViewer extends NamingViewer {
  externalType: number | null;
  watchTime: number;
  isComment: boolean;
  isMic: boolean;
  raw: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Every viewer of the pages, once each: a viewer repeated on a later page wins (newest figures). */
export function statViewers(pages: readonly WatchStatPage[]): StatViewer[] {
  const byKey = new Map<string, StatViewer>();
  for (const page of pages) {
    for (const user of page.stat_info.users) {
      const viewer: StatViewer = {
        kind: 'internal',
        id: user.userid,
        externalType: null,
        name: text((user as Record<string, unknown>)['name']) ?? '',
        watchTime: user.watch_time ?? 0,
        isComment: user.is_comment === 1,
        isMic: user.is_mic === 1,
        invitorUserid: text(user.invitor_userid),
        invitorExternalUserid: text(user.invitor_external_userid),
        statInviterName: text((user as Record<string, unknown>)['invitor_name']),
        raw: JSON.stringify(user),
      };
      byKey.set(`internal:${viewer.id}`, viewer);
    }
    for (const user of page.stat_info.external_users) {
      const viewer: StatViewer = {
        kind: 'external',
        id: user.external_userid,
        externalType: user.type ?? null,
        name: user.name ?? '',
        watchTime: user.watch_time ?? 0,
        isComment: user.is_comment === 1,
        isMic: user.is_mic === 1,
        invitorUserid: text(user.invitor_userid),
        invitorExternalUserid: text(user.invitor_external_userid),
        statInviterName: text((user as Record<string, unknown>)['invitor_name']),
        raw: JSON.stringify(user),
      };
      byKey.set(`external:${viewer.id}`, viewer);
    }
  }
  return [...byKey.values()];
}
