import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { filter, type Observable, type Subscription } from 'rxjs';
import { isClientEvent } from '../runtime/rpc/client-events.js';
import { canReceive, type BusEvent } from '../runtime/core/event-bus.js';
import type { StreamOwner } from './event-tickets.js';
import { setSecurityHeaders } from './http-responses.js';

export interface EventStreamsOptions {
  events: Observable<BusEvent>;
  /** Whether the stream's session is still valid (logout, idle timeout, password reset end it). */
  isActive(sessionId: string): Promise<boolean>;
  log: Logger;
  heartbeatMs?: number;
  livenessMs?: number;
}

interface Stream {
  owner: StreamOwner;
  res: ServerResponse;
  subscription: Subscription | null;
}

/** A client that stops reading is dropped rather than buffered without bound; EventSource reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Encodes one Server-Sent Event as an unnamed message carrying `{type, payload}`: EventSource hears
 * those with one listener, so plugin events need no list in the client. JSON.stringify never emits a
 * raw newline, so `data` is one line.
 */
export function formatEvent(type: string, payload: unknown): string {
  return `data: ${JSON.stringify({ type, payload: payload ?? null })}\n\n`;
}

/**
 * The open Server-Sent Events streams: each forwards the bus events its session's user may see, gets
 * a heartbeat comment, and ends when its session ends, the client leaves or the server stops.
 */
export class EventStreams {
  private readonly streams = new Set<Stream>();
  private heartbeat: NodeJS.Timeout | null = null;
  private liveness: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: EventStreamsOptions) {}

  get size(): number {
    return this.streams.size;
  }

  open(res: ServerResponse, owner: StreamOwner): void {
    if (this.closed) {
      res.destroy();
      return;
    }
    res.statusCode = 200;
    setSecurityHeaders(res);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    // The first bytes confirm the stream to the client; `retry` paces EventSource's reconnects.
    res.write('retry: 3000\n: connected\n\n');
    const stream: Stream = { owner, res, subscription: null };
    this.streams.add(stream);
    res.on('close', () => this.end(stream));
    stream.subscription = this.options.events
      .pipe(filter((event) => isClientEvent(event) && canReceive(event, owner)))
      .subscribe({
        next: (event) => this.send(stream, event),
        complete: () => this.end(stream),
      });
    this.startTimers();
  }

  /** Ends the streams whose session is no longer valid. */
  async sweep(): Promise<void> {
    await Promise.all(
      [...this.streams].map(async (stream) => {
        let active = false;
        try {
          active = await this.options.isActive(stream.owner.sessionId);
        } catch (error) {
          this.options.log.warn({ err: error }, 'event stream: session check failed');
        }
        if (!active) this.end(stream);
      }),
    );
  }

  /** Ends every stream and refuses new ones (server shutdown). */
  closeAll(): void {
    this.closed = true;
    for (const stream of [...this.streams]) this.end(stream);
    this.stopTimers();
  }

  private send(stream: Stream, event: BusEvent): void {
    if (stream.res.writableLength > MAX_BUFFERED_BYTES) {
      this.options.log.warn('event stream: client not reading, stream closed');
      this.end(stream);
      return;
    }
    stream.res.write(formatEvent(event.type, event.payload));
  }

  private end(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    stream.subscription?.unsubscribe();
    if (!stream.res.writableEnded) stream.res.end();
    if (this.streams.size === 0) this.stopTimers();
  }

  private startTimers(): void {
    if (this.heartbeat !== null) return;
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.res.write(': heartbeat\n\n');
    }, this.options.heartbeatMs ?? 15_000);
    this.liveness = setInterval(() => void this.sweep(), this.options.livenessMs ?? 5000);
    this.heartbeat.unref();
    this.liveness.unref();
  }

  private stopTimers(): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    if (this.liveness !== null) clearInterval(this.liveness);
    this.heartbeat = null;
    this.liveness = null;
  }
}
