// Settings and the journal's storage, as page objects: the theme; how much the journal
// uses and how full the device is, the backup suggested on Today and remembered in
// Settings, items set aside, and "Erase everything" with its guard. Every selector is a role and an accessible name, or the words shown; methods
// wait for the app, never sleep.
import { View } from './view.mjs';

export class Settings extends View {
  /** A theme choice: 'Dark', 'As this device is set', ... */
  theme(label) {
    return this.q.getByRole('radio', { name: label });
  }
}

export class Storage extends View {
  /** Settings' "Your journal uses n MB". */
  usage() {
    return this.q.getByText(/Your journal uses \d+\.\d\d MB/);
  }

  /** "Storage for Afterglow is n% full", shown when it is nearly so. */
  fullness() {
    return this.q.getByText(/Storage for Afterglow is \d+% full/);
  }

  /** Today's suggestion to download a first backup. */
  backupSuggested() {
    return this.q.getByText(/A backup keeps your journal safe/);
  }

  /** Today's reminder when the last backup is old. */
  backupOverdue() {
    return this.q.getByText(/Your last backup is more than 14 days old/);
  }

  /** When the last backup was, as Today ("Last backup: today.") or Settings says it. */
  lastBackup(text) {
    return this.q.getByText(text);
  }

  /** Downloads the items set aside as unreadable: the file's name and text. */
  async downloadSetAside() {
    return this.download('Download it as a file');
  }

  eraseButton() {
    return this.q.getByRole('button', { name: 'Erase everything' });
  }

  /** Types `word` where erasing asks for ERASE. */
  async confirmErase(word) {
    await this.q.getByRole('textbox', { name: 'To confirm, type ERASE' }).fill(word);
  }
}
