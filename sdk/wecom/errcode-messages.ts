/**
 * Chinese explanations of WeCom errcodes, shown to users instead of WeCom's English errmsg.
 * Sources: the official global errcode page (https://developer.work.weixin.qq.com/document/path/90313) and
 * the live, message and media API pages. The live APIs document no errcodes of their own: they answer with
 * the global ones below (40003/60111 for an unknown anchor, 40058 for a bad parameter such as an unknown
 * livingid or a live that can no longer be modified, 48002/50001/60011 for missing permissions).
 */
export const ERRCODE_MESSAGES: Readonly<Record<number, string>> = {
  [-1]: '企业微信系统繁忙，请稍后重试',
  40001: '应用 Secret（corpsecret）不正确，或 access_token 无效',
  40003: '无效的成员 UserID（该成员不存在或不在应用可见范围内）',
  40004: '不合法的媒体文件类型',
  40005: '不合法的素材类型（type 参数）',
  40006: '不合法的文件大小',
  40007: '不合法的 media_id（素材不存在或已过期）',
  40008: '不合法的消息类型',
  40013: '企业 ID（corpid）不正确',
  40014: 'access_token 不合法',
  40031: '不合法的 UserID 列表（至少有一个成员不在通讯录或应用可见范围内）',
  40035: '不合法的参数',
  40056: '应用 ID（AgentId）不正确',
  40058: '参数不合法（例如直播 ID 不存在、直播已开始或已结束不能再修改/取消，请对照接口文档检查）',
  40063: '参数为空',
  40091: '应用 Secret（corpsecret）不合法，可能填了其他企业或其他应用的 Secret',
  41001: '缺少 access_token 参数',
  41002: '缺少 corpid 参数',
  41004: '缺少 Secret 参数',
  41006: '缺少 media_id 参数',
  41009: '缺少 userid 参数',
  41033: '缺少 description 参数（文本卡片消息必填）',
  42001: 'access_token 已过期',
  44001: '上传的文件为空',
  44004: '文本消息内容为空',
  45001: '文件大小超过限制',
  45002: '消息内容超过长度限制',
  45009: '接口调用频率超过企业微信限制，请稍后重试',
  45033: '接口并发调用超过企业微信限制，请稍后重试',
  46004: '指定的成员不存在',
  48002:
    '应用没有调用该接口的权限：请在企业微信管理后台把本应用加入「直播 → 可调用接口的应用」或授予相应权限',
  50001: '应用未获授权（redirect_url 未登记可信域名，或应用无权调用）',
  50002: '成员不在应用的权限范围内',
  50003: '应用已被停用',
  60011: '没有访问该成员/部门/标签的权限：请把相关成员加入应用的可见范围',
  60020: '当前 IP 不在企业微信应用的可信 IP 列表中',
  60111: '成员 UserID 不存在（为空或不在通讯录中）',
  81013: '指定的成员、部门、标签全部非法或无权限',
  82001: '指定的成员、部门、标签全部无效',
  301002: '无权限操作指定的应用',
};

/** The Chinese explanation of an errcode, with a generic fallback naming the code. */
export function errcodeMessage(errcode: number): string {
  return ERRCODE_MESSAGES[errcode] ?? `企业微信返回错误码 ${errcode}`;
}
