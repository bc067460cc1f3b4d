// The HTML report in real headless Chromium on a phone-sized screen: self-contained, fits the width, evidence highlighted and linked.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { tempDir } from './helpers/temp.ts';

const CHROMIUM = '/usr/bin/chromium';
const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const LINKER_LOG = new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-build-script-no-cc.log', import.meta.url).pathname;
const scratch = tempDir('buildmedic-html-');
const PHONE = { width: 390, height: 844 };

/** Decodes an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into RGBA pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth');
      assert.equal(data[12], 0, 'not interlaced');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      assert.ok(channels, `colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][filter];
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [out[y * stride + x * channels], out[y * stride + x * channels + 1], out[y * stride + x * channels + 2]] };
}

test('the HTML report renders on a phone: self-contained, fits the width, evidence highlighted and linked', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (Debian package chromium)`, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const page = join(scratch, 'report.html');
  const r = spawnSync(process.execPath, [BIN, 'diagnose', '--format', 'json', '--html', page, LINKER_LOG], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const diagnosis = JSON.parse(r.stdout);
  const html = readFileSync(page, 'utf8');
  assert.doesNotMatch(html, /<script|<link|src=|url\(|@import/i, 'no scripts or external assets');

  const context = await chromium.launchPersistentContext(tempDir('buildmedic-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    colorScheme: 'light',
  });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    const requests: string[] = [];
    tab.on('request', (req) => requests.push(req.url()));
    const url = pathToFileURL(page).href;
    await tab.goto(url, { waitUntil: 'load' });
    assert.deepEqual(requests, [url], 'the page loads nothing but itself');

    const layout = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth, title: document.title }));
    assert.equal(layout.inner, PHONE.width);
    assert.ok(layout.scroll <= layout.inner, `page is ${layout.scroll}px wide on a ${layout.inner}px screen`);
    assert.match(layout.title, /linker-not-found/);

    // Every evidence line of the root cause is in the log excerpt, highlighted, and linked both ways.
    const root = diagnosis.findings[0];
    assert.equal(root.rule, 'linker-not-found');
    for (const e of root.evidence) {
      const line = tab.locator(`li#L${e.line}`);
      assert.equal(await line.getAttribute('class'), 'evidence');
      assert.equal(await line.locator('a.text').getAttribute('href'), '#finding-linker-not-found');
      assert.equal((await line.locator('.text').innerText()).trim(), e.text.trim());
      assert.equal(await tab.locator(`#finding-linker-not-found ul.evidence a[href="#L${e.line}"]`).count(), 1);
    }
    const plain = await tab.evaluate(() => {
      const li = document.querySelector('.log li.plain, .log li.set-aside');
      return li ? getComputedStyle(li).backgroundColor : null;
    });
    const hit = await tab.evaluate((id) => getComputedStyle(document.getElementById(id)!).backgroundColor, `L${root.evidence[0].line}`);
    assert.equal(hit, 'rgb(255, 241, 194)');
    assert.notEqual(plain, hit);

    // Following an evidence link brings the log line on screen.
    await tab.locator(`#finding-linker-not-found ul.evidence a[href="#L${root.evidence[0].line}"]`).click();
    assert.ok(tab.url().endsWith(`#L${root.evidence[0].line}`));
    const box = await tab.locator(`li#L${root.evidence[0].line}`).boundingBox();
    assert.ok(box && box.y >= 0 && box.y < PHONE.height, `evidence line at y=${box?.y}`);

    // The screenshot shows it: the highlighted line's pixels carry the highlight colour.
    const shot = await tab.screenshot();
    writeFileSync(join(scratch, 'phone.png'), shot);
    const png = decodePng(shot);
    assert.deepEqual([png.width, png.height], [PHONE.width, PHONE.height]);
    const y = Math.round(box!.y + box!.height / 2);
    const row = Array.from({ length: png.width }, (_, x) => png.pixel(x, y).join(','));
    assert.ok(row.filter((p) => p === '255,241,194').length > png.width / 3, `row ${y} is not highlighted: ${[...new Set(row)].slice(0, 5).join(' ')}`);
  } finally {
    await context.close();
  }
});
