import type { ErrorCode, RpcErrorBody } from '../contracts/errors.js';

/** What each error code (docs/architecture.md "RPC and errors") means to a person, when the host's own message is missing. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '需要登录',
  FORBIDDEN: '没有权限',
  PLUGIN_DISABLED: '功能已停用',
  INVALID_INPUT: '输入有误',
  NOT_FOUND: '未找到',
  CONFLICT: '与现有数据冲突',
  RATE_LIMITED: '操作过于频繁',
  WECOM_CONFIG_INVALID: '企业微信配置有误',
  WECOM_ERROR: '企业微信返回错误',
  WECOM_IP_NOT_ALLOWED: '本机 IP 未被企业微信信任',
  WECOM_UNREACHABLE: '无法连接企业微信',
  IMPORT_INVALID: '导入文件有误',
  INTERNAL: '内部错误',
};

const FIELD_LABELS: Record<string, string> = {
  corpname: '企业名称',
  corpid: '企业ID',
  corpsecret: '应用Secret',
  agentid: 'AgentId',
  userid: '用户ID',
  username: '用户名称',
  password: '密码',
  ip: 'IP',
};

/** One line for a snack bar or a form: the host's Chinese message, with a hint where useful. */
export function describeError(error: RpcErrorBody): string {
  const details = error.details ?? {};
  const message = error.message !== '' ? error.message : ERROR_TITLES[error.code];
  if (error.code === 'RATE_LIMITED' && typeof details['retryAfterMs'] === 'number') {
    const seconds = Math.ceil(details['retryAfterMs'] / 1000);
    return message.includes('秒') ? message : `${message}（${seconds} 秒后可重试）`;
  }
  if (error.code === 'WECOM_ERROR' && typeof details['errcode'] === 'number') {
    return `${message}（错误码 ${details['errcode']}）`;
  }
  return message;
}

/** The form field an error belongs to, when the host named one. */
export function errorField(error: RpcErrorBody): string | null {
  const field = error.details?.['field'];
  return typeof field === 'string' ? field : null;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
