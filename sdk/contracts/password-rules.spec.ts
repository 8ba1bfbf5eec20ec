import { isCommonPassword, passwordProblem, passwordStrength } from './password-rules.js';

describe('password rules', () => {
  it('refuses passwords under 12 characters', () => {
    expect(passwordProblem('password1')).toBe('密码至少 12 位');
    expect(passwordProblem('Kettle-Ha42')).toBe('密码至少 12 位');
  });

  it('refuses common passwords and common words dressed up with digits, symbols and look-alikes', () => {
    for (const common of [
      'password1234',
      'Password2026!',
      'P@ssw0rd2026',
      'Admin2026pass',
      'Admin1234567',
      'qwerty123456',
      '1qaz2wsx3edc',
      'aaaaaaaaaaaa',
      'abcdefghijkl',
      '123456789012',
      '202601012026',
      'Woaini1314520',
      'iloveyouiloveyou',
      'WeCom-Live-2026',
    ]) {
      expect(isCommonPassword(common)).withContext(common).toBeTrue();
      expect(passwordProblem(common)).withContext(common).toContain('常见');
    }
  });

  it('accepts long passwords that are not built from common words only', () => {
    for (const fine of [
      'Kettle-Harbor-42',
      'Quiet-Harbor-Lamp-9',
      'correct horse battery',
      '直播助手的密码很长很长啊',
    ]) {
      expect(passwordProblem(fine)).withContext(fine).toBeNull();
    }
  });

  it('grades strength for the hint: refused is weak, long or varied is strong', () => {
    expect(passwordStrength('Password2026!')).toBe('weak');
    expect(passwordStrength('kettleharbor')).toBe('fair');
    expect(passwordStrength('Quiet-Harbor-Lamp-9')).toBe('strong');
  });
});
