import type { CheckinRoundSummary, ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { ChartPoint, LiveDetailCharts } from '../shared/live-detail-api.js';
import { invitedByOther, inviterText } from '../shared/viewer-format.js';

/** Watch-time buckets (upper bound in seconds, exclusive; the last one is open). */
const WATCH_BUCKETS: ReadonlyArray<{ label: string; below: number }> = [
  { label: '不足 1 分钟', below: 60 },
  { label: '1–5 分钟', below: 5 * 60 },
  { label: '5–15 分钟', below: 15 * 60 },
  { label: '15–30 分钟', below: 30 * 60 },
  { label: '30–60 分钟', below: 60 * 60 },
  { label: '1 小时及以上', below: Number.POSITIVE_INFINITY },
];
const TOP_INVITERS = 10;

/**
 * The viewer profile of R5.4 over every viewer of a live: who watched (members, WeChat users, other
 * corps' WeCom users), for how long, who invited most, check-in attendance per round, engagement.
 */
export function viewerProfile(
  viewers: readonly ViewerDetail[],
  rounds: readonly CheckinRoundSummary[],
  inviterSupported: boolean,
): LiveDetailCharts {
  const count = (test: (viewer: ViewerDetail) => boolean): number => viewers.filter(test).length;
  const audience: ChartPoint[] = [
    { label: '企业成员', value: count((v) => v.kind === 'internal') },
    { label: '微信用户', value: count((v) => v.kind === 'external' && v.externalType === 1) },
    { label: '企业微信用户（外部）', value: count((v) => v.kind === 'external' && v.externalType === 2) },
    {
      label: '其他外部联系人',
      value: count((v) => v.kind === 'external' && v.externalType !== 1 && v.externalType !== 2),
    },
  ].filter((point, index) => index < 3 || point.value > 0);
  const watchTime = WATCH_BUCKETS.map((bucket, index) => {
    const from = index === 0 ? 0 : (WATCH_BUCKETS[index - 1]?.below ?? 0);
    return { label: bucket.label, value: count((v) => v.watchTime >= from && v.watchTime < bucket.below) };
  });
  const invited = new Map<string, number>();
  if (inviterSupported) {
    // A self-invite is nobody's invitation: it never ranks the viewer as an inviter.
    for (const viewer of viewers.filter(invitedByOther)) {
      const name = inviterText(viewer, true);
      if (name !== '') invited.set(name, (invited.get(name) ?? 0) + 1);
    }
  }
  const topInviters = [...invited.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .slice(0, TOP_INVITERS)
    .map(([label, value]) => ({ label, value }));
  const checkinRounds = rounds.map((round) => ({
    label: round.title !== '' ? round.title : `第 ${round.roundNo} 轮`,
    value: count((v) => v.checkins.some((checkin) => checkin.roundNo === round.roundNo)),
  }));
  const engagement = [
    { label: '观看', value: viewers.length },
    { label: '评论', value: count((v) => v.isComment) },
    { label: '连麦', value: count((v) => v.isMic) },
    { label: '签到', value: count((v) => v.checkins.length > 0) },
  ];
  return { audience, watchTime, topInviters, checkinRounds, engagement, viewers: viewers.length };
}
