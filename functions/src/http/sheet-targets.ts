/**
 * The `sheetTargets` function: the coordinator's standalone script asks, hourly, which spreadsheets should have an
 * edit trigger (decision 006). Authenticated by the same ID token as `sheetEvent`; the answer lists only the
 * caller's own open directives, so a caller who follows none gets an empty list.
 */
import { CONTRACT_VERSION, type SheetTargets } from '@theodoi/apps-script/contract';
import { listSheetTargets } from '../usecases/list-sheet-targets.js';
import { verifiedCaller } from './caller.js';
import type { Endpoint } from './endpoint.js';

/** POST (the script's UrlFetchApp call) with `Authorization: Bearer <ID token>`; the body is not read. */
export const endpoint: Endpoint<string> = {
  name: 'sheetTargets',
  methods: ['POST'],
  maxBodyBytes: 1024,
  parse: (call, rt) => verifiedCaller(call, rt),
  run: async (rt, coordinator) => {
    const [db, calendar] = await Promise.all([rt.firestore(), rt.calendar()]);
    const targets = await listSheetTargets({ db, calendar, clock: rt.clock }, coordinator);
    rt.logs.sheetTargetsListed({
      listed: targets.spreadsheetIds.length,
      openDirectives: targets.openDirectives,
    });
    const body: SheetTargets = { v: CONTRACT_VERSION, ...targets };
    return { status: 200, body };
  },
};
