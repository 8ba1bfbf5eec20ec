import { inject, Injectable } from '@angular/core';
import type { ChannelInput, ChannelOutput } from '../../../sdk/contracts/channel.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import {
  INVITATION_RECIPIENTS,
  INVITATIONS,
  INVITE,
  INVITE_DIRECTORY,
  INVITE_RESOLVE,
  INVITE_RETRY,
} from '../shared/channels.js';
import type {
  InvitationRecipient,
  InvitationSummary,
  InviteDirectoryAnswer,
  InviteResolveAnswer,
  InviteSendInput,
  InviteStarted,
  RecipientState,
} from '../shared/invite-api.js';

/** The invitation channels of the live-detail plugin (R10.3), declared in shared/channels.ts. */
@Injectable({ providedIn: 'root' })
export class InviteApi {
  private readonly rpc = inject(RpcClient);

  directory(query: ChannelInput<typeof INVITE_DIRECTORY>): Promise<InviteDirectoryAnswer> {
    return this.rpc.call(INVITE_DIRECTORY, query);
  }

  resolve(userids: string[]): Promise<InviteResolveAnswer> {
    return this.rpc.call(INVITE_RESOLVE, { userids });
  }

  send(input: InviteSendInput): Promise<InviteStarted> {
    return this.rpc.call(INVITE, input);
  }

  retry(invitationId: string): Promise<ChannelOutput<typeof INVITE_RETRY>> {
    return this.rpc.call(INVITE_RETRY, { invitationId });
  }

  list(livingid: string): Promise<InvitationSummary[]> {
    return this.rpc.call(INVITATIONS, { livingid });
  }

  recipients(
    invitationId: string,
    states: RecipientState[],
    page = 1,
    pageSize = 50,
  ): Promise<{ rows: InvitationRecipient[]; total: number }> {
    return this.rpc.call(INVITATION_RECIPIENTS, { invitationId, states, page, pageSize });
  }
}
