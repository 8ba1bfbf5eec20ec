/** Word pools for generated people and lives (plausible Chinese corp data, nothing real). */

/** [surname in pinyin, surname] */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['Wang', '王'],
  ['Li', '李'],
  ['Zhang', '张'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Zhao', '赵'],
  ['Huang', '黄'],
  ['Zhou', '周'],
  ['Wu', '吴'],
  ['Xu', '徐'],
  ['Sun', '孙'],
  ['Hu', '胡'],
  ['Zhu', '朱'],
  ['Gao', '高'],
  ['Lin', '林'],
  ['He', '何'],
  ['Guo', '郭'],
  ['Ma', '马'],
  ['Luo', '罗'],
];

/** [given name in pinyin, given name] */
export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['Wei', '伟'],
  ['Fang', '芳'],
  ['Na', '娜'],
  ['Min', '敏'],
  ['Jing', '静'],
  ['Li', '丽'],
  ['Qiang', '强'],
  ['Lei', '磊'],
  ['Jun', '军'],
  ['Yang', '洋'],
  ['Yong', '勇'],
  ['Yan', '艳'],
  ['Jie', '杰'],
  ['Tao', '涛'],
  ['Ming', '明'],
  ['Chao', '超'],
  ['Xiuying', '秀英'],
  ['Guiying', '桂英'],
  ['DeSheng', '德胜'],
  ['XiaoHong', '小红'],
  ['JianGuo', '建国'],
  ['HaiYan', '海燕'],
  ['ZiHan', '子涵'],
  ['YuTong', '雨桐'],
];

export const POSITIONS: readonly string[] = [
  '销售经理',
  '培训专员',
  '产品经理',
  '客户成功',
  '市场专员',
  '讲师',
  '运营',
];

/** WeChat nicknames as viewers pick them: plain names, decorated names, punctuation, emoji. */
export const NICKNAMES: readonly string[] = [
  '万强',
  '黍离。',
  '晴天',
  '小鱼儿',
  'A-李小姐',
  '🌸小美',
  '追风少年',
  '阿明',
  '静待花开',
  '老张',
  'Kevin',
  '王女士',
  '海阔天空',
  '一只猫',
  '初心',
  '向日葵🌻',
  '陈先生',
  '木子',
  '微笑向暖',
  '张三丰',
];

export const THEME_WORDS: readonly string[] = [
  '新品发布',
  '销售技巧培训',
  '产品推广',
  '季度复盘',
  '客户答疑',
  '安全生产培训',
  '直播带货',
  '入职培训',
  '行业趋势分享',
  '会员专场',
];

export const DEPARTMENTS: readonly number[] = [1, 2, 3, 4, 5, 6];
