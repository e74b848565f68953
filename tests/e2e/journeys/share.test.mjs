// Sharing, as the patient does it: the summary previewed, downloaded as Markdown (and
// rendered by a real CommonMark renderer), printed; the CSV and the full backup
// downloaded and checked; the backup restored into an empty browser profile; bad files
// refused; a replace undone. Downloads are made in the page: the audit stays at zero.
import assert from 'node:assert/strict';
import * as commonmark from 'commonmark';
import { journey, openContext, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { Audit } from '../harness/audit.mjs';
import { JournalPage } from '../pages/journal.mjs';

async function buildJournal(app) {
  await app.chooseStage('Preparation');
  await app.write('More patience with myself');
  await app.markIntention();
  await app.save();
  await app.justHadSession();
  await app.write('<img src=x onerror=alert(1)> # not a heading\n=SUM(A1) and **stars**');
  await app.save();
  await app.write('SECRET: only for me');
  await app.markPrivate();
  await app.save();
  await app.goTo('Mood');
  await app.checkIn({ mood: 7, anxiety: 2, note: '=HYPERLINK("http://x"), "quoted"' });
}

const today = new Date().toISOString().slice(0, 10);

journey('the summary downloads as Markdown that renders safely and prints alone', async ({ app, page }) => {
  await app.open();
  await buildJournal(app);
  const share = app.share();
  await app.goTo('Share');
  const preview = share.preview();
  await preview.waitFor();
  const text = await preview.textContent();
  assert.match(text, /More patience with myself/);
  assert.match(text, /=SUM\(A1\) and \*\*stars\*\*/);
  assert.doesNotMatch(text, /SECRET/, 'private entries never appear');
  assert.equal(await preview.locator('img').count(), 0);
  assert.deepEqual(await axeViolations(page), []);

  const md = await share.downloadMarkdown();
  assert.match(md.name, new RegExp(`^afterglow-summary-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  assert.doesNotMatch(md.text, /SECRET/);
  assert.match(md.text, /^# Journal summary\n/);
  const html = new commonmark.HtmlRenderer({ safe: true }).render(new commonmark.Parser().parse(md.text));
  assert.doesNotMatch(html, /<img|<h1>not a heading|<strong>stars/, 'patient text never becomes markup');
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; # not a heading/);
  assert.match(html, /<h2>Dosing sessions<\/h2>/);

  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() =>
    ['.ag-nav', '.ag-header', '.ag-summary', '.ag-no-print'].map((s) => getComputedStyle(document.querySelector('[data-afterglow]').shadowRoot.querySelector(s)).display),
  );
  assert.deepEqual(shown, ['none', 'none', 'block', 'none'], 'only the summary prints');
  await page.screenshot({ path: artifact('summary-print.png'), fullPage: true }).catch(() => {});
});

journey('unticking a section and an entry leaves them out of the summary', async ({ app, page }) => {
  await app.open();
  await buildJournal(app);
  const share = app.share();
  await app.goTo('Share');
  await share.include('Dosing sessions').uncheck();
  await share.chooseEntries();
  await share.include(/More patience/).uncheck();
  const preview = share.preview();
  assert.equal(await preview.getByRole('heading', { name: 'Dosing sessions' }).count(), 0);
  assert.equal(await preview.locator('.ag-marker').count(), 0, 'a left-out session is not marked on the chart either');
  assert.doesNotMatch(await preview.textContent(), /Dosing sessions marked/);
  assert.equal(await preview.getByRole('heading', { name: 'Intentions' }).count(), 1);
  assert.equal(await preview.getByRole('paragraph').filter({ hasText: 'More patience' }).count(), 0, 'the entry is left out');
});

journey('the CSV opens cleanly in a spreadsheet: header, BOM, quoted and neutralised', async ({ app, page }) => {
  await app.open();
  await buildJournal(app);
  await app.goTo('Share');
  const csv = await app.share().downloadCsv();
  assert.equal(csv.name, `afterglow-checkins-${today}.csv`);
  assert.ok(csv.text.startsWith('\ufeffkind,recorded_at,stage,mood,anxiety,energy'));
  const row = csv.text.split('\r\n')[1];
  assert.match(row, /^check-in,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,dosing,7,2,/);
  assert.match(row, /"'=HYPERLINK\(""http:\/\/x""\), ""quoted"""/);
});

journey('a backup restores into an empty browser profile, and merging twice adds nothing', async ({ app, page }) => {
  await app.open();
  await buildJournal(app);
  await app.goTo('Share');
  const backup = await app.share().downloadBackup();
  assert.equal(backup.name, `afterglow-backup-${today}.json`);
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.format, 'afterglow-backup');
  assert.equal(parsed.version, 1);

  // A different, empty profile.
  const context = await openContext();
  const fresh = await context.newPage();
  const audit = new Audit();
  audit.watch(fresh);
  const other = new JournalPage(fresh, app.baseUrl, audit);
  const restore = other.restore();
  await other.open('/#/share');
  const file = { name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) };
  await restore.fromFile(file);
  assert.match(await restore.offer().textContent(), /holds 3 entries, 1 dosing session(,| and) 1 check-in\b/);
  await restore.merge();
  await other.status(/Backup merged: 5 added/).waitFor();
  await other.reload();
  await other.goTo('Journal');
  assert.equal((await other.entryTexts()).length, 3);
  assert.match((await other.entryTexts()).join(' '), /SECRET/, 'the patient\u2019s own backup keeps private entries');

  await other.goTo('Share');
  await restore.fromFile(file);
  await restore.merge();
  await other.status(/0 added, 0 updated from the file, 5 kept/).waitFor();
  await other.goTo('Journal');
  assert.equal((await other.entryTexts()).length, 3, 'no duplicates');
  assert.deepEqual(audit.problems, []);
  await context.close();
});

journey('wrong files are refused with a reason and change nothing; replace can be undone', async ({ app, page }) => {
  await app.open();
  await app.write('kept safe');
  await app.save();
  const restore = app.restore();
  await app.goTo('Share');
  const refuse = async (name, text, reason) => {
    await restore.fromFile({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await app.alert().filter({ hasText: reason }).waitFor();
    assert.equal(await restore.offer().count(), 0, name);
  };
  await refuse('notes.json', 'Dear diary', 'not an Afterglow backup file');
  await refuse('cut.json', '{"format":"afterglow-backup","version":1,"journal":{"stage":"dos', 'incomplete');
  await refuse('other.json', '{"hello":"world"}', 'not an Afterglow backup');
  await refuse('future.json', '{"format":"afterglow-backup","version":9}', 'newer version of Afterglow');
  await refuse('types.json', '{"format":"afterglow-backup","version":1,"exported_at":"x","app_version":"1","journal":{"stage":5}}', 'damaged');

  const empty = '{"format":"afterglow-backup","version":1,"exported_at":"2026-01-01T00:00:00Z","app_version":"0.1.0","journal":{"stage":"follow-up"}}';
  await restore.fromFile({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from(empty) });
  await restore.replace();
  await app.status('Your journal was replaced with the backup.').waitFor();
  await app.goTo('Journal');
  assert.equal(await app.entries().count(), 0);
  await app.goTo('Share');
  await restore.undoButton().click();
  await app.status('The restore was undone').waitFor();
  await app.reload();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['kept safe']);
});

journey('each Include box is ticked by its own label and changes its own part of the preview', async ({ app, page }) => {
  await app.open();
  await buildJournal(app);
  const share = app.share();
  await app.goTo('Share');
  const preview = share.preview();
  const parts = [
    ['Dosing sessions', 'Dosing sessions'],
    ['Mood check-ins', 'Mood check-ins'],
    ['Intentions', 'Intentions'],
    ['Journal entries', 'Journal entries'],
  ];
  const boxes = ['Dosing sessions', 'Mood check-ins', 'Questionnaire scores', 'Intentions', 'Insights and steps', 'Journal entries', 'Group entries by stage'];
  const heading = (name) => preview.getByRole('heading', { name, exact: true });
  for (const [label, part] of parts) {
    await heading(part).waitFor();
    await share.include(label, { exact: true }).click();
    await heading(part).waitFor({ state: 'detached' });
    for (const other of boxes) {
      const checked = await share.include(other, { exact: true }).isChecked();
      assert.equal(checked, other !== label, `${other} after unticking ${label}`);
    }
    await share.include(label, { exact: true }).click();
    await heading(part).waitFor();
  }
});
