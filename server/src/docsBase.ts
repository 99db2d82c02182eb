// A rule-page base given by the user (no node built-ins: the browser server uses it too).

/** A base given by the user: a URL ending in a slash. */
export function normalizeDocsBase(base: string | undefined): string | undefined {
  if (!base || !/^[a-z][a-z0-9+.-]*:/i.test(base)) return undefined;
  return base.endsWith('/') ? base : base + '/';
}
