#!/usr/bin/env node
/** The `theodoi` command line: registers each command; the commands themselves live in commands/. */
import { Command } from 'commander';
import { demoCommand } from './commands/demo.js';
import { emulatorsCommand } from './commands/emulators.js';
import { serveCommand } from './commands/serve.js';
import { packageVersion } from '../../functions/src/version.js';

const program = new Command('theodoi')
  .description('Theo dõi thực hiện văn bản chỉ đạo qua Google Sheets (follow up directives through Google Sheets).')
  .version(packageVersion())
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(emulatorsCommand())
  .addCommand(demoCommand());

await program.parseAsync(process.argv);
