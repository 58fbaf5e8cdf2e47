/** Drive v3: routes `/drive/v3/...` paths to discovery methods and dispatches the implemented ones. */
import type { LoadedApi, MethodSpec } from '../contract/discovery.js';
import { notImplemented } from '../contract/errors.js';
import type { DriveMethod } from './call.js';
import * as changes from './changes.js';
import * as channels from './channels.js';
import * as drives from './drives.js';
import * as files from './files.js';
import * as permissions from './permissions.js';

/** The Drive methods the emulator implements; every other discovery method answers 501. */
export const DRIVE_METHODS: Record<string, DriveMethod> = {
  'drive.files.get': files.get,
  'drive.files.list': files.list,
  'drive.files.create': files.create,
  'drive.files.copy': files.copy,
  'drive.files.update': files.update,
  'drive.files.delete': files.remove,
  'drive.files.watch': channels.watchFile,
  'drive.permissions.create': permissions.create,
  'drive.permissions.list': permissions.list,
  'drive.permissions.get': permissions.get,
  'drive.permissions.delete': permissions.remove,
  'drive.changes.getStartPageToken': changes.getStartPageToken,
  'drive.changes.list': changes.list,
  'drive.changes.watch': channels.watchChanges,
  'drive.channels.stop': channels.stop,
  'drive.drives.get': drives.get,
  'drive.drives.list': drives.list,
};

/** The implementation of a Drive method, or a 501 thrower. */
export function driveMethod(methodId: string): DriveMethod {
  return (
    DRIVE_METHODS[methodId] ??
    (() => {
      throw notImplemented(`The Drive method ${methodId}`);
    })
  );
}

/** A routed Drive request. */
export interface DriveRoute {
  method: MethodSpec;
  params: Record<string, string>;
}

interface Compiled {
  method: MethodSpec;
  regex: RegExp;
  names: string[];
  literal: number;
}

const compiledCache = new WeakMap<LoadedApi, Compiled[]>();

function compile(api: LoadedApi): Compiled[] {
  let table = compiledCache.get(api);
  if (table) return table;
  table = [...api.methods.values()].map((method) => {
    const names: string[] = [];
    const source = method.path
      .split(/(\{\+?[A-Za-z0-9_]+\})/)
      .map((part) => {
        const m = /^\{(\+?)([A-Za-z0-9_]+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[2] ?? '');
        // a parameter is one segment, possibly empty: Drive answers GET files/ as files.get of "" ("File
        // not found: ."), while files/ID/ (one segment too many) matches no method
        return m[1] === '+' ? '(.+)' : '([^/]*)';
      })
      .join('');
    return {
      method,
      regex: new RegExp(`^${source}$`),
      names,
      literal: method.path.replace(/\{[^}]+\}/g, '').length,
    };
  });
  // Literal paths (files/generateIds, files/trash) win over templates (files/{fileId}).
  table.sort((a, b) => b.literal - a.literal);
  compiledCache.set(api, table);
  return table;
}

/** Maps an HTTP method and a raw path below `/drive/v3/` (e.g. "files/abc/watch") to a discovery method. */
export function routeDrive(api: LoadedApi, httpMethod: string, rawPath: string): DriveRoute | null {
  for (const entry of compile(api)) {
    if (entry.method.httpMethod !== httpMethod) continue;
    const m = entry.regex.exec(rawPath);
    if (!m) continue;
    const params: Record<string, string> = {};
    entry.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { method: entry.method, params };
  }
  return null;
}
