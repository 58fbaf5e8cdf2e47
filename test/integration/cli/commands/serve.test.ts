// `theodoi serve` serves every registered function at /<name> (the event functions too, for a Pub/Sub emulator's push),
// through the same edge, and names them on a 404.
import { describe, expect, it } from 'vitest';
import { jsonBody, send } from '../../../support/json-answer.js';

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
          'No function "nope". Functions: health, sheetEvent, sheetTargets, driveNotification, syncDirective, ' +
          'checkDeadlines, buildDashboards, checkDeadlinesEvent, syncDirectiveEvent',
      });
      // Its functions parse their own bodies: malformed JSON is a JSON 400, not the framework's HTML page.
      const malformed = await send(`${url}/syncDirective`, {
        headers: { 'content-type': 'application/json' },
        body: '{"directiveId": ',
      });
      expect(jsonBody(malformed, 400)).toEqual({ error: 'the body is not JSON', code: 'malformed-json' });
    } finally {
      server.close();
    }
  });
});
