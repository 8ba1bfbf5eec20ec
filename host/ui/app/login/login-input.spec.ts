import { corpLoginInput, type CorpLoginValue } from './login-input.js';

const TYPED: CorpLoginValue = {
  corpname: ' 星海科技 ',
  corpid: 'ww1234567890 ',
  corpsecret: ' abcdefghijklmnop_0123',
  agentid: ' 1000002',
  userid: '',
  username: '  ',
  password: 'Admin-Birch-2026',
};

describe('corpLoginInput', () => {
  it('sends a new corp with trimmed fields and a numeric AgentId, leaving out empty optional ones', () => {
    expect(corpLoginInput(TYPED, null, 'none')).toEqual({
      kind: 'newCorp',
      corpname: '星海科技',
      corpid: 'ww1234567890',
      corpsecret: 'abcdefghijklmnop_0123',
      agentid: 1000002,
    });
  });

  it('sends only the saved corp id (never the masked secret) with the person and, when asked, the password', () => {
    const value = { ...TYPED, corpsecret: '••••••••xyz', userid: ' LiSi ', username: '李四' };
    expect(corpLoginInput(value, 'c1', 'existing')).toEqual({
      kind: 'savedCorp',
      corpId: 'c1',
      userid: 'LiSi',
      username: '李四',
      password: 'Admin-Birch-2026',
    });
  });
});
