/** CacheService's store: string values that expire on the emulator clock (10 minutes by default, 6 hours at most). */

/** Apps Script's default expiration. */
export const DEFAULT_CACHE_SECONDS = 600;
/** "The maximum time the value will remain in the cache, in seconds ... 21600 seconds (6 hours)." [doc Cache.put] */
export const MAX_CACHE_SECONDS = 21_600;

/** Every script's caches (script, user and document caches are separate namespaces). */
export class CacheStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => Date) {}

  /** The live value, or null. */
  get(namespace: string, key: string): string | null {
    const entry = this.entries.get(`${namespace}\n${key}`);
    if (!entry) return null;
    if (entry.expiresAt <= this.now().getTime()) {
      this.entries.delete(`${namespace}\n${key}`);
      return null;
    }
    return entry.value;
  }

  /** Stores a value for `seconds` (clamped to 1 s .. 6 h). */
  put(namespace: string, key: string, value: string, seconds: number): void {
    const ttl = Math.min(
      Math.max(1, Number.isFinite(seconds) ? seconds : DEFAULT_CACHE_SECONDS),
      MAX_CACHE_SECONDS,
    );
    this.entries.set(`${namespace}\n${key}`, { value, expiresAt: this.now().getTime() + ttl * 1000 });
  }

  /** Removes a value. */
  remove(namespace: string, key: string): void {
    this.entries.delete(`${namespace}\n${key}`);
  }

  /** Forgets everything (wipe). */
  clear(): void {
    this.entries.clear();
  }
}
