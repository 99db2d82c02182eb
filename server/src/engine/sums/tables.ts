// Table totals: filled in below.
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import type { Issue } from './verdicts';

export function tableIssues(_block: Block, _config: ResolvedConfig): Issue[] {
  return [];
}
