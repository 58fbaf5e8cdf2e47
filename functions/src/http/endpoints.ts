/** Every function's endpoint module, imported on its first call (cold start pays only for what a function uses). */
import type { Endpoint } from './endpoint.js';

type Load = () => Promise<Endpoint<unknown>>;
const load =
  (module: () => Promise<{ endpoint: unknown }>): Load =>
  () =>
    module().then((m) => m.endpoint as Endpoint<unknown>);

/** The endpoint of each function, by its registered name (index.ts, and worlds serving a function of their own). */
export const ENDPOINTS = {
  health: load(() => import('./health.js')),
  sheetEvent: load(() => import('./sheet-event.js')),
  sheetTargets: load(() => import('./sheet-targets.js')),
  driveNotification: load(() => import('./drive-notification.js')),
  syncDirective: load(() => import('./sync-directive.js')),
  checkDeadlines: load(() => import('./check-deadlines.js')),
  buildDashboards: load(() => import('./build-dashboards.js')),
  checkDeadlinesEvent: load(() => import('./check-deadlines-event.js')),
  syncDirectiveEvent: load(() => import('./sync-directive-event.js')),
} as const satisfies Record<string, Load>;

/** The name of a function with an endpoint. */
export type EndpointName = keyof typeof ENDPOINTS;
