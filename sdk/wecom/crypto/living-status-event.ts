/**
 * The `living_status_change` callback event (https://developer.work.weixin.qq.com/document/path/94145),
 * read from the decrypted callback XML. WeCom sends it only for lives created through the API by the app
 * whose callback URL is configured.
 */
import { readXmlFields } from './flat-xml.js';

/** 0 预约中, 1 直播中, 2 已结束, 3 已过期, 4 已取消 (WeCom sends no callback for 3 today). */
export type LivingStatus = 0 | 1 | 2 | 3 | 4;

export interface LivingStatusChangeEvent {
  event: 'living_status_change';
  livingId: string;
  status: LivingStatus;
  /** ToUserName: the corpid. */
  toUserName?: string;
  /** FromUserName: a member userid or "sys". */
  fromUserName?: string;
  /** Unix seconds. */
  createTime?: number;
  agentId?: number;
}

export class CallbackEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallbackEventError';
  }
}

function integer(text: string | undefined, field: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw new CallbackEventError(`${field} is not an integer`);
  return Number(text);
}

/**
 * The event in `xml`, or null when `xml` is some other message or event (a receiver dispatches on that).
 * Throws `CallbackEventError` (or the XML reader's error) when it is this event but malformed.
 */
export function parseLivingStatusChange(xml: string): LivingStatusChangeEvent | null {
  const fields = readXmlFields(xml);
  if (fields['Event'] !== 'living_status_change') return null;
  const livingId = fields['LivingId'];
  if (!livingId) throw new CallbackEventError('LivingId is missing');
  const status = integer(fields['Status'], 'Status');
  if (status === undefined || status < 0 || status > 4)
    throw new CallbackEventError('Status is missing or unknown');
  const event: LivingStatusChangeEvent = {
    event: 'living_status_change',
    livingId,
    status: status as LivingStatus,
  };
  if (fields['ToUserName']) event.toUserName = fields['ToUserName'];
  if (fields['FromUserName']) event.fromUserName = fields['FromUserName'];
  const createTime = integer(fields['CreateTime'], 'CreateTime');
  if (createTime !== undefined) event.createTime = createTime;
  const agentId = integer(fields['AgentID'], 'AgentID');
  if (agentId !== undefined) event.agentId = agentId;
  return event;
}
