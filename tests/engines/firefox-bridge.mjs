// Drives Debian's Firefox ESR with puppeteer-core over WebDriver BiDi, one command a line on stdin
// ({"op": ..., "args": {...}}), one JSON answer a line on stdout. tests/engines/drivers.py speaks it,
// so the same journey (tests/engines/journey.py) runs here and in WebKit.
import readline from 'node:readline';
import puppeteer from 'puppeteer-core';

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  extraPrefsFirefox: {
    'browser.download.dir': process.env.DOWNLOADS || '/tmp',
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
  },
});
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
const errors = [];
page.on('pageerror', (error) => errors.push(String(error && error.message ? error.message : error)));

const answer = (value) => process.stdout.write(JSON.stringify(value) + '\n');
answer({ ok: true, result: await browser.version() });

for await (const line of readline.createInterface({ input: process.stdin })) {
  const { op, args } = JSON.parse(line);
  try {
    let result = null;
    if (op === 'goto') await page.goto(args.url, { waitUntil: 'load' });
    else if (op === 'reload') await page.reload({ waitUntil: 'load' });
    else if (op === 'click') await page.click(args.selector);
    else if (op === 'files') {
      const input = await page.$(args.selector);
      if (!input) throw new Error(`no element ${args.selector}`);
      await input.uploadFile(...args.paths);
    } else if (op === 'eval') result = await page.evaluate(args.script);
    else if (op === 'errors') result = errors.splice(0);
    else if (op === 'quit') {
      await browser.close();
      answer({ ok: true, result });
      process.exit(0);
    } else throw new Error(`unknown command ${op}`);
    answer({ ok: true, result });
  } catch (error) {
    answer({ ok: false, error: String(error && error.message ? error.message : error) });
  }
}
await browser.close();
