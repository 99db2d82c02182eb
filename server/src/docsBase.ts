// A rule-page base given by the user (no node built-ins: the browser server uses it too).

/** A base given by the user: a URL ending in a slash. */
export function normalizeDocsBase(base: unknown): string | undefined {
  // `unknown`: initializationOptions come from any client.
  if (typeof base !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(base)) return undefined;
  return base.endsWith('/') ? base : base + '/';
}
