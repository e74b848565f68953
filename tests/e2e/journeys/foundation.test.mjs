// The foundation slice: a patient sees their stage and a prompt, writes, reloads, and
// finds the entry; drafts survive a closed tab; bad storage never blanks the page.
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { VIEWS } from '../harness/views.mjs';
import { Audit } from '../harness/audit.mjs';
import { JournalPage } from '../pages/journal.mjs';
import { entryRecord, journalStore, plantOnce } from '../harness/seed.mjs';

journey('a patient writes to a prompt, reloads, and finds the entry', async ({ app }) => {
  await app.open();
  assert.equal(await app.stage(), 'Evaluation');
  assert.match(await app.promptId(), /^eval-/, 'an evaluation prompt is offered');
  assert.deepEqual(await axeViolations(app.page), []);

  await app.chooseStage('Preparation');
  const first = await app.prompt();
  assert.match(await app.promptId(), /^prep-/, 'the prompt follows the stage');
  await app.anotherPrompt();
  assert.match(await app.promptId(), /^prep-/);
  const second = await app.prompt();
  assert.notEqual(second, first);

  await app.write('More patience with myself.');
  await app.save();
  assert.equal(await app.editor().inputValue(), '', 'the editor is cleared after saving');
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['More patience with myself.']);
  const entry = app.entries().first();
  assert.match(await entry.textContent(), /Preparation/);
  assert.match(await entry.textContent(), new RegExp(second.replace('?', '\\?')));
  assert.deepEqual(await axeViolations(app.page), []);

  await app.reload();
  assert.equal(await app.currentView(), 'Journal', 'the view is kept in the URL');
  assert.deepEqual(await app.entryTexts(), ['More patience with myself.']);
  await app.goTo('Today');
  assert.equal(await app.stage(), 'Preparation');
});

journey('entries list newest first and hostile text stays text', async ({ app, page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; return d.dismiss(); });
  await app.open();
  const hostile = '<img src=x onerror="alert(1)"> **not bold** =SUM(A1)';
  await app.write('first');
  await app.save();
  await app.write(hostile);
  await app.markPrivate();
  await app.save();
  await app.reload();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), [hostile, 'first']);
  assert.match(await app.entries().first().textContent(), /Private/);
  assert.equal(await app.images().count(), 0, 'no element was made from the text');
  assert.equal(dialogs, 0);
});

journey('text typed and left unsaved is back after the tab is closed', async ({ app, context }) => {
  await app.open();
  await app.write('I was in the middle of a sent');
  await app.page.close({ runBeforeUnload: true });

  const page = await context.newPage();
  const audit = new Audit();
  audit.watch(page);
  const again = new JournalPage(page, app.baseUrl, audit);
  await again.open();
  assert.equal(await again.editor().inputValue(), 'I was in the middle of a sent');
  await again.wordsBack().waitFor();
  assert.deepEqual(audit.problems, []);
});

journey(
  'blocked storage: the journal still works, and says nothing will be kept',
  async ({ app }) => {
    await app.open();
    await app.alert().filter({ hasText: 'Nothing will be kept.' }).waitFor();
    await app.write('Still worth writing down.');
    await app.save();
    await app.goTo('Journal');
    assert.deepEqual(await app.entryTexts(), ['Still worth writing down.']);
    assert.deepEqual(await axeViolations(app.page), []);
  },
  {
    initScript: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  },
);

journey(
  'blocked storage, and the chunk with the full banner never comes: the short warning still says it',
  async ({ app, page, audit }) => {
    // The full banner (with its link to a backup) comes with Today's chunk; the first
    // screen says the warning in short from the first paint, and for good if it fails.
    await page.route(/afterglow-today-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected'));
    await app.open();
    const warning = app.alert().filter({ hasText: 'Nothing will be kept.' });
    await warning.waitFor();
    await app.prefetched();
    assert.equal(await warning.count(), 1);
    assert.equal(await app.q.getByRole('link', { name: 'Download a backup before you leave' }).count(), 0);
    await app.write('Still worth writing down.');
    await app.save();
    const expected = (p) => /console error: (Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch)/.test(p);
    audit.problems.splice(0, audit.problems.length, ...audit.problems.filter((p) => !expected(p)));
  },
  {
    initScript: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  },
);

journey(
  'an unreadable stored entry is reported, kept, and the rest loads',
  async ({ app, page }) => {
    await app.open();
    await app.status('1 saved item could not be read. It was set aside, not deleted').waitFor();
    await app.goTo('Journal');
    assert.deepEqual(await app.entryTexts(), ['kept entry']);
    await app.goTo('Today');
    await app.write('a new one');
    await app.save();
    assert.equal(await page.evaluate(() => localStorage.getItem('afterglow:quarantine:e:broken')), '{"id":"broken",');
    assert.equal(await page.evaluate(() => localStorage.getItem('afterglow:e:broken')), null);
    const saved = JSON.parse((await app.storage().downloadSetAside()).text);
    assert.deepEqual(saved, { 'afterglow:quarantine:e:broken': '{"id":"broken",' });
  },
  {
    initScript: plantOnce({
      'afterglow:e:broken': '{"id":"broken",', // cut off: not JSON
      ...journalStore({ meta: null, records: [entryRecord({ id: 'kept-1', c: 1764104645000, s: 'dosing', t: 'kept entry' })] }),
    }),
  },
);

journey(
  'every view is accessible in dark mode on a 360 px phone, without sideways scrolling',
  async ({ app, page }) => {
    await app.open();
    await app.justHadSession();
    await app.write('evening, a long unbroken word: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await app.save();
    for (const view of VIEWS) {
      await app.goTo(view);
      assert.deepEqual(await axeViolations(page), [], view);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view}: horizontal overflow of ${overflow}px`);
    }
  },
  { viewport: { width: 360, height: 640 }, colorScheme: 'dark' },
);


journey('once loaded and in use, the app makes no request at all', async ({ app, page }) => {
  await app.open();
  await app.chooseStage('Dosing');
  await app.write('quiet');
  await app.save();
  await app.anotherPrompt();
  // Long enough for any deferred beacon, retry or lazy load to show itself.
  await page.waitForTimeout(3000);
});
