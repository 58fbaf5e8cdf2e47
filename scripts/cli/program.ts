/** The `theodoi` program: every command registered, its help and errors in Vietnamese; commands live in commands/. */
import { Command } from 'commander';
import { authCommand } from './commands/auth.js';
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
import { helpTexts, localise } from './help.js';

/** The whole `theodoi` command tree, its help, errors and the global --verbose option in Vietnamese. */
export function buildProgram(): Command {
  const program = new Command('theodoi')
    .description(
      'Theo dõi thực hiện văn bản chỉ đạo qua Google Sheets (follow up directives through Google Sheets).',
    )
    .version(packageVersion())
    .showHelpAfterError()
    .addCommand(serveCommand())
    .addCommand(emulatorsCommand())
    .addCommand(authCommand())
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
  return localise(program.option('--verbose', helpTexts.verbose));
}
