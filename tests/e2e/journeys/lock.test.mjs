// The lock, as a patient on a shared family computer lives it: turning it on leaves no
// word of the journal in storage; the next visit shows only the lock screen, with help
// one step away; a wrong passphrase is said and changes nothing; the passphrase or the
// recovery key opens everything; it locks itself after the minutes without use; a new
// passphrase keeps the recovery key working; another tab locks with it; turning it off
// gives the journal back as it was.
import assert from 'node:assert/strict';
import { artifact, journey, openContext, secondTab } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { JournalPage } from '../pages/journal.mjs';

const PASSPHRASE = 'quiet harbour lanterns';
const WORDS = ['heron', 'sister', 'lighthouse', 'Rivermouth', 'orchard'];

/** Every value of the journal's storage. */
const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('afterglow:')).map((k) => [k, localStorage.getItem(k)])));

/** Writes a journal with known words: two entries, a safety plan and a draft. */
async function journalWithWords(app) {
  await app.goTo('Settings');
  await app.open('/#/safety-plan');
  await app.safetyPlan().fillStep('1. Signs that a hard time is starting', 'Pacing the orchard at night');
  await app.safetyPlan().save();
  await app.goTo('Today');
  await app.write('Walked to the heron pools with my sister');
  await app.save();
  await app.write('An intention for Rivermouth');
  await app.save();
  await app.write('Drafting about the lighthouse');
  await app.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('lighthouse')));
}

async function turnOn(app) {
  await app.goTo('Settings');
  await app.lock().turnOn(PASSPHRASE);
  await app.status('Your journal is locked with your passphrase').waitFor();
  return app.lock().keepRecoveryKey();
}

journey('the lock on: no stored value holds a word of the journal, and only the passphrase or the recovery key opens it', async ({ app, page }) => {
  await app.open('/');
  await journalWithWords(app);
  const recoveryKey = await turnOn(app);
  assert.match(recoveryKey, /^([0-9A-Z]{4}-){8}[0-9A-Z]$/, 'the recovery key in groups');
  const values = await stored(page);
  for (const [key, value] of Object.entries(values)) {
    for (const word of WORDS) assert.ok(!value.toLowerCase().includes(word.toLowerCase()), `${word} in ${key}`);
    if (key !== 'afterglow:meta' && key !== 'afterglow:lock') assert.ok(value.startsWith('agx1'), `${key} is sealed`);
  }

  // The next visit: the lock screen only, with help one step away.
  await page.reload();
  const screen = app.lockScreen();
  await screen.ready();
  assert.equal(await app.nav().count(), 0, 'no navigation while locked');
  assert.equal(await page.getByText('heron').count(), 0);
  await page.getByRole('button', { name: 'Get help now' }).click();
  await page.getByText('988 Suicide & Crisis Lifeline').first().waitFor();
  await page.getByRole('button', { name: 'Get help now' }).click();

  // A wrong passphrase: said, nothing changed, no lockout.
  const before = await stored(page);
  await screen.unlock('not my passphrase');
  await screen.problem().getByText('That passphrase does not open this journal').waitFor();
  assert.deepEqual(await stored(page), before, 'a wrong passphrase changed storage');
  await screen.unlock('not it either');
  await screen.problem().getByText('That passphrase does not open this journal').waitFor();

  await screen.unlock(PASSPHRASE);
  await screen.opened();
  await app.goTo('Today');
  assert.equal(await app.editor().inputValue(), 'Drafting about the lighthouse', 'the draft comes back');
  await app.goTo('Journal');
  assert.deepEqual((await app.entryTexts()).sort(), ['An intention for Rivermouth', 'Walked to the heron pools with my sister']);

  // Lock now, then the recovery key, typed in lower case with spaces.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await screen.region().waitFor();
  assert.equal(await page.getByText('heron').count(), 0, 'nothing of the journal on the lock screen');
  await screen.unlockWithRecoveryKey(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await app.lockScreen().opened();
  await app.goTo('Journal');
  assert.equal((await app.entryTexts()).length, 2);
});

journey('the journal locks itself after the minutes without use, and when it comes back from hidden', async ({ app, page }) => {
  await app.open('/');
  await app.write('Before stepping away');
  await app.save();
  await turnOn(app);
  await app.lock().chooseMinutes(2);
  await app.status('It locks after 2 minutes without use').waitFor();
  // Three minutes pass with nothing done: the next key press finds it locked.
  await page.evaluate(() => {
    const real = Date.now;
    window.__agSkip = 3 * 60_000;
    Date.now = () => real() + window.__agSkip;
  });
  await page.keyboard.press('Tab');
  await app.lockScreen().region().waitFor();
  await app.lockScreen().unlock(PASSPHRASE);
  await app.lockScreen().opened();
  // Hidden for longer than the minutes, then shown again.
  await page.evaluate(() => (window.__agSkip += 3 * 60_000));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await app.lockScreen().region().waitFor();
  // The minutes chosen are kept with the lock.
  await app.lockScreen().unlock(PASSPHRASE);
  await app.lockScreen().opened();
  await app.goTo('Settings');
  assert.equal(await app.lock().card().getByLabel('Lock after this many minutes without use, or hidden').inputValue(), '2');
});

journey('a new passphrase: the old one no longer opens, the recovery key still does; turned off, the journal is plain again', async ({ app, page }) => {
  await app.open('/');
  await app.write('Kept through every change of the lock');
  await app.save();
  const recoveryKey = await turnOn(app);
  await app.lock().changePassphrase('wrong current one', 'a brand new passphrase');
  await app.lock().problem().getByText('That is not your current passphrase').waitFor();
  await app.lock().changePassphrase(PASSPHRASE, 'a brand new passphrase');
  await app.status('Your passphrase is changed').waitFor();
  await page.reload();
  const screen = app.lockScreen();
  await screen.ready();
  await screen.unlock(PASSPHRASE);
  await screen.problem().getByText('That passphrase does not open this journal').waitFor();
  await screen.unlockWithRecoveryKey(recoveryKey);
  await app.lockScreen().opened();
  await app.goTo('Settings');
  await app.lock().turnOff('a brand new passphrase');
  await app.status('The lock is off').waitFor();
  const values = await stored(page);
  assert.equal(values['afterglow:lock'], undefined, 'the lock record is gone');
  assert.ok(Object.values(values).every((v) => !v.startsWith('agx1')), 'every value is plain again');
  assert.ok(Object.values(values).some((v) => v.includes('Kept through every change of the lock')));
  await app.reload();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['Kept through every change of the lock']);
});

journey('another tab locks when the lock is turned on here, and needs the passphrase itself', async ({ app, page, context, baseUrl }) => {
  await app.open('/');
  await app.write('Seen from two tabs');
  await app.save();
  const other = await secondTab(context, baseUrl, '/');
  await turnOn(app);
  await other.app.lockScreen().region().waitFor();
  assert.equal(await other.page.getByText('Seen from two tabs').count(), 0);
  await other.app.lockScreen().unlock(PASSPHRASE);
  await other.app.lockScreen().opened();
  await other.app.goTo('Journal');
  assert.deepEqual(await other.app.entryTexts(), ['Seen from two tabs']);
  // Unlocked in one tab, the other stays as it was: each holds its own key.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await app.lockScreen().region().waitFor();
  assert.equal(await other.app.nav().count(), 1, 'locking one tab leaves the other open');
  assert.deepEqual(other.audit.problems, []);
});

journey('a backup locked with a passphrase holds no word of the journal, and restores elsewhere only with it', async ({ app }) => {
  await app.open('/');
  await app.write('The heron came back to the pond');
  await app.save();
  await app.goTo('Share');
  const file = await app.lockedBackup().download('backup passphrase words');
  assert.match(file.name, /^afterglow-backup-\d{4}-\d{2}-\d{2}\.locked\.json$/);
  assert.ok(!file.text.includes('heron'), 'the locked file holds the word');
  assert.equal(JSON.parse(file.text).version, 2);

  // Another device: the wrong passphrase shows nothing, the right one the usual choice.
  const context = await openContext();
  try {
    const other = new JournalPage(await context.newPage(), app.baseUrl, null);
    await other.open('/#/share');
    const restore = other.lockedBackup();
    await restore.choose(file);
    await restore.open('not the passphrase');
    await restore.problem().getByText('That passphrase does not open this backup').waitFor();
    await restore.open('backup passphrase words');
    await other.page.getByRole('button', { name: 'Merge into my journal' }).click();
    await other.status(/Backup merged/).waitFor();
    await other.goTo('Journal');
    assert.deepEqual(await other.entryTexts(), ['The heron came back to the pond']);
  } finally {
    await context.close();
  }
});

for (const [label, options] of [
  ['a phone in dark mode', { viewport: { width: 360, height: 780 }, colorScheme: 'dark' }],
  ['a desktop in light mode', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
]) {
  journey(`on ${label}: the lock's card and its screen are accessible, and the keyboard alone unlocks`, async ({ app, page }) => {
    await app.open('/');
    await app.goTo('Settings');
    await app.lock().turnOn(PASSPHRASE);
    await app.lock().recoveryKey().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    const name = label.replaceAll(' ', '-');
    await app.lock().recoveryKey().screenshot({ path: artifact(`lock-recovery-${name}.png`) });
    await app.lock().keepRecoveryKey();
    await app.lock().lockNow();
    const screen = app.lockScreen();
    await screen.region().waitFor();
    // Locked by the patient: the field is ready to type in.
    await page.waitForFunction(() => document.querySelector('[data-afterglow]').shadowRoot.activeElement?.type === 'password');
    await screen.unlock('wrong passphrase');
    await screen.problem().getByText('That passphrase does not open this journal').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifact(`lock-screen-${name}.png`) });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await screen.opened();
  }, options);
}

journey('a sealed value changed on the device is set aside, and the rest of the locked journal opens', async ({ app, page }) => {
  await app.open('/');
  await app.write('The first entry stays readable');
  await app.save();
  await app.write('The second entry is damaged');
  await app.save();
  await turnOn(app);
  // Flip one character in the middle of the second entry's sealed value.
  const damaged = await page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('afterglow:e:')).sort();
    const key = keys.at(-1);
    const v = localStorage.getItem(key);
    const i = Math.floor(v.length / 2);
    localStorage.setItem(key, v.slice(0, i) + (v[i] === '\u4e00' ? '\u4e01' : '\u4e00') + v.slice(i + 1));
    return key;
  });
  await page.reload();
  await app.lockScreen().ready();
  await app.lockScreen().unlock(PASSPHRASE);
  await app.lockScreen().opened();
  await page.getByText(/1 saved item could not be read/).waitFor();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['The first entry stays readable']);
  const kept = await page.evaluate((k) => localStorage.getItem(k.replace('afterglow:', 'afterglow:quarantine:')) !== null, damaged);
  assert.ok(kept, 'the damaged value is kept aside, not deleted');
});

journey('a lock record this version cannot read keeps the journal closed and says so, changing nothing', async ({ app, page }) => {
  await app.open('/');
  await app.write('Kept behind a newer lock');
  await app.save();
  await turnOn(app);
  await page.evaluate(() => localStorage.setItem('afterglow:lock', '{"v":9,"argon2id":true}'));
  await page.reload();
  const screen = app.lockScreen();
  await screen.ready();
  const before = await stored(page);
  await screen.unlock(PASSPHRASE);
  await screen.problem().getByText('set by a newer version of Afterglow').waitFor();
  assert.deepEqual(await stored(page), before, 'nothing of it was changed');
  assert.equal(await app.nav().count(), 0);
});

journey('a clinic page that takes the journal away just after the lock is turned on, and brings it back, finds it locked and whole', async ({ app, page }) => {
  await app.open('/');
  await app.write('Kept while the clinic page changed');
  await app.save();
  await turnOn(app);
  // A single-page clinic site moves on: the host leaves the document while the lock's
  // second pass (three seconds after turning it on) is still due, then comes back.
  await page.evaluate(() => {
    const host = document.querySelector('[data-afterglow]');
    window.__agHost = [host, host.parentNode];
    host.remove();
  });
  await page.waitForTimeout(3500);
  await page.evaluate(() => {
    const [host, parent] = window.__agHost;
    parent.append(host);
  });
  const screen = app.lockScreen();
  await screen.ready();
  await screen.unlock(PASSPHRASE);
  await screen.opened();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['Kept while the clinic page changed']);
});

journey('a locked start whose lock screen cannot be fetched says so, with help one step away, and Try again brings it', async ({ app, page, audit }) => {
  await app.open('/');
  await turnOn(app);
  // The lock screen is in the lock's chunk: a fresh load without it.
  let offline = true;
  await page.route(/afterglow-lock-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.reload();
  const failed = page.getByRole('alert').filter({ hasText: 'This part of Afterglow did not load' });
  await failed.waitFor();
  assert.match(await failed.textContent(), /Your journal is safe on this device, and still locked/);
  assert.equal(await app.nav().count(), 0, 'no navigation while locked');
  await page.getByRole('button', { name: 'Get help now' }).click();
  await page.getByText('988 Suicide & Crisis Lifeline').first().waitFor();
  await page.getByRole('button', { name: 'Get help now' }).click();
  offline = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  const screen = app.lockScreen();
  await screen.ready();
  await screen.unlock(PASSPHRASE);
  await screen.opened();
  const expected = (p) => /console error: (Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch|.*afterglow-lock-)|request after the app had loaded: .*afterglow-lock-/.test(p);
  audit.problems.splice(0, audit.problems.length, ...audit.problems.filter((p) => !expected(p)));
}, { serviceWorkers: 'block' });
