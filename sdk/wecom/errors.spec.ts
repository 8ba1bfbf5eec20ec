import { AppError } from '../contracts/errors.js';
import { ERRCODE_MESSAGES } from './errcode-messages.js';
import {
  isTokenErrcode,
  parseFromIp,
  toAppError,
  TRUSTED_IP_CONSOLE_URL,
  WeComConfigError,
  WeComError,
  WeComPagingError,
  WeComTransportError,
} from './errors.js';
import { redactUrl, scrubSecrets } from './redact.js';

const SEED_60020 =
  'not allow to access from your ip, hint: [1741842467591810604040261], from ip: 139.215.46.96, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';

describe('WeCom errors', () => {
  it('has a Chinese message for every errcode the product must explain', () => {
    for (const code of [
      -1, 40001, 40013, 40014, 40056, 41001, 42001, 45009, 45033, 48002, 60011, 60020, 60111,
    ]) {
      expect(ERRCODE_MESSAGES[code])
        .withContext(String(code))
        .toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('parses the IP of a 60020 errmsg, IPv4 and IPv6', () => {
    expect(parseFromIp(SEED_60020)).toBe('139.215.46.96');
    expect(
      parseFromIp('not allow, hint: [1], from ip: 240e:3b7:3272:d8d0:db09:c067:8d59:539e, more info'),
    ).toBe('240e:3b7:3272:d8d0:db09:c067:8d59:539e');
    expect(parseFromIp('from ip: ::1, more')).toBe('::1');
    expect(parseFromIp('from ip: [2001:db8::7], more')).toBe('2001:db8::7');
    expect(parseFromIp('from ip: 10.0.0.1.')).toBe('10.0.0.1');
    expect(parseFromIp('from ip: nonsense')).toBeUndefined();
    expect(parseFromIp('no address here')).toBeUndefined();
  });

  it('maps 60020 to WECOM_IP_NOT_ALLOWED with the IP and the console URL', () => {
    const error = new WeComError('living/get_user_all_livingid', 60020, SEED_60020);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('WECOM_IP_NOT_ALLOWED');
    expect(error.ip).toBe('139.215.46.96');
    expect(error.details).toEqual(
      jasmine.objectContaining({
        ip: '139.215.46.96',
        ips: ['139.215.46.96'],
        consoleUrl: TRUSTED_IP_CONSOLE_URL,
      }),
    );
    expect(error.message).toContain('139.215.46.96');
  });

  it('maps configuration errcodes to WECOM_CONFIG_INVALID with the field', () => {
    expect(new WeComError('gettoken', 40013, 'invalid corpid').details).toEqual(
      jasmine.objectContaining({ field: 'corpid' }),
    );
    const secret = new WeComError('gettoken', 40001, 'invalid credential');
    expect(secret.code).toBe('WECOM_CONFIG_INVALID');
    expect(secret.details?.['field']).toBe('corpsecret');
    // Said once: the field, what to do and the errcode, not the errcode's text naming the field again.
    expect(secret.message).toBe(
      '企业配置有误：应用 Secret（corpsecret）不正确，请核对后重试（错误码 40001）',
    );
    expect(new WeComError('agent/get', 40056, 'invalid agentid').details?.['field']).toBe('agentid');
    expect(new WeComConfigError('agentid', 'x').toBody()).toEqual(
      jasmine.objectContaining({ code: 'WECOM_CONFIG_INVALID', details: { field: 'agentid' } }),
    );
  });

  it('maps other errcodes to WECOM_ERROR with errcode, errmsg and api', () => {
    const error = new WeComError('user/get', 60011, 'no privilege');
    expect(error.toBody()).toEqual({
      code: 'WECOM_ERROR',
      message: jasmine.stringMatching(/权限/) as unknown as string,
      details: { errcode: 60011, errmsg: 'no privilege', api: 'user/get' },
    });
    expect(new WeComError('living/create', 987654, 'new').message).toContain('987654');
  });

  it('treats 40001 as a token error everywhere but gettoken', () => {
    expect(isTokenErrcode('living/get_living_info', 40001)).toBeTrue();
    expect(isTokenErrcode('gettoken', 40001)).toBeFalse();
    for (const code of [40014, 42001, 41001]) expect(isTokenErrcode('user/get', code)).toBeTrue();
    expect(isTokenErrcode('user/get', 60011)).toBeFalse();
  });

  it('maps transport failures to WECOM_UNREACHABLE and knows which were never processed', () => {
    const refused = new WeComTransportError('living/create', 'refused');
    expect(refused.code).toBe('WECOM_UNREACHABLE');
    expect(refused.notProcessed).toBeTrue();
    expect(new WeComTransportError('living/create', 'timeout').notProcessed).toBeFalse();
    expect(new WeComTransportError('living/create', 'network').notProcessed).toBeFalse();
  });

  it('passes gateway errors through toAppError and hides anything else', () => {
    const paging = new WeComPagingError('living/get_watch_stat', 'repeated-key', 3, 'abc');
    expect(toAppError(paging)).toBe(paging);
    expect(paging.code).toBe('WECOM_ERROR');
    const hidden = toAppError(new Error('https://qyapi.weixin.qq.com/cgi-bin/x?access_token=SECRET'));
    expect(hidden.code).toBe('INTERNAL');
    expect(hidden.message).not.toContain('SECRET');
  });
});

describe('redaction', () => {
  it('drops credential parameters from URLs', () => {
    expect(redactUrl('https://h/cgi-bin/gettoken?corpid=ww1&corpsecret=S3CRET')).toBe(
      '/cgi-bin/gettoken?corpid=ww1',
    );
    expect(redactUrl('http://h/cgi-bin/living/get_living_info?access_token=TOKEN&livingid=lv')).toBe(
      '/cgi-bin/living/get_living_info?livingid=lv',
    );
  });

  it('removes known secrets and credential parameters from text', () => {
    const text = 'token abcdefghijkl leaked; see x?access_token=zzz&y=1 and corpsecret=qq';
    const scrubbed = scrubSecrets(text, ['abcdefghijkl']);
    expect(scrubbed).not.toContain('abcdefghijkl');
    expect(scrubbed).not.toContain('zzz');
    expect(scrubbed).not.toContain('=qq');
  });
});
