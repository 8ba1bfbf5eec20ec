import { inject, Injectable } from '@angular/core';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { CREATE, MODIFY, RECENT } from '../shared/channels.js';
import type {
  CreatedLiveAnswer,
  CreateLiveInput,
  LiveWithPulls,
  ModifyLiveInput,
} from '../shared/live-create-api.js';

/** The plugin's channels as the pages call them (declared in shared/channels.ts). */
@Injectable({ providedIn: 'root' })
export class LiveCreateApi {
  private readonly rpc = inject(RpcClient);

  create(input: CreateLiveInput): Promise<CreatedLiveAnswer> {
    return this.rpc.call(CREATE, input);
  }

  modify(input: ModifyLiveInput): Promise<LiveWithPulls> {
    return this.rpc.call(MODIFY, input);
  }

  recent(limit = 10): Promise<{ rows: LiveWithPulls[]; total: number }> {
    return this.rpc.call(RECENT, { limit });
  }
}
