import type { IncomingHttpHeaders } from 'node:http';
import type { SimContext } from '../context.js';
import { WecomApiError } from '../errors.js';

/** One /cgi-bin call as the routes see it. */
export interface ApiCall {
  /** The path after /cgi-bin/, e.g. "living/get_watch_stat". */
  api: string;
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The caller's address, for "from ip:" in errmsg. */
  ip: string;
}

export type ApiAnswer = Record<string, unknown>;

export interface ApiRoute {
  api: string;
  /** Business APIs check access_token; gettoken does not. */
  auth: boolean;
  /** Fields WeCom sends with their empty defaults even in an error answer (a captured 60020 answer). */
  errorDefaults?: ApiAnswer;
  handle(call: ApiCall, ctx: SimContext): ApiAnswer | Promise<ApiAnswer>;
}

export type JsonBody = Record<string, unknown>;

/** The JSON body of a POST; WeCom answers 47001 to one it cannot parse. An empty body reads as {}. */
export function jsonBody(call: ApiCall): JsonBody {
  const text = call.rawBody.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WecomApiError(47001);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new WecomApiError(47001);
  return parsed as JsonBody;
}

/** A required non-empty string parameter (40058 naming the parameter otherwise). */
export function requiredString(body: JsonBody, key: string, missingErrcode = 40058): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') {
    throw new WecomApiError(
      missingErrcode,
      missingErrcode === 40058 ? `invalid Request Parameter: ${key}` : undefined,
    );
  }
  return value;
}

export function optionalString(body: JsonBody, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new WecomApiError(40058, `invalid Request Parameter: ${key}`);
  return value;
}

/** Integers may come as numbers or numeric strings, as WeCom's JSON parser accepts both. */
export function optionalInt(body: JsonBody, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new WecomApiError(40058, `invalid Request Parameter: ${key}`);
  }
  return number;
}

export function requiredInt(body: JsonBody, key: string): number {
  const value = optionalInt(body, key);
  if (value === undefined) throw new WecomApiError(40058, `invalid Request Parameter: ${key}`);
  return value;
}

/** Length in characters as WeCom counts "utf8 characters" (code points, not UTF-16 units). */
export function charLength(text: string): number {
  return [...text].length;
}
