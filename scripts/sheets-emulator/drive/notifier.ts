/** Delivers Drive push notifications (web_hook POSTs with X-Goog-* headers) asynchronously and logs them. */
import type { FileRecord } from '../types.js';
import type { ChangeRecord, ChannelRecord, DriveStore, FileEvent } from './store.js';

/** One delivery as the admin endpoint reports it. */
export interface DeliveryRecord {
  channelId: string;
  resourceId: string;
  resourceState: string;
  messageNumber: number;
  address: string;
  changed?: string;
  /** ISO time of the last attempt. */
  at: string;
  attempts: number;
  /** HTTP status of the last attempt, when the receiver answered. */
  status?: number;
  /** Network error of the last attempt. */
  error?: string;
  ok: boolean;
}

/** Header values are bytes: non-ASCII text travels as its UTF-8 bytes. */
function headerBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

const RETRY_STATUSES = new Set([500, 502, 503, 504]);
const MAX_LOG = 1000;

/** Sends notifications without ever blocking or failing the API request that caused them. */
export class Notifier {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly batches = new Map<string, { changed: Set<string>; done: Promise<void> }>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly aborter = new AbortController();
  private log: DeliveryRecord[] = [];
  private closed = false;

  constructor(
    private readonly store: DriveStore,
    private readonly now: () => Date,
    private readonly options: { retries: number; retryBaseMs: number; timeoutMs: number; batchMs: number },
  ) {
    store.onEvent((file, event, change) => this.onEvent(file, event, change));
  }

  /** Sends the `sync` message of a new channel. */
  sync(channel: ChannelRecord): void {
    this.enqueue(channel, 'sync');
  }

  /** Deliveries so far (oldest first, at most the last 1000). */
  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  /** Forgets the delivery log. */
  clearLog(): void {
    this.log = [];
  }

  /** Resolves when every queued delivery has finished (for tests). */
  async idle(): Promise<void> {
    while (this.queues.size > 0 || this.batches.size > 0) {
      await Promise.allSettled([...this.queues.values(), ...[...this.batches.values()].map((b) => b.done)]);
    }
  }

  /** Stops delivering: cancels retries and in-flight requests. */
  close(): void {
    this.closed = true;
    this.aborter.abort();
    for (const [t, wake] of this.timers) {
      clearTimeout(t);
      wake();
    }
    this.timers.clear();
  }

  private onEvent(file: FileRecord, event: FileEvent, change: ChangeRecord): void {
    for (const channel of [...this.store.channels.values()]) {
      if (channel.kind === 'changes') {
        if (change.audience.includes(channel.ownerEmail) && change.id >= (channel.pageToken ?? 0)) {
          this.enqueue(channel, 'change');
        }
      } else if (channel.fileId === file.id && event.state !== 'add') {
        this.enqueue(channel, event.state, event.state === 'update' ? event.changed.join(',') : undefined);
      } else if (channel.fileId !== undefined && file.parents.includes(channel.fileId)) {
        const touchesChildren =
          event.state !== 'update' ||
          event.changed.includes('parents') ||
          event.changed.includes('properties');
        if (touchesChildren) this.enqueue(channel, 'update', 'children');
      }
    }
  }

  /**
   * Queues one notification. With batchMs > 0, update/change notifications of a channel within that window
   * merge into one (Google batches Sheets edits the same way, with a longer delay).
   */
  private enqueue(channel: ChannelRecord, state: string, changed?: string): void {
    if (this.closed) return;
    if (this.options.batchMs > 0 && (state === 'update' || state === 'change')) {
      const key = `${channel.id}\n${state}`;
      const pending = this.batches.get(key);
      if (pending) {
        for (const c of changed?.split(',') ?? []) pending.changed.add(c);
        return;
      }
      const batch = { changed: new Set(changed?.split(',') ?? []), done: Promise.resolve() };
      batch.done = this.sleep(this.options.batchMs).then(() => {
        this.batches.delete(key);
        this.send(channel, state, [...batch.changed].join(',') || undefined);
      });
      this.batches.set(key, batch);
      return;
    }
    this.send(channel, state, changed);
  }

  private send(channel: ChannelRecord, state: string, changed?: string): void {
    if (this.closed) return;
    if (this.now().getTime() >= channel.expiration) {
      this.store.channels.delete(channel.id);
      return;
    }
    const messageNumber = channel.nextMessage;
    channel.nextMessage += state === 'sync' ? 1 : 1 + Math.floor(Math.random() * 3);
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': headerBytes(channel.id),
      'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
      'X-Goog-Message-Number': String(messageNumber),
      'X-Goog-Resource-ID': channel.resourceId,
      'X-Goog-Resource-URI': channel.resourceUri,
      'X-Goog-Resource-State': state,
      // Header values are bytes: a non-ASCII token travels as its UTF-8 bytes.
      ...(channel.token !== undefined ? { 'X-Goog-Channel-Token': headerBytes(channel.token) } : {}),
      ...(changed ? { 'X-Goog-Changed': changed } : {}),
    };
    const record: DeliveryRecord = {
      channelId: channel.id,
      resourceId: channel.resourceId,
      resourceState: state,
      messageNumber,
      address: channel.address,
      ...(changed ? { changed } : {}),
      at: this.now().toISOString(),
      attempts: 0,
      ok: false,
    };
    const previous = this.queues.get(channel.id) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(record, headers));
    this.queues.set(channel.id, next);
    void next.finally(() => {
      if (this.queues.get(channel.id) === next) this.queues.delete(channel.id);
    });
  }

  private async deliver(record: DeliveryRecord, headers: Record<string, string>): Promise<void> {
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    for (let attempt = 0; attempt <= this.options.retries && !this.closed; attempt += 1) {
      if (attempt > 0) await this.sleep(this.options.retryBaseMs * 4 ** (attempt - 1));
      if (this.closed) return;
      record.attempts = attempt + 1;
      record.at = this.now().toISOString();
      try {
        const res = await fetch(record.address, {
          method: 'POST',
          headers,
          body: '',
          signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.options.timeoutMs)]),
        });
        await res.arrayBuffer().catch(() => undefined);
        record.status = res.status;
        delete record.error;
        record.ok = res.status < 300 || res.status === 102;
        if (!RETRY_STATUSES.has(res.status)) return;
      } catch (err) {
        record.error = err instanceof Error ? err.message : String(err);
        delete record.status;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.set(t, resolve);
    });
  }
}
