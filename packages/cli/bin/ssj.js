#!/usr/bin/env node
// The `ssj` command. Runs the TypeScript sources through tsx (no build step; see docs/ARCHITECTURE.md).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
await runCli(process.argv);
