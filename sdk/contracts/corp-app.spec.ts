import { AGENTID_MAX, CORPID_PATTERN, isAgentidText } from './corp-app.js';

describe('corp app rules (sdk/contracts/corp-app.ts)', () => {
  it('takes an agentid as WeCom issues it: a positive 32-bit integer', () => {
    for (const text of ['1', '1000002', '2147483647'])
      expect(isAgentidText(text)).withContext(text).toBeTrue();
    for (const text of ['', '0', '01000002', '-1', '1.5', '2147483648', '99999999999', ' 1000002', 'abc'])
      expect(isAgentidText(text)).withContext(text).toBeFalse();
    expect(AGENTID_MAX).toBe(2 ** 31 - 1);
  });

  it('takes corp ids of letters and digits', () => {
    expect(CORPID_PATTERN.test('ww1234567890abcdef')).toBeTrue();
    expect(CORPID_PATTERN.test('ww-12345')).toBeFalse();
  });
});
