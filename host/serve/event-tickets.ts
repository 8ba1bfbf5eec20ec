import { randomBytes } from 'node:crypto';
import type { EventRecipient } from '../runtime/core/event-bus.js';

/** Whom an event stream belongs to: the session the ticket was issued for, its user and corp. */
export interface StreamOwner extends EventRecipient {
  sessionId: string;
}

interface Entry extends StreamOwner {
  expiresAt: number;
}

export const EVENT_TICKET_TTL_MS = 30_000;

/**
 * Single-use, short-lived tickets for `GET /events`: EventSource cannot send headers, and neither the
 * server token nor the session may appear in a URL (docs/architecture.md "Browser mode").
 */
export class EventTickets {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(owner: StreamOwner): string {
    this.dropExpired();
    const ticket = randomBytes(24).toString('base64url');
    this.entries.set(ticket, { ...owner, expiresAt: this.now() + EVENT_TICKET_TTL_MS });
    return ticket;
  }

  /** The ticket's owner, once; null when unknown, used or expired. */
  redeem(ticket: string): StreamOwner | null {
    const entry = this.entries.get(ticket);
    this.entries.delete(ticket);
    if (entry === undefined || entry.expiresAt < this.now()) return null;
    return { sessionId: entry.sessionId, user: entry.user, corpId: entry.corpId };
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [ticket, entry] of this.entries) if (entry.expiresAt < now) this.entries.delete(ticket);
  }
}
