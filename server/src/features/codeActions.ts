// Code actions: each finding's fixes as quick fixes, "fix all <rule> problems"
// (resolved lazily: the lightbulb asks at every cursor move), and the
// source.fixAll.vnhr action (fix on save). Every fix-all is the engine's
// fixAll loop, started from the findings this version already has.
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import { fixAll, isHighSurrogate, localize, msg, LineIndex, DocumentCache, type Finding } from '../engine';
import type { ServerContext } from './context';
import { toDiagnostic, type Current, type Diagnostics } from './diagnostics';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.vnhr';

/** What a lazily resolved "fix all <rule> problems" action carries. */
interface FixAllData {
  uri: string;
  version: number;
  rule: string;
}

/**
 * The fix-all edit of the current version: one minimal edit (the changed
 * span), or none. A save with nothing to fix costs no check, and one with
 * fixes one re-check of the fixed text instead of a check from scratch plus
 * that re-check.
 */
export function fixAllEdits(cur: Current, only?: string[], chosen = false): TextEdit[] {
  const { doc, st, findings, config } = cur;
  const text = doc.getText();
  // The re-checks read the fixed text. Through the document's cache when
  // that text is likely the next version (fix-all, applied on save): its
  // check then finds every block parsed. Not while a check is in flight
  // (its blocks would move under it), nor for the per-rule offer the
  // lightbulb asks for at every cursor move and the writer seldom takes:
  // those have their own cache, so typing does not re-parse what they touched.
  const cache = st.running || (only && !chosen) ? (st.fixCache ??= new DocumentCache()) : st.cache;
  const fixed = fixAll(text, config, { findings, cache, only }).text;
  if (fixed === text) return [];
  // One minimal edit: the changed span between the common prefix and suffix.
  let a = 0;
  while (a < text.length && a < fixed.length && text.charCodeAt(a) === fixed.charCodeAt(a)) a++;
  let b = 0;
  while (b < text.length - a && b < fixed.length - a && text.charCodeAt(text.length - 1 - b) === fixed.charCodeAt(fixed.length - 1 - b)) b++;
  // Do not cut a surrogate pair.
  if (a > 0 && isHighSurrogate(text.charCodeAt(a - 1))) a--;
  return [{ range: new LineIndex(text).rangeAt(a, text.length - b), newText: fixed.slice(a, fixed.length - b) }];
}

/** Safe-fixable findings (what fix-all reports as applied). */
export const safelyFixable = (findings: readonly Finding[]) => findings.filter((f) => f.fixes?.some((x) => x.safe));

export function registerCodeActions(ctx: ServerContext, diags: Diagnostics) {
  const { connection } = ctx;

  connection.onCodeAction(async (params) => {
    const cur = await diags.currentFindings(params.textDocument.uri);
    if (!cur) return [];
    const { doc, findings, locale } = cur;
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source);
    const actions: CodeAction[] = [];
    if (wantsFixAll) {
      const edits = fixAllEdits(cur);
      if (edits.length) {
        actions.push({
          title: localize(msg('Sửa tất cả lỗi tự sửa được (vnhr)', 'Fix all auto-fixable problems (vnhr)'), locale),
          kind: FIX_ALL_KIND,
          edit: { changes: { [doc.uri]: edits } },
        });
      }
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) return actions;
    }
    const li = new LineIndex(doc.getText());
    const start = li.offsetAt(params.range.start);
    const end = li.offsetAt(params.range.end);
    const byRule = new Map<string, number>();
    for (const f of safelyFixable(findings)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const rulesHere = new Set<string>();
    for (const f of findings) {
      if (f.end < start || f.start > end || !f.fixes?.length) continue;
      const diag = toDiagnostic(f, li, doc.uri, locale, ctx.client.docsBase);
      const matched = params.context.diagnostics.find((d) => d.code === f.rule && d.range.start.line === diag.range.start.line && d.range.start.character === diag.range.start.character) ?? diag;
      f.fixes.forEach((fx, i) => {
        actions.push({
          title: localize(fx.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [matched],
          isPreferred: i === 0 && fx.safe,
          edit: { changes: { [doc.uri]: fx.edits.map((e) => ({ range: li.rangeAt(e.start, e.end), newText: e.newText })) } },
        });
      });
      rulesHere.add(f.rule);
    }
    for (const rule of rulesHere) {
      if ((byRule.get(rule) ?? 0) < 2) continue;
      const title = localize(msg(`Sửa tất cả lỗi ${rule} trong tệp này`, `Fix all ${rule} problems in this file`), locale);
      if (ctx.client.resolveEdits) {
        // The edit (a re-check of the fixed text) is worked out only if the writer picks this action.
        const data: FixAllData = { uri: doc.uri, version: doc.version, rule };
        actions.push({ title, kind: CodeActionKind.QuickFix, data });
        continue;
      }
      const edits = fixAllEdits(cur, [rule]);
      if (edits.length) actions.push({ title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    if (!data?.rule || action.edit) return action;
    const cur = await diags.currentFindings(data.uri);
    // A newer version: its own lightbulb offers it again; this one is stale.
    if (!cur || cur.doc.version !== data.version) return action;
    const edits = fixAllEdits(cur, [data.rule], true);
    if (edits.length) action.edit = { changes: { [data.uri]: edits } };
    return action;
  });

  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: true } };
}
