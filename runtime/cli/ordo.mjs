#!/usr/bin/env node
// The `ordo` bin: runs the TypeScript sources through tsx, so the server needs no separate build.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
