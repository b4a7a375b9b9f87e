#!/usr/bin/env node
// `npm start`: compiles what changed with SWC (about a second), then runs the service on embedded defaults unless
// the environment names real services. Production images run the `nest build` output (Dockerfile).
require('./build-fast').build();
require('../dist/src/main.js');
