/**
 * zod schemas of every WeCom response the gateway reads, and the request shapes it sends. Objects are
 * loose (`z.looseObject`) so fields WeCom adds later are kept and stored rather than dropped; only the
 * fields the product cannot do without are required. Field names are WeCom's own (snake_case).
 */
import { z } from 'zod';

/** Every WeCom answer carries these; errcode 0 means success. */
export const BaseResponse = z.looseObject({
  errcode: z.number().int().default(0),
  errmsg: z.string().default(''),
});

export const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const AgentInfo = z.looseObject({
  agentid: z.coerce.number().int(),
  name: z.string().optional(),
  square_logo_url: z.string().optional(),
  description: z.string().optional(),
  close: z.number().optional(),
  home_url: z.string().optional(),
});
export type AgentInfo = z.infer<typeof AgentInfo>;

export const CreateLivingResponse = z.looseObject({ livingid: z.string().min(1) });

export const UserAllLivingIdsPage = z.looseObject({
  next_cursor: z.string().default(''),
  livingid_list: z.array(z.string()).default([]),
});
export type UserAllLivingIdsPage = z.infer<typeof UserAllLivingIdsPage>;

/** get_living_info's `living_info`; the official page and captured answers list these fields. */
export const LivingInfo = z.looseObject({
  theme: z.string().default(''),
  living_start: z.number().optional(),
  living_duration: z.number().optional(),
  status: z.number().optional(),
  reserve_start: z.number().optional(),
  reserve_living_duration: z.number().optional(),
  description: z.string().optional(),
  anchor_userid: z.string().optional(),
  main_department: z.number().optional(),
  viewer_num: z.number().optional(),
  comment_num: z.number().optional(),
  mic_num: z.number().optional(),
  open_replay: z.number().optional(),
  replay_status: z.number().optional(),
  type: z.number().optional(),
  push_stream_url: z.string().optional(),
  online_count: z.number().optional(),
  subscribe_count: z.number().optional(),
});
export type LivingInfo = z.infer<typeof LivingInfo>;

export const LivingInfoResponse = z.looseObject({ living_info: LivingInfo });

export const WatchStatUser = z.looseObject({
  userid: z.string(),
  watch_time: z.number().optional(),
  is_comment: z.number().optional(),
  is_mic: z.number().optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type WatchStatUser = z.infer<typeof WatchStatUser>;

export const WatchStatExternalUser = z.looseObject({
  external_userid: z.string(),
  type: z.number().optional(),
  name: z.string().optional(),
  watch_time: z.number().optional(),
  is_comment: z.number().optional(),
  is_mic: z.number().optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type WatchStatExternalUser = z.infer<typeof WatchStatExternalUser>;

/** One page of get_watch_stat. `ending` = 1 is the only end signal (official doc and captured answers). */
export const WatchStatPage = z.looseObject({
  ending: z.number().int(),
  next_key: z.string().default(''),
  stat_info: z
    .looseObject({
      users: z.array(WatchStatUser).default([]),
      external_users: z.array(WatchStatExternalUser).default([]),
    })
    .default({ users: [], external_users: [] }),
});
export type WatchStatPage = z.infer<typeof WatchStatPage>;

export const LivingShareInfo = z.looseObject({
  livingid: z.string(),
  viewer_userid: z.string().optional(),
  viewer_external_userid: z.string().optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type LivingShareInfo = z.infer<typeof LivingShareInfo>;

export const LivingCodeResponse = z.looseObject({ living_code: z.string().min(1) });

/** user/get: only what the product reads is required; the rest depends on the app's permissions. */
export const WeComUser = z.looseObject({
  userid: z.string(),
  name: z.string().optional(),
  department: z.array(z.number()).optional(),
  main_department: z.number().optional(),
  position: z.string().optional(),
  status: z.number().optional(),
  alias: z.string().optional(),
});
export type WeComUser = z.infer<typeof WeComUser>;

export const SendMessageResult = z.looseObject({
  invaliduser: z.string().optional(),
  invalidparty: z.string().optional(),
  invalidtag: z.string().optional(),
  unlicenseduser: z.string().optional(),
  msgid: z.string().optional(),
  response_code: z.string().optional(),
});
export type SendMessageResult = z.infer<typeof SendMessageResult>;

/** department/list: the departments in the app's visible range. */
export const DepartmentList = z.looseObject({
  department: z.array(
    z.looseObject({
      id: z.number(),
      name: z.string().default(''),
      parentid: z.number().optional(),
      order: z.number().optional(),
    }),
  ),
});
export type DepartmentList = z.infer<typeof DepartmentList>;
export type Department = DepartmentList['department'][number];

/** user/simplelist: a department's members, userids as the corp stores them. */
export const DepartmentMembers = z.looseObject({
  userlist: z.array(
    z.looseObject({
      userid: z.string(),
      name: z.string().default(''),
      department: z.array(z.number()).optional(),
    }),
  ),
});
export type DepartmentMembers = z.infer<typeof DepartmentMembers>;
export type DepartmentMember = DepartmentMembers['userlist'][number];

export const UploadedMedia = z.looseObject({
  type: z.string(),
  media_id: z.string().min(1),
  // The docs show a string ("1380000000"); accept a number too.
  created_at: z.union([z.string(), z.number()]).optional(),
});
export type UploadedMedia = z.infer<typeof UploadedMedia>;

// ---- requests ----

/** living/create; `agentid` is filled from the gateway's configuration. */
export interface CreateLivingRequest {
  anchor_userid: string;
  /** At most 20 UTF-8 characters. */
  theme: string;
  /** Unix seconds. */
  living_start: number;
  /** Seconds. */
  living_duration: number;
  /** 0 通用直播, 1 小班课, 2 大班课, 3 企业培训, 4 活动直播. */
  type?: number;
  /** At most 100 characters; types 0–3 only. */
  description?: string;
  /** Seconds before living_start to remind viewers. */
  remind_time?: number;
  activity_cover_mediaid?: string;
  activity_share_mediaid?: string;
  activity_detail?: { description?: string; image_list?: string[] };
}

export interface CreateLivingResult {
  livingid: string;
  /** True when an ambiguous create was resolved by finding the live WeCom had in fact created. */
  reconciled: boolean;
}

export interface ModifyLivingRequest {
  livingid: string;
  theme?: string;
  living_start?: number;
  living_duration?: number;
  description?: string;
  type?: number;
  remind_time?: number;
}

interface MessageAddressing {
  /** Member userids joined with `|`, or `@all`. */
  touser?: string;
  toparty?: string;
  totag?: string;
  safe?: 0 | 1;
  enable_id_trans?: 0 | 1;
  enable_duplicate_check?: 0 | 1;
  duplicate_check_interval?: number;
}

export interface TextMessage extends MessageAddressing {
  msgtype: 'text';
  text: { content: string };
}

export interface TextCardMessage extends MessageAddressing {
  msgtype: 'textcard';
  textcard: { title: string; description: string; url: string; btntxt?: string };
}

export type AppMessage = TextMessage | TextCardMessage;

export type MediaType = 'image' | 'voice' | 'video' | 'file';

export interface MediaFile {
  data: Blob | Uint8Array;
  filename: string;
  contentType?: string;
}
