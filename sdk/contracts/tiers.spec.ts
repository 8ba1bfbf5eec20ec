import { tierAtLeast, TIERS } from './tiers.js';

describe('tiers', () => {
  it('orders public < user < wecom-admin < root-admin', () => {
    expect(TIERS).toEqual(['public', 'user', 'wecom-admin', 'root-admin']);
    expect(tierAtLeast('root-admin', 'wecom-admin')).toBeTrue();
    expect(tierAtLeast('wecom-admin', 'wecom-admin')).toBeTrue();
    expect(tierAtLeast('user', 'wecom-admin')).toBeFalse();
    expect(tierAtLeast('public', 'user')).toBeFalse();
  });
});
