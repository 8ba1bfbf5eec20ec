/** The host's audit actions in words (host/runtime/*: every `audit.record` call), for the page and the export. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.setupRoot': '初始化超级管理员密码',
  'auth.recoverRoot': '用恢复码重置超级管理员密码',
  'auth.changePassword': '修改本地密码',
  'corps.save': '保存企业配置',
  'corps.saveAtLogin': '登录时保存企业',
  'corps.delete': '删除企业',
  'users.save': '设置用户权限',
  'users.remove': '移除用户',
  'users.resetPassword': '重置本地密码',
  'trustedIps.add': '添加可信IP',
  'trustedIps.replace': '编辑可信IP列表',
  'plugins.setEnabled': '启用/停用插件',
  'audit.export': '导出审计日志',
};

/** One audit row's action in words; unknown actions (a newer host) show as they are. */
export function auditActionLabel(action: string, detail: Record<string, unknown> | null): string {
  // The actions whose meaning depends on their detail.
  if (action === 'plugins.setEnabled' && typeof detail?.['enabled'] === 'boolean') {
    return detail['enabled'] ? '启用插件' : '停用插件';
  }
  if (action === 'users.save' && typeof detail?.['tier'] === 'string') {
    return detail['tier'] === 'wecom-admin' ? '设为企微管理员' : '设为普通用户';
  }
  return AUDIT_ACTION_LABELS[action] ?? action;
}
