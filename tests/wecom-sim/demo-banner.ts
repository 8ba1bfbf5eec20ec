// The lines `npm run demo` prints on start: the simulator's corp credentials to type into the login page,
// and a sample member with lives, so a first look has someone to sign in as and something to sync.
import type { RunningSimulator } from './server.js';

export function demoBanner(simulator: Omit<RunningSimulator, 'close' | 'port'>): string {
  const member = simulator.sampleMember;
  return [
    '企业微信模拟器已启动（演示数据，不连接真实企业微信）：',
    `  地址      ${simulator.url}`,
    `  企业ID    ${simulator.corpid}`,
    `  应用Secret ${simulator.corpsecret}`,
    `  AgentId   ${simulator.agentid}`,
    `  示例成员  ${member.name}（userid：${member.userid}，${member.lives} 场直播）`,
    `登录时用户ID填 ${member.userid}，再到「成员直播列表」点「同步」即可看到示例直播。`,
    '',
  ].join('\n');
}
