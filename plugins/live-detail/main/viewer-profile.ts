import type { ViewerProfileCounts } from '../../../sdk/contracts/lives.js';
import type { LiveStore } from '../../../sdk/main/live-store.js';
import type { ChartPoint, LiveDetailCharts } from '../shared/live-detail-api.js';

/** Watch-time buckets (upper bound in seconds, exclusive; the last one is open). */
const WATCH_BUCKETS: ReadonlyArray<{ label: string; below: number }> = [
  { label: '不足 1 分钟', below: 60 },
  { label: '1–5 分钟', below: 5 * 60 },
  { label: '5–15 分钟', below: 15 * 60 },
  { label: '15–30 分钟', below: 30 * 60 },
  { label: '30–60 分钟', below: 60 * 60 },
  { label: '1 小时及以上', below: Number.POSITIVE_INFINITY },
];
const WATCH_BOUNDS = WATCH_BUCKETS.map((bucket) => bucket.below).filter(Number.isFinite);
const TOP_INVITERS = 10;

/**
 * The viewer profile of R5.4 over every viewer of a live: who watched (members, WeChat users, other
 * corps' WeCom users), for how long, who invited most, check-in attendance per round, engagement. The
 * store counts in SQL, so a 3,000-viewer live costs no more to chart than a small one.
 */
export async function viewerProfile(
  store: LiveStore,
  corpId: string,
  livingid: string,
  inviterSupported: boolean,
): Promise<LiveDetailCharts> {
  return profileCharts(await store.viewerProfileCounts(corpId, livingid, WATCH_BOUNDS), inviterSupported);
}

/** The counts as the charts' series. */
export function profileCharts(counts: ViewerProfileCounts, inviterSupported: boolean): LiveDetailCharts {
  const audience: ChartPoint[] = [
    { label: '企业成员', value: counts.members },
    { label: '微信用户', value: counts.wechat },
    { label: '企业微信用户（外部）', value: counts.otherCorp },
    { label: '其他外部联系人', value: counts.otherExternal },
  ].filter((point, index) => index < 3 || point.value > 0);
  const watchTime = WATCH_BUCKETS.map((bucket, index) => ({
    label: bucket.label,
    value: counts.watchTime[index] ?? 0,
  }));
  // A self-invite is nobody's invitation: the store leaves those out.
  const topInviters = inviterSupported
    ? counts.inviters
        .filter((inviter) => inviter.label !== '')
        .sort((a, b) => b.viewers - a.viewers || a.label.localeCompare(b.label, 'zh-CN'))
        .slice(0, TOP_INVITERS)
        .map((inviter) => ({ label: inviter.label, value: inviter.viewers }))
    : [];
  const checkinRounds = counts.rounds.map((round) => ({
    label: round.title !== '' ? round.title : `第 ${round.roundNo} 轮`,
    value: round.viewers,
  }));
  const engagement = [
    { label: '观看', value: counts.viewers },
    { label: '评论', value: counts.comments },
    { label: '连麦', value: counts.mics },
    { label: '签到', value: counts.checkedIn },
  ];
  return { audience, watchTime, topInviters, checkinRounds, engagement, viewers: counts.viewers };
}
