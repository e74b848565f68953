// A deterministic generator of realistic journals in Afterglow's stored format (schema 1),
// as a { key: value } map for localStorage. Seeded, so every run builds the same journal.
// Sizes: days of daily journaling (365 = one year, 3650 = ten years). Ten years is 3,650
// entries of one to four paragraphs (about 80 words, 500 characters, on average; one in eight uses a
// character outside Latin-1, as real writing with dashes, curly quotes or emoji does),
// 3,650 check-ins, 40 dosing sessions and 200 insights.

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

function id(millis, n) {
  return `${millis.toString(36)}-${n.toString(36).padStart(7, '0')}`;
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
} = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const store = { [`${namespace}:meta`]: '{"schema":1}', [`${namespace}:prefs`]: '{"stage":"integration"}' };
  const sessions = [];
  for (let d = days - 1; d >= 0; d -= 1) {
    const created = now - d * 86_400_000 - Math.floor(random() * 3_600_000);
    if (d % 91 === 45) {
      const sid = id(created - 7_200_000, sessions.length + 1);
      sessions.push(sid);
      store[`${namespace}:s:${sid}`] = JSON.stringify({
        id: sid, at: created - 7_200_000, n: sessions.length, r: 'iv-infusion', mb: 3, ma: 6, e: created,
      });
    }
    if (checkIns) {
      const cid = id(created + 60_000, (d * 104_729) % 78_364_164_096);
      const trend = Math.min(10, Math.max(0, Math.round(3 + (4 * (days - d)) / days + (random() * 4 - 2))));
      store[`${namespace}:c:${cid}`] = JSON.stringify({
        id: cid, at: created + 60_000, s: d > days / 2 ? 'preparation' : 'integration',
        m: trend, a: Math.max(0, 8 - trend), en: Math.min(10, trend + 1), sl: 12 + Math.floor(random() * 6), e: created + 60_000,
      });
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
    if (random() < 0.125) text += pick([' It was — strange.', ' “Stay with it,” she said.', ' 🌿']);
    const eid = id(created, (d * 7919) % 78_364_164_096);
    const record = { id: eid, c: created, e: created, s: pick(STAGES), t: text };
    if (sessions.length && random() < 0.2) record.si = sessions[sessions.length - 1];
    store[`${namespace}:e:${eid}`] = JSON.stringify(record);
    // Spread `insights` evenly over the entries, each quoting its entry's first sentence.
    const index = days - 1 - d;
    if (Math.floor(((index + 1) * insights) / days) > Math.floor((index * insights) / days)) {
      const iid = id(created + 120_000, (d * 6361) % 78_364_164_096);
      store[`${namespace}:i:${iid}`] = JSON.stringify({
        id: iid, en: eid, q: text.slice(0, text.indexOf('.') + 1), c: created + 120_000, e: created + 120_000,
      });
    }
  }
  return store;
}

/** An init script (for addInitScript) that plants `store` once per browser context. */
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
