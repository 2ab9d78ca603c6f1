#!/usr/bin/env node
/* global process */
// The `tend` command. Runs the TypeScript sources through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
