#!/usr/bin/env node
// The `theodoi` command: runs the bundle that `npm run build` makes (a root `npm ci` builds it through `prepare`).
import '../dist/main.js';
