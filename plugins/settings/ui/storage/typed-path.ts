// What the page can tell about a typed path before asking anything: the host checks it fully (existence,
// network disks, temp folders, write access), but a relative path or a network share is refused here
// first, so no confirmation is asked for a move that cannot happen.

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;
const NETWORK_SHARE = /^(\\\\|\/\/)/;

/** The reason a typed database or log path cannot be used, or null when the host should check it. */
export function typedPathProblem(typed: string): string | null {
  const path = typed.trim();
  if (NETWORK_SHARE.test(path)) return '不能使用网络路径：请选择本机磁盘上的文件夹。';
  if (!WINDOWS_ABSOLUTE.test(path) && !path.startsWith('/')) {
    return '请填写完整路径，例如 D:\\企微直播\\数据 或 /home/用户名/企微直播。';
  }
  return null;
}
