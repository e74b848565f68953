// Afterglow's stored format (schema 1) for journeys: one helper per kind of record, a
// journal of them as a { key: value } map for localStorage, and an init script that plants
// it. Journeys build stored records only through these, so the format is written here once.
//
// `generateJournal` is a deterministic generator of realistic journals in that format.
// Seeded, so every run builds the same journal.
// Sizes: days of daily journaling (365 = one year, 3650 = ten years). Ten years is 3,650
// entries of one to four paragraphs (about 80 words, 500 characters, on average; one in eight uses a
// character outside Latin-1, as real writing with dashes, curly quotes or emoji does),
// 3,650 check-ins, 40 dosing sessions and 200 insights.

/** The kind of a record: the letter of its key, `<namespace>:<kind>:<id>` (not stored). */
const KIND = Symbol('kind');

function record(kind, fields) {
  return Object.assign(fields, { [KIND]: kind });
}

/** A record id as the app makes them: the creation time and a counter, both in base 36. */
export function recordId(millis, n) {
  return `${millis.toString(36)}-${n.toString(36).padStart(7, '0')}`;
}

// Each helper returns the record as stored, its fields in the app's order (a field left
// undefined is not stored). Any other field given is kept, after those.

/** An entry: created `c`, edited `e` (default `c`), stage `s`, text `t`; `si`: its session. */
export function entryRecord({ id, c, e = c, s = 'integration', t, ...more }) {
  return record('e', { id, c, e, s, t, ...more });
}

/** A check-in at `at`: mood `m`, anxiety `a`, energy `en`, sleep `sl`, note `n`; edited `e` (default `at`). */
export function checkInRecord({ id, at, s = 'integration', m, a, en, sl, n, e = at, ...more }) {
  return record('c', { id, at, s, m, a, en, sl, n, e, ...more });
}

/** Dosing session number `n` at `at`, route `r`, mood before `mb` and after `ma`; edited `e`. */
export function sessionRecord({ id, at, n, r = 'iv-infusion', mb, ma, e = at, ...more }) {
  return record('s', { id, at, n, r, mb, ma, e, ...more });
}

/** An insight quoting `q` from entry `en`, created `c`, edited `e` (default `c`). */
export function insightRecord({ id, en, q, c, e = c, ...more }) {
  return record('i', { id, en, q, c, e, ...more });
}

/** A questionnaire result: instrument `i` ('phq9', 'gad7') at `at`, answers `ans`; edited `e`. */
export function questionnaireRecord({ id, i = 'phq9', at, ans, e = at, ...more }) {
  return record('q', { id, i, at, ans, e, ...more });
}

/** A goal: words `t`, sign `sg`, created `c`, edited `e` (default `c`). */
export function goalRecord({ id, t, sg, c, e = c, ...more }) {
  return record('g', { id, t, sg, c, e, ...more });
}

/** A rating of goal `g` at `at`: score `sc` (0-10), words `t`, made in a review `rv`; edited `e`. */
export function goalRatingRecord({ id, g, at, sc, t, rv, e = at, ...more }) {
  return record('r', { id, g, at, sc, t, rv, e, ...more });
}

function put(store, namespace, rec) {
  store[`${namespace}:${rec[KIND]}:${rec.id}`] = JSON.stringify(rec);
}

/**
 * A stored journal as a { key: value } map, in this order: the format record `meta`, the
 * preferences `prefs` (none unless given), then each of `records` (made by the helpers
 * above) under its key. `meta` or `prefs` given as a string is stored as it is (for a
 * deliberately unreadable one); null stores none.
 */
export function journalStore({ namespace = 'afterglow', meta = { schema: 1 }, prefs = null, records = [] } = {}) {
  const store = {};
  for (const [name, value] of [['meta', meta], ['prefs', prefs]]) {
    if (value !== null) store[`${namespace}:${name}`] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  for (const rec of records) put(store, namespace, rec);
  return store;
}

/**
 * A small journal, newest first from yesterday: `entries` entries ("old entry 1", ...) one a
 * day, and `checkIns` check-ins an hour after them, past the welcome (prefs `w`).
 */
export function simpleJournal({ entries = 0, checkIns = 0, now = Date.now() } = {}) {
  const DAY = 86_400_000;
  const records = [];
  for (let i = 0; i < entries; i += 1) {
    const at = now - (i + 1) * DAY;
    records.push(entryRecord({ id: recordId(at, i + 1), c: at, s: 'integration', t: `old entry ${i + 1}` }));
  }
  for (let i = 0; i < checkIns; i += 1) {
    const at = now - (i + 1) * DAY + 3_600_000;
    records.push(checkInRecord({ id: recordId(at, 100 + i), at, s: 'integration', m: 5, a: 4, en: 5 }));
  }
  return journalStore({ prefs: { stage: 'integration', w: true }, records });
}

const WORDS = (
  'light warm quiet body breath mother kitchen music eyes heavy soft river window morning tired ' +
  'hope fear patience rest walk tea sister rain colour field memory child voice ocean slow held ' +
  'grief anger kindness garden letter night sleep chest hands open closed door room friend'
).split(' ');
const STAGES = ['evaluation', 'preparation', 'dosing', 'integration', 'follow-up'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A journal of `days` days ending today: a daily entry (unless `entries` is false) and a
 * daily check-in (unless `checkIns` is false), with a dosing session every ~90 days.
 */
export function generateJournal({
  days = 365,
  seed = 1,
  namespace = 'afterglow',
  now = Date.now(),
  entries = true,
  checkIns = true,
  insights = Math.round((days * 200) / 3650),
  wordsPerDay = 0,
} = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const store = journalStore({ namespace, prefs: { stage: 'integration' } });
  const sessions = [];
  for (let d = days - 1; d >= 0; d -= 1) {
    const created = now - d * 86_400_000 - Math.floor(random() * 3_600_000);
    if (d % 91 === 45) {
      const sid = recordId(created - 7_200_000, sessions.length + 1);
      sessions.push(sid);
      put(store, namespace, sessionRecord({
        id: sid, at: created - 7_200_000, n: sessions.length, r: 'iv-infusion', mb: 3, ma: 6, e: created,
      }));
    }
    if (checkIns) {
      const cid = recordId(created + 60_000, (d * 104_729) % 78_364_164_096);
      const trend = Math.min(10, Math.max(0, Math.round(3 + (4 * (days - d)) / days + (random() * 4 - 2))));
      put(store, namespace, checkInRecord({
        id: cid, at: created + 60_000, s: d > days / 2 ? 'preparation' : 'integration',
        m: trend, a: Math.max(0, 8 - trend), en: Math.min(10, trend + 1), sl: 12 + Math.floor(random() * 6), e: created + 60_000,
      }));
    }
    if (!entries) continue;
    const sentence = () => {
      const n = 6 + Math.floor(random() * 12);
      const words = Array.from({ length: n }, () => pick(WORDS)).join(' ');
      return words[0].toUpperCase() + words.slice(1) + '.';
    };
    const paragraphs = 1 + Math.floor(random() * random() * 4);
    let text = Array.from({ length: paragraphs }, () =>
      Array.from({ length: 2 + Math.floor(random() * 6) }, sentence).join(' '),
    ).join('\n\n');
    // A heavy writer: sentences until the day's words are written, in paragraphs.
    while (wordsPerDay && text.split(/\s+/).length < wordsPerDay) {
      text += (random() < 0.2 ? '\n\n' : ' ') + sentence();
    }
    if (random() < 0.125) text += pick([' It was — strange.', ' “Stay with it,” she said.', ' 🌿']);
    const eid = recordId(created, (d * 7919) % 78_364_164_096);
    const entry = entryRecord({ id: eid, c: created, e: created, s: pick(STAGES), t: text });
    if (sessions.length && random() < 0.2) entry.si = sessions[sessions.length - 1];
    put(store, namespace, entry);
    // Spread `insights` evenly over the entries, each quoting its entry's first sentence.
    const index = days - 1 - d;
    if (Math.floor(((index + 1) * insights) / days) > Math.floor((index * insights) / days)) {
      const iid = recordId(created + 120_000, (d * 6361) % 78_364_164_096);
      put(store, namespace, insightRecord({
        id: iid, en: eid, q: text.slice(0, text.indexOf('.') + 1), c: created + 120_000, e: created + 120_000,
      }));
    }
  }
  return store;
}

/**
 * An init script (a journey's `initScript` option) that plants `store` into localStorage
 * once per tab: not again on a reload.
 */
export function plantOnce(store) {
  return {
    content: `(() => {
      if (sessionStorage.getItem('ag-planted')) return;
      sessionStorage.setItem('ag-planted', '1');
      const data = ${JSON.stringify(store)};
      for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v);
    })();`,
  };
}
