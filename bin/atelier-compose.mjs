#!/usr/bin/env node
// The engine as a command. Node >= 22.18 runs the TypeScript sources directly
// (type stripping), so the CLI and the site share the very same engine files.
import { runCli } from '../src/cli/main.ts';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
