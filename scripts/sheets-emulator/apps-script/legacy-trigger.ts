/** The per-spreadsheet trigger of `POST /__emulator/spreadsheets/{id}/trigger`, re-expressed as a bound script running apps-script/Code.gs. */
// The product's test-kit and demo install theodoi's sheet trigger this way until its identity redesign lands. The
// endpoint stands for the coordinator's one-time setup: Code.gs bound to the spreadsheet, THEODOI_ENDPOINT and
// THEODOI_SECRET in its Script Properties, and theodoiInstallTriggers run once by the owner. Everything after
// that is the ordinary runtime: UI edits fire the triggers, Code.gs signs and sends the event with UrlFetchApp.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SheetEvent } from '@theodoi/apps-script/contract';
import { GoogleApiError } from '../types.js';
import type { SheetTriggers, TriggerDelivery } from '../ui/triggers.js';
import type { Manifest, ScriptRecord } from './model.js';
import type { AppsScriptRuntime } from './runtime.js';

const MAX_LOG = 1000;

let theodoi: { source: string; manifest: Manifest } | undefined;

/** apps-script/Code.gs and appsscript.json, read from the @theodoi/apps-script package. */
function theodoiScript(): { source: string; manifest: Manifest } {
  if (!theodoi) {
    const dir = dirname(createRequire(import.meta.url).resolve('@theodoi/apps-script/package.json'));
    theodoi = {
      source: readFileSync(join(dir, 'Code.gs'), 'utf8'),
      manifest: JSON.parse(readFileSync(join(dir, 'appsscript.json'), 'utf8')) as Manifest,
    };
  }
  return theodoi;
}

/** The legacy trigger over the runtime; its delivery log is read off the script's UrlFetch calls. */
export function legacyTriggers(runtime: AppsScriptRuntime): SheetTriggers {
  let log: TriggerDelivery[] = [];
  runtime.onUrlFetch((ctx, request, record) => {
    if (!ctx.script.legacy || ctx.script.boundTo === undefined || typeof request.payload !== 'string') return;
    let event: SheetEvent;
    try {
      event = JSON.parse(request.payload) as SheetEvent;
    } catch {
      return;
    }
    log.push({
      spreadsheetId: ctx.script.boundTo,
      deliveryId: event.deliveryId,
      kind: event.kind,
      url: request.url,
      event,
      at: record.at,
      status: record.status,
      ...(record.error !== undefined ? { error: record.error } : {}),
    });
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
  });
  const find = (spreadsheetId: string): ScriptRecord | undefined =>
    [...runtime.scripts.scripts.values()].find((s) => s.legacy && s.boundTo === spreadsheetId);

  return {
    fire(spreadsheetId, event) {
      const queued = runtime.fireSheetEvent(spreadsheetId, event);
      const legacy = find(spreadsheetId);
      const eventType = event.kind === 'edit' ? 'ON_EDIT' : 'ON_CHANGE';
      const own = legacy && queued.find((q) => q.scriptId === legacy.id && q.eventType === eventType);
      // Code.gs draws one UUID per event, its deliveryId: the first the execution's Utilities.getUuid() returns.
      return { executions: queued.map((q) => q.executionId), ...(own ? { deliveryId: own.firstUuid } : {}) };
    },
    install(spreadsheetId, trigger) {
      const file = runtime.scripts.spreadsheet(spreadsheetId);
      if (!file) throw new GoogleApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
      let script = find(spreadsheetId);
      if (!script) {
        const { source, manifest } = theodoiScript();
        script = runtime.createScript({
          owner: file.ownerEmail,
          source,
          manifest,
          boundTo: spreadsheetId,
          title: 'theodoi',
          legacy: true,
        });
      }
      script.userVisibility = trigger.revealUser === false ? 'never' : 'always';
      runtime.scripts.grant(script, script.owner);
      runtime.writeProperties(script.id, script.owner, {
        THEODOI_ENDPOINT: trigger.url,
        THEODOI_SECRET: trigger.secret,
      });
      // What theodoiInstallTriggers does: drop its onEdit/onChange triggers, then install them again.
      for (const t of runtime.scripts.triggersOf(script.id)) runtime.scripts.triggers.delete(t.uid);
      runtime.installSpreadsheetTrigger(script, script.owner, 'theodoiOnEdit', spreadsheetId, 'ON_EDIT');
      runtime.installSpreadsheetTrigger(script, script.owner, 'theodoiOnChange', spreadsheetId, 'ON_CHANGE');
    },
    remove(spreadsheetId) {
      const script = find(spreadsheetId);
      return script !== undefined && runtime.deleteScript(script.id);
    },
    describe(spreadsheetId) {
      const url = find(spreadsheetId)?.scriptProperties.THEODOI_ENDPOINT;
      return url !== undefined ? { url } : undefined;
    },
    deliveries: () => log.map((d) => ({ ...d, event: { ...d.event } })),
    clearLog() {
      log = [];
    },
    idle: () => runtime.idle(),
  };
}
