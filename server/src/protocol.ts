// The extension's own messages between the VS Code client (client/src/) and the
// language server, beyond LSP: method names, parameters and results, written
// once for both sides. It imports nothing, so the client bundles it without
// pulling in the server or the engine (test/unit/architecture.test.ts).

/** The locale of what the user reads (diagnostics, hovers, the panel): the `vnHealthReport.locale` setting when it names one, else the editor's language tag ("vi", "vi-VN" → vi; any other → en; none → vi). Server and client decide alike, so the panel's rows and its labels agree. */
export function uiLocale(setting: unknown, language: string | undefined): 'vi' | 'en' {
  if (setting === 'vi' || setting === 'en') return setting;
  if (!language) return 'vi';
  return language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Request: every indicator figure of a document as a Markdown table (the "Show indicator summary" command). */
export const INDICATOR_SUMMARY_REQUEST = 'vnhr/indicatorSummary';
export interface IndicatorSummaryParams {
  uri: string;
}
export interface IndicatorSummaryResult {
  /** Empty when the document is not known to the server. */
  markdown: string;
  count: number;
}

/** Request: the indicator panel's rows, of the workspace's reports or of one file (`uri`), strings in the UI locale. */
export const INDICATOR_ROWS_REQUEST = 'vnhr/indicatorRows';
export interface IndicatorRowsParams {
  uri?: string;
}
export interface IndicatorRowsResult {
  rows: IndicatorRow[];
}
/** Notification (server → client, no parameters): the reports changed; rows asked for again would differ. */
export const INDICATOR_ROWS_CHANGED = 'vnhr/indicatorRowsChanged';

/** One indicator figure of a report, as the panel shows it. */
export interface IndicatorRow {
  uri: string;
  /** Zero-based line and UTF-16 characters of the figure (its % sign included). */
  line: number;
  character: number;
  endCharacter: number;
  /** Catalogue id of the indicator. */
  indicator: string;
  name: string;
  /** Sub-group ("nữ", "dưới 5 tuổi"), joined; empty for the whole population. */
  subgroup: string;
  period: string;
  /** Period key ("2024", "6T/2024"): sorts and groups the trend chart; empty when unknown. */
  periodKey: string;
  place: string;
  kind: string;
  value: number;
  written: string;
  unit: string;
  /** The figure is a target (plan), not an achieved value. */
  target?: boolean;
  /** An indicator-conflict finding covers the figure. */
  conflict: boolean;
}

/** Request (tests, bench): counts of the whole-workspace scan. */
export const WORKSPACE_STATUS_REQUEST = 'vnhr/workspaceStatus';
export interface WorkspaceStatus {
  /** Workspace folders (URIs). */
  folders: string[];
  /** Unopened reports known from the last scan and file events. */
  files: number;
  /** Checks run on unopened files since start (a file skipped by the content hash is not counted). */
  checks: number;
  scans: number;
  /** A scan or a changed file is being processed. */
  busy: boolean;
  /** The comparison across reports (server/src/features/crossReports.ts). */
  cross: CrossStatus;
}

/** Counts of the comparison across reports, for tests and the bench. */
export interface CrossStatus {
  /** Changes settled (after the debounce): a comparison, or only the listeners told when no compared figure changed. */
  updates: number;
  /** Comparisons across reports run so far. */
  comparisons: number;
  /** Reports re-published by them (their cross-file findings changed). */
  republished: number;
  /** Duration of the last comparison, publishing included. */
  lastCompareMs: number;
  /** Cross-file findings after it. */
  crossFindings: number;
}

/**
 * Notification (web client → browser server): every config file of the
 * workspace with its text, replacing what was sent before. The same list goes
 * in `initializationOptions.files` at start.
 */
export const CONFIG_FILES_NOTIFICATION = 'vnhr/configFiles';
export interface ConfigFilesParams {
  files: { uri: string; text: string }[];
}

/** What the client may put in `initializationOptions` (every field optional: other editors send none). */
export interface InitializationOptions {
  /** Base URL of the rule pages diagnostics link to. */
  docsBaseUrl?: string;
  /** The client watches the reports itself and sends their file events: the server registers no watcher. */
  watchesFiles?: boolean;
  /** Web: the config files, as in `vnhr/configFiles`. */
  files?: ConfigFilesParams['files'];
  /** LSP 3.17 pull diagnostics (result ids, `unchanged`, refresh) instead of push, for clients that support pull and refresh. */
  pullDiagnostics?: boolean;
}

/** workspace/executeCommand, arguments [uri]: every safe fix of the document, applied through workspace/applyEdit. */
export const FIX_ALL_COMMAND = 'vnhr.server.fixAll';
export interface FixAllResult {
  /** How many findings the applied edit fixed (0 when nothing was applied). */
  applied: number;
}
