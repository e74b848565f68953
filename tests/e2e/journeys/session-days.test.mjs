// Session days and safety, as a patient lives them: a session planned and its checklist
// ticked the day before; the session logged with medicines ticked; after-effects noted the
// next day, a red flag raising "contact your clinic today" with the clinic's number; a
// clinic's own checklist, red flag and vitals; a safety plan filled in, one step from
// every view, shown by a PHQ-9 item-9 answer, printed alone (read back as PDF text) and
// downloaded; and all of it restored into a new profile. The audit stays at zero.
import assert from 'node:assert/strict';
import { printed } from '../harness/pdf.mjs';
import { journey, restoreIntoNewProfile, secondTab, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { journalStore, plantOnce } from '../harness/seed.mjs';

const DAY = 24 * 60 * 60 * 1000;

/** Runs in the page: every clock reading is `offset` ms later (timers are left alone). */
function shiftClock(offset) {
  const RealDate = Date;
  const now = () => RealDate.now() + offset;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [now()]));
    }
    static now() {
      return now();
    }
  };
}

journey('a planned session: checklist the day before, logged with medicines, after-effects the next day raise a red flag', async ({ app, page, context, baseUrl }) => {
  const day = app.sessionDay();
  const share = app.share();
  await app.open('/hosts/plain.html');
  await app.goTo('Sessions');
  await day.planLink().click();
  // The form starts at tomorrow, ten o'clock.
  assert.match(await day.when().inputValue(), /T10:00$/);
  await day.planIt();
  assert.equal(await day.plannedHeading().count(), 1);

  // The day before, Today shows the next session and its checklist.
  await app.goTo('Today');
  await day.nextSessionHeading().waitFor();
  await day.checklistItem('A ride home is arranged').check();
  await day.checklistItem('Eye mask and headphones or a playlist').check();
  await day.checklistCount('2 of 6 ready').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await app.reload();
  assert.ok(await day.box('A ride home is arranged').isChecked(), 'a tick is stored');

  // A second tab sees the ticks as they are made.
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await day.box('No driving or big decisions until tomorrow').check();
  await otherApp.sessionDay().checklistCount('3 of 6 ready').waitFor();
  await other.close();

  // On the day: medicines ticked, then the session logged from its plan.
  await day.openPlanned();
  await day.medicinesTaken().check();
  await day.noteMedicines('Held my evening tablet, as the clinic asked');
  await day.logIt();
  await app.status('Session 1 logged, with its checklist and medicines.').waitFor();
  await day.sessionHeading(1).waitFor();
  assert.ok(await day.medicinesTaken().isChecked());
  await day.readyCount('3 of 6 ready').waitFor();

  // The next day, Today asks how the patient is; a red flag points to the clinic.
  await context.addInitScript(shiftClock, DAY);
  await app.reload();
  await app.goTo('Today');
  await day.howAreYouAfter(1);
  await day.noteAfterEffects();
  await day.level('Nausea', 'Mild').check();
  await day.sleptThatNight('Slept poorly');
  await day.box('Blood in my urine').check();
  await day.ownWords().fill('Tired and a bit wobbly');
  await day.saveAfterEffects();
  const alert = day.contactClinic();
  await alert.waitFor();
  assert.match(await alert.textContent(), /You noted: Blood in my urine/);
  assert.equal(await alert.getByRole('link', { name: 'Call Riverside Clinic (+442079460000)' }).getAttribute('href'), 'tel:+442079460000');
  assert.equal(await alert.getByRole('heading', { name: 'Help, right now' }).count(), 0, 'not urgent: the clinic, not the crisis lines');
  assert.match(await day.afterEffects().textContent(), /Nausea: mild\. Slept poorly\. Bladder: blood in urine/);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: artifact('session-day.png'), fullPage: true }).catch(() => {});

  // The medicines list, and the summary with what the patient ticks.
  const medicines = app.medicines();
  await app.goTo('Sessions');
  await medicines.open();
  await medicines.startAdding();
  await medicines.add({ name: 'Sertraline', dose: '50 mg', often: 'every morning' });
  assert.deepEqual(await axeViolations(page), []);
  // Removed by mistake, and brought back.
  await medicines.remove();
  await medicines.none().waitFor();
  await app.undo();
  await medicines.listed('Sertraline, 50 mg, every morning').waitFor();
  await app.goTo('Share');
  const preview = share.preview();
  assert.doesNotMatch(await preview.textContent(), /Sertraline/, 'off unless ticked');
  await share.include('Medicines and after-effects').check();
  await preview.getByText('Sertraline, 50 mg, every morning').waitFor();
  assert.match(await preview.textContent(), /Medicines: Taken or held as my clinic asked: Held my evening tablet/);
  const csv = await share.downloadCsv();
  assert.match(csv.text.split('\r\n')[0], /,session,nausea,headache,dizziness,dissociation,sleep_night,bladder_pain,urgency,red_flags,/);
  assert.match(csv.text, /\r\nafter-effects,[^,]+,,,,,,,,,,,1,1,0,0,0,poorly,,,blood-in-urine,/);

  // Everything comes back in a new profile.
  const backup = await share.downloadBackup();
  const restored = await restoreIntoNewProfile(app, backup, '/hosts/plain.html');
  const there = restored.other.sessionDay();
  await restored.other.goTo('Sessions');
  await there.openSession(1);
  await there.readyCount('3 of 6 ready').waitFor();
  assert.ok(await there.medicinesTaken().isChecked());
  await there.contactClinic().waitFor();
  await restored.other.medicines().open();
  await restored.other.medicines().listed('Sertraline, 50 mg, every morning').waitFor();
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
});

journey('a clinic replaces the checklist, adds an urgent red flag and asks for vitals', async ({ app, page }) => {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:">
    <link rel="icon" href="data:,"><title>Lakeside</title><script type="module" src="/afterglow.js"></script></head>
    <body><main><div data-afterglow data-namespace="lakeside" data-clinic="Lakeside" data-vitals="on">
      <script type="application/json" data-afterglow-config>
        {"checklist": {"mode": "replace", "items": [{"id": "fast", "text": "Nothing to eat for four hours before"}]},
         "red_flags": [{"id": "fever", "text": "A fever over 38 °C", "urgent": true}],
         "contact": "tel:555 0100"}
      </script></div></main></body></html>`;
  await page.route('**/hosts/lakeside.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await app.open('/hosts/lakeside.html');
  await app.justHadSession();
  const day = app.sessionDay();
  await app.goTo('Sessions');
  await day.openSession(1);
  // The session view arrives in its own chunk: wait for the clinic's item before reading the list.
  await day.checklistItem('Nothing to eat for four hours before').waitFor();
  assert.deepEqual(await day.checklistItems().evaluateAll((boxes) => boxes.map((b) => b.labels[0].textContent.trim())), ['Nothing to eat for four hours before']);
  await day.noteAfterEffects();
  await day.vitalAfter('Upper (systolic)').fill('1300');
  await day.vitalAfter('Lower (diastolic)').fill('85');
  await day.saveAfterEffectsButton().click();
  await app.alert().filter({ hasText: 'upper (systolic) pressure after the session reads 1300, which looks like a typing error' }).waitFor();
  await day.vitalAfter('Upper (systolic)').fill('130');
  await day.box('A fever over 38 °C').check();
  assert.deepEqual(await axeViolations(page), []);
  await day.saveAfterEffects();
  const alert = day.contactClinic();
  assert.equal(await alert.getByRole('link', { name: 'Call Lakeside (5550100)' }).getAttribute('href'), 'tel:5550100');
  await alert.getByRole('heading', { name: 'Help, right now' }).waitFor();
  assert.match(await day.afterEffects().textContent(), /Vitals after: 130\/85 mmHg/);
});

journey('a safety plan: one step from every view, shown by item 9, printed alone and restored', async ({ app, page }) => {
  const safety = app.safetyPlan();
  const share = app.share();
  await app.open();
  await safety.getHelp();
  const panel = safety.helpPanel();
  assert.match(await panel.textContent(), /My safety plan: you have not made one yet/);
  assert.ok((await app.crisisLinks().count()) >= 2, 'the numbers are there, never replaced by the plan');
  await safety.link(panel).click();
  await safety.heading().waitFor();
  assert.match(await safety.step('5. Professionals and crisis lines').inputValue(), /988 Suicide & Crisis Lifeline: call 988/);
  await safety.fillStep('1. Signs that a hard time is starting', 'I stop answering messages\nI sleep all day');
  await safety.fillStep('4. People I can ask for help', 'Sam, 555 0100');
  await safety.save();
  assert.deepEqual(await axeViolations(page), []);

  for (const view of ['Today', 'Journal', 'Mood', 'Sessions', 'My plan', 'Share', 'Settings']) {
    await app.goTo(view);
    const help = safety.helpButton();
    if ((await help.getAttribute('aria-expanded')) !== 'true') await help.click();
    const link = safety.link(safety.helpPanel().first());
    assert.equal(await link.count(), 1, `one step from ${view}`);
    assert.doesNotMatch(await safety.helpPanel().first().textContent(), /not made one yet/);
    await help.click();
  }

  // A PHQ-9 item-9 answer above 0 shows the crisis resources with the plan.
  await app.goTo('Mood');
  await app.answer('PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
  const shown = safety.panelsWithPlan();
  await shown.first().waitFor();

  // Printed alone: nothing of the app around it, every step on one page.
  await app.goTo('Today');
  await safety.getHelp();
  await safety.link().click();
  await safety.heading().waitFor();
  const pdf = await printed(page);
  assert.equal(pdf.pages, 1, pdf.text);
  assert.match(pdf.text, /My safety plan 1\. Signs that a hard time is starting I stop answering messages I sleep all day 2\. Things I can do on my own Not written yet\./);
  assert.match(pdf.text, /4\. People I can ask for help Sam, 555 0100/);
  assert.doesNotMatch(pdf.text, /Get help now|Afterglow sections|Save my plan|Journal/, 'only the plan prints');

  const md = await safety.downloadMarkdown();
  assert.match(md.name, /^afterglow-safety-plan-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(md.text, /^# My safety plan\n\n## 1\. Signs that a hard time is starting\n\n- I stop answering messages\n- I sleep all day\n/);

  // Not in the summary unless ticked; then there.
  await app.goTo('Share');
  const preview = share.preview();
  assert.doesNotMatch(await preview.textContent(), /Sam, 555 0100/);
  await share.include('My safety plan').check();
  await preview.getByText('Sam, 555 0100').waitFor();

  const backup = await share.downloadBackup();
  const restored = await restoreIntoNewProfile(app, backup);
  const theirs = restored.other.safetyPlan();
  await theirs.getHelp();
  await theirs.link().click();
  assert.equal(await theirs.step('4. People I can ask for help').inputValue(), 'Sam, 555 0100');
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
});

for (const [size, viewport] of Object.entries({ phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 900 } })) {
  for (const colorScheme of ['light', 'dark']) {
    journey(`the session-day and safety views pass axe on a ${size}, ${colorScheme}, and work by keyboard`, async ({ app, page }) => {
      const day = app.sessionDay();
      const safety = app.safetyPlan();
      await app.open('/hosts/plain.html');
      await app.justHadSession();
      await app.goTo('Sessions');
      // By keyboard: the session's page link is reached with Tab and followed with Enter.
      await day.sessionLink(1).focus();
      await page.keyboard.press('Enter');
      await day.noteAfterEffectsButton().focus();
      await page.keyboard.press('Enter');
      await day.level('Headache', 'None').focus();
      await page.keyboard.press('ArrowRight');
      assert.ok(await day.level('Headache', 'Mild').isChecked(), 'arrow keys move through a level');
      await day.box('Chest pain or a racing, pounding heart').focus();
      await page.keyboard.press('Space');
      await day.saveAfterEffectsButton().focus();
      await page.keyboard.press('Enter');
      await day.contactClinic().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'session page');
      await app.medicines().link().first().click();
      await app.medicines().startAdding();
      assert.deepEqual(await axeViolations(page), [], 'medicines');
      await app.goTo('Sessions');
      await day.planLink().click();
      assert.deepEqual(await axeViolations(page), [], 'plan a session');
      await day.planIt();
      assert.deepEqual(await axeViolations(page), [], 'planned session');
      await app.goTo('Today');
      await day.checklist().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'Today with the checklist');
      await safety.getHelp();
      // The header's panel (Today also shows the crisis lines for the urgent red flag).
      await safety.headerLink().focus();
      await page.keyboard.press('Enter');
      await safety.heading().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'safety plan');
      await page.screenshot({ path: artifact(`safety-plan-${size}-${colorScheme}.png`), fullPage: true }).catch(() => {});
    }, { viewport, colorScheme });
  }
}

journey('a red flag noted for a session that is not in the journal still shows its alert; a backup with ten open goals keeps them all and says so', async ({ app, page }) => {
  await app.open('/');
  const alert = app.sessionDay().contactClinic();
  await alert.waitFor();
  assert.match(await alert.textContent(), /You noted: .*blood in my urine/i);
  await app.goTo('Share');
  const goals = Array.from({ length: 10 }, (_, i) => ({ id: `g${i}`, t: `Goal ${i + 1}`, c: Date.now() - 86_400_000, e: Date.now() - 86_400_000 }));
  const text = JSON.stringify({ format: 'afterglow-backup', version: 1, exported_at: new Date().toISOString(), app_version: '0', journal: { stage: 'integration', goals } });
  const restore = app.restore();
  await restore.fromFile({ name: 'goals.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  assert.match(await restore.offer().textContent(), /holds 10 goals\./);
  await restore.merge();
  await app.status(/You now have 10 goals you are working on, more than the 5 set at once: all are kept\./).waitFor();
  await app.goTo('My plan');
  await app.goals().goalLink('Goal 10').waitFor();
}, {
  initScript: plantOnce({
    ...journalStore({ prefs: { stage: 'integration', w: true } }),
    // Its session was deleted, or never came with the file that brought the log.
    'afterglow:f:f9': JSON.stringify({ id: 'f9', si: 'gone-session', at: Date.now() - 3_600_000, lv: ['none', 'none', 'none', 'none'], rf: ['blood-in-urine'], e: Date.now() - 3_600_000 }),
  }),
});
