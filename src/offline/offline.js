// The standalone page's offline support (index.html only; a clinic page that includes the
// snippet never loads this file, so it never gets a service worker). Registers sw.js;
// when a new version has installed and waits, says so on the page with a button, without
// taking focus from what the patient is writing; the page reloads only when asked to.
// Exports nothing and sets no globals.
const sw = navigator.serviceWorker;

function offer(waiting) {
  if (document.querySelector('.ag-page__update')) return;
  const bar = document.createElement('div');
  bar.className = 'ag-page__update';
  bar.setAttribute('role', 'status');
  const words = document.createElement('span');
  words.textContent = 'A new version is ready. Your journal stays as it is.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Update now';
  button.addEventListener('click', () => {
    button.disabled = true;
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('afterglow:update');
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'ag-page__later';
  later.textContent = 'Later';
  later.addEventListener('click', () => bar.remove());
  const actions = document.createElement('div');
  actions.className = 'ag-page__actions';
  actions.append(button, later);
  bar.append(words, actions);
  document.body.append(bar);
}

async function register() {
  const registration = await sw.register(new URL('./sw.js', import.meta.url), {
    scope: new URL('./', import.meta.url).pathname,
    updateViaCache: 'all',
  });
  // Only an update waits while a version is in control; a first install takes over quietly.
  const watch = (worker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) offer(worker);
    });
  };
  if (registration.waiting && sw.controller) offer(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => registration.installing && watch(registration.installing));
}

/** Runs `then` once the app has fetched every chunk (its `ag:prefetched` mark), so the
 * worker's install never competes with the first visit's own downloads. */
function afterPrefetch(then) {
  if (performance.getEntriesByName('ag:prefetched').length) return then();
  const watch = new PerformanceObserver((list) => {
    if (list.getEntriesByName('ag:prefetched').length) {
      watch.disconnect();
      then();
    }
  });
  watch.observe({ type: 'mark' });
}

if (sw && window.isSecureContext) {
  afterPrefetch(() =>
    register().catch(() => {
      // Without a worker the journal works as before, online; nothing to tell the patient.
    }),
  );
}
