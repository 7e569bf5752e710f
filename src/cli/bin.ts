#!/usr/bin/env node
/** The runnable entry of `foundry-net` (bundled to dist/cli.js). */
import { main } from './main';

process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
