// Between sessions, as a patient in Chicago lives it: two sessions planned (one in winter,
// one in summer time), reminders chosen in Settings, and the calendar file read by an
// outside parser (Python's icalendar): every event at the right moment through the file's
// own time zone, the check-in's weekly rule and its alert, the same UIDs when downloaded
// again, and no word that tells a lock screen what it is for unless the patient wrote it.
// Then a seeded leap year walked day by day on Mood, and steps by area of life.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifact, journey } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { printed } from '../harness/pdf.mjs';
import { checkInRecord, journalStore, plantOnce, recordId, sessionRecord } from '../harness/seed.mjs';

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
  // The CSV carries each step with its area by its stored name, in columns added at the end.
  const csv = await share.downloadCsv();
  const [header, ...rows] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.deepEqual(header.split(',').slice(-4), ['goal', 'area', 'due', 'done_at']);
  const step = (text) => rows.find((r) => r.startsWith('action-step,') && r.includes(`,${text},`))?.split(',');
  assert.deepEqual(step('Walk by the river')?.slice(-3, -1), ['nature', ''], csv.text);
  assert.match(step('Walk by the river').at(-1), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'when it was done');
  assert.deepEqual(step('Stretch before bed').slice(-3), ['body', '', '']);
  assert.deepEqual(step('Call my sister').slice(-3), ['relationships', '', '']);
});

// A leap year in Chicago: a check-in late on 10 March 2024 (summer time began that night,
// so it is 11 March in UTC) counts on the 10th; two sessions; three stages with gaps.
const at = (iso) => Date.parse(iso);
const SEEDED_YEAR = (() => {
  const checkIns = [
    ['2024-01-01T15:00:00Z', 2, 'preparation'],
    ['2024-01-20T15:00:00Z', 4, 'preparation'],
    ['2024-02-29T15:00:00Z', 6, 'preparation'],
    ['2024-03-10T16:00:00Z', 7, 'dosing'],
    ['2024-03-11T03:00:00Z', 9, 'dosing'],
    ['2024-06-01T15:00:00Z', 7, 'integration'],
    ['2024-12-31T23:30:00Z', 10, 'integration'],
  ].map(([when, m, s], i) => checkInRecord({ id: recordId(at(when), 300 + i), at: at(when), s, m, a: 3, en: 5 }));
  const sessions = ['2024-03-10T15:00:00Z', '2024-06-05T15:00:00Z'].map((when, i) =>
    sessionRecord({ id: recordId(at(when), 400 + i), at: at(when), n: i + 1, mb: 4, ma: 6 }));
  return plantOnce(journalStore({ prefs: { stage: 'integration', w: true }, records: [...checkIns, ...sessions] }));
})();

journey(
  'a seeded leap year on Mood: walked by keyboard day by day in Chicago time, read as a table, printed on one page',
  async ({ app, page }) => {
    await app.open('/');
    await app.goTo('Mood');
    const mood = app.mood();
    await mood.year().waitFor();
    // This year first (nothing in it), then the journal's years back to 2024.
    assert.deepEqual(
      await mood.year().getByRole('combobox', { name: 'Year' }).locator('option').allTextContents(),
      [String(new Date().getFullYear()), ...Array.from({ length: new Date().getFullYear() - 2024 }, (_, i) => String(new Date().getFullYear() - 1 - i))],
    );
    await mood.chooseYear(2024);
    assert.equal(await mood.walkYear('Home'), 'Monday, January 1, 2024: mood 2.0 · Preparation');
    // Across a desktop: down is the next day, right the next week, Page Down the next month.
    assert.equal(await mood.walkYear('PageDown'), 'Thursday, February 1, 2024: no check-in · Preparation');
    assert.equal(await mood.walkYear('ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight'), 'Thursday, February 29, 2024: mood 6.0 · Preparation');
    assert.equal(await mood.walkYear('ArrowDown'), 'Friday, March 1, 2024: no check-in');
    assert.equal(await mood.walkYear('ArrowRight', 'ArrowDown', 'ArrowDown'), 'Sunday, March 10, 2024: mood 8.0 · a dosing session · Dosing');
    assert.equal(await mood.walkYear('ArrowDown'), 'Monday, March 11, 2024: no check-in', 'the late check-in counts on its own day');
    assert.equal(await mood.walkYear('ArrowUp', 'ArrowUp'), 'Saturday, March 9, 2024: no check-in');
    assert.equal(await mood.walkYear('End'), 'Tuesday, December 31, 2024: mood 10.0 · Integration');
    assert.equal(await mood.walkYear('ArrowDown', 'ArrowRight'), 'Tuesday, December 31, 2024: mood 10.0 · Integration', 'never past the year');
    // A click (or a tap) chooses a day as well: 5 June is the 157th day of 2024.
    await mood.year().locator('rect[data-i="156"]').click();
    assert.equal(await mood.yearDay(), 'Wednesday, June 5, 2024: no check-in · a dosing session · Integration');
    // The table holds the days with something on them, in order.
    const table = await mood.yearTable();
    await table.locator('tbody tr').last().waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [
      ['Jan 1, 2024', '2.0', '–', 'Preparation'],
      ['Jan 20, 2024', '4.0', '–', 'Preparation'],
      ['Feb 29, 2024', '6.0', '–', 'Preparation'],
      ['Mar 10, 2024', '8.0', '1', 'Dosing'],
      ['Jun 1, 2024', '7.0', '–', 'Integration'],
      ['Jun 5, 2024', '–', '1', 'Integration'],
      ['Dec 31, 2024', '10.0', '–', 'Integration'],
    ]);
    assert.match(await table.locator('caption').textContent(), /^2024: days with a check-in or a session \(7\)$/);
    assert.deepEqual(await axeViolations(page), []);
    await mood.year().screenshot({ path: artifact('year-desktop-light.png') });
    // "Print the year": the card alone, on one page.
    await page.evaluate(() => { window.print = () => {}; });
    await mood.year().getByRole('button', { name: 'Print the year' }).click();
    const pdf = await printed(page);
    assert.equal(pdf.pages, 1);
    assert.match(pdf.text, /2024 at a glance/);
    assert.doesNotMatch(pdf.text, /Save check-in|Mood over time|Show the year as a table/);
  },
  { initScript: SEEDED_YEAR, timezoneId: 'America/Chicago', locale: 'en-US' },
);

journey(
  'the year on a 360 px phone in dark mode: weeks run down, left and right move a day, and axe is clean',
  async ({ app, page }) => {
    await app.open('/');
    await app.goTo('Mood');
    const mood = app.mood();
    await mood.chooseYear(2024);
    assert.equal(await mood.walkYear('End', 'ArrowLeft'), 'Monday, December 30, 2024: no check-in · Integration');
    assert.equal(await mood.walkYear('ArrowUp'), 'Monday, December 23, 2024: no check-in · Integration');
    assert.match(await mood.year().getByText(/With the keyboard/).textContent(), /left and right move a day, up and down a week/);
    assert.deepEqual(await axeViolations(page), []);
    await mood.year().screenshot({ path: artifact('year-360-dark.png') });
  },
  { initScript: SEEDED_YEAR, timezoneId: 'America/Chicago', locale: 'en-US', viewport: { width: 360, height: 780 }, colorScheme: 'dark' },
);
