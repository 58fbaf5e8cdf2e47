/** What UI edits need from the trigger machinery (apps-script/): fire the installed triggers, wait for them. */
import type { SheetUiEvent } from '../apps-script/model.js';

/** What a UI edit or change set off: the executions of every installed trigger. */
export interface Fired {
  /** Execution ids (`GET /__emulator/apps-script/executions`). */
  executions: string[];
}

/** The trigger machinery as the UI sees it. */
export interface SheetTriggers {
  /** Fires every installed trigger of the spreadsheet for what a person did in the UI; never blocks or fails. */
  fire(spreadsheetId: string, event: SheetUiEvent): Fired;
  /** Resolves when no trigger execution is queued or running. */
  idle(): Promise<void>;
}
