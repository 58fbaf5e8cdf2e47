/** The UI's trigger machinery over the Apps Script runtime: a UI edit or change queues every installed trigger. */
import type { SheetTriggers } from '../ui/triggers.js';
import type { AppsScriptRuntime } from './runtime.js';

/** Fires the runtime's installable triggers for UI events, each as its creator. */
export function sheetTriggers(runtime: AppsScriptRuntime): SheetTriggers {
  return {
    fire: (spreadsheetId, event) => ({
      executions: runtime.fireSheetEvent(spreadsheetId, event).map((q) => q.executionId),
    }),
    idle: () => runtime.idle(),
  };
}
