// Opens a page of ours in a real browser, headless Chromium (Debian's `chromium`, which
// .ci/run installs where missing): a screenshot, or the page's DOM after it loaded.
// Where no browser can run, it throws saying so, and the test fails: never a silent skip.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

/** A deadline only a hung browser reaches: it starts in about a second on a quiet machine. */
const BROWSER_MS = 120_000;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'];

async function chromium(args: string[]): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  try {
    const r = await execa('chromium', [...FLAGS, `--user-data-dir=${profile}`, ...args], { reject: false, timeout: BROWSER_MS, stdin: 'ignore', forceKillAfterDelay: 2000 });
    if (r.timedOut) throw new Error(`no browser can run here: chromium did not finish loading the page within ${BROWSER_MS / 1000} s`);
    if (r.failed && r.code === 'ENOENT') throw new Error("no browser can run here: chromium is not installed (.ci/run installs Debian's `chromium`)");
    // One line: its last words, which say why.
    const words = String(r.stderr).trim().split('\n').slice(-3).join(' / ');
    if (r.failed) throw new Error(`no browser can run here: chromium exited with ${r.exitCode ?? r.signal}${words ? `: ${words}` : ''}`);
    return String(r.stdout);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A PNG of the page's first `width`×`height` pixels, written to `png`. */
export async function screenshot(page: string, png: string, width: number, height: number): Promise<void> {
  const words = await chromium([`--screenshot=${png}`, `--window-size=${width},${height}`, pathToFileURL(page).href]);
  if (!existsSync(png)) throw new Error(`no browser can run here: chromium ended without writing the screenshot${words ? `: ${words.trim().split('\n').slice(-2).join(' / ')}` : ''}`);
}

/** The page's DOM as the browser built it, serialized. */
export async function dumpDom(page: string): Promise<string> {
  return chromium(['--dump-dom', pathToFileURL(page).href]);
}
