// The corp's directory as the app may see it (department/list, user/simplelist), for picking invitation
// recipients: cached per corp for a few minutes, searched by name or userid.
import { errcodeMessage } from '../../../sdk/wecom/errcode-messages.js';
import { WeComError } from '../../../sdk/wecom/errors.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';
import type {
  DirectoryDepartment,
  DirectoryMember,
  InviteDirectoryAnswer,
  InviteResolveAnswer,
} from '../shared/invite-api.js';

const TTL_MS = 5 * 60_000;
const SEARCH_LIMIT = 50;

interface Directory {
  readable: boolean;
  notice: string | null;
  departments: DirectoryDepartment[];
  /** Lower-case userid → member as stored. */
  members: Map<string, DirectoryMember>;
  loadedAt: number;
}

export class InviteDirectory {
  private readonly cache = new Map<string, Promise<Directory>>();

  private async load(gateway: WeComGateway): Promise<Directory> {
    try {
      const departments = await gateway.listDepartments();
      const ids = new Set(departments.map((d) => d.id));
      const members = new Map<string, DirectoryMember>();
      const perDepartment = new Map<number, number>();
      // The top departments the app sees, with their sub-departments' members.
      for (const top of departments.filter((d) => d.parentid === undefined || !ids.has(d.parentid))) {
        for (const member of await gateway.departmentMembers(top.id, true)) {
          const key = member.userid.toLowerCase();
          const departmentsOf = member.department ?? [top.id];
          if (!members.has(key)) {
            members.set(key, { userid: member.userid, name: member.name, departments: departmentsOf });
            for (const d of departmentsOf) perDepartment.set(d, (perDepartment.get(d) ?? 0) + 1);
          }
        }
      }
      return {
        readable: true,
        notice: null,
        departments: departments.map((d) => ({
          id: d.id,
          name: d.name,
          members: perDepartment.get(d.id) ?? 0,
        })),
        members,
        loadedAt: Date.now(),
      };
    } catch (error) {
      if (!(error instanceof WeComError)) throw error;
      // Without the contact permission WeCom answers 48002/60011: userids are then checked by WeCom itself.
      return {
        readable: false,
        notice: `无法读取企业通讯录（${errcodeMessage(error.errcode)}，错误码 ${error.errcode}）：可以粘贴 userid 邀请，企业微信会退回无效的 userid。`,
        departments: [],
        members: new Map(),
        loadedAt: Date.now(),
      };
    }
  }

  private async directory(corpId: string, gateway: WeComGateway, fresh = false): Promise<Directory> {
    const cached = this.cache.get(corpId);
    if (cached !== undefined && !fresh) {
      const directory = await cached.catch(() => undefined);
      if (directory !== undefined && Date.now() - directory.loadedAt < TTL_MS) return directory;
    }
    const loading = this.load(gateway);
    this.cache.set(corpId, loading);
    loading.catch(() => this.cache.delete(corpId));
    return loading;
  }

  async search(
    corpId: string,
    gateway: WeComGateway,
    query: { keyword?: string | undefined; departmentId?: number | undefined; refresh?: boolean | undefined },
  ): Promise<InviteDirectoryAnswer> {
    const directory = await this.directory(corpId, gateway, query.refresh === true);
    const keyword = (query.keyword ?? '').trim().toLowerCase();
    const matches = [...directory.members.values()].filter(
      (m) =>
        (query.departmentId === undefined || m.departments.includes(query.departmentId)) &&
        (keyword === '' ||
          m.userid.toLowerCase().includes(keyword) ||
          m.name.toLowerCase().includes(keyword)),
    );
    matches.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.userid.localeCompare(b.userid));
    return {
      readable: directory.readable,
      notice: directory.notice,
      departments: directory.departments,
      members: matches.slice(0, SEARCH_LIMIT),
      total: matches.length,
    };
  }

  /** Pasted userids against the directory: known ones spelt as stored, the others as pasted. */
  async resolve(
    corpId: string,
    gateway: WeComGateway,
    userids: readonly string[],
  ): Promise<InviteResolveAnswer> {
    const directory = await this.directory(corpId, gateway);
    if (!directory.readable) {
      return {
        readable: false,
        known: userids.map((u) => ({ userid: u, name: '', departments: [] })),
        unknown: [],
      };
    }
    const known: DirectoryMember[] = [];
    const unknown: string[] = [];
    for (const userid of userids) {
      const member = directory.members.get(userid.toLowerCase());
      if (member === undefined) unknown.push(userid);
      else known.push(member);
    }
    return { readable: true, known, unknown };
  }

  /** The members of these departments as the directory lists them (none when it cannot be read). */
  async membersOf(corpId: string, gateway: WeComGateway, ids: readonly number[]): Promise<DirectoryMember[]> {
    const directory = await this.directory(corpId, gateway);
    return [...directory.members.values()].filter((m) => m.departments.some((d) => ids.includes(d)));
  }

  /** Department ids the directory does not list (none when it cannot be read). */
  async unknownDepartments(corpId: string, gateway: WeComGateway, ids: readonly number[]): Promise<number[]> {
    const directory = await this.directory(corpId, gateway);
    if (!directory.readable) return [];
    const known = new Set(directory.departments.map((d) => d.id));
    return ids.filter((id) => !known.has(id));
  }
}
