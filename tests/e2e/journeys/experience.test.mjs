// The experience: the first-run welcome, a keyboard-only journey (no mouse), and the
// manual theme switch.
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { checkInRecord, journalStore, plantOnce, recordId } from '../harness/seed.mjs';

/**
 * Presses Tab (or Shift+Tab) until `matches(the focused element, as app.focused() describes
 * it)` holds, at most `max` times.
 */
async function tabTo(app, matches, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (matches(await app.focused())) return;
    await app.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${matches}`);
}

/** The focused element is named `name` (its aria-label, else its text). */
const focusedName = (name) => (focused) => focused.name === name;

journey('first run: three short screens, then writing to a prompt that fits', async ({ app, page }) => {
  await app.open('/', { keepWelcome: true });
  const welcome = app.welcome();
  await welcome.getByText('1 of 3').waitFor();
  assert.equal((await app.focused()).text, 'Welcome to Afterglow');
  assert.deepEqual(await axeViolations(page), []);
  await welcome.getByRole('button', { name: 'Next' }).click();
  assert.match(await welcome.textContent(), /Nobody at your clinic can read it/);
  assert.match(await welcome.textContent(), /download a backup/);
  await welcome.getByRole('button', { name: 'Next' }).click();
  await welcome.getByRole('combobox', { name: 'Where you are in treatment' }).selectOption({ label: 'Dosing' });
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await welcome.getByLabel('When was your last session? (optional)').fill(twoDaysAgo);
  await welcome.getByRole('button', { name: 'Start writing' }).click();
  await app.waitForFocus((focused) => focused?.tag === 'TEXTAREA');
  assert.match(await app.promptId(), /^dose2-/, 'two days after a session: a next-days prompt');
  await app.reload();
  assert.equal(await app.welcome().count(), 0, 'the welcome comes once');
  await app.goTo('Sessions');
  await app.sessions().heading(1).waitFor();
});

// A journal from before the welcome's flag that holds only a check-in: check-ins are read
// just after the first paint, so at start the journal looks empty, but a record left for
// later means it is not, and the welcome stays away.
const ONLY_A_CHECK_IN = (() => {
  const at = Date.now() - 86_400_000;
  return plantOnce(journalStore({ prefs: { stage: 'integration' }, records: [checkInRecord({ id: recordId(at, 1), at, m: 6, a: 3, en: 5 })] }));
})();

journey(
  'a journal holding only a check-in does not greet its patient as new',
  async ({ app }) => {
    await app.open('/', { keepWelcome: true });
    assert.equal(await app.welcome().count(), 0, 'no welcome over a journal with a check-in');
    await app.goTo('Mood');
    await app.page.getByText('Mood 6, anxiety 3, energy 5', { exact: false }).first().waitFor();
  },
  { initScript: ONLY_A_CHECK_IN },
);

journey('keyboard only: write an entry, check in, and reach crisis resources', async ({ app, page }) => {
  await app.open('/', { keepWelcome: true });
  await tabTo(app, focusedName('Skip'));
  await page.keyboard.press('Enter');

  await tabTo(app, (focused) => focused?.tag === 'TEXTAREA' && focused.id.endsWith('entry-text'));
  await page.keyboard.type('Written without a mouse.');
  await tabTo(app, focusedName('Save entry'));
  const { outline } = await app.focused();
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await app.status('Saved.').waitFor();

  await tabTo(app, focusedName('Check in: how are you?'), { back: true });
  await page.keyboard.press('Enter');
  await app.waitForFocus((focused) => focused?.tag === 'INPUT' && focused.type === 'range' && focused.id.includes('checkin-mood'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await tabTo(app, focusedName('Save check-in'));
  await page.keyboard.press('Space');
  await app.status('Check-in saved.').waitFor();
  assert.match(await app.mood().recent().textContent(), /Mood 7,/);

  await tabTo(app, focusedName('Get help now'), { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await tabTo(app, focusedName('Call 988'));
  assert.equal((await app.focused()).href, 'tel:988');

  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['Written without a mouse.']);
});

journey('a manual dark theme holds across reloads and stays accessible', async ({ app, page }) => {
  await app.open();
  await app.goTo('Settings');
  await app.settings().theme('Dark').check();
  const dark = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-afterglow]').shadowRoot.querySelector('.ag-app')).backgroundColor);
  assert.equal(await dark(), 'rgb(21, 19, 29)');
  await app.reload();
  assert.equal(await dark(), 'rgb(21, 19, 29)');
  await app.goTo('Today');
  assert.deepEqual(await axeViolations(page), []);
  await app.goTo('Settings');
  await app.settings().theme('As this device is set').check();
  assert.equal(await dark(), 'rgb(251, 248, 244)', 'back to the light device setting');
});
