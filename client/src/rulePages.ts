// Rule pages open offline: a diagnostic's link is this extension's own URI
// (<scheme>://vn-health-report.vn-health-report/rule/<id>), handled here by
// opening docs/rules/<id>.md shipped in the extension in the Markdown preview.
// A team that publishes the pages can set vnHealthReport.rulePages.baseUrl.
import * as vscode from 'vscode';

export const OPEN_RULE_PAGE_COMMAND = 'vnHealthReport.openRulePage';

/** The base the server puts in front of "<id>.md" in diagnostics' links. */
export function rulePagesBase(context: vscode.ExtensionContext): string {
  const custom = vscode.workspace.getConfiguration('vnHealthReport').get<string>('rulePages.baseUrl')?.trim();
  if (custom && /^https?:\/\//i.test(custom)) return custom.endsWith('/') ? custom : custom + '/';
  return `${vscode.env.uriScheme}://${context.extension.id}/rule/`;
}

export function registerRulePages(context: vscode.ExtensionContext): void {
  const open = async (id: string) => {
    // Only ids of shipped pages: never a path from outside the docs folder.
    if (!/^[a-z0-9-]+$/.test(id)) return false;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('No page for the rule {0}', id));
      return false;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return true;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_RULE_PAGE_COMMAND, (id: string) => open(String(id))),
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        const m = /^\/rule\/([^/]+?)(?:\.md)?$/.exec(uri.path);
        if (m) void open(decodeURIComponent(m[1]));
      },
    }),
  );
}
