// Visits every view and runs axe on each; returns the violations found, by view.
import { axeViolations } from './axe.mjs';

export const VIEWS = ['Today', 'Journal', 'Mood', 'Sessions', 'My plan', 'Share', 'Settings'];

export async function axeEveryView(app) {
  const found = [];
  for (const view of VIEWS) {
    await app.goTo(view);
    for (const v of await axeViolations(app.page)) found.push(`${view}: ${v}`);
  }
  return found;
}
