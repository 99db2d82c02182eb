#!/usr/bin/env node
'use strict';
require('./load-bundle.js').loadBundle(require('node:path').join(__dirname, '../server/out/cli.js')).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`vnhr: ${err && err.stack ? err.stack : String(err)}\n`); process.exitCode = 2; },
);
