/** What every Drive method handler receives and returns. */
import type { AccountModel } from '../accounts/model.js';
import type { Query } from '../contract/params.js';
import type { Identity, SheetsHandler } from '../types.js';
import type { Notifier } from './notifier.js';
import type { DriveStore } from './store.js';

/** One validated Drive request. */
export interface DriveCall {
  methodId: string;
  params: Record<string, string>;
  query: Query;
  body: Record<string, unknown> | undefined;
  caller: Identity;
}

/** The services Drive handlers use. */
export interface DriveDeps {
  store: DriveStore;
  sheets: SheetsHandler;
  notifier: Notifier;
  /** The emulator's own base URL (for resourceUri). */
  baseUrl: () => string;
  now: () => Date;
  projectNumber: string;
  /** Principals, sharing state and the strict/lenient switch. */
  accounts: AccountModel;
}

/** A handler's answer: a JSON body, or undefined for 204 No Content. */
export type DriveResult = { body?: unknown };

/** A Drive method implementation. */
export type DriveMethod = (call: DriveCall, deps: DriveDeps) => DriveResult;

/** A query parameter as a single string. */
export function one(query: Query, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/** A boolean query parameter. */
export function flag(query: Query, name: string, fallback = false): boolean {
  const v = one(query, name);
  return v === undefined ? fallback : v === 'true';
}
