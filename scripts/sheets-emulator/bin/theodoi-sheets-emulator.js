#!/usr/bin/env node
// The `theodoi-sheets-emulator` command: runs the bundle that `npm run build` makes in this package.
import '../dist/main.js';
