// A survey's pages come drawn by the server, so a child on slow wifi sees the question before
// the app's WebAssembly arrives; the app then takes over without losing what was done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();

/** A page whose app (its WebAssembly) is held back until `release()` is called. */
async function withAppHeld(options = {}) {
  // A browser in `locale` asks for it in every request and names it first in `navigator.languages`.
  const { context, foreign } = await tabletContext(shared.browser, shared.server.url, options);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  // Any style or script the page's policy refuses would show up here.
  await page.addInitScript(() => {
    window.__refused = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, foreign, release };
}

const appHasTakenOver = (page) => page.waitForFunction(() => !document.getElementById('prerendered') && document.getElementById('page-heading'));

test('the first question shows, styled and accessible, before the app arrives; a face chosen then is kept', async () => {
  const { context, page, foreign, release } = await withAppHeld();
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`, { waitUntil: 'domcontentloaded' });
  const heading = page.getByRole('heading', { level: 1, name: 'How do you feel about your therapy sessions?' });
  await heading.waitFor();
  // Drawn by the server: the app is still held back.
  assert.equal(await page.locator('#prerendered').count(), 1);
  assert.equal(await page.title(), 'How do you feel about your therapy sessions? – Tellus');
  // The inline style sheet applies (the page's policy allows it by its hash): faces sit in a row.
  const happy = await page.getByText('Really happy', { exact: true }).boundingBox();
  const sad = await page.getByText('Really sad', { exact: true }).boundingBox();
  assert.ok(Math.abs(happy.y - sad.y) < 5 && sad.x > happy.x, 'the faces are laid out in a row');
  await expectAccessible(page, 'the first question drawn by the server');
  await page.getByText('Happy', { exact: true }).tap();
  assert.equal(await page.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), true);
  // Continue waits for the app: no reload that would drop the choice.
  const url = page.url();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.waitForTimeout(300);
  assert.equal(page.url(), url);
  assert.equal(await page.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), true);

  release();
  await appHasTakenOver(page);
  assert.equal(await page.locator('#prerendered').count(), 0);
  assert.equal(await page.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), true);
  // The app heard the choice: Continue moves on with no error.
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Do you see the same therapist each time?' }).waitFor();
  assert.equal(await page.locator('#error-summary').count(), 0);
  await page.getByRole('link', { name: 'Back' }).tap();
  await heading.waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), true);
  assert.deepEqual(await page.evaluate(() => window.__refused), []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('words typed before the app arrives are kept, counted and still being typed into', async () => {
  const { context, page, release } = await withAppHeld();
  await page.goto(`${shared.server.url}/s/therapies-children/q/5`, { waitUntil: 'domcontentloaded' });
  const box = page.getByRole('textbox', { name: /What helps you most in therapy\?/ });
  await box.waitFor();
  await box.fill('More time to practise');
  release();
  await appHasTakenOver(page);
  assert.equal(await box.inputValue(), 'More time to practise');
  // The app's own count: it has the words.
  await page.getByText('You have 479 characters remaining').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'what_helps');
  await page.keyboard.type(' at home');
  assert.equal(await box.inputValue(), 'More time to practise at home');
  await page.getByText('You have 471 characters remaining').waitFor();
  await context.close();
});

test('the start page comes drawn in the language the browser asks for, right to left for Arabic', async () => {
  const { context, page, release } = await withAppHeld({ locale: 'ar' });
  await page.goto(`${shared.server.url}/s/therapies-children`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'أخبرنا عن العلاج الذي تتلقاه' }).waitFor();
  assert.deepEqual(
    await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })),
    { lang: 'ar', dir: 'rtl' },
  );
  assert.equal(await page.locator('#prerendered').count(), 1);
  await expectAccessible(page, 'the Arabic start page drawn by the server');
  release();
  await appHasTakenOver(page);
  await page.getByRole('heading', { level: 1, name: 'أخبرنا عن العلاج الذي تتلقاه' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await context.close();
});
