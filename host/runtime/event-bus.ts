import { filter, map, type Observable, Subject } from 'rxjs';
import { injectable } from 'tsyringe';
import type { SessionUser } from '../../sdk/contracts/host-status.js';
import { tierAtLeast } from '../../sdk/contracts/tiers.js';
import type { EventAudience } from '../../sdk/main/plugin-context.js';

export interface BusEvent {
  type: string;
  payload: unknown;
  audience: EventAudience;
}

/** True when a user with this identity may receive the event (admins see every user's events). */
export function canReceive(event: BusEvent, user: SessionUser): boolean {
  const audience = event.audience;
  if (audience.kind === 'all') return true;
  if (tierAtLeast(user.tier, 'wecom-admin')) return true;
  return audience.kind === 'user' && audience.userid === user.userid;
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
