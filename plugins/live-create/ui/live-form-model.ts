// What the live form computes, kept out of the component so it is easy to test: the range from the
// picker's dates and times, its checks, the duration text and the payload sent to the host.
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { fieldOf, schemaIssue, schemaMessage, SCHEMA_ERROR } from '../../../sdk/ui/schema-validators.js';
import { CreateLiveSchema } from '../shared/input-schemas.js';
import type { CreateLiveInput } from '../shared/live-create-api.js';
import { ACTIVITY_LIVE_TYPE, MIN_LEAD_SECONDS, typeTakesDescription } from '../shared/live-rules.js';

/** A time of day as `HH:mm:ss` (or `HH:mm`, as a time input may give it with zero seconds). */
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The date of `day` at `time`, local time; null when either is missing or malformed. */
export function combine(day: Date | null | undefined, time: string | null | undefined): Date | null {
  if (day === null || day === undefined || time === null || time === undefined) return null;
  const match = TIME.exec(time);
  if (match === null) return null;
  const [hours, minutes, seconds] = [match[1], match[2], match[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, seconds);
}

export function timeOf(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function dayOf(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export interface RangeValue {
  startDate: Date | null;
  endDate: Date | null;
  startTime: string | null;
  endTime: string | null;
}

export interface LiveRange {
  start: Date;
  end: Date;
  /** Seconds. */
  duration: number;
}

export function rangeOf(value: RangeValue): LiveRange | null {
  const start = combine(value.startDate, value.startTime);
  const end = combine(value.endDate ?? value.startDate, value.endTime);
  if (start === null || end === null) return null;
  return { start, end, duration: Math.round((end.getTime() - start.getTime()) / 1000) };
}

/** The error keys of the range group the schema cannot know (the page's clock, the picker), in order. */
export const RANGE_MESSAGES: Readonly<Record<string, string>> = {
  incomplete: '请选择开始和结束的日期与时间（精确到秒）',
  past: '开始时间必须在当前时间 1 分钟之后，不能选择过去的时间',
  order: '结束时间必须晚于开始时间',
};

/** The duration's rules are the `living_duration` of the create input: one schema for both ends. */
const DURATION = fieldOf(CreateLiveSchema, 'living_duration');

/**
 * Checks the range against `now()`: complete, in the future, in order, and of a length the create
 * input accepts (its length errors are the schema's, under `schema`).
 */
export function rangeValidator(now: () => number = Date.now): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const range = rangeOf(control.value as RangeValue);
    if (range === null) return { incomplete: true };
    if (range.start.getTime() < now() + MIN_LEAD_SECONDS * 1000) return { past: true };
    if (range.duration <= 0) return { order: true };
    const issue = schemaIssue(DURATION, range.duration);
    return issue === null ? null : { [SCHEMA_ERROR]: issue };
  };
}

export function rangeMessage(errors: ValidationErrors | null): string | null {
  if (errors === null) return null;
  const key = Object.keys(RANGE_MESSAGES).find((name) => errors[name] !== undefined);
  return key === undefined ? schemaMessage(errors) : (RANGE_MESSAGES[key] ?? null);
}

/** "1 小时 30 分 5 秒". */
export function durationText(seconds: number): string {
  if (seconds <= 0) return '—';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} 小时`);
  if (minutes > 0) parts.push(`${minutes} 分`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest} 秒`);
  return parts.join(' ');
}

/** A default range: the next full hour at least 30 minutes away, lasting an hour. */
export function defaultRange(now: number = Date.now()): { start: Date; end: Date } {
  const start = new Date(now + 30 * 60_000);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return { start, end: new Date(start.getTime() + 3600_000) };
}

export interface LiveFormValue {
  anchorUserid: string;
  anchorName: string;
  theme: string;
  range: RangeValue;
  type: number;
  description: string;
  remindTime: number;
  /** Checked uploads of the cover / share image (create, activity lives only). */
  coverFileId?: string | null;
  shareFileId?: string | null;
}

/** The `live-create.create` input of a valid form (without the idempotency key); the type is always set. */
export type CreatePayload = Omit<CreateLiveInput, 'idempotencyKey' | 'type'> & { type: number };

/** The `live-create.create` input of a valid form (without the idempotency key). */
export function createPayload(value: LiveFormValue): CreatePayload {
  const range = rangeOf(value.range);
  if (range === null) throw new Error('range incomplete');
  const payload: CreatePayload = {
    anchor_userid: value.anchorUserid.trim(),
    theme: value.theme.trim(),
    living_start: Math.floor(range.start.getTime() / 1000),
    living_duration: range.duration,
    type: value.type,
  };
  const anchorName = value.anchorName.trim();
  if (anchorName !== '') payload.anchor_name = anchorName;
  const description = value.description.trim();
  if (typeTakesDescription(value.type) && description !== '') payload.description = description;
  if (value.remindTime > 0) payload.remind_time = value.remindTime;
  // Only an activity live uses the images; WeCom gets them when the form is submitted.
  if (value.type === ACTIVITY_LIVE_TYPE) {
    if (value.coverFileId) payload.cover_file_id = value.coverFileId;
    if (value.shareFileId) payload.share_file_id = value.shareFileId;
  }
  return payload;
}

/** The warning shown for a type other than 企业培训 (R3.1). */
export function typeWarning(type: number): string | null {
  if (type === 3) return null;
  if (type === 1 || type === 2) {
    return '小班课、大班课仅 K12 学校和 IT 行业类型的企业可以发起，其他企业创建会失败。建议使用默认的「企业培训」。';
  }
  return '非默认类型：创建直播或后续流程可能失败。建议使用默认的「企业培训」。';
}
