// The web extension inside the workbench (run.js --web): with
// "remote.extensionKind": { <id>: ["web"] } code-server runs the extension's
// `browser` entry in its web-worker extension host, and the language server in
// a worker started by it. ui.js's checks (squiggle, hover, Problems panel,
// quick fix) run first on the same page; these add: which entry runs (the
// extension's log says so, and no node extension host has the extension),
// a hover on a figure, a template inserted from the command palette, and the
// Word commands hidden from the palette.
'use strict';
const path = require('node:path');

const { until } = require('./lib');

/** Run a command from the palette by its title; `pick` waits for that row (the palette filters asynchronously). */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title });
  await row.first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Every command of the extension the palette lists (labels): the query is the
 * category, awaited until "Show server log" is in (the extension's commands
 * are registered and filtered); all rows are rendered (their count is the
 * list's aria-setsize), so a command missing from them is hidden.
 */
async function extensionCommandsInPalette(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('Vietnamese Health Report:');
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Show server log' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const rows = await page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => ({ label: e.getAttribute('aria-label') || e.textContent || '', size: Number(e.getAttribute('aria-setsize')) })));
  await page.keyboard.press('Escape');
  if (rows.length !== rows[0].size) throw new Error(`${rows.length} of ${rows[0].size} rows rendered`);
  return rows.map((r) => r.label);
}

/** Text of every rendered editor line (spaces normalized). */
const editorText = (page) =>
  page.evaluate(() => [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].map((el) => (el.textContent || '').replace(/\u00a0/g, ' ')).join('\n'));

async function runWebChecks(page, { artifactsDir }) {
  const results = [];
  let broken;
  const step = async (title, fn) => {
    const full = `web: ${title}`;
    if (broken) return results.push({ title: full, state: 'failed', error: `not reached: "${broken}" failed` });
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title: full, state: 'passed', durationMs: Date.now() - t0 });
    } catch (e) {
      broken = title;
      results.push({ title: full, state: 'failed', durationMs: Date.now() - t0, error: String(e?.stack ?? e) });
      await page.screenshot({ path: path.join(artifactsDir, 'web-failure.png') }).catch(() => {});
    }
  };

  await step('the extension runs its browser entry, and the server runs in a web worker', async () => {
    await runCommand(page, 'Vietnamese Health Report: Show server log');
    // The output view is an editor; its lines are rendered like a document's.
    const text = await until('the log lines of both entries', async () => {
      const t = await page.evaluate(() => [...document.querySelectorAll('.part.panel .view-lines .view-line')].map((el) => (el.textContent || '').replace(/\u00a0/g, ' ')).join('\n'));
      return /runs in a web worker/.test(t) && /vnhr server started \(browser,/.test(t) ? t : undefined;
    });
    if (/vnhr server started \(node,/.test(text)) throw new Error('a node server started too');
    await page.screenshot({ path: path.join(artifactsDir, 'web-log.png') });
  });

  await step('hover on a figure names its indicator', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M'); // close the panel's focus; the editor keeps its text
    const at = await until('the figure 12,5 in the editor', () =>
      page.evaluate(() => {
        for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
          const text = (line.textContent || '').replace(/\u00a0/g, ' ');
          const i = text.indexOf('12,5 bác sĩ');
          if (i < 0) continue;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let pos = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = n.textContent.length;
            if (i + 1 < pos + len) {
              const r = document.createRange();
              r.setStart(n, i + 1 - pos);
              r.setEnd(n, i + 2 - pos);
              const b = r.getBoundingClientRect();
              return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
            }
            pos += len;
          }
        }
        return undefined;
      }),
    );
    await page.mouse.move(at.x, at.y);
    await page.locator('.monaco-hover').filter({ hasText: /bác sĩ/i }).filter({ hasText: /2024/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: path.join(artifactsDir, 'web-hover.png') });
    await page.mouse.move(5, 5);
  });

  await step('"New report from template" inserts a bundled template (read through vscode.workspace.fs)', async () => {
    await runCommand(page, 'Vietnamese Health Report: New report from template');
    // Listed by the name in the template's header (templates/bao-cao-tong-ket-nam.md).
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Báo cáo tổng kết công tác y tế năm' });
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    await row.first().click();
    // vnHealthReport.report.year is set in the run's settings (run.js): no question.
    await until('the template text in a new editor', async () => /Tổng kết công tác y tế năm 2025/.test(await editorText(page)));
    await page.screenshot({ path: path.join(artifactsDir, 'web-template.png') });
  });

  await step('Word import/export are hidden from the palette (they need node)', async () => {
    const rows = await extensionCommandsInPalette(page);
    if (!rows.some((r) => r.includes('New report from template'))) throw new Error(`the palette lists: ${rows.join(' | ')}`);
    if (rows.some((r) => /Word/.test(r))) throw new Error(`the palette lists: ${rows.join(' | ')}`);
  });

  return results;
}

module.exports = { runWebChecks };
