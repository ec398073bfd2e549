// Kiosk mode on a shared tablet: set up with a PIN, back to the start after each child
// with nothing of their answers reachable, an idle warning with time to carry on, and
// leaving only with the PIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();

async function startKiosk(page) {
  await page.goto(`${shared.server.url}/device`);
  // The tablet was left in Welsh: the set-up page, written for facilitators in English, says it is English.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).tap();
  await page.getByRole('link', { name: 'Gosod modd ciosg ar gyfer arolwg' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Set up kiosk mode' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('navigation', { name: 'Language' }).count(), 0);
  // The tablet's language is offered as where each person starts; this tablet starts people in English.
  assert.equal(await page.getByRole('radio', { name: 'Cymraeg' }).isChecked(), true);
  await page.getByText('English', { exact: true }).tap();
  await page.getByRole('button', { name: 'Start kiosk mode' }).tap();
  await page.locator('#error-summary').waitFor();
  await expectAccessible(page, 'kiosk set-up with errors');
  await page.getByText('Children and young people: Tell us about your therapy').tap();
  await page.getByLabel('Choose a PIN').fill('2468');
  await page.getByLabel('Enter the PIN again').fill('2468');
  await page.getByRole('button', { name: 'Start kiosk mode' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
}

test('after each child the tablet returns to the start with nothing of their answers left', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await startKiosk(page);
  // This child answers in Welsh; the next one starts in English, as the tablet was set up.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).tap();
  await page.getByRole('button', { name: 'Dechrau nawr' }).tap();
  await page.getByText('Hapus iawn', { exact: true }).tap();
  await page.getByRole('button', { name: 'Parhau' }).tap();
  await page.goto(`${shared.server.url}/s/therapies-children/check`);
  await page.getByRole('button', { name: 'Anfon fy atebion' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Diolch' }).waitFor();
  await page.getByText(/dechrau eto i'r person nesaf ymhen \d+ eiliad/).waitFor();
  await page.getByRole('button', { name: 'Y person nesaf' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  await page.getByRole('button', { name: 'Start now' }).waitFor();

  // Not in storage, and not by going back.
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tellus:progress')));
  assert.deepEqual(saved, []);
  await page.goBack();
  await page.waitForTimeout(300);
  assert.doesNotMatch(await page.locator('main').innerText(), /Hapus iawn|Really happy/);

  // The whole site is just this survey now.
  await page.goto(`${shared.server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Tellus' }).getAttribute('href'), '/s/therapies-children');
  // "This device" (answers waiting, their download) is closed to a child, even by its address.
  await page.goto(`${shared.server.url}/device`);
  await page.getByText('This tablet is in kiosk mode for one survey.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Download waiting answers' }).count(), 0);
  await expectAccessible(page, 'this device in kiosk mode');
  // A survey page drawn by the server does not know the tablet is a kiosk: it offers no
  // "This device" link, and the app adds "Leave kiosk mode".
  const drawn = await (await fetch(`${shared.server.url}/s/therapies-children`)).text();
  assert.match(drawn, /id="prerendered"/);
  assert.doesNotMatch(drawn, /href="\/device"/);
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await page.getByRole('link', { name: 'Leave kiosk mode' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'This device' }).count(), 0);

  // Leaving needs the PIN.
  await page.getByRole('link', { name: 'Leave kiosk mode' }).tap();
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Leave kiosk mode' }).tap();
  await page.getByText('The PIN is not right').first().waitFor();
  await expectAccessible(page, 'leave kiosk mode with a wrong PIN');
  // A child who chose Welsh reads the same page, and the refusal, in Welsh.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Gadael modd ciosg' }).waitFor();
  await page.locator('#error-summary').getByText("Dydy'r PIN ddim yn gywir").waitFor();
  await page.getByRole('navigation', { name: 'Iaith' }).getByRole('button', { name: 'English' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Leave kiosk mode' }).waitFor();
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Leave kiosk mode' }).tap();
  await page.getByRole('heading', { level: 1, name: 'This device' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Tellus' }).getAttribute('href'), '/');
  await context.close();
});

test('an idle tablet warns, lets a child carry on with one tap, then clears for the next', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.clock.install();
  await startKiosk(page);
  await page.getByRole('button', { name: 'Start now' }).tap();
  await page.getByText('Sad', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: /same therapist/ }).waitFor();

  await page.clock.runFor(91_000);
  const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'idle-continue');
  assert.match(await dialog.innerText(), /cleared in \d+ seconds/);
  await expectAccessible(page, 'idle warning');
  await page.getByRole('button', { name: "I'm still here" }).tap();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1, name: /same therapist/ }).waitFor();

  // Nobody comes back: the answers go and the next child starts afresh.
  await page.clock.runFor(125_000);
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tellus:progress')));
  assert.deepEqual(saved, []);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  await context.close();
});
