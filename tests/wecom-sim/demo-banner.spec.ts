import { demoBanner } from './demo-banner.js';
import { startSimulator, type RunningSimulator } from './server.js';

describe('demo banner', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, seed: 42 });
  });

  afterAll(async () => {
    await simulator.close();
  });

  it('names the corp and a sample member who anchors lives, with what to do next', async () => {
    const banner = demoBanner(simulator);
    const member = simulator.sampleMember;
    expect(banner).toContain(`企业ID    ${simulator.corpid}`);
    expect(member.lives).toBeGreaterThan(0);
    expect(member.name).not.toBe(member.userid);
    expect(banner).toContain(`示例成员  ${member.name}（userid：${member.userid}，${member.lives} 场直播）`);
    expect(banner).toContain(`用户ID填 ${member.userid}`);
    // The member really exists in the simulator's directory (user/get over HTTP).
    const token = (await (
      await fetch(
        `${simulator.url}/cgi-bin/gettoken?corpid=${simulator.corpid}&corpsecret=${simulator.corpsecret}`,
      )
    ).json()) as { access_token: string };
    const user = (await (
      await fetch(
        `${simulator.url}/cgi-bin/user/get?access_token=${token.access_token}&userid=${member.userid}`,
      )
    ).json()) as { errcode: number; name: string };
    expect(user.errcode).toBe(0);
    expect(user.name).toBe(member.name);
  });
});
