/**
 * The WeCom gateway of one corp app: every WeCom call of the product goes through one of these typed
 * methods. Single responses are Promises; the paged APIs are also offered as RxJS Observables that follow
 * the cursor to the end. Policy lives in the pieces it wires together (api-caller.ts and below); what is
 * here is each API's shape and the two write rules that depend on the API: an ambiguous living/create is
 * reconciled before creating again, and message/send is never repeated after a timeout.
 */
import { pino, type Logger } from 'pino';
import { concatMap, from, type Observable } from 'rxjs';
import { AppError } from '../contracts/errors.js';
import { ApiCaller, type CallerStats, type CallOutcome, type IpNotAllowedInfo } from './api-caller.js';
import { WeComConfigError, WeComError } from './errors.js';
import { HttpClient } from './http-client.js';
import { findCreatedLiving } from './living-reconciler.js';
import {
  AgentInfo,
  BaseResponse,
  CreateLivingResponse,
  DepartmentList,
  DepartmentMembers,
  LivingCodeResponse,
  LivingInfoResponse,
  LivingShareInfo,
  SendMessageResult,
  UploadedMedia,
  UserAllLivingIdsPage,
  WatchStatPage,
  WeComUser,
  type AppMessage,
  type CreateLivingRequest,
  type CreateLivingResult,
  type Department,
  type DepartmentMember,
  type LivingInfo,
  type MediaFile,
  type MediaType,
  type ModifyLivingRequest,
} from './models.js';
import { paginate } from './paging.js';
import { RateLimiter, type LimiterStats, type RateLimits } from './rate-limiter.js';
import { DEFAULT_RETRY, isAmbiguousWriteFailure, sleep, type RetryOptions } from './retry.js';
import type { WindowGate } from './sliding-window.js';
import { UserNameCache } from './user-name-cache.js';

export interface WeComGatewayOptions {
  corpid: string;
  corpsecret: string;
  agentid: number | string;
  /** Replaces https://qyapi.weixin.qq.com (the simulator, a proxy). */
  baseUrl?: string;
  /** Per HTTP exchange; default 10 s. */
  timeoutMs?: number;
  limits?: Partial<RateLimits>;
  retry?: Partial<RetryOptions>;
  /** Bound on pages of one paged stream; default 10,000. */
  maxPages?: number;
  logger?: Logger;
  /** Told of every 60020 with the IP WeCom saw, so the host can record it and prompt the admin (R2.7). */
  onIpNotAllowed?: (info: IpNotAllowedInfo) => void;
  /** Told what every HTTP exchange showed about the connection (the host's connection state). */
  onCallOutcome?: (outcome: CallOutcome) => void;
  /** Refresh the token this long before it expires; default 300 s (capped at half its lifetime). */
  tokenMarginSeconds?: number;
  /** Pause before searching for the live an ambiguous create may have made; default 1 s. */
  reconcileDelayMs?: number;
  /** The per-IP limit windows; default one shared by the whole process. */
  ipGate?: WindowGate;
  /** How long a member name resolved by `userName` is reused; default one hour. */
  userNameTtlMs?: number;
  /** Replaceable for tests. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface GatewayStats extends CallerStats, LimiterStats {
  /** Ambiguous creates resolved by finding the live WeCom had made. */
  reconciled: number;
}

const DEFAULT_MAX_PAGES = 10_000;
/** Creates in all for one createLiving call, ambiguous ones included. */
const MAX_CREATE_ROUNDS = 3;
const OK = BaseResponse;

export class WeComGateway {
  readonly corpid: string;
  readonly agentid: number;
  private readonly caller: ApiCaller;
  private readonly limiter: RateLimiter;
  private readonly logger: Logger;
  private readonly maxPages: number;
  private readonly reconcileDelayMs: number;
  private reconciled = 0;
  private readonly userNames: UserNameCache;

  constructor(options: WeComGatewayOptions) {
    this.corpid = options.corpid;
    this.agentid = Number(options.agentid);
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.reconcileDelayMs = options.reconcileDelayMs ?? 1_000;
    this.logger = (options.logger ?? pino({ level: 'silent' })).child({
      component: 'wecom',
      corpid: options.corpid,
    });
    this.limiter = new RateLimiter(options.limits, options.ipGate ? { ipGate: options.ipGate } : {});
    this.caller = new ApiCaller({
      corpid: options.corpid,
      corpsecret: options.corpsecret,
      http: new HttpClient({
        ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      }),
      limiter: this.limiter,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      logger: this.logger,
      onIpNotAllowed: options.onIpNotAllowed,
      onCallOutcome: options.onCallOutcome,
      tokenMarginSeconds: options.tokenMarginSeconds,
    });
    this.userNames = new UserNameCache(
      async (userid) => (await this.getUser(userid)).name ?? '',
      options.userNameTtlMs === undefined ? {} : { ttlMs: options.userNameTtlMs },
    );
  }

  /** A valid access token (cached; fetched single-flight). Never log it. */
  getToken(): Promise<string> {
    return this.caller.tokens.get();
  }

  /**
   * agent/get for the configured agentid: the configuration check of a corp. A secret that belongs to
   * another app answers "no privilege" here, which means the agentid is wrong (docs/architecture.md "WeCom gateway").
   */
  async getAgent(): Promise<AgentInfo> {
    let agent: AgentInfo;
    try {
      agent = await this.caller.call({
        api: 'agent/get',
        method: 'GET',
        query: { agentid: this.agentid },
        schema: AgentInfo,
        kind: 'read',
      });
    } catch (error) {
      if (error instanceof WeComError && (error.errcode === 60011 || error.errcode === 301002)) {
        throw new WeComConfigError('agentid', `应用 Secret 不属于应用 ${this.agentid}`);
      }
      throw error;
    }
    if (agent.agentid !== this.agentid) {
      throw new WeComConfigError('agentid', `企业微信返回的应用是 ${agent.agentid}`);
    }
    return agent;
  }

  /**
   * living/create. Over-limit answers and refused connections are retried (nothing was created). A -1, a
   * timeout or a dropped connection is ambiguous: the anchor's lives are searched for the same theme and
   * start first, and only if none is found is the live created again.
   */
  async createLiving(request: CreateLivingRequest): Promise<CreateLivingResult> {
    const body = { ...request, agentid: this.agentid };
    for (let round = 1; ; round += 1) {
      try {
        const created = await this.caller.call({
          api: 'living/create',
          method: 'POST',
          json: body,
          schema: CreateLivingResponse,
          kind: 'write',
        });
        return { livingid: created.livingid, reconciled: false };
      } catch (error) {
        if (!isAmbiguousWriteFailure(error) || round >= MAX_CREATE_ROUNDS) throw error;
        this.logger.warn({ api: 'living/create', round }, 'ambiguous create: searching the anchor lives');
        await sleep(this.reconcileDelayMs);
        const livingid = await findCreatedLiving(
          { livingIds: (userid) => this.userLivingIds$(userid), livingInfo: (id) => this.getLivingInfo(id) },
          request,
        );
        if (livingid !== undefined) {
          this.reconciled += 1;
          this.logger.info({ api: 'living/create', round }, 'ambiguous create resolved: the live exists');
          return { livingid, reconciled: true };
        }
      }
    }
  }

  /** living/modify (before the live starts). */
  async modifyLiving(request: ModifyLivingRequest): Promise<void> {
    await this.caller.call({
      api: 'living/modify',
      method: 'POST',
      json: request,
      schema: OK,
      kind: 'write',
    });
  }

  /** living/cancel (a reserved live). */
  async cancelLiving(livingid: string): Promise<void> {
    await this.caller.call({
      api: 'living/cancel',
      method: 'POST',
      json: { livingid },
      schema: OK,
      kind: 'write',
    });
  }

  /** One page of living/get_user_all_livingid; `cursor` '' for the first. */
  getUserAllLivingIds(
    userid: string,
    page: { cursor?: string; limit?: number } = {},
    options: CallOptions = {},
  ): Promise<UserAllLivingIdsPage> {
    return this.caller.call({
      api: 'living/get_user_all_livingid',
      method: 'POST',
      json: { userid, cursor: page.cursor ?? '', limit: page.limit ?? 100 },
      schema: UserAllLivingIdsPage,
      kind: 'read',
      ...options,
    });
  }

  /** living/get_living_info's `living_info`. */
  async getLivingInfo(livingid: string, options: CallOptions = {}): Promise<LivingInfo> {
    const response = await this.caller.call({
      api: 'living/get_living_info',
      method: 'GET',
      query: { livingid },
      schema: LivingInfoResponse,
      kind: 'read',
      ...options,
    });
    return response.living_info;
  }

  /** One page of living/get_watch_stat; `nextKey` "0" for the first. */
  getWatchStat(livingid: string, nextKey = '0', options: CallOptions = {}): Promise<WatchStatPage> {
    return this.caller.call({
      api: 'living/get_watch_stat',
      method: 'POST',
      json: { livingid, next_key: nextKey },
      schema: WatchStatPage,
      kind: 'read',
      ...options,
    });
  }

  /** living/delete_replay_data. */
  async deleteReplayData(livingid: string): Promise<void> {
    await this.caller.call({
      api: 'living/delete_replay_data',
      method: 'POST',
      json: { livingid },
      schema: OK,
      kind: 'write',
    });
  }

  /** living/get_living_share_info: who a "推广产品" viewer is and who invited them. */
  getLivingShareInfo(wwShareCode: string): Promise<LivingShareInfo> {
    return this.caller.call({
      api: 'living/get_living_share_info',
      method: 'POST',
      json: { ww_share_code: wwShareCode },
      schema: LivingShareInfo,
      kind: 'read',
    });
  }

  /** living/get_living_code: a WeChat viewing code for `openid`, valid 5 minutes. */
  async getLivingCode(livingid: string, openid: string): Promise<string> {
    const response = await this.caller.call({
      api: 'living/get_living_code',
      method: 'POST',
      json: { livingid, openid },
      schema: LivingCodeResponse,
      // Asking twice only yields another short-lived code.
      kind: 'read',
    });
    return response.living_code;
  }

  /** user/get. */
  getUser(userid: string, options: CallOptions = {}): Promise<WeComUser> {
    return this.caller.call({
      api: 'user/get',
      method: 'GET',
      query: { userid },
      schema: WeComUser,
      kind: 'read',
      ...options,
    });
  }

  /**
   * A member's name through user/get, reused for `userNameTtlMs` and shared by concurrent callers (an
   * inviter list names the same people many times). Errors (e.g. 48002/60011 without the contact
   * permission) are not cached: the caller decides what to store (R4.6).
   */
  userName(userid: string): Promise<string> {
    return this.userNames.nameOf(userid);
  }

  /**
   * message/send (text or textcard) from the configured app. A write: repeated only when WeCom certainly
   * did not take it (over limit, connection refused), never after a timeout, so no member gets it twice.
   */
  sendMessage(message: AppMessage): Promise<SendMessageResult> {
    const touser = message.touser ?? '';
    const recipients = touser === '' || touser === '@all' ? [] : touser.split('|').filter((id) => id !== '');
    return this.caller.call({
      api: 'message/send',
      method: 'POST',
      json: { ...message, agentid: this.agentid },
      schema: SendMessageResult,
      kind: 'write',
      recipients,
    });
  }

  /** department/list: the departments the app can see (all of them without `id`, else `id` and below). */
  async listDepartments(id?: number, options: CallOptions = {}): Promise<Department[]> {
    const response = await this.caller.call({
      api: 'department/list',
      method: 'GET',
      query: id === undefined ? {} : { id },
      schema: DepartmentList,
      kind: 'read',
      ...options,
    });
    return response.department;
  }

  /** user/simplelist: a department's members (with `fetchChild`, its sub-departments' too). */
  async departmentMembers(
    departmentId: number,
    fetchChild = false,
    options: CallOptions = {},
  ): Promise<DepartmentMember[]> {
    const response = await this.caller.call({
      api: 'user/simplelist',
      method: 'GET',
      query: { department_id: departmentId, fetch_child: fetchChild ? 1 : 0 },
      schema: DepartmentMembers,
      kind: 'read',
      ...options,
    });
    return response.userlist;
  }

  /** media/upload: a temporary media (3 days), e.g. a live's cover image. */
  uploadMedia(type: MediaType, file: MediaFile): Promise<UploadedMedia> {
    const blob =
      file.data instanceof Blob
        ? file.data
        : new Blob([new Uint8Array(file.data)], { type: file.contentType ?? 'application/octet-stream' });
    return this.caller.call({
      api: 'media/upload',
      method: 'POST',
      query: { type },
      form: () => {
        const form = new FormData();
        form.append('media', blob, file.filename);
        return form;
      },
      schema: UploadedMedia,
      // A second upload only leaves an unused temporary media that expires by itself.
      kind: 'read',
    });
  }

  /** Every livingid of a member: get_user_all_livingid pages, following next_cursor until it is empty. */
  userLivingIds$(userid: string, limit = 100): Observable<string> {
    return paginate({
      api: 'living/get_user_all_livingid',
      firstKey: '',
      maxPages: this.maxPages,
      fetchPage: (cursor, signal) => this.getUserAllLivingIds(userid, { cursor, limit }, { signal }),
      nextKey: (page) => (page.next_cursor === '' ? null : page.next_cursor),
    }).pipe(concatMap((page) => from(page.livingid_list)));
  }

  /**
   * Every page of a live's watch stats, from next_key "0" until `ending` = 1 (the only end signal). An
   * empty next_key before the end would restart from the top; it counts as the first key repeated.
   */
  watchStat$(livingid: string): Observable<WatchStatPage> {
    return paginate({
      api: 'living/get_watch_stat',
      firstKey: '0',
      maxPages: this.maxPages,
      fetchPage: (key, signal) => this.getWatchStat(livingid, key, { signal }),
      nextKey: (page) => (page.ending === 1 ? null : page.next_key === '' ? '0' : page.next_key),
    });
  }

  stats(): GatewayStats {
    return { ...this.caller.stats(), ...this.limiter.stats(), reconciled: this.reconciled };
  }

  /** Rejects every call still waiting for a slot; calls already sent finish. */
  close(): void {
    this.limiter.close(new AppError('WECOM_UNREACHABLE', '企业微信连接已关闭'));
  }
}
