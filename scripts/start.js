#!/usr/bin/env node
// `npm start`: runs the service from its TypeScript sources (compiled on load by SWC), on embedded defaults
// unless the environment names real services. Production images run the compiled build instead (Dockerfile).
process.env.SWCRC = 'true';
require('@swc-node/register');
require('../src/main.ts');
