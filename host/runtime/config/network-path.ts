import { statfsSync } from 'node:fs';

// statfs f_type magic numbers of network file systems, where SQLite's WAL mode corrupts data.
const NETWORK_FS_TYPES = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x564c, 'NCP'],
  [0x5346414f, 'AFS'],
  [0x00c36400, 'CephFS'],
]);

/** Names the network file system a path lives on, or null when it is local. */
export function networkFileSystemOf(path: string): string | null {
  // Windows UNC paths (\\server\share) and their forward-slash spelling are always remote.
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(path)) return 'UNC';
  try {
    const { type } = statfsSync(path);
    return NETWORK_FS_TYPES.get(type) ?? null;
  } catch {
    return null;
  }
}
