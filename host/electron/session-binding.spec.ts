import { SessionBinding, type WindowSession } from './session-binding.js';

function session(token: string): WindowSession {
  return {
    token,
    sessionId: `id-${token}`,
    user: { userid: 'u', username: 'U', tier: 'user' },
    corpId: 'corp-1',
  };
}

describe('SessionBinding', () => {
  it('keeps one session per window and answers the one a new login replaces', () => {
    const binding = new SessionBinding();
    expect(binding.tokenOf(1)).toBeNull();
    expect(binding.bind(1, session('a'))).toBeNull();
    expect(binding.bind(2, session('b'))).toBeNull();
    expect(binding.tokenOf(1)).toBe('a');
    expect(binding.tokenOf(2)).toBe('b');
    expect(binding.bind(1, session('c'))?.token).toBe('a');
    expect(binding.tokenOf(1)).toBe('c');
    expect(binding.size).toBe(2);
  });

  it('clears only the session a late answer belongs to', () => {
    const binding = new SessionBinding();
    binding.bind(1, session('old'));
    binding.bind(1, session('new'));
    binding.clear(1, 'old');
    expect(binding.tokenOf(1)).toBe('new');
    binding.clear(1, 'new');
    expect(binding.tokenOf(1)).toBeNull();
    binding.bind(1, session('x'));
    binding.clear(1);
    expect(binding.get(1)).toBeNull();
    binding.clear(9);
    expect(binding.entries()).toEqual([]);
  });
});
