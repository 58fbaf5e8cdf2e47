/** `theodoi demo`: plays the Tháp Mười directive's first quarter on the local emulators. */
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { demo as msg } from '../../../functions/src/messages.vi.js';
import { runDemo } from '../../demo/run-demo.js';
import { untilInterrupted } from './emulators.js';
import { serveFunctions } from './serve.js';

/** The `demo` command. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('Start the emulators and play the Tháp Mười directive end to end with a simulated clock.')
    .option('--keep', 'keep the emulators running afterwards, so a person can look at the spreadsheet')
    .action(async (opts: { keep?: boolean }) => {
      const started = performance.now();
      const result = await runDemo((line) => console.log(line));
      console.log(msg.where(result.viewUrl, result.spreadsheetId));
      for (const file of result.files) console.log(msg.file(file));
      console.log(msg.notYet);
      console.log(msg.done(((performance.now() - started) / 1000).toFixed(1)));
      if (opts.keep) {
        // Serve the functions and install the sheet trigger, so edits typed in the view reach sheetEvent.
        const secret = randomBytes(32).toString('base64url');
        Object.assign(process.env, result.emulators.env, {
          GOOGLE_CLOUD_PROJECT: 'theodoi-demo',
          THEODOI_TRIGGER_SECRET: secret,
        });
        const { server, url } = await serveFunctions(0);
        result.emulators.sheets.installTrigger(result.spreadsheetId, { url: `${url}/sheetEvent`, secret });
        console.log(`FIRESTORE_EMULATOR_HOST=${result.emulators.env.FIRESTORE_EMULATOR_HOST}`);
        console.log(`SHEETS_EMULATOR_URL=${result.emulators.env.SHEETS_EMULATOR_URL}`);
        console.log(msg.kept(`${url}/sheetEvent`));
        await untilInterrupted();
        server.close();
      }
      await result.emulators.stop();
    });
}
