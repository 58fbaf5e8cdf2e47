#!/usr/bin/env node
/** The `theodoi` command line: registers each command; the commands themselves live in commands/. */
import { Command } from 'commander';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { deployCommand } from './commands/deploy.js';
import { addDirectiveCreate } from './commands/directive-create.js';
import { addDirectiveLifecycle } from './commands/directive-lifecycle.js';
import { directiveCommand } from './commands/directive.js';
import { emulatorsCommand } from './commands/emulators.js';
import { evaluateCommand } from './commands/evaluate.js';
import { serveCommand } from './commands/serve.js';
import { summaryCommand } from './commands/summary.js';
import { reportCommand } from './commands/report.js';
import { dashboardCommand } from './commands/dashboard.js';
import { syncCommand } from './commands/sync.js';
import { unitsCommand } from './commands/units.js';
import { packageVersion } from '@theodoi/functions/version';
// The coordinator reads validation errors of the files they give us: Vietnamese, like everything they read.
import './vietnamese-validation.js';

const program = new Command('theodoi')
  .description(
    'Theo dõi thực hiện văn bản chỉ đạo qua Google Sheets (follow up directives through Google Sheets).',
  )
  .version(packageVersion())
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(emulatorsCommand())
  .addCommand(unitsCommand())
  .addCommand(addDirectiveLifecycle(addDirectiveCreate(directiveCommand())))
  .addCommand(syncCommand())
  .addCommand(summaryCommand())
  .addCommand(reportCommand())
  .addCommand(dashboardCommand())
  .addCommand(evaluateCommand())
  .addCommand(checkCommand())
  .addCommand(demoCommand())
  .addCommand(deployCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Say what went wrong in one message; the stack only when asked for.
  console.error(process.env.THEODOI_DEBUG ? error : `Lỗi: ${(error as Error).message}`);
  process.exitCode = 1;
}
