import { inject, Injectable } from '@angular/core';
import type { ChannelInput } from '../../../sdk/contracts/channel.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type { CheckinLiveOption, MemberRowsPage } from '../shared/checkin-api.js';
import { IMPORT, LIVE, PREPARE, PREVIEW, ROWS } from '../shared/channels.js';

/** The plugin's channels as the page calls them (declared in shared/channels.ts). */
@Injectable({ providedIn: 'root' })
export class CheckinImportApi {
  private readonly rpc = inject(RpcClient);

  /** The page opened: the host readies a parse worker for the preview to come. */
  prepare(): Promise<null> {
    return this.rpc.call(PREPARE, {});
  }

  live(livingid: string): Promise<CheckinLiveOption> {
    return this.rpc.call(LIVE, { livingid });
  }

  preview(livingid: string, fileId: string): Promise<{ jobId: string }> {
    return this.rpc.call(PREVIEW, { livingid, fileId });
  }

  import(livingid: string, fileId: string): Promise<{ jobId: string }> {
    return this.rpc.call(IMPORT, { livingid, fileId });
  }

  /** A page of a finished preview's member rows. */
  rows(query: ChannelInput<typeof ROWS>): Promise<MemberRowsPage> {
    return this.rpc.call(ROWS, query);
  }
}
