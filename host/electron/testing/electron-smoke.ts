// Runs the real Electron main process under Node against fake-electron.ts:
//   node --import dist/host/electron/testing/electron-smoke.js dist/host/electron/main.js [args]
// It maps `electron` to the fake, drives the opened window like a renderer would (IPC calls from
// trusted and untrusted frames, navigation, the app:// protocol), quits, and prints one line
// `SMOKE <json>` with what happened. main-smoke.spec.ts runs it.
import { registerHooks } from 'node:module';

const fakeUrl = new URL('./fake-electron.js', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : nextResolve(specifier, context);
  },
});

const { app, fake } = await import('./fake-electron.js');
type Window = InstanceType<(typeof import('./fake-electron.js'))['BrowserWindow']>;

const report: Record<string, unknown> = {};

function finish(exitCode: number): void {
  Object.assign(report, {
    exitCode,
    privilegedSchemes: fake.privilegedSchemes,
    userData: (() => {
      try {
        return app.getPath('userData');
      } catch {
        return null;
      }
    })(),
    loadedUrls: fake.loadedUrls,
    dialogs: fake.dialogs,
    problems: fake.problems,
    quitRequests: fake.quitRequests,
    ipcHandlersLeft: [...fake.ipcHandlers.keys()],
  });
  process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
  process.exit(exitCode);
}

fake.onExit = (code) => finish(code);
fake.onQuit = () => finish(0);
setTimeout(() => {
  report['timedOut'] = true;
  finish(1);
}, 25_000).unref();

async function drive(window: Window): Promise<void> {
  const contents = window.webContents;
  const rpc = fake.ipcHandlers.get('rpc');
  if (rpc === undefined) throw new Error('no rpc handler');
  const frame = (url: string, parent: object | null = null) => ({ url, parent });
  const call = (event: object, channel: string, input: unknown) => rpc(event, channel, input);
  const trusted = { sender: contents, senderFrame: frame('app://wecom-live/') };

  report['windowOptions'] = window.options;
  report['status'] = await call(trusted, 'host.status', {});
  report['fromIframe'] = await call(
    { sender: contents, senderFrame: frame('app://wecom-live/', {}) },
    'host.status',
    {},
  );
  report['fromOtherOrigin'] = await call(
    { sender: contents, senderFrame: frame('https://evil.example/') },
    'host.status',
    {},
  );
  report['fromOtherContents'] = await call(
    { sender: { id: 999 }, senderFrame: frame('app://wecom-live/') },
    'host.status',
    {},
  );
  report['fromGoneFrame'] = await call({ sender: contents, senderFrame: null }, 'host.status', {});
  report['setup'] = await call(trusted, 'auth.setupRoot', { password: 'Smoke-Test-2026-ok' });
  report['login'] = await call(trusted, 'auth.login', { kind: 'root', password: 'Smoke-Test-2026-ok' });
  report['about'] = await call(trusted, 'host.about', {});
  report['pickOpenCancelled'] = await call(trusted, 'files.pickOpen', {});

  const serve = fake.protocolHandlers.get('app');
  if (serve !== undefined) {
    const page = await serve(new Request('app://wecom-live/lives', { headers: { accept: 'text/html' } }));
    report['page'] = {
      status: page.status,
      type: page.headers.get('content-type'),
      csp: page.headers.get('content-security-policy'),
    };
  }

  report['windowOpen'] = contents.windowOpenHandler?.({ url: 'https://work.weixin.qq.com/wework_admin' });
  const away = fake.fakeEvent({ url: 'https://evil.example/', isMainFrame: true });
  contents.emit('will-frame-navigate', away);
  const inside = fake.fakeEvent({ url: 'app://wecom-live/settings', isMainFrame: true });
  contents.emit('will-frame-navigate', inside);
  const webview = fake.fakeEvent({});
  contents.emit('will-attach-webview', webview);
  report['navigation'] = {
    awayBlocked: away.defaultPrevented,
    insideBlocked: inside.defaultPrevented,
    webviewBlocked: webview.defaultPrevented,
    openedExternally: fake.openedExternally,
  };
  const check = fake.permissionCheckHandler;
  report['permissions'] = {
    clipboardWrite: check?.(null, 'clipboard-sanitized-write', 'app://wecom-live'),
    media: check?.(null, 'media', 'app://wecom-live'),
    foreignClipboard: check?.(null, 'clipboard-sanitized-write', 'https://evil.example'),
  };
  report['shown'] = fake.shown;
  app.quit();
}

fake.windowReady = (window) => {
  // After loadURL returns, as a renderer would start calling once the page has loaded.
  setImmediate(() =>
    drive(window).catch((error: unknown) => {
      report['driveError'] = String(error);
      finish(1);
    }),
  );
};
