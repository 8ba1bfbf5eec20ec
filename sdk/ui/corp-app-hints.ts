/**
 * Where each value of a corp app is found in the WeCom admin console (R2.2), shown by the circled "!"
 * (`FieldHint`) next to its input: one set for the login page, the setup wizard and the settings dialogs.
 */
export type CorpAppHintField = 'corpname' | 'corpid' | 'corpsecret' | 'agentid' | 'userid' | 'username';

export const CORP_APP_HINTS: Record<CorpAppHintField, { label: string; text: string }> = {
  corpname: {
    label: '企业名称',
    text: '自行填写的名称，用于在本软件中区分不同企业，在本软件内不可重复；以后登录时可从下拉列表按名称选择。',
  },
  corpid: {
    label: '企业ID',
    text: '企业微信管理后台 →「我的企业」→「企业信息」，页面最底部的「企业ID」（以 ww 开头）。',
  },
  corpsecret: {
    label: '应用Secret',
    text: '管理后台 →「应用管理」→「自建」→ 选择应用，在应用详情页点击 Secret 旁的「查看」；Secret 会发送到企业微信客户端，需在手机或电脑版企业微信中查看。',
  },
  agentid: {
    label: 'AgentId',
    text: '管理后台 →「应用管理」→「自建」→ 选择应用，应用详情页中的「AgentId」（一串数字）。',
  },
  userid: {
    label: '用户ID',
    text: '成员在企业微信中的账号：管理后台 →「通讯录」→ 点击成员，成员详情中的「账号」即用户ID，不区分大小写；登录后创建直播时默认作为主播。',
  },
  username: {
    label: '用户名称',
    text: '在本软件中显示的名称，例如您的姓名；仅保存在本机，不会发送给企业微信。',
  },
};
