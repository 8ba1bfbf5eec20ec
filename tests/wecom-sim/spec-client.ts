import type { RunningSimulator } from './server.js';
import type { SimSpecials } from './types.js';

/** A WeCom answer: errcode/errmsg plus the API's fields. */
export interface WecomAnswer {
  errcode: number;
  errmsg: string;
  [field: string]: unknown;
}

export interface DataSummary {
  corpid: string;
  corpsecret: string;
  agentid: number;
  now: number;
  members: { userid: string; name: string; department: number[]; denied: boolean }[];
  lives: {
    livingid: string;
    anchor_userid: string;
    theme: string;
    type: number;
    status: number;
    viewerCount: number;
    hasInviters: boolean;
    createdByApi: boolean;
  }[];
  specials: SimSpecials;
  /** Userids of people who left the corp (message/send answers them as invaliduser). */
  departed: string[];
}

export interface MessagesView {
  messages: { msgid: string; at: number; body: Record<string, unknown>; delivered: string[] }[];
  /** Members reached over all messages. */
  delivered: number;
  duplicatesSuppressed: number;
}

export interface CountersView {
  calls: Record<string, number>;
  gettoken: number;
  maxConcurrency: number;
  inFlight: number;
  rateLimited: number;
}

/** What the simulator's specs use to talk to it over real HTTP (built-in fetch). */
export class SimClient {
  constructor(readonly sim: RunningSimulator) {}

  async admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.sim.url}/__sim/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  data(): Promise<DataSummary> {
    return this.admin<DataSummary>('GET', 'data');
  }

  messages(): Promise<MessagesView> {
    return this.admin<MessagesView>('GET', 'messages');
  }

  counters(): Promise<CountersView> {
    return this.admin<CountersView>('GET', 'counters');
  }

  async token(): Promise<string> {
    const answer = await this.get(
      'gettoken',
      { corpid: this.sim.corpid, corpsecret: this.sim.corpsecret },
      false,
    );
    if (answer.errcode !== 0) throw new Error(`gettoken failed: ${answer.errmsg}`);
    return answer.access_token as string;
  }

  /** GET /cgi-bin/<api>; adds a fresh access_token unless `auth` is false or the query has one. */
  async get(api: string, query: Record<string, string> = {}, auth = true): Promise<WecomAnswer> {
    const params = new URLSearchParams(query);
    if (auth && !params.has('access_token')) params.set('access_token', await this.token());
    const response = await fetch(`${this.sim.url}/cgi-bin/${api}?${params.toString()}`);
    return (await response.json()) as WecomAnswer;
  }

  async post(api: string, body: unknown, query: Record<string, string> = {}): Promise<WecomAnswer> {
    const params = new URLSearchParams(query);
    if (!params.has('access_token')) params.set('access_token', await this.token());
    const response = await fetch(`${this.sim.url}/cgi-bin/${api}?${params.toString()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as WecomAnswer;
  }
}

/** WeCom's errmsg shape for a failed call. */
export const ERRMSG_PATTERN =
  /^.+, hint: \[\d+\], from ip: [0-9a-fA-F.:]+, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=-?\d+$/;
