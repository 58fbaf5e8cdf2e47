/** Drive watch channels: files.watch, changes.watch and channels.stop, with Google's expiration rules. */
import { createHash } from 'node:crypto';
import { driveError, invalidArgument } from '../contract/errors.js';
import type { DriveCall, DriveDeps, DriveResult } from './call.js';
import { one } from './call.js';
import { viewerOf, visibleFile } from './lookup.js';
import type { ChannelRecord } from './store.js';

const HOUR = 3_600_000;
/** Longest channel life per kind: a day for files, a week for changes. */
export const MAX_TTL_MS = { file: 24 * HOUR, changes: 7 * 24 * HOUR } as const;

/**
 * Google accepts only https addresses ("WebHook callback must be HTTPS: <address>", reason push.webhookUrlNotHttps).
 * The one exception here: plain http to this machine's loopback (127.0.0.0/8, localhost, [::1]), where local
 * receivers listen without a certificate. Any other http address is refused as Google refuses it.
 */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function resourceIdFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 27);
}

function channelResource(c: ChannelRecord): Record<string, unknown> {
  return {
    kind: 'api#channel',
    id: c.id,
    resourceId: c.resourceId,
    resourceUri: c.resourceUri,
    ...(c.token !== undefined ? { token: c.token } : {}),
    expiration: String(c.expiration),
  };
}

function openChannel(
  call: DriveCall,
  deps: DriveDeps,
  target: Pick<ChannelRecord, 'kind' | 'resourceId' | 'resourceUri' | 'fileId' | 'pageToken'>,
): DriveResult {
  const body = call.body ?? {};
  const id = typeof body.id === 'string' ? body.id : '';
  if (id === '') throw driveError(400, 'required', 'Required parameter: id', 'id');
  if (id.length > 64) throw invalidArgument('drive', 'Invalid Value', 'id');
  const type = typeof body.type === 'string' ? body.type : '';
  if (type !== 'web_hook' && type !== 'webhook') {
    throw driveError(400, 'invalid', `Invalid value for channel type: "${type}"`, 'type');
  }
  const address = typeof body.address === 'string' ? body.address : '';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw driveError(
      400,
      'push.webhookUrlUnauthorized',
      `Unauthorized WebHook callback channel: ${address}`,
      'address',
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw driveError(400, 'push.webhookUrlNotHttps', `WebHook callback must be HTTPS: ${address}`, 'address');
  }
  if (deps.store.channels.has(id)) throw driveError(400, 'channelIdNotUnique', `Channel id ${id} not unique`);
  const now = deps.now().getTime();
  let expiration = now + HOUR;
  if (body.expiration !== undefined) {
    const requested = Number(body.expiration);
    if (!Number.isFinite(requested) || requested <= now) {
      throw driveError(
        400,
        'invalidTtl',
        `Invalid ttl value for channel ${JSON.stringify(body.expiration)}`,
        'expiration',
      );
    }
    expiration = Math.min(requested, now + MAX_TTL_MS[target.kind]);
  }
  const channel: ChannelRecord = {
    id,
    ...target,
    address,
    expiration,
    ownerEmail: call.caller.email,
    nextMessage: 1,
    ...(typeof body.token === 'string' ? { token: body.token } : {}),
  };
  if (channel.fileId === undefined) delete channel.fileId;
  if (channel.pageToken === undefined) delete channel.pageToken;
  deps.store.channels.set(id, channel);
  deps.notifier.sync(channel);
  return { body: channelResource(channel) };
}

/** files.watch */
export function watchFile(call: DriveCall, deps: DriveDeps): DriveResult {
  const file = visibleFile(deps.store, call.params.fileId ?? '', viewerOf(call));
  return openChannel(call, deps, {
    kind: 'file',
    fileId: file.id,
    resourceId: resourceIdFor(`file:${file.id}`),
    resourceUri: `${deps.baseUrl()}/drive/v3/files/${file.id}?alt=json`,
  });
}

/** changes.watch */
export function watchChanges(call: DriveCall, deps: DriveDeps): DriveResult {
  const token = one(call.query, 'pageToken') ?? '';
  const n = Number(token);
  if (!/^\d+$/.test(token) || n < 1 || n > deps.store.nextChangeId) {
    throw invalidArgument('drive', 'Invalid Value', 'pageToken');
  }
  return openChannel(call, deps, {
    kind: 'changes',
    pageToken: n,
    resourceId: resourceIdFor(`changes:${call.caller.email}`),
    resourceUri: `${deps.baseUrl()}/drive/v3/changes?alt=json&pageToken=${token}`,
  });
}

/** channels.stop */
export function stop(call: DriveCall, deps: DriveDeps): DriveResult {
  const body = call.body ?? {};
  const id = typeof body.id === 'string' ? body.id : '';
  const channel = deps.store.channels.get(id);
  if (!channel || (typeof body.resourceId === 'string' && body.resourceId !== channel.resourceId)) {
    throw driveError(404, 'notFound', `Channel '${id}' not found for project '${deps.projectNumber}'`);
  }
  deps.store.channels.delete(id);
  return {};
}
