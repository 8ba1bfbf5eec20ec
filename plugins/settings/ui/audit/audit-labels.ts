import type { AuditRow } from '../settings-api.js';

/** The host's audit actions in words (host/runtime/*: every `audit.record` call). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.setupRoot': '初始化超级管理员密码',
  'auth.recoverRoot': '用恢复码重置超级管理员密码',
  'auth.changePassword': '修改本地密码',
  'auth.offlineResetRoot': '在本机重置超级管理员密码（reset-root）',
  'corps.save': '保存企业配置',
  'corps.saveAtLogin': '登录时保存企业',
  'corps.delete': '删除企业',
  'users.save': '设置用户权限',
  'users.remove': '移除用户',
  'users.resetPassword': '重置本地密码',
  'trustedIps.add': '添加可信IP',
  'trustedIps.replace': '编辑可信IP列表',
  'plugins.setEnabled': '启用/停用插件',
};

export function actionLabel(row: Pick<AuditRow, 'action' | 'detail'>): string {
  // The one action whose meaning depends on its detail.
  if (row.action === 'plugins.setEnabled' && typeof row.detail?.['enabled'] === 'boolean') {
    return row.detail['enabled'] ? '启用插件' : '停用插件';
  }
  if (row.action === 'users.save' && typeof row.detail?.['tier'] === 'string') {
    return row.detail['tier'] === 'wecom-admin' ? '设为企微管理员' : '设为普通用户';
  }
  return AUDIT_ACTION_LABELS[row.action] ?? row.action;
}
