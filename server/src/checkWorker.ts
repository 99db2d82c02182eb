// A worker thread of the CLI's pool (pool.ts): checks the texts it is sent.
// The config travels once per worker as its key (the resolved config as JSON,
// see engine/config.ts), so a message carries only the text.
import { parentPort } from 'node:worker_threads';
import { check, type Finding, type ResolvedConfig } from './engine';

export interface CheckRequest {
  id: number;
  text: string;
  configKey: string;
  /** Present the first time this worker sees this config key. */
  config?: string;
}

export type CheckResponse = { id: number; findings: Finding[] } | { id: number; error: string };

const configs = new Map<string, ResolvedConfig>();

parentPort?.on('message', (m: CheckRequest) => {
  try {
    let config = configs.get(m.configKey);
    if (!config) {
      if (m.config === undefined) throw new Error('config not sent to this worker');
      config = { ...(JSON.parse(m.config) as Omit<ResolvedConfig, 'key'>), key: m.config };
      configs.set(m.configKey, config);
    }
    parentPort!.postMessage({ id: m.id, findings: check(m.text, config) } satisfies CheckResponse);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) } satisfies CheckResponse);
  }
});
