// Sheet names of a check-in workbook: 第一次签到, 第二次签到, …, 第十二次签到 (also 第2次签到).

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三) or Arabic digits; null otherwise. */
export function chineseOrdinal(text: string): number | null {
  if (/^\d{1,3}$/.test(text)) return Number(text) > 0 ? Number(text) : null;
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (match === null || text === '') return null;
  const [, tens, ten, units] = match;
  if (ten === undefined) return tens !== undefined && units === undefined ? (DIGITS[tens] ?? null) : null;
  return (
    (tens === undefined ? 1 : (DIGITS[tens] ?? 0)) * 10 + (units === undefined ? 0 : (DIGITS[units] ?? 0))
  );
}

/** The round number of a sheet name like 第一次签到 (spaces ignored); null when it is not one. */
export function roundNumberOf(sheetName: string): number | null {
  const match = /^第(.+)次签到$/.exec(sheetName.replace(/\s+/g, ''));
  return match === null ? null : chineseOrdinal(match[1] ?? '');
}
