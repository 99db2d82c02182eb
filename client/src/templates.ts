// "New report from template…": a QuickPick of the bundled templates (templates/
// in the extension) and the team's own (setting vnHealthReport.templates.folder,
// default .vnhr/templates/*.md in each workspace folder); the choice opens as a
// new untitled Markdown document with ${year}, ${unitName}… filled in and the
// other placeholders as tab stops. The filling itself is in templateFill.ts.
import * as vscode from 'vscode';
import { isInsideAny, parseTemplate, safeTemplateName, standardVariables, templateToSnippet, variablesUsed } from './templateFill';

export const NEW_FROM_TEMPLATE_COMMAND = 'vnHealthReport.newFromTemplate';

interface TemplateEntry {
  uri: vscode.Uri;
  name: string;
  description?: string;
  source: 'bundled' | 'team';
  /** For team templates: the folder label shown in the list. */
  where?: string;
}

interface TemplateItem extends vscode.QuickPickItem {
  entry?: TemplateEntry;
}

export function registerTemplateCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_FROM_TEMPLATE_COMMAND, (arg?: vscode.Uri | string) => newFromTemplate(context, arg)),
  );
}

/**
 * With an argument (a template's Uri or its file name among the bundled ones),
 * skips the list: used by tests and keybindings. Returns the new document.
 */
async function newFromTemplate(context: vscode.ExtensionContext, arg?: vscode.Uri | string): Promise<vscode.TextDocument | undefined> {
  let entry: TemplateEntry | undefined;
  if (arg) {
    // A name: a bundled template, never a path out of templates/. A Uri: only
    // inside the extension or a workspace folder (no reading /etc/… by a keybinding).
    const isUri = typeof arg !== 'string' || (/^[a-z][a-z0-9+.-]*:/i.test(arg) && !/^[a-zA-Z]:[\\/]/.test(arg));
    const name = isUri ? undefined : safeTemplateName(arg as string);
    const uri = isUri ? (typeof arg === 'string' ? vscode.Uri.parse(arg) : arg) : name ? vscode.Uri.joinPath(context.extensionUri, 'templates', name) : undefined;
    if (!uri || (isUri && !allowedRoots(context, uri).length)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Not a template of this extension or workspace: {0}', String(arg)));
      return undefined;
    }
    entry = { uri, name: uri.path.split('/').pop() ?? '', source: 'bundled' };
  } else {
    entry = await pickTemplate(context);
  }
  if (!entry) return undefined;

  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(entry.uri));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read the template {0}: {1}', entry.uri.fsPath || entry.uri.toString(), e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const info = parseTemplate(text);

  // Settings of the folder the template came from (team) or of the active file.
  const scope = entry.source === 'team' ? entry.uri : vscode.window.activeTextEditor?.document.uri;
  const cfg = vscode.workspace.getConfiguration('vnHealthReport', scope);
  let year = cfg.get<number | null>('report.year', null);
  const used = variablesUsed(info.body);
  if ((year === null || year === undefined) && (used.has('year') || used.has('nextYear') || used.has('previousYear'))) {
    // No year in the settings: ask, proposing the current one (Escape cancels).
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Year of the report'),
      prompt: vscode.l10n.t('Set "vnHealthReport.report.year" to skip this question.'),
      value: String(new Date().getFullYear()),
      validateInput: (v) => (/^\s*\d{4}\s*$/.test(v) ? undefined : vscode.l10n.t('Enter a year, e.g. {0}', new Date().getFullYear())),
    });
    if (answer === undefined) return undefined;
    year = Number(answer.trim());
  }
  const vars = standardVariables({ year, unitName: cfg.get<string>('report.unitName', ''), now: new Date() });
  const filled = templateToSnippet(info.body, vars);

  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  const ok = await editor.insertSnippet(new vscode.SnippetString(filled.snippet), new vscode.Position(0, 0));
  if (!ok) {
    // A snippet the editor refused (should not happen): fall back to the plain text.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), filled.text));
  }
  return doc;
}

async function pickTemplate(context: vscode.ExtensionContext): Promise<TemplateEntry | undefined> {
  const bundled = await listTemplates(vscode.Uri.joinPath(context.extensionUri, 'templates'), 'bundled');
  const team: TemplateEntry[] = [];
  const missing: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const setting = vscode.workspace.getConfiguration('vnHealthReport', folder.uri).get<string>('templates.folder', '.vnhr/templates').trim() || '.vnhr/templates';
    const dir = isAbsolutePath(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
    const where = isAbsolutePath(setting) ? setting : (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${setting}` : setting;
    // The folder must stay inside this workspace folder (or the extension): a
    // cloned repository's settings must not make the list read elsewhere.
    if (dir.scheme !== folder.uri.scheme || !isInsideAny(dir.path, [folder.uri.path, context.extensionUri.path])) {
      void vscode.window.showWarningMessage(vscode.l10n.t('vnHealthReport.templates.folder must be inside the workspace folder; "{0}" is not used.', setting));
      continue;
    }
    const found = await listTemplates(dir, 'team', where);
    if (found) team.push(...found);
    else missing.push(where);
  }

  const items: TemplateItem[] = [];
  if (team.length) {
    items.push({ label: vscode.l10n.t('Team templates'), kind: vscode.QuickPickItemKind.Separator });
    for (const e of team) items.push({ label: `$(organization) ${e.name}`, description: e.where, detail: e.description, entry: e });
  }
  items.push({ label: vscode.l10n.t('Bundled templates'), kind: vscode.QuickPickItemKind.Separator });
  for (const e of bundled ?? []) items.push({ label: `$(file) ${e.name}`, detail: e.description, entry: e });

  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New report from template'),
    placeHolder: team.length
      ? vscode.l10n.t('Choose a template')
      : vscode.l10n.t('Choose a template (team templates go in {0})', missing[0] ?? '.vnhr/templates'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return pick?.entry;
}

/** The *.md templates of a folder, sorted by name; undefined if the folder does not exist. */
async function listTemplates(dir: vscode.Uri, source: TemplateEntry['source'], where?: string): Promise<TemplateEntry[] | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return undefined;
  }
  const files = entries
    .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith('.md'))
    .map(([name]) => name)
    .sort((a, b) => a.localeCompare(b, 'vi'));
  const out: TemplateEntry[] = [];
  for (const file of files) {
    const uri = vscode.Uri.joinPath(dir, file);
    let info: ReturnType<typeof parseTemplate> = { body: '' };
    try {
      info = parseTemplate(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      // Unreadable: still listed by its file name; opening it reports the error.
    }
    out.push({ uri, name: info.name ?? file.replace(/\.md$/i, ''), description: info.description ?? (source === 'team' ? file : undefined), source, where });
  }
  return out;
}

/** The roots (extension, workspace folders) a template Uri lies in; empty when none. */
function allowedRoots(context: vscode.ExtensionContext, uri: vscode.Uri): vscode.Uri[] {
  const roots = [context.extensionUri, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  return roots.filter((r) => r.scheme === uri.scheme && r.authority === uri.authority && isInsideAny(uri.path, [r.path]));
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
