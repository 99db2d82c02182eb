// Rule pages: `<base><id>.md`. The engine knows no host: each front end gives
// the base (the pages shipped beside the bundles as a file: URL, the editor's
// own link handler, or a published address from a setting); see
// server/src/docsLink.ts.
export function docsUrl(id: string, base: string): string {
  return base + id + '.md';
}
