import { auditActionLabel } from './audit-actions.js';
import { TIER_LABELS, type Tier } from './tiers.js';

/** The keys audit rows carry in their detail (every `audit.record` call's `detail`), in words. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  action: '筛选的操作',
  ambiguous: '同名待确认',
  corpId: '企业 ID',
  count: '数量',
  cutoff: '清理截止时间',
  deleted: '已删除',
  dir: '日志位置',
  enabled: '启用',
  file: '数据库文件',
  images: '图片',
  from: '原位置',
  livingid: '直播 ID',
  matched: '已匹配',
  message: '说明',
  reconciled: '已与企业微信核对',
  rounds: '签到轮次',
  rows: '行数',
  tier: '权限',
  to: '新位置',
  unmatched: '未匹配',
  url: '更新源',
  // The clean-up's parts (host/runtime/retention/host-retention.ts; plugins add theirs under their own ids).
  'host.audit': '审计日志记录',
  'host.jobs': '已结束的后台任务',
  'host.sessions': '已过期的登录会话',
  'host.files': '上传和导出的文件',
};

/** `yyyy-MM-dd HH:mm:ss` of a Date's UTC fields (callers pass a wall-clock date of their zone). */
function dateText(wallClock: Date): string {
  return wallClock.toISOString().slice(0, 19).replace('T', ' ');
}

function valueText(key: string, value: unknown, toWallClock: (epochMs: number) => Date): string {
  if (value === null || value === undefined) return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'tier' && typeof value === 'string' && value in TIER_LABELS) return TIER_LABELS[value as Tier];
  if (key === 'action' && typeof value === 'string') return auditActionLabel(value, null);
  if (key === 'cutoff' && typeof value === 'number') return dateText(toWallClock(value));
  if (Array.isArray(value)) return value.map((item) => valueText('', item, toWallClock)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([inner, innerValue]) =>
          `${AUDIT_DETAIL_LABELS[inner] ?? inner} ${valueText(inner, innerValue, toWallClock)}`,
      )
      .join('，');
  }
  return String(value);
}

/**
 * An audit row's detail as Chinese "键：值" pairs joined by "；" (the audit export's 详情 column): known
 * keys in words, booleans as 是/否, tiers and actions by their labels, times in the caller's zone.
 * Unknown keys (a newer host or a plugin) show as they are, never dropped.
 */
export function auditDetailText(
  detail: Record<string, unknown> | null,
  toWallClock: (epochMs: number) => Date,
): string {
  if (detail === null) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${AUDIT_DETAIL_LABELS[key] ?? key}：${valueText(key, value, toWallClock)}`)
    .join('；');
}
