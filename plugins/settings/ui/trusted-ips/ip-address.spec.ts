import { isIpAddress, parseIpList } from './ip-address.js';

describe('IP addresses', () => {
  it('accepts IPv4 and IPv6, refuses the rest', () => {
    for (const ip of ['139.215.46.96', '0.0.0.0', '2001:db8::1', '[2001:db8::1]', '::ffff:192.0.2.1']) {
      expect(isIpAddress(ip)).withContext(ip).toBeTrue();
    }
    for (const ip of ['256.1.1.1', '1.2.3', 'example.com', '2001:db8:::1', '1.2.3.4/24', '']) {
      expect(isIpAddress(ip)).withContext(ip).toBeFalse();
    }
  });

  it('parses a list one per line or pasted with semicolons, naming bad lines and folding duplicates', () => {
    const parsed = parseIpList('1.1.1.1\n\n2.2.2.2;3.3.3.3\nnot-an-ip\n1.1.1.1\n2001:DB8::1');
    expect(parsed.ips).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3', '2001:db8::1']);
    expect(parsed.invalid).toEqual([{ line: 4, text: 'not-an-ip' }]);
    expect(parsed.duplicates).toEqual(['1.1.1.1']);
  });
});
