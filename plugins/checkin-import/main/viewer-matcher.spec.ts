// Matching check-in members to viewers (R6.2): exact, normalised, ambiguous, unmatched, never invented.
import { viewerRecord as viewer } from '../../../tests/fixtures/checkin/viewer-records.js';
import { parseMemberLabel } from './member-label.js';
import { ViewerMatcher } from './viewer-matcher.js';

const VIEWERS = [
  viewer('wmShuli', '黍离。'),
  viewer('wmWan', '万强'),
  viewer('wmSunA', '晴天'),
  viewer('wmSunB', '晴天'),
  viewer('wmCorp', '老客户A', 'external', 2),
  viewer('zhangsan', '张三', 'internal'),
  viewer('wmWide', 'ＡＢＣ Ｄ'),
  viewer('wmEmpty', ''),
];

describe('check-in member matching', () => {
  const matcher = new ViewerMatcher(VIEWERS);
  const match = (raw: string) => matcher.match({ ...parseMemberLabel(raw), row: 7, department: '' });

  it('matches a name exactly, with the suffix telling the origin', () => {
    const found = match('黍离。@微信');
    expect([found.state, found.viewer?.viewerId, found.matchedBy, found.name, found.suffix]).toEqual([
      'matched',
      'wmShuli',
      'exact',
      '黍离。',
      '微信',
    ]);
    expect(match('老客户A@远方科技').viewer?.viewerId).toBe('wmCorp');
    expect(match('张三').viewer?.viewerId).toBe('zhangsan');
    expect(match('张三@模拟企业').viewer?.viewerId).toBe('zhangsan');
  });

  it('matches after normalising full/half width, spaces and case', () => {
    const found = match('abc d＠微信');
    expect([found.state, found.viewer?.viewerId, found.matchedBy, found.suffix]).toEqual([
      'matched',
      'wmWide',
      'normalised',
      '微信',
    ]);
  });

  it('keeps a shared name ambiguous and lists the candidates', () => {
    const found = match('晴天@微信');
    expect(found.state).toBe('ambiguous');
    expect(found.viewer).toBeNull();
    expect(found.candidates.map((c) => c.viewerId)).toEqual(['wmSunA', 'wmSunB']);
    expect(found.reason).toBe('有 2 位观众同名「晴天」，无法确定是哪一位');
  });

  it('leaves unknown names and origins that do not fit unmatched', () => {
    const unknown = match('路人甲@微信');
    expect([unknown.state, unknown.viewer, unknown.reason]).toEqual([
      'unmatched',
      null,
      '这场直播的观众中没有这个名字',
    ]);
    // 张三 is a member, not a WeChat user; 老客户A a WeCom user, not a WeChat user.
    expect(match('张三@微信').state).toBe('unmatched');
    expect(match('老客户A@微信').reason).toBe('同名观众的来源与「@微信」不符');
    // Viewers without a name never match an empty label.
    expect(match('@微信').state).toBe('unmatched');
  });
});
