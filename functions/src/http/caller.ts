/** Who calls a trigger endpoint: the address in the caller's Google-signed ID token, checked before anything else. */
import type { Runtime } from '../runtime.js';
import { errorAnswer } from './answer.js';
import type { IncomingCall, Parsed } from './endpoint.js';

/**
 * The verified e-mail of the caller's `Authorization: Bearer <ID token>`; 401 naming the reason when the token is
 * missing, forged, expired, for another audience or without a verified e-mail; 503 when no audience is configured.
 */
export async function verifiedCaller(call: IncomingCall, rt: Runtime): Promise<Parsed<string>> {
  const callers = rt.callers();
  if (!callers) {
    // The log line names the missing setting; the caller learns nothing of the configuration.
    const answer = errorAnswer(503, 'not-configured', 'not available');
    return { ok: false, answer: { ...answer, reason: 'THEODOI_SCRIPT_CLIENT_ID is not configured' } };
  }
  const caller = await callers.verify(call.header('authorization'));
  if (caller.ok) return { ok: true, input: caller.email };
  const answer = errorAnswer(401, caller.reason, 'the caller did not prove who it is');
  return { ok: false, answer: { ...answer, headers: { 'www-authenticate': 'Bearer' } } };
}
