import { inject, Injectable } from '@angular/core';
import type { ChannelInput } from '../../../sdk/contracts/channel.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { CANCEL, EXPORT, QUERY, SYNC } from '../shared/channels.js';
import type { JobStarted, LiveCancelResult, LiveListPage } from '../shared/live-list-api.js';

/** The plugin's channels as the page calls them (declared in shared/channels.ts). */
@Injectable({ providedIn: 'root' })
export class LiveListApi {
  private readonly rpc = inject(RpcClient);

  query(input: ChannelInput<typeof QUERY>): Promise<LiveListPage> {
    return this.rpc.call(QUERY, input);
  }

  sync(userid: string): Promise<JobStarted> {
    return this.rpc.call(SYNC, { userid });
  }

  cancel(livingid: string): Promise<LiveCancelResult> {
    return this.rpc.call(CANCEL, { livingid });
  }

  export(input: ChannelInput<typeof EXPORT>): Promise<JobStarted> {
    return this.rpc.call(EXPORT, input);
  }
}
