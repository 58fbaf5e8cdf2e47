/** Installed sheet triggers (theodoi's Apps Script onEdit/onChange) and their signed, asynchronous deliveries. */
import { randomUUID } from 'node:crypto';
import { signedRequest } from '@theodoi/apps-script/contract';
import type { SheetEvent } from '@theodoi/apps-script/contract';

/** What the coordinator's "Cài đặt kích hoạt" step leaves behind: where to POST and the shared secret. */
export interface InstalledTrigger {
  url: string;
  secret: string;
  /**
   * false: send `user: null`, as Apps Script does when it may not reveal the editor (an account outside the
   * script owner's Workspace domain). Default true.
   */
  revealUser?: boolean;
}

/** One delivery attempt as `GET /__emulator/triggers` reports it. */
export interface TriggerDelivery {
  spreadsheetId: string;
  deliveryId: string;
  kind: SheetEvent['kind'];
  url: string;
  /** The event as sent (without the secret). */
  event: SheetEvent;
  /** ISO time the delivery was sent. */
  at: string;
  /** HTTP status of the answer; 0 when the receiver could not be reached (Apps Script's return value then). */
  status: number;
  /** Network error, when there was one. */
  error?: string;
}

/** The parts of an event the caller decides; the rest (v, deliveryId, spreadsheetId) is filled in. */
export type EventFields = Pick<SheetEvent, 'kind' | 'user'> &
  Partial<Pick<SheetEvent, 'changeType' | 'sheetName' | 'range'>>;

const MAX_LOG = 1000;

/** Holds installed triggers and delivers events without ever blocking or failing the edit that caused them. */
export class TriggerHub {
  private readonly installed = new Map<string, InstalledTrigger>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly aborter = new AbortController();
  private log: TriggerDelivery[] = [];
  private closed = false;

  constructor(
    private readonly now: () => Date,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Installs (or replaces) the trigger of a spreadsheet. */
  install(spreadsheetId: string, trigger: InstalledTrigger): void {
    this.installed.set(spreadsheetId, {
      url: trigger.url,
      secret: trigger.secret,
      ...(trigger.revealUser === false ? { revealUser: false } : {}),
    });
  }

  /** Removes the trigger of a spreadsheet; false when there was none. */
  remove(spreadsheetId: string): boolean {
    return this.installed.delete(spreadsheetId);
  }

  /** The installed trigger of a spreadsheet (url only: the secret stays inside). */
  describe(spreadsheetId: string): { url: string } | undefined {
    const t = this.installed.get(spreadsheetId);
    return t ? { url: t.url } : undefined;
  }

  /** Forgets the delivery log (triggers stay installed). */
  clearLog(): void {
    this.log = [];
  }

  /** Removes every trigger and forgets the log. */
  wipe(): void {
    this.installed.clear();
    this.log = [];
  }

  /**
   * Queues the event the Apps Script would send for this spreadsheet, if a trigger is installed; returns the
   * deliveryId, or undefined when nothing is installed. Deliveries of one spreadsheet go out in order.
   */
  fire(spreadsheetId: string, fields: EventFields): string | undefined {
    const trigger = this.installed.get(spreadsheetId);
    if (!trigger || this.closed) return undefined;
    // Same key order as apps-script/Code.gs builds it: v, deliveryId, spreadsheetId, then the partial.
    const event: SheetEvent = {
      v: 1,
      deliveryId: randomUUID(),
      spreadsheetId,
      kind: fields.kind,
      ...(fields.changeType !== undefined ? { changeType: fields.changeType } : {}),
      ...(fields.sheetName !== undefined ? { sheetName: fields.sheetName } : {}),
      ...(fields.range !== undefined ? { range: fields.range } : {}),
      user: trigger.revealUser === false ? null : fields.user,
    };
    const previous = this.queues.get(spreadsheetId) ?? Promise.resolve();
    const next = previous.then(() => this.send(spreadsheetId, trigger, event));
    this.queues.set(spreadsheetId, next);
    void next.finally(() => {
      if (this.queues.get(spreadsheetId) === next) this.queues.delete(spreadsheetId);
    });
    return event.deliveryId;
  }

  /** Deliveries so far, oldest first (at most the last 1000). */
  deliveries(): TriggerDelivery[] {
    return this.log.map((d) => ({ ...d, event: { ...d.event } }));
  }

  /** Resolves when every queued delivery has finished. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  /** Stops delivering and aborts requests in flight. */
  close(): void {
    this.closed = true;
    this.aborter.abort();
  }

  private async send(spreadsheetId: string, trigger: InstalledTrigger, event: SheetEvent): Promise<void> {
    if (this.closed) return;
    const sentAt = this.now();
    const { body, headers } = signedRequest(event, trigger.secret, sentAt);
    const record: TriggerDelivery = {
      spreadsheetId,
      deliveryId: event.deliveryId,
      kind: event.kind,
      url: trigger.url,
      event,
      at: sentAt.toISOString(),
      status: 0,
    };
    try {
      const res = await fetch(trigger.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'follow',
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      record.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
    }
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}
