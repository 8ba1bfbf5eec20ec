import { inject, Injectable } from '@angular/core';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type {
  JobStarted,
  LiveCancelResult,
  LiveListExportInput,
  LiveListPage,
  LiveListQueryInput,
} from '../shared/live-list-api.js';

/** The plugin's channels as the page calls them (docs/architecture.md "RPC and errors"). */
@Injectable({ providedIn: 'root' })
export class LiveListApi {
  private readonly rpc = inject(RpcClient);

  query(input: LiveListQueryInput): Promise<LiveListPage> {
    return this.rpc.call<LiveListPage>('live-list.query', input);
  }

  sync(userid: string): Promise<JobStarted> {
    return this.rpc.call<JobStarted>('live-list.sync', { userid });
  }

  cancel(livingid: string): Promise<LiveCancelResult> {
    return this.rpc.call<LiveCancelResult>('live-list.cancel', { livingid });
  }

  export(input: LiveListExportInput): Promise<JobStarted> {
    return this.rpc.call<JobStarted>('live-list.export', input);
  }
}
