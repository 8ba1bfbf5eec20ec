import { app, dialog } from 'electron';
import { runResetRoot } from '../cli/reset-root.js';

/**
 * `--reset-root` in the desktop app (R2.11): the same reset as `npm run reset-root`, on the app's data
 * dir, before any window or runtime. A Windows GUI app has no console, so what the reset says is also
 * shown in a message box. Resolves with the exit code.
 */
export async function resetRootWithDialog(dataDir: string): Promise<number> {
  const said: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  // runResetRoot reports on stderr; keep a copy for the message box and still pass it through.
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    said.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await runResetRoot(['--reset-root', '--data-dir', dataDir], dataDir);
  } finally {
    process.stderr.write = write;
  }
  await app.whenReady();
  dialog.showMessageBoxSync({
    type: code === 0 ? 'info' : 'error',
    title: '企微直播助手',
    message: code === 0 ? '超级管理员密码重置' : '重置失败',
    detail: said.join('').trim() || (code === 0 ? '已完成。' : '请确认应用已关闭后重试。'),
    buttons: ['确定'],
  });
  return code;
}
