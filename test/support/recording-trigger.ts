/**
 * Test helper: a standalone Apps Script whose installable onEdit and onChange triggers POST each event they get to a
 * receiver as JSON — what the Sheets UI hands a trigger, as a script sees it — installed by its owner pressing Run.
 */
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import type { UserVisibility } from '@theodoi/sheets-emulator/apps-script/model';
import { createScript, runScript, type ScriptInfo } from './apps-script.js';

/** What the recording script sends for one event. */
export interface RecordedEvent {
  kind: 'edit' | 'change';
  spreadsheetId: string;
  sheetName?: string;
  range?: string;
  changeType?: string;
  /** The editor's address, or null when Apps Script may not reveal it. */
  user: string | null;
  value?: string;
  oldValue?: string;
}

const SOURCE = `
var props = PropertiesService.getScriptProperties();

function install() {
  ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(props.getProperty('SHEET')).onEdit().create();
  ScriptApp.newTrigger('onSheetChange').forSpreadsheet(props.getProperty('SHEET')).onChange().create();
}

function onSheetEdit(e) {
  send_({
    kind: 'edit',
    spreadsheetId: e.source.getId(),
    sheetName: e.range.getSheet().getName(),
    range: e.range.getA1Notation(),
    user: e.user.getEmail() || null,
    value: e.value,
    oldValue: e.oldValue,
  });
}

function onSheetChange(e) {
  if (e.changeType === 'EDIT') return;
  send_({ kind: 'change', spreadsheetId: e.source.getId(), changeType: e.changeType, user: e.user.getEmail() || null });
}

function send_(event) {
  UrlFetchApp.fetch(props.getProperty('URL'), {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(event),
    muteHttpExceptions: true,
  });
}
`;

/** Creates `owner`'s recording script for `spreadsheetId` (which `owner` must be able to edit) and installs it. */
export async function installRecordingTrigger(
  server: EmulatorServer,
  spreadsheetId: string,
  options: { owner: string; url: string; userVisibility?: UserVisibility },
): Promise<ScriptInfo> {
  const script = await createScript(server, {
    owner: options.owner,
    source: SOURCE,
    scriptProperties: { SHEET: spreadsheetId, URL: options.url },
    ...(options.userVisibility ? { userVisibility: options.userVisibility } : {}),
  });
  await runScript(server, script.scriptId, 'install', options.owner);
  return script;
}
