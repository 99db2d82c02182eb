// The browser server's config files: the client reads them through
// vscode.workspace.fs and sends their texts (initializationOptions.files, then
// the `vnhr/configFiles` notification); here they are found by URI upward
// from a document, as configFiles.ts finds them on disk. No node built-in.
import { loadConfig } from './engine';
import { CONFIG_NAMES } from './checked';
import type { ConfigFiles, LoadedConfig } from './features/configuration';
import type { ConfigFilesParams } from './protocol';

/** "scheme://authority" and the path of a hierarchical URI (file:, vscode-vfs:, vscode-remote:…), else undefined. */
function splitUri(uri: string): { prefix: string; path: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)$/i.exec(uri);
  return m ? { prefix: m[1], path: m[2] } : undefined;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Config files as the client sent them, named by URI (spelled as VS Code spells its URIs, like the documents'). */
export function sentConfigFiles(): ConfigFiles & { replace(files: ConfigFilesParams['files']): void } {
  const texts = new Map<string, string>();
  return {
    replace(files) {
      texts.clear();
      for (const f of files) if (typeof f?.uri === 'string' && typeof f.text === 'string') texts.set(f.uri, f.text.replace(/^\uFEFF/, ''));
    },
    nearest(uri) {
      const u = splitUri(uri);
      if (!u) return undefined;
      // From the document's folder upward, as findConfigFile does on disk.
      for (let end = u.path.lastIndexOf('/'); end >= 0; end = u.path.lastIndexOf('/', end - 1)) {
        for (const name of CONFIG_NAMES) {
          const key = `${u.prefix}${u.path.slice(0, end)}/${name}`;
          if (texts.has(key)) return key;
        }
        if (end === 0) break;
      }
      return undefined;
    },
    keyOf: (uri) => (splitUri(uri) ? uri : undefined),
    uriOf: (key) => key,
    read(key): LoadedConfig {
      const text = texts.get(key) ?? '{}';
      return { text, ...loadConfig(text) };
    },
    relative(uri, key) {
      const u = splitUri(uri);
      const c = splitUri(key);
      if (!u || !c || u.prefix !== c.prefix) return undefined;
      const dir = c.path.slice(0, c.path.lastIndexOf('/') + 1);
      return u.path.startsWith(dir) ? decode(u.path.slice(dir.length)) : undefined;
    },
  };
}
