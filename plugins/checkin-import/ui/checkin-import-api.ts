import { inject, Injectable } from '@angular/core';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type { CheckinLiveOption, MemberRowsPage, MemberRowsQuery } from '../shared/checkin-api.js';

/** The plugin's channels as the page calls them. */
@Injectable({ providedIn: 'root' })
export class CheckinImportApi {
  private readonly rpc = inject(RpcClient);

  live(livingid: string): Promise<CheckinLiveOption> {
    return this.rpc.call<CheckinLiveOption>('checkin-import.live', { livingid });
  }

  preview(livingid: string, fileId: string): Promise<{ jobId: string }> {
    return this.rpc.call('checkin-import.preview', { livingid, fileId });
  }

  import(livingid: string, fileId: string): Promise<{ jobId: string }> {
    return this.rpc.call('checkin-import.import', { livingid, fileId });
  }

  /** A page of a finished preview's member rows. */
  rows(query: MemberRowsQuery): Promise<MemberRowsPage> {
    return this.rpc.call<MemberRowsPage>('checkin-import.rows', query);
  }
}
