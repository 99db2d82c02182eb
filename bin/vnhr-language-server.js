#!/usr/bin/env node
'use strict';
// The vnhr language server for any LSP client (Neovim, Helix, Emacs…):
//   vnhr-language-server --stdio
// Without a transport flag it speaks over stdio.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || a.startsWith(t + '=')))) process.argv.push('--stdio');
require('../server/out/server.js').runServer();
