/**
 * theodoi — kích hoạt. ONE standalone Apps Script project per coordinator (see README.md beside this file), never
 * bound to a directive's spreadsheet: officers install nothing and can open nothing of it.
 *
 * - caiDat(): run once from the editor. Installs an hourly trigger of dongBoKichHoat and runs it.
 * - dongBoKichHoat(): asks theodoi (sheetTargets) which spreadsheets should have an edit trigger, installs one for
 *   each new spreadsheet and removes those no longer listed (Google allows 20 triggers per user per script).
 * - khiChinhSua(e): an officer's edit in one of those spreadsheets. Tells theodoi "spreadsheet S changed"; theodoi
 *   answers at once and checks the rows within seconds.
 *
 * Every call carries ScriptApp.getIdentityToken(), a token Google signs for the coordinator: no secret is kept
 * anywhere. The only Script Property is THEODOI_URL. The contract is apps-script/contract.ts.
 */

var THEODOI_CONTRACT = 2;
var THEODOI_URL_PROPERTY = 'THEODOI_URL';
var THEODOI_EDIT_HANDLER = 'khiChinhSua';
var THEODOI_SYNC_HANDLER = 'dongBoKichHoat';

/** Run once: installs the hourly refresh of the edit triggers, then refreshes them now. */
function caiDat() {
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getHandlerFunction() === THEODOI_SYNC_HANDLER) ScriptApp.deleteTrigger(t);
  });
  ScriptApp.newTrigger(THEODOI_SYNC_HANDLER).timeBased().everyHours(1).create();
  return dongBoKichHoat();
}

/** Installs an edit trigger on each spreadsheet theodoi lists and removes the triggers of the others. */
function dongBoKichHoat() {
  var answer = theodoiPost_('/sheetTargets', { v: THEODOI_CONTRACT });
  if (answer.getResponseCode() !== 200) {
    throw new Error(
      'theodoi không trả lời danh sách bảng tính (mã ' +
        answer.getResponseCode() +
        '). Kiểm tra THEODOI_URL và dự án Cloud của tập lệnh (README).',
    );
  }
  var wanted = {};
  JSON.parse(answer.getContentText()).spreadsheetIds.forEach(function (id) {
    wanted[id] = true;
  });
  var kept = {};
  var removed = 0;
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getHandlerFunction() !== THEODOI_EDIT_HANDLER) return;
    var id = t.getTriggerSourceId();
    if (wanted[id] && !kept[id]) {
      kept[id] = true;
    } else {
      ScriptApp.deleteTrigger(t);
      removed++;
    }
  });
  var added = 0;
  var failed = [];
  Object.keys(wanted).forEach(function (id) {
    if (kept[id]) return;
    try {
      ScriptApp.newTrigger(THEODOI_EDIT_HANDLER).forSpreadsheet(id).onEdit().create();
      added++;
    } catch (err) {
      // No access to that spreadsheet any more, or no trigger slot left: the Drive push and the sweep still sync it.
      failed.push(id);
      console.warn('theodoi: không cài được kích hoạt cho bảng tính ' + id + ': ' + err);
    }
  });
  var result = { listed: Object.keys(wanted).length, added: added, removed: removed, failed: failed };
  console.log('theodoi: ' + JSON.stringify(result));
  return result;
}

/** An officer's edit: tells theodoi which spreadsheet (and tab) changed. Never fails the officer's edit. */
function khiChinhSua(e) {
  try {
    var event = { v: THEODOI_CONTRACT, spreadsheetId: theodoiSpreadsheetOf_(e), kind: 'edit' };
    var sheetName = theodoiHint_(function () {
      return e.range.getSheet().getName();
    });
    var range = theodoiHint_(function () {
      return e.range.getA1Notation();
    });
    if (sheetName) event.sheetName = sheetName;
    if (range) event.range = range;
    theodoiPost_('/sheetEvent', event);
  } catch (err) {
    // The Drive push (~3 minutes) and the 5-minute sweep still sync this spreadsheet.
    console.warn('theodoi: không gửi được sự kiện chỉnh sửa: ' + err);
  }
}

/** The spreadsheet of the trigger that fired, by its id: needs only the script.scriptapp scope. */
function theodoiSpreadsheetOf_(e) {
  var triggers = ScriptApp.getProjectTriggers();
  for (var i = 0; i < triggers.length; i++) {
    if (triggers[i].getUniqueId() === e.triggerUid) return triggers[i].getTriggerSourceId();
  }
  throw new Error('kích hoạt ' + e.triggerUid + ' không còn trong dự án');
}

/** A hint from the event object, or null when Apps Script will not give it. */
function theodoiHint_(read) {
  try {
    var value = read();
    return value ? String(value) : null;
  } catch (err) {
    return null;
  }
}

/** POSTs `body` as JSON to theodoi's function at `path`, with the coordinator's ID token. */
function theodoiPost_(path, body) {
  var base = PropertiesService.getScriptProperties().getProperty(THEODOI_URL_PROPERTY);
  if (!base) throw new Error('Chưa đặt thuộc tính tập lệnh ' + THEODOI_URL_PROPERTY + ' (README).');
  return UrlFetchApp.fetch(base.replace(/\/+$/, '') + path, {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + ScriptApp.getIdentityToken() },
    payload: JSON.stringify(body),
    muteHttpExceptions: true,
  });
}
