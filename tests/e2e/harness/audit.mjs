// Records every request a page makes and every console error, and says what broke the
// rules: a request to anything but this machine, a request made after the app had
// loaded (until the next navigation), an error in the console or an uncaught exception.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class Audit {
  constructor() {
    this.requests = [];
    this.problems = [];
    this.loaded = false;
  }

  /** Starts watching `page`; call before its first navigation. */
  watch(page) {
    page.on('request', (request) => {
      const url = request.url();
      this.requests.push(url);
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        this.loaded = false;
      } else if (this.loaded) {
        this.problems.push(`request after the app had loaded: ${url}`);
      }
      const { protocol, hostname } = new URL(url);
      const local = protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname);
      if (!local) this.problems.push(`request to another host: ${url}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
  }

  /** From now until the next navigation, any request is a failure. */
  markLoaded() {
    this.loaded = true;
  }
}
