/**
 * The rules of a reserved live (R3.1), shared by the form and the host-side
 * validation so both say the same thing.
 */

/** theme: at most 20 UTF-8 characters. */
export const THEME_MAX_CHARS = 20;
/** description: at most 100 characters, types 0–3 only. */
export const DESCRIPTION_MAX_CHARS = 100;
/** The start must be at least this far ahead when it reaches the host (WeCom refuses a past start). */
export const MIN_LEAD_SECONDS = 60;
export const MIN_DURATION_SECONDS = 60;
/** WeCom documents no limit; a reserved live longer than a day is a typing mistake. */
export const MAX_DURATION_SECONDS = 24 * 3600;
/** How far ahead a live may be reserved. */
export const MAX_AHEAD_SECONDS = 366 * 24 * 3600;
export const MAX_REMIND_SECONDS = 7 * 24 * 3600;

export const DEFAULT_LIVE_TYPE = 3;
export const ACTIVITY_LIVE_TYPE = 4;

export const LIVE_TYPES = [
  { value: 0, label: '通用直播' },
  { value: 1, label: '小班课' },
  { value: 2, label: '大班课' },
  { value: 3, label: '企业培训' },
  { value: 4, label: '活动直播' },
] as const;

/** Characters as WeCom counts them (code points, so a Chinese character or an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** Types that take a description: 0–3 (R3.1). */
export function typeTakesDescription(type: number): boolean {
  return type !== ACTIVITY_LIVE_TYPE;
}

export const REMIND_CHOICES = [
  { value: 0, label: '不提醒' },
  { value: 300, label: '开播前 5 分钟' },
  { value: 900, label: '开播前 15 分钟' },
  { value: 1800, label: '开播前 30 分钟' },
  { value: 3600, label: '开播前 1 小时' },
  { value: 86400, label: '开播前 1 天' },
] as const;

/** When the detail pulls of R3.2 run, relative to creation, start and end. */
export const PULL_AFTER_CREATE_SECONDS = 10 * 60;
export const PULL_AFTER_START_SECONDS = 5 * 60;
export const PULL_AFTER_END_SECONDS = 10 * 60;

export type PullStage = 'after-create' | 'after-start' | 'after-end';

export const PULL_STAGE_LABELS: Readonly<Record<PullStage, string>> = {
  'after-create': '创建后 10 分钟',
  'after-start': '开播后 5 分钟',
  'after-end': '结束后（直到状态为已结束）',
};
