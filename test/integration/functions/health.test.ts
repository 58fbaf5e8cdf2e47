// The health function, served by the Functions Framework, reports the version and that Firestore answers.
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@theodoi/functions/index';

describe('health', () => {
  const server = getTestServer('health');
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 200 with the package version and a Firestore that answers', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', message: 'theodoi đang hoạt động', version: '0.1.0' });
    expect(body.firestore).toMatchObject({ ok: true });
  });
});

describe('theodoi serve', () => {
  it('serves every registered function at /<name> and names them on a 404', async () => {
    const { serveFunctions } = await import('@theodoi/cli/commands/serve');
    const { server, url } = await serveFunctions(0);
    try {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      const missing = await fetch(`${url}/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error:
          'No function "nope". Functions: health, sheetEvent, driveNotification, syncDirective, checkDeadlines, buildDashboards',
      });
    } finally {
      server.close();
    }
  });
});
