// Between sessions, as a patient in Chicago lives it: two sessions planned (one in winter,
// one in summer time), reminders chosen in Settings, and the calendar file read by an
// outside parser (Python's icalendar): every event at the right moment through the file's
// own time zone, the check-in's weekly rule and its alert, the same UIDs when downloaded
// again, and no word that tells a lock screen what it is for unless the patient wrote it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifact, journey } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

const PYTHON = fileURLToPath(new URL('../../.venv/bin/python', import.meta.url));
const READER = fileURLToPath(new URL('../tools/read_ics.py', import.meta.url));
const TELLING = ['ketamine', 'session', 'dose', 'therapy', 'mood', 'journal'];

/** The file as Python's icalendar reads it. */
async function parsed(file) {
  const dir = await mkdtemp(join(tmpdir(), 'afterglow-ics-'));
  const path = join(dir, file.name);
  await writeFile(path, file.text);
  return JSON.parse(execFileSync(PYTHON, [READER, path], { encoding: 'utf8' }));
}

async function plan(app, when) {
  const day = app.sessionDay();
  await app.goTo('Sessions');
  await day.planLink().click();
  await day.when().fill(when);
  await day.planIt();
}

journey(
  'two planned sessions and a weekday check-in become a calendar file an outside parser reads as intended',
  async ({ app, page }) => {
    await app.open('/');
    await plan(app, '2027-01-14T10:00');
    await plan(app, '2027-07-08T09:30');
    await app.goTo('Settings');
    const reminders = app.calendarReminders();
    await reminders.checkInOn('Saturday', false);
    await reminders.checkInOn('Sunday', false);
    await reminders.checkInAt('08:15');
    const file = await reminders.downloadFile();
    assert.equal(file.name, 'afterglow-reminders.ics');
    await app.status(/Calendar file downloaded with 5 reminders/).waitFor();
    const cal = await parsed(file);
    assert.deepEqual(cal.zones, ['America/Chicago']);
    const by = (prefix) => cal.events.filter((e) => e.uid.startsWith(prefix));
    const [checkIn] = by('check-in.');
    assert.equal(checkIn.rrule, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    assert.match(checkIn.local, /T08:15:00$/);
    assert.equal(checkIn.alarms.length, 1);
    // The evening before, 19:00 in Chicago: six hours behind UTC in January, five in July.
    assert.deepEqual(by('before-').map((e) => [e.local, e.utc]), [
      ['2027-01-13T19:00:00', '2027-01-14T01:00:00+00:00'],
      ['2027-07-07T19:00:00', '2027-07-08T00:00:00+00:00'],
    ]);
    assert.deepEqual(by('after-').map((e) => e.local), ['2027-01-17T10:00:00', '2027-07-11T09:30:00']);
    for (const e of cal.events) {
      assert.equal(e.tzid, 'America/Chicago');
      assert.equal(e.alarms.length, 1, `${e.uid} alerts`);
      for (const word of TELLING) assert.ok(!e.summary.toLowerCase().includes(word), `${word} in ${e.summary}`);
    }

    // Downloaded again: the same events, so a calendar updates rather than duplicates.
    const again = await parsed(await reminders.downloadFile());
    assert.deepEqual(again.events.map((e) => e.uid), cal.events.map((e) => e.uid));

    // The patient's own words may say more; the card says what a lock screen would show.
    await reminders.changeWords('Words for the check-in', 'Ketamine journal time');
    await reminders.telling().getByText('ketamine, journal').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await reminders.card().screenshot({ path: artifact(`reminders-${(await page.viewportSize()).width}.png`) });
    const theirs = await parsed(await reminders.downloadFile());
    assert.equal(theirs.events.find((e) => e.uid.startsWith('check-in.')).summary, 'Ketamine journal time');
  },
  { timezoneId: 'America/Chicago' },
);

journey(
  'on a 360 px phone in dark mode the reminders card is accessible and says why its words are neutral',
  async ({ app, page }) => {
    await app.open('/');
    await app.goTo('Settings');
    const reminders = app.calendarReminders();
    await reminders.card().getByText('Afterglow has no server').waitFor();
    await reminders.changeWords('Words for the check-in', 'Afterglow: a moment for yourself');
    await reminders.card().getByText('say nothing about your treatment').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await reminders.card().screenshot({ path: artifact('reminders-360-dark.png') });
  },
  { viewport: { width: 360, height: 780 }, colorScheme: 'dark', timezoneId: 'Europe/Madrid' },
);

journey('steps by area of life: chosen as a step is added or later, counted by area under My plan, and carried into the summary', async ({ app, page }) => {
  await app.open('/');
  await app.goTo('My plan');
  const addStep = async (text, area) => {
    await page.getByLabel('A new action step').fill(text);
    if (area) await page.getByRole('combobox', { name: 'Area of life (optional)' }).last().selectOption({ label: area });
    await page.getByRole('button', { name: 'Add step' }).last().click();
    await app.status('Action step added.').waitFor();
  };
  await addStep('Walk by the river', 'Nature');
  await addStep('Stretch before bed', 'Body');
  await addStep('Call my sister');
  const call = page.getByRole('listitem').filter({ hasText: 'Call my sister' });
  await call.getByRole('combobox', { name: 'Area of life', exact: true }).selectOption({ label: 'Relationships' });
  await app.status('Step now under Relationships.').waitFor();
  await page.getByRole('checkbox', { name: 'Walk by the river' }).check();
  await app.status(/Step done/).waitFor();
  const byArea = page.getByRole('region', { name: 'By area of life' });
  await byArea.getByText('Nature: 1 of 1 done').waitFor();
  assert.match(await byArea.textContent(), /Body: 0 of 1 done/);
  assert.match(await byArea.textContent(), /Relationships: 0 of 1 done/);
  assert.match(await byArea.textContent(), /Bathje, Majeski & Kudowor \(2022\)/);
  assert.deepEqual(await axeViolations(page), []);
  // Reloaded: the areas were stored with the steps.
  await app.reload();
  await app.goTo('My plan');
  await page.getByRole('region', { name: 'By area of life' }).getByText('Relationships: 0 of 1 done').waitFor();

  await app.goTo('Share');
  const share = app.share();
  await share.include('Insights and steps', { exact: true }).check();
  await share.preview().getByText('Done: Walk by the river [Nature]').waitFor();
  assert.match(await share.preview().textContent(), /Open: Stretch before bed \[Body\]/);
  const md = await share.downloadMarkdown();
  assert.match(md.text, /- Done: Walk by the river \[Nature\]/);
  assert.equal(md.text.split('Bathje, Majeski & Kudowor (2022)').length - 1, 1, 'the source named once');
});
