// loadConfig: defaults, frozen result, and errors that name the variable and what it accepts.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, maskConfig } from '@theodoi/functions/config';

describe('loadConfig', () => {
  it('applies defaults to an empty environment and freezes the result', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      projectId: 'theodoi-local',
      firestoreEmulatorHost: undefined,
      sheetsEmulatorUrl: undefined,
      serviceAccount: 'theodoi@theodoi-local.iam.gserviceaccount.com',
      googleGrant: undefined,
      sharedDriveId: undefined,
      actingAccount: undefined,
      driveWebhookUrl: undefined,
      smtpUrl: undefined,
      mailFrom: undefined,
      scriptClientId: undefined,
      syncTopic: 'theodoi-sync-requests',
      pubsubEmulatorHost: undefined,
      logLevel: 'info',
      revision: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable, treating empty strings as unset and GCLOUD_PROJECT as a fallback', () => {
    const config = loadConfig({
      GCLOUD_PROJECT: 'ubnd-thap-muoi',
      FIRESTORE_EMULATOR_HOST: '127.0.0.1:8085',
      SHEETS_EMULATOR_URL: 'http://127.0.0.1:9090',
      THEODOI_SCRIPT_CLIENT_ID: '1234567890-abc123.apps.googleusercontent.com',
      THEODOI_SYNC_TOPIC: 'theodoi-sync',
      PUBSUB_EMULATOR_HOST: '127.0.0.1:8681',
      LOG_LEVEL: 'debug',
      K_REVISION: '',
    });
    expect(config).toMatchObject({
      projectId: 'ubnd-thap-muoi',
      firestoreEmulatorHost: '127.0.0.1:8085',
      sheetsEmulatorUrl: 'http://127.0.0.1:9090',
      scriptClientId: '1234567890-abc123.apps.googleusercontent.com',
      syncTopic: 'theodoi-sync',
      pubsubEmulatorHost: '127.0.0.1:8681',
      logLevel: 'debug',
      revision: undefined,
    });
  });

  const bad = [
    {
      name: 'log level',
      env: { LOG_LEVEL: 'verbose' },
      message: /LOG_LEVEL must be one of debug, info, warning, error, off \(got "verbose"\)/,
    },
    {
      name: 'emulator host',
      env: { FIRESTORE_EMULATOR_HOST: 'localhost' },
      message: /FIRESTORE_EMULATOR_HOST must be host:port/,
    },
    {
      name: 'project id',
      env: { GOOGLE_CLOUD_PROJECT: 'Tháp Mười' },
      message: /GOOGLE_CLOUD_PROJECT must be a Google Cloud project id/,
    },
    {
      name: 'SMTP URL',
      env: { THEODOI_SMTP_URL: 'http://mail.example.vn', THEODOI_MAIL_FROM: 'a@example.vn' },
      message: /THEODOI_SMTP_URL must be an smtp\(s\) URL/,
    },
    {
      name: 'sender',
      env: { THEODOI_SMTP_URL: 'smtp://mail.example.vn:25', THEODOI_MAIL_FROM: 'theodoi' },
      message: /THEODOI_MAIL_FROM must be an address/,
    },
    {
      name: 'SMTP URL without a sender',
      env: { THEODOI_SMTP_URL: 'smtp://mail.example.vn:25' },
      message: /THEODOI_MAIL_FROM must be set when THEODOI_SMTP_URL is/,
    },
    {
      name: 'script client id',
      env: { THEODOI_SCRIPT_CLIENT_ID: 'theodoi-trigger' },
      message:
        /THEODOI_SCRIPT_CLIENT_ID must be the OAuth client id of the coordinators' Apps Script project/,
    },
    {
      name: 'sync topic',
      env: { THEODOI_SYNC_TOPIC: 'projects/x/topics/y' },
      message: /THEODOI_SYNC_TOPIC must be a Pub\/Sub topic name/,
    },
    {
      name: 'Pub/Sub emulator host',
      env: { PUBSUB_EMULATOR_HOST: 'localhost' },
      message: /PUBSUB_EMULATOR_HOST must be host:port/,
    },
    {
      name: 'sheets url',
      env: { SHEETS_EMULATOR_URL: 'ftp://x' },
      message: /SHEETS_EMULATOR_URL must be an http\(s\) URL/,
    },
  ];
  bad.forEach((tc) =>
    it(`refuses a bad ${tc.name}, naming the variable`, () => {
      expect(() => loadConfig(tc.env)).toThrow(ConfigError);
      expect(() => loadConfig(tc.env)).toThrow(tc.message);
    }),
  );

  it('reports every bad variable at once and never echoes a secret', () => {
    const error = (() => {
      try {
        loadConfig({ LOG_LEVEL: 'loud', THEODOI_SMTP_URL: 'http://user:pa55@mail.example.vn' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.issues).toHaveLength(2);
    expect(error.message).toContain('THEODOI_SMTP_URL must be an smtp(s) URL');
    expect(error.message).not.toContain('pa55');
  });

  it('ignores the removed trigger secret: triggers prove who they are with ID tokens (decision 004)', () => {
    expect(loadConfig({ THEODOI_TRIGGER_SECRET: 's'.repeat(40) })).toEqual(loadConfig({}));
  });

  it('reads the SMTP server and sender of e-mail reminders, masking the password for logging', () => {
    const config = loadConfig({
      THEODOI_SMTP_URL: 'smtp://theodoi:pa55@mail.example.vn:587',
      THEODOI_MAIL_FROM: 'Phòng Nội vụ <no-reply@thapmuoi.example.vn>',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtp://theodoi:pa55@mail.example.vn:587',
      mailFrom: 'Phòng Nội vụ <no-reply@thapmuoi.example.vn>',
    });
    expect(maskConfig(config).smtpUrl).toBe('smtp://***@mail.example.vn:587');
    expect(() => loadConfig({ THEODOI_SMTP_URL: 'ftp://theodoi:pa55@x' })).toThrow(
      /^(?!.*pa55).*THEODOI_SMTP_URL/,
    );
  });

  const GRANT = {
    type: 'authorized_user',
    client_id: '1234-theodoi.apps.googleusercontent.com',
    client_secret: 'GOCSPX-secret',
    refresh_token: '1//refresh-token-secret',
    email: 'Dieu.Phoi@gmail.com',
  };

  it("acts as the grant's account, whose grant every Google call carries, and masks it for logging", () => {
    const config = loadConfig({ THEODOI_GOOGLE_GRANT: JSON.stringify(GRANT) });
    expect(config.googleGrant).toEqual({
      clientId: GRANT.client_id,
      clientSecret: GRANT.client_secret,
      refreshToken: GRANT.refresh_token,
      email: 'dieu.phoi@gmail.com',
    });
    expect(config.actingAccount).toBe('dieu.phoi@gmail.com');
    const logged = JSON.stringify(maskConfig(config));
    expect(logged).not.toContain('secret');
    // The account is told by its domain only: people's addresses stay out of logs.
    expect(logged).not.toContain('dieu.phoi');
    expect(logged).toContain('***@gmail.com');
  });

  it('acts as the service account in a shared drive (the Workspace deployment)', () => {
    const config = loadConfig({
      GOOGLE_CLOUD_PROJECT: 'ubnd-dong-thap',
      THEODOI_SHARED_DRIVE_ID: '0AbCdEfGhIjKlUk9PVA',
    });
    expect(config).toMatchObject({
      sharedDriveId: '0AbCdEfGhIjKlUk9PVA',
      actingAccount: 'theodoi@ubnd-dong-thap.iam.gserviceaccount.com',
      googleGrant: undefined,
    });
  });

  it('refuses a malformed grant without echoing it, and a grant together with a shared drive', () => {
    const bad = { ...GRANT, email: 'not an address' };
    expect(() => loadConfig({ THEODOI_GOOGLE_GRANT: JSON.stringify(bad) })).toThrow(
      /^(?!.*(GOCSPX|refresh-token-secret)).*THEODOI_GOOGLE_GRANT must be the JSON of an authorized_user grant/,
    );
    expect(() => loadConfig({ THEODOI_GOOGLE_GRANT: '{not json GOCSPX' })).toThrow(
      /^(?!.*(GOCSPX|not json)).*THEODOI_GOOGLE_GRANT must be the JSON/,
    );
    expect(() =>
      loadConfig({
        THEODOI_GOOGLE_GRANT: JSON.stringify(GRANT),
        THEODOI_SHARED_DRIVE_ID: '0AbCdEfGhIjKlUk9PVA',
      }),
    ).toThrow(/THEODOI_SHARED_DRIVE_ID must not be set together with THEODOI_GOOGLE_GRANT/);
  });
});
