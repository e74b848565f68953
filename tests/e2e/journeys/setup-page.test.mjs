// The clinic setup page (setup.html): a clinic fills in every kind of option, sees each
// rule break and be fixed, copies the snippet into a plain host page where the journal
// matches the preview, pastes the snippet back into an empty form and gets the same
// snippet, and reads the iframe variant's header as README documents it. Axe at desktop
// light and 360 px dark; no request beyond the page's own files.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { journey, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { JournalPage } from '../pages/journal.mjs';

const field = (page, label) => page.locator('#setup-form').getByLabel(label, { exact: true });
const problemOf = (page, id) => page.locator(`#setup-${id}-problem`);
/** A section's JSON box, its "As JSON" disclosure opened first. */
async function jsonBox(page, label) {
  const box = page.locator('#setup-form').getByLabel(`${label} as JSON`, { exact: true });
  if (!(await box.isVisible())) {
    await page.locator('fieldset.setup-json').filter({ has: page.locator('legend', { hasText: label }) }).locator('summary').click();
  }
  return box;
}
/** A group of boxes for one item of a section ("Resource 1"). */
const item = (page, legend) => page.locator('#setup-form fieldset.setup-item').filter({ has: page.locator('legend', { hasText: new RegExp(`^${legend}$`) }) });

/** What a patient sees of the configuration, read through the journal itself. */
async function journalFacts(page, app) {
  const facts = await page.evaluate(() => {
    const shadow = document.querySelector('[data-afterglow]').shadowRoot;
    const style = (sel, prop) => getComputedStyle(shadow.querySelector(sel)).getPropertyValue(prop);
    return {
      privacy: shadow.querySelector('.ag-privacy')?.textContent,
      brand: style('.ag-brand', 'color'),
      font: style('.ag-brand', 'font-family'),
      radius: style('textarea', 'border-top-left-radius'),
      notes: shadow.textContent.includes("Setup note for the site's developer"),
    };
  });
  await app.safetyPlan().getHelp();
  facts.crisis = await app.crisisLinks().evaluateAll((as) => as.map((a) => `${a.textContent} ${a.getAttribute('href')}`));
  // The clinic's prompt is among those offered for the stage.
  for (let i = 0; i < 15 && !(await app.prompt()).includes('music'); i += 1) await app.anotherPrompt();
  facts.prompt = await app.prompt();
  // The clinic's checklist, on Today once a session is planned.
  const day = app.sessionDay();
  await app.goTo('Sessions');
  await day.planLink().click();
  await day.planIt();
  await app.goTo('Today');
  await day.checklistItem('My driver knows when to pick me up').waitFor();
  facts.checklist = await day.checklistItems().evaluateAll((boxes) => boxes.map((b) => b.labels[0]?.textContent.trim()));
  return facts;
}

journey(
  'a clinic builds its setup, sees every rule break and be fixed, and the copied snippet runs as previewed',
  async ({ page, context, baseUrl, audit }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${baseUrl}/setup.html`);
    await page.getByRole('heading', { name: 'Set up Afterglow for your clinic' }).waitFor();
    const preview = page.getByTestId('setup-preview');
    await preview.getByRole('region', { name: 'Welcome' }).waitFor();

    // Your clinic.
    await field(page, 'Clinic name').fill('Riverside Clinic');
    await field(page, 'Journal name in the browser\'s storage').fill('Riverside!');
    await problemOf(page, 'data-namespace').getByText(/must be 1 to 32 characters/).waitFor();
    assert.equal(await field(page, 'Journal name in the browser\'s storage').getAttribute('aria-invalid'), 'true');
    await field(page, 'Journal name in the browser\'s storage').fill('riverside');
    await assertFixed(page, 'data-namespace');
    await field(page, 'Stage a new journal starts in').selectOption('preparation');

    // Look: a pale accent says its ratio and offers the nearest colour that passes.
    await field(page, 'Accent colour, light theme').fill('#e3a8d6');
    await problemOf(page, 'data-accent').getByText(/has a contrast of [\d.]+:1 in the light theme/).waitFor();
    const use = problemOf(page, 'data-accent').getByRole('button', { name: /^Use #[0-9a-f]{6}$/ });
    const suggested = (await use.textContent()).replace('Use ', '');
    await use.click();
    assert.equal(await field(page, 'Accent colour, light theme').inputValue(), suggested);
    await assertFixed(page, 'data-accent');
    await field(page, 'Accent colour, dark theme').fill('#a5d6a7');
    await field(page, 'Font').fill('Georgia, serif');
    await field(page, 'Corner radius').fill('30');
    await problemOf(page, 'data-radius').getByText(/not a radius from 0 to 24 pixels/).waitFor();
    await field(page, 'Corner radius').fill('4');
    await assertFixed(page, 'data-radius');

    // Crisis and contact, in boxes: no way to reach it, a link that is not https:, then right.
    await page.getByRole('button', { name: 'Add a resource' }).click();
    await item(page, 'Resource 1').getByLabel('Name').fill('Samaritans');
    await problemOf(page, 'crisis').getByText(/needs at least one of "phone", "text" or "url"/).waitFor();
    await item(page, 'Resource 1').getByLabel('Website (https:)').fill('http://www.samaritans.org');
    await problemOf(page, 'crisis').getByText(/https/).waitFor();
    await item(page, 'Resource 1').getByLabel('Website (https:)').fill('https://www.samaritans.org');
    await item(page, 'Resource 1').getByLabel('Phone number').fill('116 123');
    await page.getByRole('button', { name: 'Add a resource' }).click();
    await item(page, 'Resource 2').getByLabel('Name').fill('Emergency');
    await item(page, 'Resource 2').getByLabel('Phone number').fill('999');
    await assertFixed(page, 'crisis');
    // The same section as JSON: what the boxes wrote, and a JSON mistake named.
    const crisisJson = await jsonBox(page, 'Crisis resources for your region');
    assert.equal(
      await crisisJson.inputValue(),
      '[\n  { "name": "Samaritans", "phone": "116 123", "url": "https://www.samaritans.org" },\n  { "name": "Emergency", "phone": "999" }\n]',
    );
    const written = await crisisJson.inputValue();
    await crisisJson.fill(`${written},`);
    await problemOf(page, 'crisis').getByText(/This is not valid JSON/).waitFor();
    await page.getByText('The boxes cannot show this text as it is').first().waitFor();
    await page.getByText('Not in the snippet until its JSON is corrected: crisis.').waitFor();
    await crisisJson.fill(written);
    await assertFixed(page, 'crisis');
    await item(page, 'Contact').getByLabel('Name').fill('Riverside on-call');
    await item(page, 'Contact').getByLabel('Phone number').fill('+44 20 7946 0000');
    await assertFixed(page, 'contact');

    // Session days.
    await field(page, 'Ask for blood pressure and pulse').selectOption('on');
    await page.getByRole('button', { name: 'Add an item' }).click();
    await item(page, 'Item 1').getByLabel('Item').fill('My driver knows when to pick me up');
    await item(page, 'Item 1').getByLabel(/^Id/).fill('Driver!');
    await problemOf(page, 'checklist').locator('p').first().waitFor();
    await item(page, 'Item 1').getByLabel(/^Id/).fill('driver');
    await assertFixed(page, 'checklist');
    await page.getByRole('button', { name: 'Add a sign' }).click();
    await item(page, 'Sign 1').getByLabel('Sign').fill('I fainted');
    await item(page, 'Sign 1').getByLabel(/^Id/).fill('fainting');
    await item(page, 'Sign 1').getByLabel('Also show the crisis lines').check();
    await assertFixed(page, 'red_flags');

    // Questionnaires and reminders.
    await field(page, 'Questionnaires offered').fill('phq9,gad7,mood');
    await problemOf(page, 'data-questionnaires').getByText(/unknown questionnaire "mood"/).waitFor();
    await field(page, 'Questionnaires offered').fill('phq9,gad7,who5');
    await assertFixed(page, 'data-questionnaires');
    await field(page, 'Suggest each questionnaire again after').fill('120');
    await problemOf(page, 'data-questionnaire-days').getByText(/not a number of days from 1 to 90/).waitFor();
    await field(page, 'Suggest each questionnaire again after').fill('28');
    await field(page, 'In follow-up, suggest reviewing goals every').fill('30');
    await field(page, 'Remind to back up after').fill('7');

    // Prompts: one over its length, then right.
    await page.getByRole('button', { name: 'Add a prompt' }).click();
    await item(page, 'Prompt 1').getByLabel('Stage').selectOption('preparation');
    await item(page, 'Prompt 1').getByLabel('Prompt').fill('a'.repeat(301));
    await problemOf(page, 'prompts').getByText(/300/).waitFor();
    await item(page, 'Prompt 1').getByLabel('Prompt').fill('What music would you like to bring?');
    await item(page, 'Prompt 1').getByLabel(/^Id/).fill('music');
    await assertFixed(page, 'prompts');
    await page.getByText('Every option is one the journal accepts.').waitFor();

    // The preview runs that setup (after the welcome).
    await preview.getByText('Nobody at Riverside Clinic can read it unless you share it.').waitFor();
    const previewApp = new JournalPage(page, baseUrl, audit);
    await previewApp.skipWelcome();
    const previewed = await journalFacts(page, previewApp);
    assert.equal(previewed.notes, false, 'no setup note in the preview');
    assert.deepEqual(previewed.crisis, ['Call 116123 tel:116123', 'Call 999 tel:999']);
    assert.equal(previewed.prompt, 'What music would you like to bring?');
    assert.ok(previewed.checklist.includes('My driver knows when to pick me up') && previewed.checklist.length === 7, previewed.checklist.join(' | '));

    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifact('setup-desktop-light.png'), fullPage: false });

    // Copied, as a clinic would, into a plain page of its own.
    const snippet = await page.locator('.setup-code code').first().textContent();
    await page.getByRole('button', { name: 'Copy the snippet' }).click();
    await page.getByText('The snippet copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    assert.match(snippet, /^<script type="module" src="\/afterglow.js"><\/script>/);
    assert.match(snippet, /data-clinic="Riverside Clinic"/);
    const host = await context.newPage();
    audit.watch(host);
    await host.route(`${baseUrl}/clinic-page.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Riverside Clinic</title>
<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; object-src 'none'">
</head><body><main><h1>Your journal</h1>\n${snippet}\n</main></body></html>`,
      }),
    );
    const onSite = new JournalPage(host, baseUrl, audit);
    await host.goto(`${baseUrl}/clinic-page.html`);
    await onSite.ready();
    await onSite.skipWelcome();
    const served = await journalFacts(host, onSite);
    assert.deepEqual(served, previewed, 'the clinic page shows what the preview showed');
    await host.close();

    // Pasted back into an empty form: the same snippet.
    await page.reload();
    await page.getByRole('heading', { name: 'Set up Afterglow for your clinic' }).waitFor();
    await page.getByLabel('Paste the snippet from your page').fill(snippet);
    await page.getByRole('button', { name: 'Load it into the form' }).click();
    await page.getByText('The form now holds the pasted snippet.').waitFor();
    assert.equal(await field(page, 'Clinic name').inputValue(), 'Riverside Clinic');
    assert.equal(await page.locator('.setup-code code').first().textContent(), snippet);

    // What the form has no place for is named, not dropped.
    const odd = snippet.replace('<div data-afterglow', '<div data-afterglow data-colour="teal"').replace('"crisis":', '"sounds": true,\n    "crisis":');
    await page.getByLabel('Paste the snippet from your page').fill(odd);
    await page.getByRole('button', { name: 'Load it into the form' }).click();
    await page.getByText(/The attribute data-colour is not an Afterglow option/).waitFor();
    await page.getByText(/The JSON key "sounds" is not an Afterglow option/).waitFor();

    // The iframe variant's header is the one README documents.
    await page.getByLabel('Your clinic page\'s address').fill('https://www.clinic.example');
    await page.getByRole('radio', { name: /In an iframe/ }).check();
    const header = (await page.locator('.setup-headers code').first().textContent()).trim();
    assert.equal(header, 'Content-Security-Policy: frame-ancestors https://www.clinic.example');
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes('`Content-Security-Policy: frame-ancestors https://www.clinic.example`'), 'README documents that header');
    assert.match(await page.locator('.setup-code code').first().textContent(), /<iframe data-afterglow-frame src="\/"/);
  },
);

journey(
  'the setup page on a phone in the dark: axe clean, no sideways scrolling, and the keyboard starts at the form',
  async ({ page, context, baseUrl, audit }) => {
    await page.goto(`${baseUrl}/setup.html`);
    await page.getByRole('heading', { name: 'Set up Afterglow for your clinic' }).waitFor();
    await page.getByTestId('setup-preview').getByRole('region', { name: 'Welcome' }).waitFor();
    // The preview's welcome does not take the focus: the first Tab is the form's first field.
    await page.waitForFunction(() => document.activeElement?.id === 'setup-title');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'setup-data-clinic');
    await page.keyboard.type('Riverside Clinic');
    await page.getByTestId('setup-preview').getByText('Nobody at Riverside Clinic can read it unless you share it.').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifact('setup-360-dark.png'), fullPage: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow} px over)`);

    // The welcome can be replayed; the practice journal is gone once the page closes.
    const preview = page.getByTestId('setup-preview');
    await new JournalPage(page, baseUrl, audit).skipWelcome();
    await preview.getByRole('region', { name: 'Welcome' }).waitFor({ state: 'detached' });
    const practice = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('setup-preview:')).length);
    assert.ok((await practice()) > 0, 'the practice journal is stored while the page is open');
    await page.getByRole('button', { name: 'Replay the welcome' }).click();
    await preview.getByRole('region', { name: 'Welcome' }).waitFor();
    await new JournalPage(page, baseUrl, audit).skipWelcome();
    const other = await context.newPage();
    await page.close({ runBeforeUnload: true });
    await other.goto(`${baseUrl}/hosts/plain.html`).catch(() => {});
    const left = await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('setup-preview:')));
    assert.deepEqual(left, [], 'nothing of the practice journal is left');
    await other.close();
  },
  { viewport: { width: 360, height: 780 }, colorScheme: 'dark' },
);

async function assertFixed(page, id) {
  const problem = problemOf(page, id);
  for (let i = 0; i < 100 && (await problem.locator('p').count()) > 0; i += 1) await page.waitForTimeout(20);
  assert.equal(await problem.locator('p').count(), 0, `${id}: ${await problem.textContent()}`);
}
