// Preloaded (`node -r`) into a service started by a test: when the process exits, writes the path of every module
// it loaded to $LOADED_MODULES_FILE, so the test can tell which code a configuration brought in.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_FILE, Object.keys(require.cache).join('\n'));
});
