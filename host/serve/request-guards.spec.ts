import type { IncomingMessage } from 'node:http';
import { checkOrigin, checkToken, sessionHeader } from './request-guards.js';
import { safeSegments } from './static-files.js';

function req(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('request guards', () => {
  it('accepts 127.0.0.1 and localhost on the server port, same-origin or without Origin', () => {
    expect(checkOrigin(req({ host: '127.0.0.1:4000' }), 4000, true)).toBeNull();
    expect(
      checkOrigin(req({ host: 'LOCALHOST:4000', origin: 'http://localhost:4000' }), 4000, true),
    ).toBeNull();
    expect(
      checkOrigin(req({ host: '127.0.0.1:4000', 'sec-fetch-site': 'same-origin' }), 4000, true),
    ).toBeNull();
  });

  it('refuses other hosts, ports, origins and cross-site fetches with 403', () => {
    expect(checkOrigin(req({ host: 'evil.example:4000' }), 4000, false)?.status).toBe(403);
    expect(checkOrigin(req({ host: '127.0.0.1:4001' }), 4000, false)?.status).toBe(403);
    expect(checkOrigin(req({}), 4000, false)?.status).toBe(403);
    expect(checkOrigin(req({ host: '127.0.0.1:4000', origin: 'null' }), 4000, true)?.status).toBe(403);
    expect(
      checkOrigin(req({ host: '127.0.0.1:4000', origin: 'http://localhost:4000' }), 4000, true)?.status,
    ).toBe(403);
    expect(
      checkOrigin(req({ host: '127.0.0.1:4000', 'sec-fetch-site': 'cross-site' }), 4000, true)?.status,
    ).toBe(403);
    expect(
      checkOrigin(req({ host: '127.0.0.1:4000', 'sec-fetch-site': 'cross-site' }), 4000, false),
    ).toBeNull();
  });

  it('checks the bearer token', () => {
    expect(checkToken(req({ authorization: 'Bearer abc' }), 'abc')).toBeNull();
    expect(checkToken(req({ authorization: 'bearer abc' }), 'abc')).toBeNull();
    expect(checkToken(req({ authorization: 'Bearer abd' }), 'abc')?.status).toBe(401);
    expect(checkToken(req({ authorization: 'Basic abc' }), 'abc')?.status).toBe(401);
    expect(checkToken(req({}), 'abc')?.status).toBe(401);
  });

  it('reads X-Session', () => {
    expect(sessionHeader(req({ 'x-session': ' s1 ' }))).toBe('s1');
    expect(sessionHeader(req({ 'x-session': '' }))).toBeNull();
    expect(sessionHeader(req({}))).toBeNull();
  });

  it('splits static paths and refuses traversal', () => {
    expect(safeSegments('/')).toEqual([]);
    expect(safeSegments('/assets/./a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(safeSegments('/../x')).toBeNull();
    expect(safeSegments('/a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(safeSegments('/a%5c..%5cx')).toBeNull();
    expect(safeSegments('/a%00')).toBeNull();
    expect(safeSegments('/%E0%A4%A')).toBeNull();
  });
});
