/** The `health` function: theodoi's version and whether Firestore answers (200 ok, 503 degraded). */
import { probeFirestore } from '../store/firestore.js';
import { checkHealth } from '../usecases/health.js';
import { packageVersion } from '../version.js';
import type { Endpoint } from './endpoint.js';

/** GET (or HEAD) with no body. */
export const endpoint: Endpoint<null> = {
  name: 'health',
  methods: ['GET', 'HEAD'],
  maxBodyBytes: 1024,
  parse: () => ({ ok: true, input: null }),
  run: async (rt) => {
    const report = await checkHealth({
      version: packageVersion(),
      revision: rt.config.revision,
      clock: rt.clock,
      logs: rt.logs,
      probeFirestore: async () => probeFirestore(await rt.firestore()),
    });
    return report.status === 'ok'
      ? { status: 200, body: report }
      : { status: 503, body: report, code: 'degraded' };
  },
};
