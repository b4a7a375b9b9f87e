#!/usr/bin/env node
// `npm start`: compiles what changed with SWC (about a second), then runs the service on embedded defaults unless
// the environment names real services. Production images run the `nest build` output (Dockerfile).
// The compiler runs in a child process so its native binding (about 25 MiB resident) stays out of the service.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const build = spawnSync(process.execPath, [join(__dirname, 'build-fast.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
require('../dist/src/main.js');
