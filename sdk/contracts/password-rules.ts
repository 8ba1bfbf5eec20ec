// The rule for the local passwords of root-admin and WeCom admins, shared by the host's input schema
// and the forms' strength hint: at least 12 characters and not a common password (docs/threat-model.md).

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Whole passwords seen at the top of leaked-password lists that are 12 characters or longer (shorter
 * ones are refused by the length rule already). Compared in lower case.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '123123123123',
  '111111111111',
  '000000000000',
  '123412341234',
  '121212121212',
  '147258369147',
  '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
  'zaq1zaq1zaq1',
  '1qazxsw23edc',
  'q1w2e3r4t5y6',
  'qwertyuiopas',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdfgh',
  'qwertyuiopasdfghjkl',
  'asdfghjkl123',
  'asdfghjklzxc',
  'zxcvbnm12345',
  'zxcvbnm123456',
  'abcdefghijkl',
  'abcdefghijklmn',
  'abcd12345678',
  'abc123456789',
  'a1b2c3d4e5f6',
  'aa1234567890',
  'qq1234567890',
  'woaini1314520',
  'woaini5201314',
  '520131452013',
  '5201314520',
  'iloveyou1234',
  'iloveyou12345',
  'iloveyouiloveyou',
  'passwordpassword',
  'password1234',
  'password12345',
  'password123456',
  'p@ssw0rd1234',
  'administrator',
  'administrator1',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'starwars1234',
  'computer1234',
  'internet1234',
  'qwerty123456',
  'qwerty1234567',
  'qwe123qwe123',
  'qweasdzxc123',
  'qweasdzxc1234',
  'asd123456789',
  'zxc123456789',
]);

/**
 * Words that passwords are commonly built from. A password whose letters are only these words, with
 * digits, symbols and look-alike substitutions around them ("P@ssw0rd2026!", "Admin1234567"), is as
 * guessable as the words alone.
 */
const COMMON_WORDS = [
  'password',
  'passwd',
  'pass',
  'pwd',
  'admin',
  'administrator',
  'root',
  'user',
  'guest',
  'test',
  'login',
  'welcome',
  'hello',
  'letmein',
  'iloveyou',
  'love',
  'secret',
  'changeme',
  'default',
  'qwerty',
  'qwertyuiop',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcv',
  'zxcvbnm',
  'qaz',
  'wsx',
  'edc',
  'qwe',
  'asd',
  'zxc',
  'abc',
  'abcd',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'shadow',
  'superman',
  'trustno',
  'michael',
  'woaini',
  'wecom',
  'weixin',
  'wechat',
  'qiye',
  'qiyeweixin',
  'zhibo',
  'live',
  'china',
  'beijing',
  'shanghai',
  'company',
  'system',
];

/** 0 → o, @ → a ...: the substitutions people make to satisfy "use digits and symbols". */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
};

function onlyCommonWords(letters: string): boolean {
  if (letters === '') return true;
  // Word break: can `letters` be cut into common words only?
  const reachable: boolean[] = [true];
  for (let end = 1; end <= letters.length; end += 1) {
    reachable[end] = COMMON_WORDS.some(
      (word) => word.length <= end && reachable[end - word.length] === true && letters.endsWith(word, end),
    );
  }
  return reachable[letters.length] === true;
}

/** A run such as "aaaa", "1234", "9876" or "abcd" (each character one step from the last). */
function isRun(text: string): boolean {
  if (text.length < 2) return true;
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  if (Math.abs(step) > 1) return false;
  for (let i = 2; i < text.length; i += 1) {
    if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== step) return false;
  }
  return true;
}

/** A short piece repeated ("abcabcabcabc", "123123123123"). */
function isRepeat(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size += 1) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return true;
  }
  return false;
}

/** True when the password is in the list, a run or repeat, or only common words with decoration. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isRun(lower) || isRepeat(lower)) return true;
  // Digits and symbols only ("2026-01-01 12:00") carry little more than their length suggests.
  if (/^[^a-z]+$/.test(lower) && !/[^\x20-\x7e]/.test(lower)) return new Set(lower).size <= 4;
  // The letters, with look-alikes read back ("p@ssw0rd" → "password"), of the whole password and of it
  // without the digits and symbols around it ("P@ssw0rd2026!" → "p@ssw0rd"): only common words is common.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  // Digits as themselves too: "Admin2026pass" is "admin" + "pass", not "adminopass".
  const readings = [lower, core].flatMap((text) => [
    [...text].map((char) => LOOK_ALIKES[char] ?? char).join(''),
    text,
  ]);
  return readings.some((text) => {
    const letters = text.replace(/[^a-z]/g, '');
    return letters.length > 0 && onlyCommonWords(letters);
  });
}

/** Why a new local password is refused, in Chinese; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  if (isCommonPassword(password)) {
    return '密码太常见，容易被猜到，请换一个（例如由几个不相关的词和数字组成的短句）';
  }
  return null;
}

export type PasswordStrength = 'weak' | 'fair' | 'strong';

/** The strength hint under a new-password input: refused → weak; long and varied → strong. */
export function passwordStrength(password: string): PasswordStrength {
  if (passwordProblem(password) !== null) return 'weak';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((kind) => kind.test(password)).length;
  const distinct = new Set(password).size;
  return password.length >= 16 || (kinds >= 3 && distinct >= 8) ? 'strong' : 'fair';
}

/** The hint text shown under the input. */
export const PASSWORD_RULE_HINT = `至少 ${PASSWORD_MIN_LENGTH} 位，不能是常见密码；建议用几个不相关的词加数字组成的短句`;

export const PASSWORD_STRENGTH_LABELS: Record<PasswordStrength, string> = {
  weak: '强度：弱（不可用）',
  fair: '强度：中',
  strong: '强度：强',
};
