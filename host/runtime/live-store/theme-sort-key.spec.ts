// The list's theme order (theme-sort-key.ts) on the themes real corps give their lives: Chinese by pinyin
// (heteronyms read in context), numbers by value, Latin letters after Han whatever their case, full-width
// forms as ASCII, a character pinyin-pro does not know, an empty theme. Without heteronyms the order is
// the one the detail page's collator (Intl.Collator 'zh-CN') gives.
import { themeSortKeys } from './theme-sort-key.js';

async function ordered(themes: readonly string[]): Promise<string[]> {
  const keys = await themeSortKeys(themes);
  const byKey = themes.map((theme, index) => ({ theme, key: keys[index] ?? '' }));
  // Code-point order, as SQLite's BINARY collation compares the column.
  return byKey.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((entry) => entry.theme);
}

describe('theme sort keys', () => {
  it('orders Chinese themes by pinyin, as the zh-CN collator does', async () => {
    const themes = [
      '张三讲产品',
      '李四讲销售',
      '王五答疑',
      '阿里云合作发布会',
      '安全培训',
      '昂扬团队建设',
      '北京分公司年会',
      '张三讲产品（第二场）',
      '赵六新品直播',
    ];
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    expect(await ordered(themes)).toEqual([...themes].sort(collator.compare));
    expect(await ordered(themes)).toEqual([
      '阿里云合作发布会',
      '安全培训',
      '昂扬团队建设',
      '北京分公司年会',
      '李四讲销售',
      '王五答疑',
      '张三讲产品',
      '张三讲产品（第二场）',
      '赵六新品直播',
    ]);
  });

  it('reads heteronyms in context', async () => {
    // 长沙 is chang sha, 重庆 chong qing but 重要 zhong yao, 银行 yin hang, 音乐 yin yue.
    expect(await ordered(['重庆分公司', '长沙分公司', '银行合作', '音乐节', '重要通知'])).toEqual([
      '长沙分公司',
      '重庆分公司',
      '银行合作',
      '音乐节',
      '重要通知',
    ]);
  });

  // Equal values (2 and 002) then go by the text itself.
  it('puts numbers by value first, Latin letters after Han whatever their case, full-width as ASCII', async () => {
    expect(
      await ordered([
        'Zoom 培训',
        '10号直播',
        '2号直播',
        'apple 发布会',
        'Apple 发布会',
        '直播课',
        'Ｂ站联动',
        '002号直播',
      ]),
    ).toEqual([
      '002号直播',
      '2号直播',
      '10号直播',
      '直播课',
      'Apple 发布会',
      'apple 发布会',
      'Ｂ站联动',
      'Zoom 培训',
    ]);
  });

  it('keeps an empty theme first and an unknown character after the known ones', async () => {
    expect(await ordered(['𠮷野家专场', '', '野外拓展'])).toEqual(['', '野外拓展', '𠮷野家专场']);
  });
});
