// Every view in Spanish (issue 34): a Spanish browser alone now opens Afterglow in
// Spanish, and a patient with a session, a goal, an insight and a check-in walks every
// view and page (Today, Journal, Mood, Sessions, a session's page with its after-effects
// form, planning a session, medicines, My plan, a goal, the review, the plan for staying
// well, the follow-up check-in, Share, Settings, the safety plan) at 320 px in light and
// 360 px in dark. Each one fits the screen, axe finds nothing, it is screenshot, and no
// English word of Afterglow's is left on it. The same walk in English runs axe too.
import assert from 'node:assert/strict';
import { journey, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { readFileSync } from 'node:fs';
import {
  checkInRecord,
  entryRecord,
  goalRecord,
  goalRatingRecord,
  insightRecord,
  journalStore,
  plantOnce,
  recordId,
  sessionRecord,
} from '../harness/seed.mjs';

/** Afterglow's Spanish texts by key, as written in src/i18n/es.txt. */
const ES = new Map(
  readFileSync(new URL('../../../src/i18n/es.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf(' = ')), line.slice(line.indexOf(' = ') + 3)]),
);
const es = (key) => {
  assert.ok(ES.has(key), `es.txt has ${key}`);
  return ES.get(key);
};

const DAY = 86_400_000;
const NOW = Date.now();
const SESSION = recordId(NOW - 2 * DAY, 1);
const GOAL = recordId(NOW - 20 * DAY, 2);

/** A patient in integration, past the welcome, everything written in Spanish. */
function spanishPatient() {
  const entry = recordId(NOW - DAY, 3);
  return plantOnce(
    journalStore({
      prefs: { stage: 'integration', w: true },
      records: [
        goalRecord({ id: GOAL, t: 'Dormir toda la noche', sg: 'Me despierto descansada', c: NOW - 20 * DAY }),
        goalRatingRecord({ id: recordId(NOW - 20 * DAY, 4), g: GOAL, at: NOW - 20 * DAY, sc: 3 }),
        sessionRecord({ id: SESSION, at: NOW - 2 * DAY, n: 1, mb: 4, ma: 6 }),
        entryRecord({ id: entry, c: NOW - DAY, t: 'Hoy caminé junto al río y respiré despacio.' }),
        insightRecord({ id: recordId(NOW - DAY, 5), en: entry, q: 'respiré despacio', c: NOW - DAY }),
        checkInRecord({ id: recordId(NOW - DAY, 6), at: NOW - DAY, m: 6, a: 3, en: 5 }),
      ],
    }),
  );
}

/**
 * Words only Afterglow writes in English. Spanish screens must have none; what a patient
 * wrote is in Spanish here, and references are cited as published (taken out first).
 */
const ENGLISH = /\b(the|your|you|and|with|this|that|for|from|Save|Delete|Cancel|Remove|Edit|Add|Show|Write|Today|Journal|Mood|Sessions|Settings|Share|Session|Goal|Step|Plan|Note|Back)\b/;
const CITED = [/"Psychedelic integration[^"]*"/g, /Frontiers in Psychology[^.]*\./g];

/** Each view and page: where it is, and a heading that says it is there. */
function pages(lang) {
  const t = (key, english) => (lang === 'es' ? es(key) : english);
  return [
    ['today', '#/', null],
    ['journal', '#/journal', null],
    ['mood', '#/mood', null],
    ['sessions', '#/sessions', null],
    ['session', `#/sessions?session=${SESSION}`, t('sd_effects_heading', 'After-effects')],
    ['plan-session', '#/sessions?plan', t('sd_plan_heading', 'Plan a session')],
    ['medicines', '#/sessions?medicines', t('sd_my_medicines', 'My medicines')],
    ['my-plan', '#/plan', t('steps_open', 'Open steps')],
    ['goal', `#/plan?goal=${GOAL}`, 'Dormir toda la noche'],
    ['review', '#/plan?review', null],
    ['staying-well', '#/plan?well', t('well_show_when', 'Show me this plan on Today when…')],
    ['follow-up', '#/plan?follow-up', t('fu_noticed_label', 'What do you notice?')],
    ['share', '#/share', null],
    ['settings', '#/settings', null],
    ['safety-plan', '#/safety-plan', null],
  ];
}

/** Walks every page: fits, axe, screenshot, and (in Spanish) no English of Afterglow's. */
async function walk(app, page, lang, suffix) {
  const root = page.locator('.ag-app');
  for (const [name, hash, heading] of pages(lang)) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    if (heading) await root.getByText(heading, { exact: true }).first().waitFor();
    if (name === 'session') {
      // The after-effects form open, with its longest Spanish labels.
      await root.getByRole('button', { name: lang === 'es' ? es('sd_effects_add') : 'Note after-effects' }).click();
      await root.getByText(lang === 'es' ? es('sd_save_effects') : 'Save after-effects').waitFor();
    }
    if (name === 'medicines') {
      await root.getByRole('button', { name: lang === 'es' ? es('sd_meds_add') : 'Add a medicine' }).click();
    }
    await page.waitForTimeout(150);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, `${name} fits ${suffix}`);
    await page.screenshot({ path: artifact(`views-${lang}-${name}-${suffix}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `${name} (${lang}, ${suffix})`);
    if (lang === 'es') {
      let text = await root.innerText();
      for (const cited of CITED) text = text.replace(cited, '');
      const line = text.split('\n').find((l) => ENGLISH.test(l));
      assert.equal(line, undefined, `English left on ${name}: ${line}`);
    }
  }
}

journey('a Spanish browser alone opens in Spanish, and every view and page reads Spanish at 320 px in light', async ({ app, page }) => {
  await app.open('/');
  assert.equal(await page.locator('.ag-app').getAttribute('lang'), 'es');
  await app.nav().getByRole('link', { name: 'Hoy', exact: true }).waitFor();
  await walk(app, page, 'es', '320-light');
}, { locale: 'es-ES', viewport: { width: 320, height: 700 }, colorScheme: 'light', initScript: spanishPatient() });

journey('every view and page reads Spanish at 360 px in dark', async ({ app, page }) => {
  await app.open('/');
  await walk(app, page, 'es', '360-dark');
}, { locale: 'es-MX', viewport: { width: 360, height: 780 }, colorScheme: 'dark', initScript: spanishPatient() });

journey('the same walk in English: every view and page fits and axe finds nothing', async ({ app, page }) => {
  await app.open('/');
  assert.equal(await page.locator('.ag-app').getAttribute('lang'), 'en');
  await walk(app, page, 'en', '360-light');
}, { locale: 'en-US', viewport: { width: 360, height: 780 }, colorScheme: 'light', initScript: spanishPatient() });
