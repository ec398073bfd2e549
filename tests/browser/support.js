// Shared helpers for the browser tests: a real `tellus serve` on a temporary store,
// headless Chromium through Playwright, and axe-core checks.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { before, after } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Starts the server on a free port with a fresh data folder; resolves once it is listening. */
export async function startServer() {
  const bin = process.env.TELLUS_BIN;
  const dist = process.env.TELLUS_DIST;
  assert.ok(bin && dist, 'TELLUS_BIN and TELLUS_DIST must be set (run through `cargo xtask test`)');
  const data = mkdtempSync(join(tmpdir(), 'tellus-browser-'));
  const child = spawn(bin, ['serve', '--data', data, '--addr', '127.0.0.1:0', '--dist', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The first start of a demo store prints the demo administrator's password once.
  const { url, password } = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 20000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/running at (http:\/\/[^\s/]+)\//);
      const secret = seen.match(/Password:\s+(\S+)/);
      if (match && secret && seen.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ url: match[1], password: secret[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
  return {
    url,
    admin: { email: 'admin@example.org', password },
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with no background traffic. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A tablet-sized touch context (iPad Air portrait) that records requests leaving `origin`; `options` as Playwright's `newContext` takes them. */
export async function tabletContext(browser, origin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, deviceScaleFactor: 2, ...options });
  const foreign = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  return { context, foreign };
}

/** Fails with the rule ids and elements if axe finds any WCAG 2.2 A/AA violation. */
export async function expectAccessible(page, where) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  assert.deepEqual(found, [], `axe violations on ${where}`);
}

/** Every visible interactive target, with its size: an input counts with its label. */
export async function targetSizes(page) {
  return page.evaluate(() => {
    const sizes = [];
    for (const el of document.querySelectorAll('a[href], button, input, textarea, select, label[for]')) {
      if (el.tagName === 'LABEL') continue;
      let rect = el.getBoundingClientRect();
      if (el.tagName === 'INPUT' && el.labels && el.labels.length) {
        const label = el.labels[0].getBoundingClientRect();
        rect = { width: Math.max(rect.width, label.width), height: Math.max(rect.height, label.height) };
      }
      const style = getComputedStyle(el);
      const hidden = style.visibility === 'hidden' || (rect.width === 0 && rect.height === 0);
      const skip = el.classList.contains('skip-link');
      if (!hidden && !skip) sizes.push({ what: el.outerHTML.slice(0, 80), width: rect.width, height: rect.height });
    }
    return sizes;
  });
}

/** Starts a server and a browser before this file's tests and stops them after; use the returned object's fields in tests. */
export function serverAndBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  return shared;
}

/** Signs in through the API as `who` and returns the session cookie and CSRF token. */
export async function signIn(url, who) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  assert.equal(response.status, 200, `sign-in as ${who.email} failed`);
  const cookie = response.headers.getSetCookie()[0].split(';')[0];
  return { cookie, csrf: (await response.json()).csrf_token };
}

/** The demo consultation's summary, read as the demo administrator. */
export async function summaryOf(server) {
  const { cookie } = await signIn(server.url, server.admin);
  const response = await fetch(`${server.url}/api/consultations/therapies-review/summary`, { headers: { cookie } });
  assert.equal(response.status, 200);
  return response.json();
}

/** How many responses the server counts for a survey of the demo consultation. */
export async function responsesFor(server, surveyId) {
  const summary = await summaryOf(server);
  return summary.surveys.find((s) => s.survey_id === surveyId).responses;
}

/** Adds an account through the API, as the demo administrator. */
export async function addAccount(server, email, role, password) {
  const { cookie, csrf } = await signIn(server.url, server.admin);
  const response = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ email, role, password }),
  });
  assert.equal(response.status, 201, `could not add ${email}`);
}
