import { REDACTED, redactText, redactValue } from './redact.js';

describe('redactText', () => {
  it('scrubs secret query and form parameters and keeps the others', () => {
    expect(redactText('access_token=abc&x=1')).toBe(`access_token=${REDACTED}&x=1`);
    expect(
      redactText('GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=S3cr3t-_x&debug=1'),
    ).toBe(`GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=${REDACTED}&debug=1`);
    expect(
      redactText('a?secret=1&token=2&ticket=3&password=p%40ss&jsapi_ticket=4&suite_access_token=5'),
    ).toBe(
      `a?secret=${REDACTED}&token=${REDACTED}&ticket=${REDACTED}&password=${REDACTED}` +
        `&jsapi_ticket=${REDACTED}&suite_access_token=${REDACTED}`,
    );
    expect(redactText('Access_Token=abc')).toBe(`Access_Token=${REDACTED}`);
  });

  it('scrubs fragments, cookies and percent-encoded nested URLs', () => {
    expect(redactText('https://app/#token=abc.def')).toBe(`https://app/#token=${REDACTED}`);
    expect(redactText('session=abc123; Path=/; HttpOnly')).toBe(`session=${REDACTED}; Path=/; HttpOnly`);
    expect(redactText('redirect=https%3A%2F%2Fx%2Fcb%3Faccess_token%3Dabc%26y%3D1')).not.toContain('abc');
  });

  it('keeps look-alike names that are not secrets', () => {
    const text = 'errcode=40014&tokenExpiresAt=1700000000&expires_in=7200&userid=zhangsan';
    expect(redactText(text)).toBe(text);
    expect(redactText('invalid access_token, hint: [1700000000]')).toBe(
      'invalid access_token, hint: [1700000000]',
    );
  });

  it('scrubs Bearer tokens and authorization or cookie headers', () => {
    expect(redactText('Authorization: Bearer eyJ.abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('sent Bearer abc123 to the server')).toBe(`sent Bearer ${REDACTED} to the server`);
    expect(redactText('Authorization: Basic dXNlcjpwYXNz')).toBe(`Authorization: ${REDACTED}`);
    expect(redactText('Cookie: a=1; b=2\nAccept: */*')).toBe(`Cookie: ${REDACTED}\nAccept: */*`);
    expect(redactText('x-session: abcdef')).toBe(`x-session: ${REDACTED}`);
  });

  it('scrubs JSON-ish and inspected fields', () => {
    const json = JSON.stringify({
      password: 'p"w\\d',
      corpsecret: 'cs',
      access_token: 'at',
      recoveryCode: 'rc',
      name: '张三',
      pin: 1,
    });
    expect(redactText(json)).toBe(
      `{"password":"${REDACTED}","corpsecret":"${REDACTED}","access_token":"${REDACTED}",` +
        `"recoveryCode":"${REDACTED}","name":"张三","pin":1}`,
    );
    expect(redactText('{ "password" : 123456 }')).toBe(`{ "password" : ${REDACTED} }`);
    expect(redactText("{ corpsecret: 'abc', agentid: 1000002 }")).toBe(
      `{ corpsecret: '${REDACTED}', agentid: 1000002 }`,
    );
    expect(redactText('password="hunter2"')).toBe(`password="${REDACTED}"`);
  });

  it('is idempotent', () => {
    const once = redactText('a?token=x "secret":"y" Bearer z');
    expect(redactText(once)).toBe(once);
  });
});

describe('redactValue', () => {
  it('redacts secret keys case-insensitively and every string, without touching the input', () => {
    const input = {
      url: 'https://x/?access_token=abc&id=1',
      headers: { Authorization: 'Bearer abc', 'X-Session': 'sid', Cookie: 'a=b', accept: 'json' },
      corp: { corpId: 'ww1', corpSecret: 'cs', EncodingAESKey: 'aes', agentid: 1000002 },
      Password: 'pw',
      recoveryCodes: ['a', 'b'],
      note: 'plain',
    };
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    expect(redactValue(input)).toEqual({
      url: `https://x/?access_token=${REDACTED}&id=1`,
      headers: { Authorization: REDACTED, 'X-Session': REDACTED, Cookie: REDACTED, accept: 'json' },
      corp: { corpId: 'ww1', corpSecret: REDACTED, EncodingAESKey: REDACTED, agentid: 1000002 },
      Password: REDACTED,
      recoveryCodes: REDACTED,
      note: 'plain',
    });
    expect(input).toEqual(copy as typeof input);
  });

  it('keeps flags and numeric times or counts named after a secret, but not a numeric secret', () => {
    expect(
      redactValue({
        tokenExpiresAt: 1700000000,
        sessionIdleMinutes: 30,
        hasPassword: true,
        session: null,
        password: 123456,
        tokenExpiresAtText: '2024-01-01',
      }),
    ).toEqual({
      tokenExpiresAt: 1700000000,
      sessionIdleMinutes: 30,
      hasPassword: true,
      session: null,
      password: REDACTED,
      tokenExpiresAtText: REDACTED,
    });
  });

  it('copies errors as plain objects with redacted message, stack, properties and cause', () => {
    const cause = new Error('inner token=abc');
    const error = Object.assign(new Error('failed ?corpsecret=xyz', { cause }), {
      code: 'E_WECOM',
      details: { access_token: 'at', errcode: 40014 },
    });
    const copy = redactValue(error) as Record<string, unknown>;
    expect(copy.name).toBe('Error');
    expect(copy.message).toBe(`failed ?corpsecret=${REDACTED}`);
    expect(copy.stack).toContain(`failed ?corpsecret=${REDACTED}`);
    expect(copy.stack).not.toContain('xyz');
    expect(copy.code).toBe('E_WECOM');
    expect(copy.details).toEqual({ access_token: REDACTED, errcode: 40014 });
    expect((copy.cause as Record<string, unknown>).message).toBe(`inner token=${REDACTED}`);
    expect(JSON.stringify(copy)).not.toMatch(/abc|xyz|"at"/);
  });

  it('survives cycles and depth, and copies maps, headers, URLs and binaries', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'a', self: '[Circular]' });

    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 50; i += 1) deep = { deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[Truncated]');

    const shared = { v: 1 };
    expect(redactValue({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });

    expect(redactValue(new Map([['token', 't']]))).toEqual({ token: REDACTED });
    expect(redactValue(new Headers({ authorization: 'Bearer t', accept: 'json' }))).toEqual({
      accept: 'json',
      authorization: REDACTED,
    });
    expect(redactValue(new URL('https://x/?ticket=t'))).toBe(`https://x/?ticket=${REDACTED}`);
    expect(redactValue(Buffer.from('secret bytes'))).toBe('[Binary 12 bytes]');
    expect(redactValue(['token=a', 2, null])).toEqual([`token=${REDACTED}`, 2, null]);
  });

  it('does not throw on a throwing getter', () => {
    const hostile = {
      get boom(): string {
        throw new Error('no');
      },
    };
    expect(redactValue({ hostile })).toEqual({ hostile: '[Unreadable]' });
  });
});
