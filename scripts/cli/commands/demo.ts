/** `theodoi demo`: plays the Tháp Mười directive's first quarter and a directive of tasks on the local emulators. */
import { Command, Option } from 'commander';
import { demo as msg } from '@theodoi/functions/messages.vi';
import { runDemo } from '../demo/run-demo.js';
import { untilInterrupted } from './emulators.js';

/** The `demo` command. */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Start the emulators and play the Tháp Mười directive and a directive of tasks end to end with a simulated clock.',
    )
    .option('--keep', 'keep the emulators and the trigger functions running, so a person can look and type')
    .option('--out <dir>', 'where to write the files for people to open', 'out/demo')
    .addOption(
      new Option('--latency <model>', "answer as slowly as real Google (the Sheets emulator's latency model)")
        .choices(['google', 'off'])
        .env('THEODOI_DEMO_LATENCY')
        .default('off'),
    )
    .action(async (opts: { keep?: boolean; out: string; latency: 'google' | 'off' }) => {
      const started = performance.now();
      const result = await runDemo((line) => console.log(line), opts.out, opts.latency);
      try {
        console.log(msg.feedback(result.feedbackMs.p50, result.feedbackMs.p95, result.edits));
        console.log(msg.where(result.viewUrl, result.spreadsheetId));
        console.log(msg.whereTasks(result.tasks.viewUrl, result.tasks.spreadsheetId));
        console.log(msg.dashboard(result.dashboardViewUrl));
        for (const file of result.files) console.log(msg.file(file));
        if (!result.screenshot) console.log(msg.noBrowser);
        console.log(msg.done(((performance.now() - started) / 1000).toFixed(1)));
        if (opts.keep) {
          console.log(`FIRESTORE_EMULATOR_HOST=${result.emulators.env.FIRESTORE_EMULATOR_HOST}`);
          console.log(`SHEETS_EMULATOR_URL=${result.emulators.env.SHEETS_EMULATOR_URL}`);
          console.log(`PUBSUB_EMULATOR_HOST=${result.pubsubHost}`);
          console.log(msg.kept(result.theodoiUrl));
          await untilInterrupted();
        }
      } finally {
        await result.stop();
      }
    });
}
