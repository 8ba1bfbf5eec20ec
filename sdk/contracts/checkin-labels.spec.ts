// Check-in labels as matching reads them: the name's loose form must be NFKC whichever path computed it.
import { normaliseName, parseMemberLabel } from './checkin-labels.js';

describe('check-in labels', () => {
  it('folds names the way NFKC, no spaces and lower case do, on the fast path and off it', () => {
    const names = [
      '张伟',
      'Zhang Wei',
      'ZHANGWEI',
      '张 伟',
      'Ｚｈａｎｇ　Ｗｅｉ', // full-width letters and an ideographic space
      '㈱销售部', // a parenthesised ideograph
      '李⼀', // a Kangxi radical, folded to 一
      '豈', // a CJK compatibility ideograph (U+F900)
      'e\u0301mile', // a combining accent
      'ｶﾀｶﾅ', // half-width katakana
      '黍离。',
      '🌻向日葵',
      '',
    ];
    for (const name of names) {
      expect(normaliseName(name))
        .withContext(name)
        .toBe(name.normalize('NFKC').replace(/\s+/g, '').toLowerCase());
    }
    expect(normaliseName('Ｚｈａｎｇ　Ｗｅｉ')).toBe('zhangwei');
    expect(normaliseName('李⼀')).toBe('李一');
  });

  it('splits a label at its last @ (full-width too) into the name and where the person comes from', () => {
    expect(parseMemberLabel('黍离。@微信')).toEqual({
      raw: '黍离。@微信',
      name: '黍离。',
      suffix: '微信',
      origin: 'wechat',
    });
    expect(parseMemberLabel(' a@b＠某某公司 ')).toEqual({
      raw: ' a@b＠某某公司 ',
      name: 'a@b',
      suffix: '某某公司',
      origin: 'corp',
    });
    expect(parseMemberLabel('@微信').origin).toBe('none');
    expect(parseMemberLabel('张三@').suffix).toBeNull();
  });
});
