// Launches Debian's Chromium (never a downloaded browser) headless with a fresh profile and
// the flags that keep it from reaching out on its own.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.AFTERGLOW_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every launch uses (a persistent profile's too). */
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
