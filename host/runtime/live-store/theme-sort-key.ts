// The list's 主题 order as Chinese readers expect it, as the detail page orders names (Intl.Collator
// 'zh-CN'): numbers by value, then Han characters by pinyin (read in context: 重庆 as chong qing, 银行 as
// yin hang), then Latin letters whatever their case; full-width forms count as their ASCII. SQLite
// compares text by code point (张 before 李) and an index cannot call a JS collator, so every live keeps
// a key (`lives.theme_sort`) that code-point comparison orders so; the list's theme sort walks an index on
// it (migration 011). Keys are built where themes are written.
type PinyinPro = typeof import('pinyin-pro');

let loading: Promise<PinyinPro> | null = null;

/** pinyin-pro's dictionaries take about 60 ms to load: on the first theme written, not at start-up. */
function pinyinPro(): Promise<PinyinPro> {
  loading ??= import('pinyin-pro');
  return loading;
}

// Each character becomes a unit led by its class, in the collator's order of classes.
const SPACE_OR_MARK = '0';
const NUMBER = '1';
const HAN = '2';
const LATIN = '3';
const OTHER = '4';
/** Ends a syllable, below every letter: 安 (an) before 昂 (ang). */
const SYLLABLE_END = ' ';
/** Below every unit: a theme sorts before its continuations, then the text itself breaks ties. */
const TEXT_FOLLOWS = '\u001f';

export async function themeSortKeys(themes: readonly string[]): Promise<string[]> {
  const { pinyin } = await pinyinPro();
  return themes.map((theme) => keyOf(theme, pinyin));
}

export async function themeSortKey(theme: string): Promise<string> {
  return (await themeSortKeys([theme]))[0] ?? '';
}

function keyOf(theme: string, pinyin: PinyinPro['pinyin']): string {
  const characters = pinyin(theme.normalize('NFKC'), { toneType: 'none', type: 'all' });
  let key = '';
  let digits = '';
  const endNumber = (): void => {
    if (digits === '') return;
    // By value: fewer digits first, then the digits (leading zeros do not count).
    const value = digits.replace(/^0+(?=\d)/, '');
    key += NUMBER + String(value.length).padStart(3, '0') + value;
    digits = '';
  };
  for (const { origin, pinyin: syllable, isZh } of characters) {
    if (origin >= '0' && origin <= '9' && origin.length === 1) {
      digits += origin;
      continue;
    }
    endNumber();
    if (isZh && syllable !== '') key += HAN + syllable + SYLLABLE_END;
    else if (/^[a-z]$/i.test(origin)) key += LATIN + origin.toLowerCase();
    else if (/^[\s\p{P}\p{S}]$/u.test(origin)) key += SPACE_OR_MARK + origin;
    else key += OTHER + origin;
  }
  endNumber();
  return key + TEXT_FOLLOWS + theme;
}
