// What the writer sees, checked once through the real workbench in chromium:
// the squiggle under a slip, its hover, the Problems panel in Vietnamese,
// Ctrl+. then Enter applying the fix, and the indicator panel (its table, the
// trend chart, a click on a row). Screenshots go to test/e2e/artifacts/.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const REPORT = 'bao-cao-tong-ket-2024.md';
const SLIP = 'thành  tốt';
const FIXED = 'thành tốt';
const MESSAGE = 'khoảng trắng liền nhau';
const FIX_TITLE = 'Thay bằng một khoảng trắng';

/** Text of the rendered editor line containing `needle` (spaces normalized), or undefined. */
async function lineText(page, needle) {
  return page.evaluate((needle) => {
    for (const el of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const t = (el.textContent || '').replace(/\u00a0/g, ' ');
      if (t.includes(needle)) return t;
    }
    return undefined;
  }, needle);
}

/** Screen rectangle of `needle` in the rendered lines, from the DOM text nodes. */
async function textRect(page, needle) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const text = (line.textContent || '').replace(/\u00a0/g, ' ');
      const at = text.indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let pos = 0;
      let started = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (!started && at < pos + len) {
          range.setStart(n, at - pos);
          started = true;
        }
        if (started && at + needle.length <= pos + len) {
          range.setEnd(n, at + needle.length - pos);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        pos += len;
      }
    }
    return undefined;
  }, needle);
}

const { until } = require('./lib');

/** Run a command from the command palette by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

async function runUiChecks(page, { ws, artifactsDir, web = false }) {
  const results = [];
  // Where the slip is, 1-based as the status bar says it (the space run starts after "thành").
  const text = fs.readFileSync(path.join(ws, 'examples', REPORT), 'utf8');
  const at = text.indexOf(SLIP) + 'thành'.length;
  const slipAt = { line: text.slice(0, at).split('\n').length, col: at - text.lastIndexOf('\n', at - 1) };
  let broken;
  const step = async (title, fn) => {
    const full = `ui: ${title}`;
    if (broken) {
      results.push({ title: full, state: 'failed', error: `not reached: "${broken}" failed` });
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title: full, state: 'passed', durationMs: Date.now() - t0 });
    } catch (e) {
      broken = title;
      results.push({ title: full, state: 'failed', durationMs: Date.now() - t0, error: String(e?.stack ?? e) });
      await page.screenshot({ path: path.join(artifactsDir, 'ui-failure.png') }).catch(() => {});
    }
  };
  const shot = (name) => page.screenshot({ path: path.join(artifactsDir, name) });

  let squiggle;
  await step(`the workbench opens ${REPORT} from Quick Open`, async () => {
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 90_000 });
    // The explorer lists the workspace once the remote file system is up.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(REPORT);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${REPORT}"]`);
    await page.keyboard.press('Enter');
    await until(`${REPORT} to be rendered in the editor`, () => lineText(page, SLIP));
  });

  await step('a warning squiggle is drawn under the slip', async () => {
    squiggle = await until('a .squiggly-warning decoration under the slip', async () => {
      const slip = await textRect(page, SLIP);
      if (!slip) return undefined;
      const boxes = await page.$$eval('.monaco-editor .view-overlays .squiggly-warning', (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      // On the slip's line, and horizontally inside the slip.
      return boxes.find((b) => b.y < slip.y + slip.height && b.y + b.height > slip.y && b.x >= slip.x - 1 && b.x + b.width <= slip.x + slip.width + 1 && b.width > 0);
    });
  });

  await step('hovering the squiggle shows the rule message in Vietnamese', async () => {
    await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
    const hover = page.locator('.monaco-hover').filter({ hasText: MESSAGE });
    await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
    // The status line of the hover offers the quick fix once the server has answered.
    await page.locator('.monaco-hover').filter({ hasText: /Quick Fix.*Ctrl\+\./ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await shot('editor.png');
  });

  await step('the Problems panel lists the problem in Vietnamese', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: MESSAGE });
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await row.first().innerText();
    if (!/whitespace/.test(text)) throw new Error(`the Problems row does not name the rule: ${text}`);
    await shot('problems.png');
  });

  await step('Ctrl+. then Enter on the slip applies the quick fix', async () => {
    // Put the cursor at the start of the slip, as a writer clicking on the
    // squiggle does. Not between its two spaces: there VS Code's automatic
    // code-action check (250 ms after a cursor move, `editor.lightbulb.enabled`
    // "onCode") finds no code and resets the code-action state, which cancels
    // a Ctrl+. request still in flight ("No code actions available", or
    // "Canceled" in the console, on a loaded machine).
    await page.mouse.click(squiggle.x + 1, squiggle.y + squiggle.height / 2);
    const cursor = new RegExp(`Ln ${slipAt.line}, Col ${slipAt.col}\\b`);
    await until(`the cursor at the start of the slip (${cursor.source})`, async () => cursor.test(await page.locator('.statusbar').innerText()));
    // The lightbulb is that automatic check's answer for this position: once
    // it shows, no automatic request is pending that could replace Ctrl+.'s.
    await until('the lightbulb at the slip', () =>
      page.evaluate(() => {
        const el = document.querySelector('.monaco-editor .lightBulbWidget');
        const r = el?.getBoundingClientRect();
        return !!r && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      }),
    );
    await page.keyboard.press('Control+.');
    const shown = await until('the quick fix menu or "No code actions available"', () =>
      page.evaluate(() => {
        const menu = document.querySelector('.action-widget');
        if (menu && menu.getBoundingClientRect().height > 0) return 'menu';
        const msg = document.querySelector('.monaco-editor-overlaymessage');
        return msg && /No code actions/.test(msg.textContent || '') ? 'none' : undefined;
      }),
    );
    if (shown !== 'menu') throw new Error('Ctrl+. showed "No code actions available"');
    const first = page.locator('.action-widget .monaco-list-row.action').first();
    const title = (await first.innerText()).trim();
    if (!title.includes(FIX_TITLE)) throw new Error(`the first quick fix is "${title}", expected "${FIX_TITLE}"`);
    await page.keyboard.press('Enter');
    await until('the slip to be fixed in the editor', async () => (await lineText(page, FIXED)) && !(await lineText(page, SLIP)));
    await until('its squiggle to go', async () => {
      const fixed = await textRect(page, FIXED);
      const boxes = await page.$$eval('.monaco-editor .view-overlays .squiggly-warning', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      return fixed && !boxes.some((b) => b.y < fixed.y + fixed.height && b.y + b.height > fixed.y && b.x < fixed.x + fixed.width && b.x + b.width > fixed.x);
    });
    await shot('after-fix.png');
  });

  let panel;
  await step('the Indicators panel opens from the command palette and lists the figures of the workspace', async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Focus on Indicators View');
    // The webview is an iframe in an iframe: find the frame that holds the panel's table.
    panel = await until('the panel frame with rows', async () => {
      for (const f of page.frames()) {
        const n = await f.evaluate(() => document.querySelectorAll('#vnhr-panel tbody tr').length).catch(() => 0);
        if (n > 0) return f;
      }
      return undefined;
    }, 60_000);
    await until('rows of the report and of the report never opened', () =>
      panel.evaluate((web) => {
        const files = [...document.querySelectorAll('#vnhr-panel tbody td.file')].map((td) => td.textContent || '');
        // The web extension checks open reports only (no workspace scan in a worker): no unopened file's rows.
        return files.some((f) => f.startsWith('examples/')) && (web || files.some((f) => f.startsWith('chua-mo/bao-cao-nam-2023.md')));
      }, web),
    );
    const conflicts = await panel.evaluate(() => document.querySelectorAll('#vnhr-panel tbody tr.conflict').length);
    if (!conflicts) throw new Error('no row is marked as conflicting');
  });

  // The years of the chart come from the unopened report: the desktop extension only.
  if (!web) await step('the trend chart is drawn (achieved and target across years)', async () => {
    const chart = await until('the trend chart', () =>
      panel.evaluate(() => {
        const svg = document.querySelector('#vnhr-panel svg.trend');
        if (!svg) return undefined;
        return { lines: svg.querySelectorAll('polyline.achieved').length, dots: svg.querySelectorAll('circle.dot').length, years: [...svg.querySelectorAll('text.tick')].map((t) => t.textContent).filter((t) => /^\d{4}$/.test(t || '')) };
      }),
    );
    if (chart.lines < 1 || chart.dots < 3 || chart.years.length < 2) throw new Error(`chart: ${JSON.stringify(chart)}`);
    await shot('indicator-panel-editor.png');
    // The panel maximized, alone: the README's picture (docs/images/indicator-panel.png is a copy).
    await page.keyboard.press('Control+B'); // the side bar away: the panel spans the window
    await runCommand(page, 'Toggle Maximized Panel');
    await page.waitForTimeout(300); // layout animation; the picture only, nothing is asserted on it
    await page.locator('.part.panel').screenshot({ path: path.join(artifactsDir, 'indicator-panel.png') });
    await runCommand(page, 'Toggle Maximized Panel');
    await page.keyboard.press('Control+B');
  });

  await step('a click on a row opens its report at the figure', async () => {
    const row = panel.locator('#vnhr-panel tbody tr').filter({ hasText: '12,8' }).filter({ hasText: 'examples/' }).first();
    const where = await row.locator('td.file').innerText();
    const line = Number(where.split(':').pop());
    await row.click();
    await until(`the cursor on line ${line}`, async () => new RegExp(`Ln ${line}, Col \\d+`).test(await page.locator('.statusbar').innerText()));
    if (web) return;
    // Enter on a focused row does the same (keyboard users).
    const other = panel.locator('#vnhr-panel tbody tr').filter({ hasText: 'chua-mo/' }).first();
    const otherLine = Number((await other.locator('td.file').innerText()).split(':').pop());
    await other.focus();
    await other.press('Enter');
    await until('the report never opened, at its figure', async () => {
      const tab = await page.locator('.tabs-container .tab.active').innerText().catch(() => '');
      return tab.includes('bao-cao-nam-2023.md') && new RegExp(`Ln ${otherLine}, Col \\d+`).test(await page.locator('.statusbar').innerText());
    });
  });

  return results;
}

module.exports = { runUiChecks };
