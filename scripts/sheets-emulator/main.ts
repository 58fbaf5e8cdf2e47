/**
 * CLI entry: `theodoi-sheets-emulator --port P --data-dir D [--quotas google] [--notify-batch-ms N]
 * [--accounts strict|lenient] [--latency google|off [--latency-seed N] [--latency-scale X]] [--verbose]`.
 */
import { parseOptions } from './options.js';
import { start } from './server.js';

async function main(): Promise<void> {
  const { verbose, ...options } = parseOptions(process.argv.slice(2), process.env);
  const server = await start({
    ...options,
    log: (line) => {
      if (verbose) process.stderr.write(`${line}\n`);
    },
  });
  const shutdown = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Handlers first: whoever reads the URL may signal at once.
  process.stdout.write(`SHEETS_EMULATOR_URL=${server.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`sheets emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
