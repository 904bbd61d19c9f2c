// The HTML edition in a real browser: Debian's Chromium, headless, driven
// by puppeteer-core over a pipe, with no network (every request but the
// file itself is refused) and a new empty profile; axe-core is injected
// and run on the WCAG 2.1 A and AA rules and its best practices.
// Prints each violation (rule, impact, what it asks, where) and exits 1
// when there is any.
// usage: node axe.mjs NODE_DIR FILE.html
//   NODE_DIR holds node_modules with puppeteer-core and axe-core
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [nodeDir, file] = process.argv.slice(2);
const require = createRequire(join(resolve(nodeDir), 'here.js'));
const puppeteer = require('puppeteer-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const url = pathToFileURL(resolve(file)).href;

const profile = mkdtempSync(join(tmpdir(), 'pledge-chromium-'));
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  pipe: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let status = 1;
try {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  const refused = [];
  page.on('request', (r) => {
    if (r.url() === url) {
      r.continue();
    } else {
      refused.push(r.url());
      r.abort();
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
    console.log(`${v.id} (${v.impact}): ${v.help} - ${v.nodes.length} ` +
      `element(s): ${where}`);
  }
  for (const r of refused)
    console.log(`the page asked for ${r}: it must be self-contained`);
  console.log(`axe ${result.testEngine.version}: ${result.violations.length} ` +
    `violation(s), ${result.passes.length} rule(s) passed`);
  status = result.violations.length || refused.length ||
    result.passes.length === 0 ? 1 : 0;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
