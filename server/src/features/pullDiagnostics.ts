// Pull diagnostics (LSP 3.17 textDocument/diagnostic) for an open document, when the client asks
// for them (initializationOptions.pullDiagnostics: true) and supports the refresh request; VS Code's
// client could, but it pulls only for documents shown in a tab (push shows every open document's),
// so it is not asked to yet. The client asks, the answer
// carries a result id, and a result that did not change is `unchanged` (no diagnostics sent).
// Typing into a 1 MB report mostly changes no diagnostic: push would send all of them (about
// 1 MB of JSON) on every keystroke. When a result changes and no request is waiting for it, the
// server asks the client to pull again (workspace/diagnostic/refresh). Unopened reports (the
// workspace scan) are still pushed, and a client without pull support gets everything pushed.
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import type { PullResults, ServerContext } from './context';

interface Result {
  version: number;
  diagnostics: readonly Diagnostic[];
  id: string;
}

const sameDiagnostics = (a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean =>
  a.length === b.length && a.every((d, k) => d === b[k] || JSON.stringify(d) === JSON.stringify(b[k]));

/**
 * `scheduled(uri)`: the version a check is scheduled or running for (diagnostics.ts), so a request
 * for a newer version than the last result waits for that check, and one made while nothing is
 * due (run on save) is answered with the last result at once.
 */
export function createPullDiagnostics(ctx: ServerContext): { results: PullResults; register(scheduled: (uri: string) => Promise<number | undefined>): void } {
  const { connection, documents } = ctx;
  const results = new Map<string, Result>();
  const waiters = new Map<string, Set<() => void>>();
  let counter = 0;
  const wake = (uri: string): boolean => {
    const w = waiters.get(uri);
    waiters.delete(uri);
    w?.forEach((f) => f());
    return !!w?.size;
  };
  const pull: PullResults = {
    active: false,
    set(uri, version, diagnostics) {
      const prev = results.get(uri);
      const same = !!prev && sameDiagnostics(prev.diagnostics, diagnostics);
      results.set(uri, { version, diagnostics, id: same ? prev.id : `${++counter}` });
      // A waiting request takes the new result; otherwise the client holds an old one: ask it to pull.
      if (!wake(uri) && prev && !same) void connection.languages.diagnostics.refresh().catch(() => undefined);
    },
  };
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    wake(e.document.uri);
  });

  function register(scheduled: (uri: string) => Promise<number | undefined>) {
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument.uri;
      for (;;) {
        const due = await scheduled(uri);
        const doc = documents.get(uri);
        if (!doc) return { kind: 'full', items: [] };
        const r = results.get(uri);
        // Wait only for a check that is due for this version (none: a config file, or run on save).
        const wait = !token.isCancellationRequested && (!r || r.version < doc.version) && due !== undefined && due >= doc.version;
        if (!wait) {
          if (!r) return { kind: 'full', items: [] };
          return params.previousResultId === r.id ? { kind: 'unchanged', resultId: r.id } : { kind: 'full', resultId: r.id, items: [...r.diagnostics] };
        }
        await new Promise<void>((res) => {
          let w = waiters.get(uri);
          if (!w) waiters.set(uri, (w = new Set()));
          w.add(res);
          token.onCancellationRequested(() => res());
        });
      }
    });
  }
  return { results: pull, register };
}
