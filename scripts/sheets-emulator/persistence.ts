/** Saves the emulator's state to `<dataDir>/state.json` atomically (temp file + rename), debounced. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedAccounts } from './accounts/model.js';
import type { SavedAppsScript } from './apps-script/runtime.js';
import type { SavedDrive } from './drive/store.js';
import type { SavedKeys } from './identity-tokens.js';

/** Everything that survives a restart. */
export interface SavedState {
  format: 1;
  drive: SavedDrive;
  /** Tokens saved before the account model (token → e-mail); still read, no longer written. */
  tokens: Record<string, string>;
  /** Accounts, OAuth clients, tokens, invitations and e-mails. */
  accounts?: SavedAccounts;
  /** Script projects, triggers and budgets' use (absent in files written before Apps Script was emulated). */
  appsScript?: SavedAppsScript;
  /** The ID-token signing keys, once made. */
  identityKeys?: SavedKeys;
}

/** Debounced, atomic writes of one state file. */
export class Persistence {
  private timer: NodeJS.Timeout | undefined;
  private readonly file: string;

  constructor(
    dir: string,
    private readonly snapshot: () => SavedState,
    private readonly debounceMs: number,
  ) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'state.json');
  }

  /** The saved state, or undefined on first start. */
  load(): SavedState | undefined {
    if (!existsSync(this.file)) return undefined;
    let parsed: SavedState;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as SavedState;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new Error(`${this.file} is not readable JSON (${detail})`, { cause: err });
    }
    if (parsed.format !== 1) throw new Error(`${this.file}: unknown state format ${String(parsed.format)}`);
    return parsed;
  }

  /** Asks for a save soon; many edits in a burst make one write. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now if a save is pending (on stop). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.file);
  }
}
