#!/usr/bin/env node
// The installed `keiyaku` command: runs the compiled server (dist/server), compiling it first when src/ changed since.
import { buildServer } from '../scripts/build-server.mjs';

await buildServer({ ifStale: true });
await import('../dist/server/cli/main.js');
