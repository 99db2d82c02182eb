// Commands the client runs through the server: fix all (the editor command).
import type { ServerContext } from './context';
import type { Diagnostics } from './diagnostics';
import { fixAllEdits, safelyFixable } from './codeActions';
import { FIX_ALL_COMMAND, type FixAllResult } from '../protocol';

export function registerCommands(ctx: ServerContext, diags: Diagnostics) {
  ctx.connection.onExecuteCommand(async (params): Promise<FixAllResult | undefined> => {
    if (params.command !== FIX_ALL_COMMAND) return undefined;
    const uri = String(params.arguments?.[0] ?? '');
    const cur = await diags.currentFindings(uri);
    if (!cur) return { applied: 0 };
    const before = safelyFixable(cur.findings).length;
    const edits = fixAllEdits(cur);
    if (!edits.length) return { applied: 0 };
    const r = await ctx.connection.workspace.applyEdit({ label: 'vnhr: fix all', edit: { changes: { [uri]: edits } } });
    return { applied: r.applied ? before : 0 };
  });
  return { executeCommandProvider: { commands: [FIX_ALL_COMMAND] } };
}
