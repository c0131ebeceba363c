// Preloaded into a spawned process (NODE_OPTIONS="--require …/loaded-modules.js"): at exit, writes the path of
// every module it loaded to stderr, one a line, so that a test can see what a command loaded.
process.on('exit', () => process.stderr.write(`\nloaded modules:\n${Object.keys(require.cache).join('\n')}\n`));
