// The seed slips of examples/bao-cao-tong-ket-2024.md, shared by the tests.
import type * as vscode from 'vscode';
import { codeOf, rangeOf, showRange, waitForDiagnostics } from './helpers';

/** Seed slips in examples/bao-cao-tong-ket-2024.md and the text their fix gives. */
export const SEEDS = [
  { rule: 'whitespace', slip: 'thành  tốt', fixed: 'thành tốt', exact: '  ' },
  { rule: 'duplicate-word', slip: 'nhiệm nhiệm vụ', fixed: 'nhiệm vụ' },
  { rule: 'punctuation-spacing', slip: 'phòng , chống', fixed: 'phòng, chống' },
  { rule: 'term-spelling', slip: 'COVID – 19', fixed: 'COVID-19', exact: 'COVID – 19' },
] as const;

/** The diagnostic of `rule` inside the slip's range, once the server has published it. */
export async function seedDiagnostic(doc: vscode.TextDocument, seed: (typeof SEEDS)[number]): Promise<vscode.Diagnostic> {
  const slip = rangeOf(doc, seed.slip);
  const ds = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === seed.rule && slip.contains(d.range)), `a ${seed.rule} diagnostic inside "${seed.slip}" (${showRange(slip)})`);
  return ds.find((d) => codeOf(d) === seed.rule && slip.contains(d.range))!;
}

