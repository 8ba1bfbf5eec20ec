import { FormControl, FormGroup } from '@angular/forms';
import {
  combine,
  createPayload,
  durationText,
  rangeOf,
  rangeMessage,
  rangeValidator,
  typeWarning,
  type LiveFormValue,
} from './live-form-model.js';

const NOW = new Date(2026, 2, 13, 12, 0, 0).getTime();

function value(overrides: Partial<LiveFormValue> = {}): LiveFormValue {
  return {
    anchorUserid: ' WangDeSheng ',
    anchorName: '王德胜',
    theme: '新品培训',
    range: {
      startDate: new Date(2026, 2, 14),
      startTime: '09:30:15',
      endDate: new Date(2026, 2, 14),
      endTime: '10:45:20',
    },
    type: 3,
    description: '面向销售',
    remindTime: 0,
    ...overrides,
  };
}

function rangeErrors(range: LiveFormValue['range']) {
  const group = new FormGroup(
    {
      startDate: new FormControl(range.startDate),
      startTime: new FormControl(range.startTime),
      endDate: new FormControl(range.endDate),
      endTime: new FormControl(range.endTime),
    },
    { validators: [rangeValidator(() => NOW)] },
  );
  return group.errors;
}

describe('live form model', () => {
  it('combines a date and a time with seconds, and computes the duration', () => {
    expect(combine(new Date(2026, 2, 14), '09:30:15')).toEqual(new Date(2026, 2, 14, 9, 30, 15));
    expect(combine(new Date(2026, 2, 14), '09:30')).toEqual(new Date(2026, 2, 14, 9, 30, 0));
    expect(combine(new Date(2026, 2, 14), '25:00:00')).toBeNull();
    expect(rangeOf(value().range)?.duration).toBe(75 * 60 + 5);
    expect(durationText(75 * 60 + 5)).toBe('1 小时 15 分 5 秒');
    expect(durationText(3600)).toBe('1 小时');
  });

  it('accepts only a complete future range of sensible length', () => {
    expect(rangeErrors(value().range)).toBeNull();
    expect(rangeErrors({ ...value().range, startTime: null })).toEqual({ incomplete: true });
    const today = new Date(2026, 2, 13);
    expect(
      rangeErrors({ startDate: today, startTime: '11:59:59', endDate: today, endTime: '13:00:00' }),
    ).toEqual({
      past: true,
    });
    // Less than a minute ahead counts as the past too: WeCom would refuse it by the time it arrives.
    expect(
      rangeErrors({ startDate: today, startTime: '12:00:30', endDate: today, endTime: '13:00:00' }),
    ).toEqual({
      past: true,
    });
    expect(rangeErrors({ ...value().range, endTime: '09:00:00' })).toEqual({ order: true });
    // The length rules are the create input's (living_duration), with its messages.
    expect(rangeMessage(rangeErrors({ ...value().range, endTime: '09:30:45' }))).toBe('直播时长至少 1 分钟');
    expect(rangeMessage(rangeErrors({ ...value().range, endDate: new Date(2026, 2, 16) }))).toBe(
      '直播时长不能超过 24 小时',
    );
    expect(rangeMessage({ order: true })).toBe('结束时间必须晚于开始时间');
  });

  it('builds the create payload: Unix seconds, trimmed text, no description for an activity live', () => {
    expect(createPayload(value({ remindTime: 900 }))).toEqual({
      anchor_userid: 'WangDeSheng',
      anchor_name: '王德胜',
      theme: '新品培训',
      living_start: new Date(2026, 2, 14, 9, 30, 15).getTime() / 1000,
      living_duration: 4505,
      type: 3,
      description: '面向销售',
      remind_time: 900,
    });
    const activity = createPayload(value({ type: 4, anchorName: ' ' }));
    expect(activity.description).toBeUndefined();
    expect(activity.anchor_name).toBeUndefined();
    expect(activity.remind_time).toBeUndefined();
  });

  it('warns on every type but 企业培训, most strongly on the K12/IT ones', () => {
    expect(typeWarning(3)).toBeNull();
    expect(typeWarning(0)).toContain('可能失败');
    expect(typeWarning(1)).toContain('K12');
    expect(typeWarning(2)).toContain('K12');
  });
});
