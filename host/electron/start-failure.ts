/**
 * The message box text when the app cannot start. The runtime's own errors (the data-dir lock,
 * config.json) are already Chinese and say what to do; a native addon built for plain Node instead of
 * Electron (a development checkout) gets a hint, since its own message means nothing to a user.
 */
export function describeStartFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      '本地数据库组件（better-sqlite3）与 Electron 版本不匹配。' +
      '开发环境请改用浏览器模式（npm run serve），或为 Electron 重新编译该组件（npx electron-rebuild -f -w better-sqlite3）；' +
      `安装版请重新安装应用。\n\n详细信息：${message}`
    );
  }
  return message;
}
