import { inject, Injectable } from '@angular/core';
import type {
  CheckinCandidate,
  CheckinResolutionInput,
  CheckinRowRef,
  PageOf,
  UnmatchedCheckin,
} from '../../../sdk/contracts/lives.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { CANDIDATES, EXPORT, GET, RESOLVE, UNMATCHED } from '../shared/channels.js';
import type { LiveDetailAnswer, LiveDetailQuery, UnmatchedCheckinsQuery } from '../shared/live-detail-api.js';

/** The plugin's channels as the pages call them (declared in shared/channels.ts). */
@Injectable({ providedIn: 'root' })
export class LiveDetailApi {
  private readonly rpc = inject(RpcClient);

  get(query: LiveDetailQuery): Promise<LiveDetailAnswer> {
    return this.rpc.call(GET, query);
  }

  unmatched(query: UnmatchedCheckinsQuery): Promise<PageOf<UnmatchedCheckin>> {
    return this.rpc.call(UNMATCHED, query);
  }

  /** The viewers an ambiguous check-in row may belong to. */
  candidates(livingid: string, row: CheckinRowRef): Promise<CheckinCandidate[]> {
    return this.rpc.call(CANDIDATES, { livingid, ...row });
  }

  /** "这是他/她": the row counts as this viewer's check-in, also after a re-import of the workbook. */
  resolve(livingid: string, resolution: CheckinResolutionInput): Promise<CheckinCandidate> {
    return this.rpc.call(RESOLVE, { livingid, ...resolution });
  }

  export(livingid: string, withCharts: boolean): Promise<{ jobId: string }> {
    return this.rpc.call(EXPORT, { livingid, withCharts });
  }
}
