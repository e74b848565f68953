import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ locale: 'es-ES', viewport: { width: 320, height: 700 } });
const page = await ctx.newPage();
await page.addInitScript(() => { localStorage.setItem('afterglow:prefs', JSON.stringify({ stage: 'integration', w: true })); const t=Date.now()-2*86400000; localStorage.setItem('afterglow:s:'+t.toString(36)+'-0000001', JSON.stringify({id:t.toString(36)+'-0000001',at:t,n:1,r:'iv-infusion',mb:4,ma:6,e:t})); });
await page.goto('http://localhost:8765/#/share');
await page.waitForTimeout(2500);
const wide = await page.evaluate(() => {
  const out = [];
  const walk = (root) => { for (const el of root.querySelectorAll('*')) { const r = el.getBoundingClientRect(); if (r.right > window.innerWidth + 0.5) out.push(`${el.tagName}.${el.className} right=${Math.round(r.right)} w=${Math.round(r.width)} text=${(el.textContent||'').slice(0,60)}`); if (el.shadowRoot) walk(el.shadowRoot); } };
  walk(document);
  return out.slice(0, 15);
});
console.log(wide.join('\n'));
await page.screenshot({ path: '/tmp/share320.png', fullPage: true });
await browser.close();
