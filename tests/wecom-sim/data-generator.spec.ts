import { generateSimData } from './data-generator.js';
import { liveStatus } from './live-status.js';

describe('wecom-sim data generator', () => {
  const options = { seed: 42, lives: 30, viewers: 1500, members: 20, now: 1_741_846_600 };

  it('gives every non-curated live exactly viewersPerLive viewers when asked (benchmarks)', () => {
    const data = generateSimData({ ...options, lives: 11 + 20, viewers: 50, viewersPerLive: 50 });
    const withFifty = data.lives.filter((l) => l.viewers.length === 50);
    expect(withFifty.length).toBeGreaterThanOrEqual(20);
    expect(new Set(withFifty.map((l) => l.livingid)).size).toBe(withFifty.length);
  });

  it('is deterministic for a seed and differs for another', () => {
    expect(generateSimData(options)).toEqual(generateSimData(options));
    const other = generateSimData({ ...options, seed: 43 });
    expect(other.corpid).not.toBe(generateSimData(options).corpid);
  });

  it('has every type and status, reserved times apart from actual ones, and one big live', () => {
    const data = generateSimData(options);
    const now = options.now;
    expect(new Set(data.lives.map((l) => l.type))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(new Set(data.lives.map((l) => liveStatus(l, now)))).toEqual(new Set([0, 1, 2, 3, 4]));
    const ended = data.lives.filter((l) => liveStatus(l, now) === 2);
    expect(
      ended.every(
        (l) => l.actual_start !== l.reserve_start || l.actual_duration !== l.reserve_living_duration,
      ),
    ).toBeTrue();
    const big = data.lives.find((l) => l.livingid === data.specials.bigLivingid);
    expect(big?.viewers.length).toBe(1500);
    expect(data.corpid).toMatch(/^wwsim[0-9a-f]{13}$/);
    expect(data.agent.agentid).toBe(1000002);
  });

  it('gives inviter fields to promotion lives only and names to external viewers only', () => {
    const data = generateSimData(options);
    for (const live of data.lives) {
      const invited = live.viewers.filter(
        (v) => v.invitor_userid !== undefined || v.invitor_external_userid !== undefined,
      );
      if (live.type !== 4) expect(invited.length).withContext(live.livingid).toBe(0);
      for (const viewer of live.viewers) {
        if (viewer.kind === 'internal') expect('name' in viewer).toBeFalse();
      }
    }
    const external = data.lives.flatMap((l) => l.viewers).filter((v) => v.kind === 'external');
    expect(external.some((v) => v.type === 1)).toBeTrue();
    expect(external.some((v) => v.type === 2)).toBeTrue();
    expect(external.some((v) => v.name === '')).toBeTrue();
    // Regulars come back: the same external person (id and name) in several lives.
    const livesPerPerson = new Map<string, Set<string>>();
    for (const live of data.lives) {
      for (const v of live.viewers) {
        if (v.kind !== 'external') continue;
        livesPerPerson.set(
          v.external_userid,
          (livesPerPerson.get(v.external_userid) ?? new Set()).add(live.livingid),
        );
      }
    }
    expect([...livesPerPerson.values()].some((lives) => lives.size > 1)).toBeTrue();
  });

  it('never lets a random inviter be the viewer themself (self-invites are the curated ones)', () => {
    const data = generateSimData(options);
    const selfInvites = data.lives
      .flatMap((l) => l.viewers)
      .filter((v) =>
        v.kind === 'internal'
          ? v.invitor_userid === v.userid
          : v.invitor_external_userid === v.external_userid,
      );
    // An external viewer, a member and the anchor of the promotion live.
    expect(selfInvites.length).toBe(3);
    const promotion = data.lives.find((l) => l.livingid === data.specials.promotionLivingid);
    expect(
      promotion?.viewers.some(
        (v) =>
          v.kind === 'internal' &&
          v.userid === data.specials.mainAnchorUserid &&
          v.invitor_userid === v.userid,
      ),
    ).toBeTrue();
  });

  it('mixes userids that keep their case with all-lower-case ones, unique case-insensitively', () => {
    const data = generateSimData(options);
    const userids = data.members.map((m) => m.userid);
    expect(userids.some((id) => /[A-Z]/.test(id) && /[a-z]/.test(id))).toBeTrue();
    expect(userids.some((id) => id === id.toLowerCase())).toBeTrue();
    expect(new Set(userids.map((id) => id.toLowerCase())).size).toBe(userids.length);
    // The cases R4.6 depends on keep their case, so a client that lower-cases them is caught.
    for (const id of [
      data.specials.mainAnchorUserid,
      data.specials.memberInviterUserid,
      data.specials.selfInviteMember,
    ]) {
      expect(id).not.toBe(id.toLowerCase());
    }
  });
});
