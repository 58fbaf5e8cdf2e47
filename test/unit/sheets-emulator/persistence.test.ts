// State in dataDir survives a restart: files, Sheets content, permissions, tokens and the change log, and the Apps
// Script half: projects, properties, consents, triggers, budgets' use and the ID-token signing keys.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OAuth2Client } from 'google-auth-library';
import { start } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { failure } from '../../support/google-error.js';
import { installedApp } from '../../support/oauth-flow.js';
import { admin, createScript, runScript } from '../../support/apps-script.js';
import { startReceiver } from '../../support/receiver.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('with a dataDir', () => {
  it('brings back spreadsheets (with their cells), sharing, tokens and change tokens after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    dirs.push(dataDir);
    const first = await start({ accounts: 'lenient', dataDir });
    const sa = clientsFor(first);
    const created = await sa.drive.files.create({
      requestBody: { name: 'Giữ lại', mimeType: 'application/vnd.google-apps.spreadsheet' },
    });
    const id = created.data.id ?? '';
    await sa.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1:B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Mỹ Quý', 12]] },
    });
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: 'can.bo@xa-myquy.gov.vn' },
    });
    const token = (await sa.drive.changes.getStartPageToken({})).data.startPageToken ?? '';
    const version = (await sa.drive.files.get({ fileId: id, fields: 'version' })).data.version;
    await first.stop();
    expect(readdirSync(dataDir)).toEqual(['state.json']);

    const second = await start({ accounts: 'lenient', dataDir });
    try {
      const again = clientsFor(second);
      const sameToken = clientsFor({ url: second.url, mintToken: () => sa.token });
      const file = await sameToken.drive.files.get({ fileId: id, fields: 'name,version' });
      expect(file.data).toEqual({ name: 'Giữ lại', version });
      const values = await again.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:B1' });
      expect(values.data.values).toEqual([['Mỹ Quý', '12']]);
      const reader = clientsFor(second, 'can.bo@xa-myquy.gov.vn');
      expect((await reader.sheets.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
      expect((await again.drive.changes.getStartPageToken({})).data.startPageToken).toBe(token);
      await again.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A2',
        valueInputOption: 'RAW',
        requestBody: { values: [['Thị trấn']] },
      });
      const changes = await again.drive.changes.list({ pageToken: token });
      expect(changes.data.changes?.map((c) => c.fileId)).toEqual([id]);
    } finally {
      await second.stop();
    }
  });

  it('brings back scripts, their properties and triggers, budgets’ use and the signing keys', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    dirs.push(dataDir);
    const creator = 'dieu.phoi.thapmuoi@gmail.com';
    const rx = await startReceiver();
    const first = await start({ dataDir });
    // The coordinator owns the spreadsheet: a service account cannot (strict accounts).
    const owner = clientsFor(first, creator);
    const sheet = (
      await owner.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Giữ lại' } } })
    ).data.spreadsheetId!;
    const script = await createScript(first, {
      owner: creator,
      source: `
        function install() { ScriptApp.newTrigger('send').forSpreadsheet('${sheet}').onEdit().create(); }
        function token() { return ScriptApp.getIdentityToken(); }
        function send(e) {
          UrlFetchApp.fetch(PropertiesService.getScriptProperties().getProperty('URL'), { method: 'post', payload: e.range.getA1Notation() });
        }`,
      manifest: {
        oauthScopes: [
          'openid',
          'https://www.googleapis.com/auth/script.external_request',
          'https://www.googleapis.com/auth/script.scriptapp',
        ],
      },
      scriptProperties: { URL: rx.url },
    });
    await runScript(first, script.scriptId, 'install', creator);
    const token = (await runScript(first, script.scriptId, 'token', creator)).result as string;
    first.uiEdit(sheet, { email: creator, range: 'A1', values: [['1']] });
    await first.triggersIdle();
    const triggers = (await admin(first, 'GET', `/scripts/${script.scriptId}/triggers`)).body;
    await first.stop();

    const second = await start({ dataDir });
    try {
      expect((await admin(second, 'GET', `/scripts/${script.scriptId}/triggers`)).body).toEqual(triggers);
      expect(
        (await admin(second, 'GET', `/scripts/${script.scriptId}/properties?as=${creator}`)).body,
      ).toEqual({
        properties: { URL: rx.url },
      });
      const quotas = await admin<{ used: { urlFetchCalls: number; triggerRuntimeMs: number } }>(
        second,
        'GET',
        `/apps-script/quotas?user=${creator}`,
      );
      expect(quotas.body.used.urlFetchCalls).toBe(1);
      expect(quotas.body.used.triggerRuntimeMs).toBeGreaterThan(0);
      const verifier = new OAuth2Client({
        endpoints: { oauth2FederatedSignonPemCertsUrl: `${second.url}/oauth2/v1/certs` },
      });
      await verifier.verifyIdToken({ idToken: token, audience: script.clientId });
      second.uiEdit(sheet, { email: creator, range: 'B2', values: [['2']] }); // consent and trigger still in force
      await second.triggersIdle();
      expect(rx.received.map((r) => r.body)).toEqual(['A1', 'B2']);
    } finally {
      await second.stop();
      await rx.close();
    }
  });

  it('starts empty in memory without one', async () => {
    const server = await start({ accounts: 'lenient' });
    try {
      const list = await clientsFor(server).drive.files.list({});
      expect(list.data.files).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('the account model with a dataDir (strict)', () => {
  it('brings back accounts, OAuth clients, scoped tokens, shared drives, invitations and e-mails', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sheets-emulator-accounts-'));
    dirs.push(dataDir);
    const client = installedApp('desk', '4242', { verified: true });
    const first = await start({ dataDir });
    first.registerAccount({ email: 'lanh.dao@thapmuoi.gov.vn', kind: 'workspace' });
    first.registerClient(client);
    const driveId = first.createSharedDrive({
      name: 'UBND',
      members: [{ email: 'theodoi@theodoi-local.iam.gserviceaccount.com', role: 'fileOrganizer' }],
    });
    const person = clientsFor(first, 'chuyen.vien@gmail.com', {
      clientId: client.clientId,
      scopes: ['https://www.googleapis.com/auth/drive.file'],
    });
    const made = await person.drive.files.create({
      requestBody: { name: 'Mời', mimeType: 'application/vnd.google-apps.spreadsheet' },
    });
    const id = made.data.id ?? '';
    await person.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: 'can.bo@thapmuoi.gov.vn' },
    });
    await first.stop();

    const second = await start({ dataDir });
    try {
      expect(() => second.mintToken('lanh.dao@thapmuoi.gov.vn')).not.toThrow();
      const same = clientsFor({ url: second.url, mintToken: () => person.token }, undefined, {
        retry: false,
      });
      expect((await same.drive.files.get({ fileId: id })).data.name).toBe('Mời');
      expect((await failure(same.drive.drives.list({}))).status).toBe(403); // still drive.file only
      const sa = clientsFor(second, undefined, { retry: false });
      expect((await sa.drive.drives.get({ driveId })).data.name).toBe('UBND');
      expect(second.emails()).toEqual([
        expect.objectContaining({ to: 'can.bo@thapmuoi.gov.vn', kind: 'invitation' }),
      ]);
      second.registerAccount({ email: 'can.bo@thapmuoi.gov.vn', kind: 'workspace' });
      const officer = clientsFor(second, 'can.bo@thapmuoi.gov.vn', { retry: false });
      expect((await officer.sheets.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});

describe('with a damaged state file', () => {
  it('refuses to start and names the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    dirs.push(dataDir);
    writeFileSync(join(dataDir, 'state.json'), '{"format": 1, "drive": ');
    await expect(start({ accounts: 'lenient', dataDir })).rejects.toThrow(
      `${join(dataDir, 'state.json')} is not readable JSON`,
    );
  });
});
