import { describeError, errorField, fieldLabel } from './error-text.js';

describe('describeError', () => {
  it('adds the wait to a lockout and the errcode to a WeCom error', () => {
    expect(
      describeError({ code: 'RATE_LIMITED', message: '操作过于频繁', details: { retryAfterMs: 29_500 } }),
    ).toBe('操作过于频繁（30 秒后可重试）');
    expect(describeError({ code: 'WECOM_ERROR', message: '无权限', details: { errcode: 48002 } })).toBe(
      '无权限（错误码 48002）',
    );
  });

  it('falls back to the title of the code and names the field', () => {
    expect(describeError({ code: 'NOT_FOUND', message: '' })).toBe('未找到');
    const error = { code: 'WECOM_CONFIG_INVALID' as const, message: 'x', details: { field: 'corpsecret' } };
    expect(errorField(error)).toBe('corpsecret');
    expect(fieldLabel('corpsecret')).toBe('应用Secret');
  });
});
