import { inject, Injectable } from '@angular/core';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type {
  CreatedLiveAnswer,
  CreateLiveInput,
  LiveWithPulls,
  ModifyLiveInput,
} from '../shared/live-create-api.js';

/** The plugin's channels as the pages call them. */
@Injectable({ providedIn: 'root' })
export class LiveCreateApi {
  private readonly rpc = inject(RpcClient);

  create(input: CreateLiveInput): Promise<CreatedLiveAnswer> {
    return this.rpc.call<CreatedLiveAnswer>('live-create.create', input);
  }

  modify(input: ModifyLiveInput): Promise<LiveWithPulls> {
    return this.rpc.call<LiveWithPulls>('live-create.modify', input);
  }

  recent(limit = 10): Promise<{ rows: LiveWithPulls[]; total: number }> {
    return this.rpc.call('live-create.recent', { limit });
  }
}
