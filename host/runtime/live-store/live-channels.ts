// The host's `lives.*` channels (sdk/contracts/lives-channels.ts), beside the store they read.
import { injectable } from 'tsyringe';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { LIVES_PICK, type LiveOption } from '../../../sdk/contracts/lives-channels.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { LiveStoreService } from './live-store.js';

export function toLiveOption(live: LiveRecord): LiveOption {
  return {
    livingid: live.livingid,
    theme: live.theme,
    start: live.actualStart ?? live.reserveStart,
    status: live.status,
    anchorUserid: live.anchorUserid,
    anchorName: live.anchorName,
  };
}

@injectable()
export class LiveChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly lives: LiveStoreService,
  ) {}

  register(): void {
    // The live picker: the caller corp's lives only, newest first, matched by theme, livingid or anchor.
    this.router.handle(LIVES_PICK, async ({ keyword, limit }, call) => {
      const page = await this.lives.list(call.corp.corpId, {
        ...(keyword === undefined || keyword === '' ? {} : { keyword }),
        page: 1,
        pageSize: limit,
        sort: { field: 'start', direction: 'desc' },
      });
      return page.rows.map(toLiveOption);
    });
  }
}
