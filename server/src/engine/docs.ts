// Where rule doc pages live: the one place that knows the URL (diagnostics'
// code links, the config schema, `vnhr rules`).
export const DOCS_BASE = 'https://github.com/vn-health-report/vn-health-report/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return DOCS_BASE + id + '.md';
}
