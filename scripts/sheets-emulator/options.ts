/** The emulator's command-line options, from argv and the environment. */
import { parseArgs } from 'node:util';
import type { LatencyOption } from './latency/latency.js';
import type { StartOptions } from './server.js';

/** --latency google|off with --latency-seed N and --latency-scale X (and their SHEETS_EMULATOR_LATENCY* twins). */
function latencyOption(mode: string, seedText?: string, scaleText?: string): LatencyOption {
  if (mode !== 'google' && mode !== 'off') throw new Error(`--latency: expected google or off, got ${mode}`);
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new Error(`--latency-seed: not an integer: ${seedText}`);
  const scale = scaleText === undefined ? undefined : Number(scaleText);
  if (scale !== undefined && !(Number.isFinite(scale) && scale >= 0))
    throw new Error(`--latency-scale: not a factor ≥ 0: ${scaleText}`);
  if (mode === 'off' || (seed === undefined && scale === undefined)) return mode;
  return { ...(seed !== undefined ? { seed } : {}), ...(scale !== undefined ? { scale } : {}) };
}

/** Parses argv and env (SHEETS_EMULATOR_PORT, _QUOTAS, _DATA_DIR, _NOTIFY_BATCH_MS, _ACCOUNTS, _LATENCY*). */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions & { verbose: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      quotas: { type: 'string' },
      'service-account': { type: 'string' },
      'notify-batch-ms': { type: 'string' },
      accounts: { type: 'string' },
      latency: { type: 'string' },
      'latency-seed': { type: 'string' },
      'latency-scale': { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const portText = values.port ?? env.SHEETS_EMULATOR_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port number: ${portText}`);
  const quotas = values.quotas ?? env.SHEETS_EMULATOR_QUOTAS ?? 'off';
  if (quotas !== 'google' && quotas !== 'off')
    throw new Error(`--quotas: expected google or off, got ${quotas}`);
  const accounts = values.accounts ?? env.SHEETS_EMULATOR_ACCOUNTS ?? 'strict';
  if (accounts !== 'strict' && accounts !== 'lenient')
    throw new Error(`--accounts: expected strict or lenient, got ${accounts}`);
  const latency = latencyOption(
    values.latency ?? env.SHEETS_EMULATOR_LATENCY ?? 'off',
    values['latency-seed'] ?? env.SHEETS_EMULATOR_LATENCY_SEED,
    values['latency-scale'] ?? env.SHEETS_EMULATOR_LATENCY_SCALE,
  );
  const dataDir = values['data-dir'] ?? env.SHEETS_EMULATOR_DATA_DIR;
  // Unset: Google's ~3-minute coalescing of a spreadsheet's edit notifications (server.ts PUSH_BATCH_MS).
  const batchText = values['notify-batch-ms'] ?? env.SHEETS_EMULATOR_NOTIFY_BATCH_MS;
  const batchMs = batchText === undefined ? undefined : Number(batchText);
  if (batchMs !== undefined && (!Number.isInteger(batchMs) || batchMs < 0))
    throw new Error(`--notify-batch-ms: not a duration: ${batchText}`);
  return {
    port,
    quotas,
    accounts,
    latency,
    host: values.host ?? '127.0.0.1',
    verbose: values.verbose ?? false,
    ...(batchMs !== undefined ? { notifications: { batchMs } } : {}),
    // From the command line, time-driven triggers fire on their own, checked every second.
    appsScript: { tickMs: 1000 },
    ...(dataDir ? { dataDir } : {}),
    ...(values['service-account'] ? { serviceAccountEmail: values['service-account'] } : {}),
  };
}
