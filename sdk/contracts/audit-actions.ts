/** The host's audit actions in words (host/runtime/*: every `audit.record` call), for the page and the export. */
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
  'trustedIps.add': '添加可信 IP',
  'trustedIps.replace': '编辑可信 IP列表',
  'plugins.setEnabled': '启用/停用插件',
  'reports.setEnabled': '启用/停用报表',
  'reports.installExample': '安装示例报表',
  'audit.export': '导出审计日志',
  'config.moveDatabase': '迁移数据库位置',
  'config.useDatabase': '改用已有数据库文件',
  'config.cancelDatabaseChange': '取消数据库位置更改',
  'config.databaseMoved': '启动时完成数据库迁移',
  'config.setLogDir': '更改日志位置',
  'config.setUpdateFeed': '更改更新源',
  'config.cleanup': '清理旧数据',
  'live-create.create': '创建预约直播',
  'live-create.modify': '修改预约直播',
  'live-list.cancel': '取消预约直播',
  'checkin-import.import': '导入签到表',
  'live-detail.resolveCheckin': '指定同名签到的观众',
  'live-detail.invite': '发送直播邀请消息',
  'live-detail.inviteRetry': '重发失败的直播邀请',
  'live-detail.deleteReplay': '删除直播回放',
};

/** One audit row's action in words; unknown actions (a newer host) show as they are. */
export function auditActionLabel(action: string, detail: Record<string, unknown> | null): string {
  // The actions whose meaning depends on their detail.
  if (action === 'plugins.setEnabled' && typeof detail?.['enabled'] === 'boolean') {
    return detail['enabled'] ? '启用插件' : '停用插件';
  }
  if (action === 'reports.setEnabled' && typeof detail?.['enabled'] === 'boolean') {
    return detail['enabled'] ? '启用报表' : '停用报表';
  }
  if (action === 'users.save' && typeof detail?.['tier'] === 'string') {
    return detail['tier'] === 'wecom-admin' ? '设为企微管理员' : '设为普通用户';
  }
  return AUDIT_ACTION_LABELS[action] ?? action;
}
