// The experience: the first-run welcome, a keyboard-only journey (no mouse), and the
// manual theme switch.
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `max` times. */
async function tabTo(page, matches, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate(matches)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${matches}`);
}

const focusedName = (name) => new Function(`const el = (document.activeElement?.shadowRoot?.activeElement ?? document.activeElement);
  const text = (el.getAttribute('aria-label') || el.textContent || '').trim();
  return text === ${JSON.stringify(name)};`);

journey('first run: three short screens, then writing to a prompt that fits', async ({ app, page }) => {
  await app.open('/', { keepWelcome: true });
  const welcome = app.welcome();
  await welcome.getByText('1 of 3').waitFor();
  assert.equal(await page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement ?? document.activeElement).textContent), 'Welcome to Afterglow');
  assert.deepEqual(await axeViolations(page), []);
  await welcome.getByRole('button', { name: 'Next' }).click();
  assert.match(await welcome.textContent(), /Nobody at your clinic can read it/);
  assert.match(await welcome.textContent(), /download a backup/);
  await welcome.getByRole('button', { name: 'Next' }).click();
  await welcome.getByRole('combobox', { name: 'Where you are in treatment' }).selectOption({ label: 'Dosing' });
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await welcome.getByLabel('When was your last session? (optional)').fill(twoDaysAgo);
  await welcome.getByRole('button', { name: 'Start writing' }).click();
  await page.waitForFunction(() => (document.activeElement?.shadowRoot?.activeElement ?? document.activeElement)?.tagName === 'TEXTAREA');
  assert.match(await app.promptId(), /^dose2-/, 'two days after a session: a next-days prompt');
  await app.reload();
  assert.equal(await app.welcome().count(), 0, 'the welcome comes once');
  await app.goTo('Sessions');
  await page.getByRole('heading', { name: 'Session 1' }).waitFor();
});

journey('keyboard only: write an entry, check in, and reach crisis resources', async ({ app, page }) => {
  await app.open('/', { keepWelcome: true });
  await tabTo(page, focusedName('Skip'));
  await page.keyboard.press('Enter');

  await tabTo(page, () => (document.activeElement?.shadowRoot?.activeElement ?? document.activeElement)?.matches('textarea[id$="entry-text"]'));
  await page.keyboard.type('Written without a mouse.');
  await tabTo(page, focusedName('Save entry'));
  const outline = await page.evaluate(() => getComputedStyle((document.activeElement?.shadowRoot?.activeElement ?? document.activeElement)).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await app.status('Saved.').waitFor();

  await tabTo(page, focusedName('Check in: how are you?'), { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (document.activeElement?.shadowRoot?.activeElement ?? document.activeElement)?.matches('input[type=range][id*="checkin-mood"]'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await tabTo(page, focusedName('Save check-in'));
  await page.keyboard.press('Space');
  await app.status('Check-in saved.').waitFor();
  assert.match(await page.getByRole('region', { name: 'Recent check-ins' }).textContent(), /Mood 7,/);

  await tabTo(page, focusedName('Get help now'), { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await tabTo(page, focusedName('Call 988'));
  assert.equal(await page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement ?? document.activeElement).getAttribute('href')), 'tel:988');

  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['Written without a mouse.']);
});

journey('a manual dark theme holds across reloads and stays accessible', async ({ app, page }) => {
  await app.open();
  await app.goTo('Settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  const dark = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-afterglow]').shadowRoot.querySelector('.ag-app')).backgroundColor);
  assert.equal(await dark(), 'rgb(21, 19, 29)');
  await app.reload();
  assert.equal(await dark(), 'rgb(21, 19, 29)');
  await app.goTo('Today');
  assert.deepEqual(await axeViolations(page), []);
  await app.goTo('Settings');
  await page.getByRole('radio', { name: 'As this device is set' }).check();
  assert.equal(await dark(), 'rgb(251, 248, 244)', 'back to the light device setting');
});
