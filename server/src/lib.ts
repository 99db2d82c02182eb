// The library entry of the npm package: `import { check } from 'vn-health-report'`.
// The same engine the CLI and the language server call: text and config in,
// findings and edits out. Positions are offsets in UTF-16 code units; LineIndex
// turns them into {line, character}.
export {
  check,
  fixAll,
  applyFixes,
  getDefaultConfig,
  loadConfig,
  configFromObject,
  configSchema,
  allRules,
  rulesById,
  localize,
  isVietnameseText,
  LineIndex,
} from './engine';
export type { Finding, Fix, Edit, Severity, Msg, Locale, ResolvedConfig, RawConfig, ConfigProblem, Rule, Position, Range } from './engine';
export { VERSION } from './version';
