import { filter, map, type Observable, Subject } from 'rxjs';
import { injectable } from 'tsyringe';
import type { SessionUser } from '../../../sdk/contracts/host-status.js';
import { tierAtLeast } from '../../../sdk/contracts/tiers.js';
import type { EventAudience } from '../../../sdk/main/plugin-context.js';

export interface BusEvent {
  type: string;
  payload: unknown;
  audience: EventAudience;
}

/** Who an event stream or a window belongs to: the session's user and the corp of its login. */
export interface EventRecipient {
  user: SessionUser;
  /** null for root-admin (no corp). */
  corpId: string | null;
}

/**
 * True when the recipient may receive the event: its own account's (same corp and userid), and for a
 * WeCom admin their own corp's; never another corp's (docs/threat-model.md).
 */
export function canReceive(event: BusEvent, recipient: EventRecipient): boolean {
  const audience = event.audience;
  const { user, corpId } = recipient;
  if (audience.kind === 'all') return true;
  if (audience.kind === 'corp') return corpId !== null && audience.corpId === corpId;
  const audienceCorp = audience.corpId ?? null;
  if (audience.kind === 'admins') {
    return tierAtLeast(user.tier, 'wecom-admin') && (audienceCorp === null || audienceCorp === corpId);
  }
  if (audience.userid === user.userid && audienceCorp === corpId) return true;
  return user.tier === 'wecom-admin' && corpId !== null && audienceCorp === corpId;
}

/** The in-process event bus: host services and plugins publish, transports forward to clients. */
@injectable()
export class EventBus {
  private readonly subject = new Subject<BusEvent>();

  publish(type: string, payload: unknown, audience: EventAudience): void {
    this.subject.next({ type, payload, audience });
  }

  /** Every event (transports filter per session with `canReceive`). */
  all(): Observable<BusEvent> {
    return this.subject.asObservable();
  }

  on(type: string): Observable<unknown> {
    return this.subject.pipe(
      filter((event) => event.type === type),
      map((event) => event.payload),
    );
  }

  complete(): void {
    this.subject.complete();
  }
}
