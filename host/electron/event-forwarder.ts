import type { Logger } from 'pino';
import type { Observable, Subscription } from 'rxjs';
import { isClientEvent } from '../runtime/rpc/client-events.js';
import { canReceive, type BusEvent } from '../runtime/core/event-bus.js';
import type { SessionBinding } from './session-binding.js';

export interface EventForwarderOptions {
  events: Observable<BusEvent>;
  binding: SessionBinding;
  /** Delivers one event to a window (`webContents.send('event', type, payload)`). */
  send(windowId: number, type: string, payload: unknown): void;
  /** Whether a session is still valid, read without touching it (`sessions.isActive`). */
  isActive(sessionId: string): Promise<boolean>;
  log: Pick<Logger, 'warn'>;
  /** How often bound sessions are checked (logout elsewhere, idle timeout, password reset end them). */
  livenessMs?: number;
}

/** JSON's view of a payload, which is what the SSE stream sends too; null when it has none. */
function cloneable(payload: unknown): { value: unknown } | null {
  try {
    const text = JSON.stringify(payload ?? null);
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/**
 * Forwards the events of the client contract (`isClientEvent`) to each window whose session's user may
 * see them (`canReceive`), exactly as browser mode's event streams do, and drops the binding of a window whose session has ended.
 */
export class EventForwarder {
  private subscription: Subscription | null = null;
  private liveness: NodeJS.Timeout | null = null;

  constructor(private readonly options: EventForwarderOptions) {}

  start(): void {
    if (this.subscription !== null) return;
    this.subscription = this.options.events.subscribe({
      next: (event) => this.forward(event),
      complete: () => this.stop(),
    });
    this.liveness = setInterval(() => void this.sweep(), this.options.livenessMs ?? 5000);
    this.liveness.unref();
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.liveness !== null) clearInterval(this.liveness);
    this.liveness = null;
  }

  /** Unbinds the windows whose session is no longer valid. */
  async sweep(): Promise<void> {
    const { binding } = this.options;
    await Promise.all(
      binding.entries().map(async ([windowId, session]) => {
        let active = true;
        try {
          active = await this.options.isActive(session.sessionId);
        } catch (error) {
          this.options.log.warn({ err: error }, 'electron events: session check failed');
        }
        if (!active) binding.clear(windowId, session.token);
      }),
    );
  }

  private forward(event: BusEvent): void {
    if (!isClientEvent(event)) return;
    const targets = this.options.binding
      .entries()
      .filter(([, session]) => canReceive(event, session))
      .map(([windowId]) => windowId);
    if (targets.length === 0) return;
    const payload = cloneable(event.payload);
    if (payload === null) {
      this.options.log.warn({ type: event.type }, 'electron events: payload not serialisable, dropped');
      return;
    }
    for (const windowId of targets) {
      try {
        this.options.send(windowId, event.type, payload.value);
      } catch (error) {
        this.options.log.warn({ err: error, type: event.type }, 'electron events: delivery failed');
      }
    }
  }
}
