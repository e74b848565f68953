// The lock, as page objects: its card in Settings (turning it on with the recovery key
// shown once, the minutes, a new passphrase, turning it off) and the lock screen (the
// passphrase or the recovery key, "Get help now" above it). Selectors are roles and
// accessible names; methods wait for the app, never sleep.
import { View } from './view.mjs';

export class LockSettings extends View {
  card() {
    return this.q.getByRole('region', { name: 'Lock', exact: true });
  }

  /** Turns the lock on with `passphrase` and returns the recovery key shown once. */
  async turnOn(passphrase, { repeat = passphrase } = {}) {
    await this.card().getByRole('button', { name: 'Set a passphrase…' }).click();
    await this.card().getByLabel('New passphrase').fill(passphrase);
    await this.card().getByLabel('The same passphrase again').fill(repeat);
    await this.card().getByRole('button', { name: 'Turn on the lock' }).click();
  }

  recoveryKey() {
    return this.card().getByRole('region', { name: 'Your recovery key' });
  }

  /** The recovery key's text, then puts it away. */
  async keepRecoveryKey() {
    const key = (await this.recoveryKey().locator('code').innerText()).trim();
    await this.recoveryKey().getByRole('button', { name: 'I have kept it safe' }).click();
    return key;
  }

  async lockNow() {
    await this.card().getByRole('button', { name: 'Lock now' }).click();
  }

  async chooseMinutes(minutes) {
    await this.card().getByLabel('Lock after this many minutes without use, or hidden').selectOption(String(minutes));
  }

  /** Opens the disclosure named `name` in the card, if it is not open yet. */
  async disclose(name) {
    const details = this.card().locator('details').filter({ has: this.page.locator('summary', { hasText: name }) });
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  }

  async changePassphrase(current, next) {
    await this.disclose('Change the passphrase');
    await this.card().getByLabel('Current passphrase').fill(current);
    await this.card().getByLabel('New passphrase', { exact: true }).fill(next);
    await this.card().getByLabel('The same new passphrase again').fill(next);
    await this.card().getByRole('button', { name: 'Change the passphrase' }).click();
  }

  async turnOff(passphrase) {
    await this.disclose('Turn off the lock');
    await this.card().getByLabel('Your passphrase').fill(passphrase);
    await this.card().getByRole('button', { name: 'Turn off the lock' }).click();
  }

  problem() {
    return this.card().getByRole('alert');
  }
}

export class LockScreen extends View {
  region() {
    return this.q.getByRole('region', { name: 'This journal is locked' });
  }

  /** Waits for a locked start: the lock screen, and the prefetch every visit makes. */
  async ready() {
    await this.region().waitFor();
    await this.app.prefetched();
    this.app.audit?.markLoaded();
  }

  async unlock(passphrase) {
    await this.region().getByLabel('Passphrase').fill(passphrase);
    await this.region().getByRole('button', { name: 'Unlock' }).click();
  }

  async unlockWithRecoveryKey(key) {
    await this.region().getByRole('button', { name: 'Use my recovery key instead' }).click();
    await this.region().getByLabel('Recovery key').fill(key);
    await this.region().getByRole('button', { name: 'Unlock' }).click();
  }

  problem() {
    return this.region().getByRole('alert');
  }

  /** Waits for the journal to open after an unlock. */
  async opened() {
    await this.app.nav().waitFor();
  }
}

export class LockedBackup extends View {
  /** Downloads a backup locked with `passphrase` (from Share): the file's name and text. */
  async download(passphrase) {
    await this.q.getByText('Download a backup locked with a passphrase').click();
    await this.q.getByLabel('Passphrase for this backup').fill(passphrase);
    return super.download('Download a locked backup');
  }

  /** Chooses `file` to restore; a locked one then asks for its passphrase. */
  async choose(file) {
    await this.q.getByLabel('Restore from a backup file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  }

  async open(passphrase) {
    const form = this.q.getByRole('form', { name: 'Locked backup' });
    await form.getByLabel("The backup's passphrase").fill(passphrase);
    await form.getByRole('button', { name: 'Open the backup' }).click();
  }

  problem() {
    return this.q.getByRole('form', { name: 'Locked backup' }).getByRole('alert');
  }
}
