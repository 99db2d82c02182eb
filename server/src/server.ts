// The language server under node (VS Code's desktop extension host, the
// vnhr-language-server bin for other editors): the shared wiring
// (serverMain.ts) with config files and the workspace scan from disk.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { appendFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { localDocsBase } from './docsLink';
import { findConfigFile, readConfigFile } from './configFiles';
import { registerWorkspace, initialFolders } from './features/workspace';
import type { ConfigFiles } from './features/configuration';
import { startServer as startShared, type ServerPlatform } from './serverMain';
import type { Connection } from 'vscode-languageserver';

export { FIX_ALL_KIND } from './features/codeActions';
export { FIX_ALL_COMMAND } from './protocol';
export type { ServerPlatform };

const pathOf = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};

/** Config files on disk, named by path: the nearest .vnhrrc.json above a file: document. */
const diskConfigFiles: ConfigFiles = {
  nearest(uri) {
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      return findConfigFile(dirname(path));
    } catch {
      return undefined;
    }
  },
  keyOf: pathOf,
  uriOf: (path) => pathToFileURL(path).toString(),
  read: readConfigFile,
  relative(uri, configPath) {
    const path = pathOf(uri);
    return path === undefined ? undefined : relative(dirname(configPath), path).replace(/\\/g, '/');
  },
};

export function nodePlatform(): ServerPlatform {
  const logFile = process.env.VNHR_LOG_FILE;
  return {
    name: 'node',
    docsBase: localDocsBase,
    appendLog: logFile ? (line) => appendFileSync(logFile, line) : undefined,
    configFiles: diskConfigFiles,
    initialFolders,
    registerWorkspace,
  };
}

export function startServer(connection: Connection): void {
  startShared(connection, nodePlatform());
}

/** Run as a program: speak LSP over IPC, stdio, a pipe or a socket, as argv says (--stdio, --node-ipc…). */
export function runServer(): void {
  process.on('uncaughtException', (e) => {
    // Keep serving: one bad request must not take the server down.
    process.stderr.write(`vnhr: uncaught ${(e as Error)?.stack ?? String(e)}\n`);
  });
  startServer(createConnection(ProposedFeatures.all));
}

// Started as the bundle itself (the VS Code client); bin/vnhr-language-server.js calls runServer().
if (require.main === module) runServer();
