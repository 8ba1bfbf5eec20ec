import { AppError } from '../../../sdk/contracts/errors.js';
import { MAX_AHEAD_SECONDS, MIN_LEAD_SECONDS, typeTakesDescription } from '../shared/live-rules.js';

const invalid = (field: string, message: string): AppError =>
  new AppError('INVALID_INPUT', message, { field });

/**
 * What zod cannot check alone: the start must be ahead of the host's clock (the page's clock may be
 * wrong), and only types 0–3 take a description (R3.1).
 */
export function checkSchedule(livingStart: number, nowSeconds: number): void {
  if (livingStart < nowSeconds + MIN_LEAD_SECONDS) {
    throw invalid('living_start', '开始时间必须在当前时间 1 分钟之后，请重新选择。');
  }
  if (livingStart > nowSeconds + MAX_AHEAD_SECONDS) {
    throw invalid('living_start', '开始时间不能晚于一年之后。');
  }
}

export function checkDescription(type: number, description: string | undefined): void {
  if (!typeTakesDescription(type) && description !== undefined && description !== '') {
    throw invalid('description', '活动直播（类型 4）不支持直播简介，请清空简介或改选其他类型。');
  }
}

export function checkRemind(remindTime: number | undefined, livingStart: number, nowSeconds: number): void {
  if (remindTime !== undefined && remindTime > 0 && livingStart - remindTime < nowSeconds) {
    throw invalid('remind_time', '提醒时间早于当前时间，请选择更短的提前量。');
  }
}
