/** An officer's edit as the demo plays it: typed in the Sheets UI, carried by the coordinator's trigger to theodoi. */
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import type { SheetTriggerPath } from '@theodoi/test-kit/sheet-triggers';

/** One edit of one row: who types what where, and what the progress line says of it. */
export interface OfficerEdit {
  /** ISO instant, Vietnam time written with +07:00. */
  at: string;
  email: string;
  spreadsheetId: string;
  /** The A1 range of the row's input cells. */
  range: string;
  values: string[];
  /** Who typed (the unit, with the task for a task row), for the progress line. */
  who: string;
  note: string;
  /** What the row shows once the sync has run, for the progress line. */
  shown: () => Promise<string>;
}

/**
 * Types `edit` as its officer in the Sheets UI and waits until the trigger fired, `sheetEvent` answered 202 and the
 * sync wrote the row back; returns how long that took, in ms.
 */
export async function typeAndSettle(
  sheets: EmulatorServer,
  triggers: SheetTriggerPath,
  edit: OfficerEdit,
): Promise<number> {
  const started = performance.now();
  const answered = triggers.answers().length;
  sheets.uiEdit(edit.spreadsheetId, { email: edit.email, range: edit.range, values: [edit.values] });
  // The script's call answered 202, Pub/Sub pushed the request, syncDirectiveEvent synced: the verdict is on the row.
  await triggers.settled();
  const ms = Math.round(performance.now() - started);
  const calls = triggers.answers().slice(answered);
  if (!calls.some((a) => a.function === 'sheetEvent' && a.status === 202)) {
    throw new Error(`sheetEvent did not accept ${edit.email}'s edit: ${JSON.stringify(calls)}`);
  }
  return ms;
}
