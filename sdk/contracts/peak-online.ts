/**
 * How peak viewers are shown (list, detail page, exports): the peak with its time and the number of
 * samples behind it, or 未采样 with the reason. Never a figure the samples do not support.
 */

/** Shown instead of a peak when no sample was taken while the live was on. */
export const PEAK_NOT_SAMPLED = '未采样';

/** Where the figure comes from, for a tooltip or hint next to it. */
export const PEAK_HINT =
  '企业微信只提供当前在线人数，本应用在直播进行中每分钟采样一次（间隔可由管理员调整），' +
  '峰值是这些采样中的最大值，时间是第一次达到它的采样时间；采样之间出现的更高人数无法得知。' +
  '直播进行中本应用未运行，或直播在同步前已结束，就没有采样，显示「未采样」。';

/** 「12 次采样」: the samples behind a peak. */
export function peakSamplesLabel(samples: number): string {
  return `${samples} 次采样`;
}
