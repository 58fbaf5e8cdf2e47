/**
 * theodoi — the sheet side. Installed once per directive spreadsheet (see README.md beside this file).
 * On every officer's edit or structural change it POSTs a signed event to theodoi's `sheetEvent`
 * function, which validates the rows and writes the verdicts back within seconds.
 * The contract (payload, headers, signature) is defined in functions/src/triggers/sheet-event.ts.
 */

var THEODOI_VERSION = 1;

/** Adds the "theodoi" menu when the spreadsheet opens (a simple trigger: no authorisation needed). */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('theodoi')
    .addItem('Kiểm tra ngay', 'theodoiCheckNow')
    .addSeparator()
    .addItem('Cài đặt kích hoạt (một lần)', 'theodoiInstallTriggers')
    .addToUi();
}

/** Installable onEdit trigger: one event per edit, naming the tab and range. */
function theodoiOnEdit(e) {
  theodoiSend_({
    kind: 'edit',
    sheetName: e.range.getSheet().getName(),
    range: e.range.getA1Notation(),
    user: theodoiUser_(e),
  });
}

/** Installable onChange trigger: rows/columns inserted, removed, tabs added or removed. */
function theodoiOnChange(e) {
  if (e.changeType === 'EDIT') return; // onEdit already reported it.
  theodoiSend_({ kind: 'change', changeType: String(e.changeType), user: theodoiUser_(e) });
}

/** Menu "theodoi → Kiểm tra ngay": asks theodoi to check the whole spreadsheet now. */
function theodoiCheckNow() {
  var answer = theodoiSend_({ kind: 'menu', user: theodoiUser_({}) });
  SpreadsheetApp.getActive().toast(
    answer >= 200 && answer < 300
      ? 'Đã gửi yêu cầu kiểm tra. Kết quả hiện ở cột Trạng thái sau vài giây.'
      : 'Không gửi được yêu cầu kiểm tra (mã ' + answer + '). Vui lòng báo cán bộ phụ trách.',
    'theodoi',
    8,
  );
}

/** One-time step for the coordinator: installs the onEdit and onChange triggers for this spreadsheet. */
function theodoiInstallTriggers() {
  var ss = SpreadsheetApp.getActive();
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getHandlerFunction() === 'theodoiOnEdit' || t.getHandlerFunction() === 'theodoiOnChange') {
      ScriptApp.deleteTrigger(t);
    }
  });
  ScriptApp.newTrigger('theodoiOnEdit').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('theodoiOnChange').forSpreadsheet(ss).onChange().create();
  ss.toast('Đã cài đặt kích hoạt theodoi cho bảng tính này.', 'theodoi', 8);
}

function theodoiUser_(e) {
  var email = (e && e.user && e.user.getEmail && e.user.getEmail()) || Session.getActiveUser().getEmail();
  return email ? String(email) : null;
}

/** Signs and sends one event; returns the HTTP status (never throws into the officer's edit). */
function theodoiSend_(partial) {
  var props = PropertiesService.getScriptProperties();
  var endpoint = props.getProperty('THEODOI_ENDPOINT');
  var secret = props.getProperty('THEODOI_SECRET');
  if (!endpoint || !secret) return 0;
  var event = {
    v: THEODOI_VERSION,
    deliveryId: Utilities.getUuid(),
    spreadsheetId: SpreadsheetApp.getActive().getId(),
  };
  Object.keys(partial).forEach(function (k) {
    if (partial[k] !== undefined) event[k] = partial[k];
  });
  var body = JSON.stringify(event);
  var timestamp = String(Math.floor(Date.now() / 1000));
  var mac = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  var hex = mac
    .map(function (b) {
      return ('0' + (b & 0xff).toString(16)).slice(-2);
    })
    .join('');
  try {
    var res = UrlFetchApp.fetch(endpoint, {
      method: 'post',
      contentType: 'application/json',
      payload: body,
      headers: { 'X-Theodoi-Timestamp': timestamp, 'X-Theodoi-Signature': 'v1=' + hex },
      muteHttpExceptions: true,
    });
    return res.getResponseCode();
  } catch (err) {
    console.error('theodoi: could not reach ' + endpoint + ': ' + err);
    return 0;
  }
}
