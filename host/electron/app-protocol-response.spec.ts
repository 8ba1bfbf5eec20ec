import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../serve/http-responses.js';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { appProtocolResponse } from './app-protocol-response.js';

describe('appProtocolResponse', () => {
  let root: string;
  let ui: string;

  beforeAll(() => {
    root = realpathSync(tempDataDir('app-response'));
    ui = join(root, 'browser');
    mkdirSync(ui, { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>企微直播助手</title>');
    writeFileSync(join(ui, 'main.js'), 'export {};');
  });

  afterAll(() => removeDir(root));

  it('serves files with their type and browser mode’s CSP', async () => {
    const page = await appProtocolResponse(
      new Request('app://wecom-live/lives', { headers: { accept: 'text/html' } }),
      ui,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('企微直播助手');

    const script = await appProtocolResponse(new Request('app://wecom-live/main.js'), ui);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('answers HEAD without a body, refuses other methods, and reports missing files and bad paths', async () => {
    const head = await appProtocolResponse(new Request('app://wecom-live/main.js', { method: 'HEAD' }), ui);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(await head.text()).toBe('');
    const post = await appProtocolResponse(
      new Request('app://wecom-live/main.js', { method: 'POST', body: 'x' }),
      ui,
    );
    expect(post.status).toBe(405);
    expect((await appProtocolResponse(new Request('app://wecom-live/nope.js'), ui)).status).toBe(404);
    expect((await appProtocolResponse(new Request('app://wecom-live/..%2fx'), ui)).status).toBe(400);
  });

  it('explains in Chinese when the UI has not been built', async () => {
    const response = await appProtocolResponse(new Request('app://wecom-live/'), join(root, 'none'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('npm run build');
  });
});
