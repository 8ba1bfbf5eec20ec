/** Where each corp field is found in the WeCom admin console (R2.2's "!" hints). */
export const CORP_HINTS = {
  corpname: '自定义的企业名称，登录页按此名称选择企业，不能与已保存的企业重复。',
  corpid: '企业微信管理后台 → 我的企业 → 企业信息，页面底部的「企业ID」（以 ww 开头）。',
  corpsecret:
    '企业微信管理后台 → 应用管理 → 自建应用 → 选择应用 → Secret，点「查看」后在企业微信客户端中接收。',
  agentid: '企业微信管理后台 → 应用管理 → 自建应用 → 选择应用，应用详情中的「AgentId」。',
} as const;
