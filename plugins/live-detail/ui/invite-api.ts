import { inject, Injectable } from '@angular/core';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type {
  InvitationRecipient,
  InvitationSummary,
  InviteDirectoryAnswer,
  InviteResolveAnswer,
  InviteSendInput,
  InviteStarted,
  RecipientState,
} from '../shared/invite-api.js';

/** The invitation channels of the live-detail plugin (R10.3). */
@Injectable({ providedIn: 'root' })
export class InviteApi {
  private readonly rpc = inject(RpcClient);

  directory(query: {
    keyword?: string;
    departmentId?: number;
    refresh?: boolean;
  }): Promise<InviteDirectoryAnswer> {
    return this.rpc.call<InviteDirectoryAnswer>('live-detail.inviteDirectory', query);
  }

  resolve(userids: string[]): Promise<InviteResolveAnswer> {
    return this.rpc.call<InviteResolveAnswer>('live-detail.inviteResolve', { userids });
  }

  send(input: InviteSendInput): Promise<InviteStarted> {
    return this.rpc.call<InviteStarted>('live-detail.invite', input);
  }

  retry(invitationId: string): Promise<InviteStarted & { recipients: number; unknownTooOld: number }> {
    return this.rpc.call('live-detail.inviteRetry', { invitationId });
  }

  list(livingid: string): Promise<InvitationSummary[]> {
    return this.rpc.call<InvitationSummary[]>('live-detail.invitations', { livingid });
  }

  recipients(
    invitationId: string,
    states: RecipientState[],
    page = 1,
    pageSize = 50,
  ): Promise<{ rows: InvitationRecipient[]; total: number }> {
    return this.rpc.call('live-detail.invitationRecipients', { invitationId, states, page, pageSize });
  }
}
