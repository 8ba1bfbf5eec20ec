import type { IpNotAllowedInfo } from './api-caller.js';
import { toAppError, TRUSTED_IP_CONSOLE_URL, type WeComError } from './errors.js';
import { rejectionOf, startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

describe('WeComGateway 60020 (simulator)', () => {
  let fx: SimFixture;
  let data: DataSummary;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 12, viewers: 50, members: 10 });
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    await fx.reset();
    data = await fx.client.data();
  });

  for (const ip of ['139.215.46.96', '240e:3b7:3272:d8d0:db09:c067:8d59:539e']) {
    it(`hands the IP to the hook and maps to WECOM_IP_NOT_ALLOWED (${ip})`, async () => {
      const seen: IpNotAllowedInfo[] = [];
      const gateway = fx.gateway({ onIpNotAllowed: (info) => seen.push(info) });
      await fx.client.admin('POST', 'faults', { api: 'living/get_user_all_livingid', errcode: 60020, ip });
      const error = (await rejectionOf(
        gateway.getUserAllLivingIds(data.specials.mainAnchorUserid),
      )) as WeComError;
      expect(seen.length).toBe(1);
      expect(seen[0]?.ip).toBe(ip);
      expect(seen[0]?.api).toBe('living/get_user_all_livingid');
      expect(seen[0]?.errmsg).toContain(`from ip: ${ip}`);
      const body = toAppError(error).toBody();
      expect(body.code).toBe('WECOM_IP_NOT_ALLOWED');
      expect(body.details).toEqual(
        jasmine.objectContaining({ ip, ips: [ip], consoleUrl: TRUSTED_IP_CONSOLE_URL }),
      );
      // 60020 is not retried: it will not change until an admin adds the IP.
      expect((await fx.client.counters()).calls['living/get_user_all_livingid']).toBe(1);
    });
  }

  it('reports the public IP the simulator sees by default, and survives a throwing hook', async () => {
    const gateway = fx.gateway({
      onIpNotAllowed: () => {
        throw new Error('hook broke');
      },
    });
    await fx.client.admin('POST', 'faults', { api: 'living/get_living_info', errcode: 60020 });
    const error = (await rejectionOf(gateway.getLivingInfo(data.specials.endedLivingid))) as WeComError;
    expect(error.code).toBe('WECOM_IP_NOT_ALLOWED');
    const summary = (await fx.client.admin('GET', 'data')) as { publicIp: string };
    expect(error.ip).toBe(summary.publicIp);
  });
});
