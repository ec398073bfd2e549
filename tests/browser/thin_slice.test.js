// The thin slice, end to end on a tablet: a child answers the children's survey with
// faces and free text, sends it, sees the thank-you page, and the server counts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, responsesFor, tabletContext, expectAccessible, targetSizes } from './support.js';

const shared = serverAndBrowser();


async function heading(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

test('a child answers the children\'s survey on a tablet and the response is stored', async () => {
  const { context, foreign } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${shared.server.url}/`);
  await page.getByRole('heading', { name: 'Have your say' }).waitFor();
  await expectAccessible(page, 'home page');

  await page.getByRole('link', { name: /Children and young people/ }).tap();
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  assert.equal(await page.title(), 'Tell us about your therapy – Tellus');
  await expectAccessible(page, 'start page');

  await page.getByRole('button', { name: 'Start now' }).tap();
  await page.getByRole('heading', { level: 1, name: /How do you feel about your therapy sessions\?/ }).waitFor();
  await expectAccessible(page, 'faces question');

  // Every interactive target in child mode is at least 44 by 44 CSS pixels.
  const small = (await targetSizes(page)).filter((t) => t.width < 44 || t.height < 44);
  assert.deepEqual(small, [], 'targets smaller than 44x44 in child mode');

  // Continue without choosing: an error summary that takes focus and keeps the page.
  await page.getByRole('button', { name: 'Continue' }).tap();
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /There is a problem\s+Choose the face that fits best/);
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  assert.match(await page.title(), /^Error: /);
  await expectAccessible(page, 'faces question with an error');
  // The error links to the first face.
  assert.equal(await summary.getByRole('link').getAttribute('href'), '#feel_therapy-0');

  await page.getByText('Happy', { exact: true }).tap();
  assert.equal(await page.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), true);
  await page.getByRole('button', { name: 'Continue' }).tap();

  await page.getByRole('heading', { level: 1, name: /Do you see the same therapist/ }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: /missing lessons/ }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).tap();

  await page.getByRole('heading', { level: 1, name: /What helps you most in therapy\?/ }).waitFor();
  const box = page.getByRole('textbox', { name: /What helps you most in therapy/ });
  await box.fill('Playing games with my therapist helps me talk 🙂');
  await page.getByText('You have 453 characters remaining').waitFor();
  await expectAccessible(page, 'free-text question');
  await page.getByRole('button', { name: 'Continue' }).tap();

  await page.getByRole('heading', { level: 1, name: /change one thing/ }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: /How did you answer these questions\?/ }).waitFor();
  await page.getByText('With help', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();

  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  const answers = await page.locator('.summary-list').innerText();
  assert.match(answers, /How do you feel about your therapy sessions\?\s+Happy/);
  assert.match(answers, /Playing games with my therapist helps me talk 🙂/);
  assert.match(answers, /How did you answer these questions\?\s+With help/);
  await expectAccessible(page, 'check your answers');

  assert.equal(await responsesFor(shared.server, 'therapies-children'), 0);
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  await page.getByText('Your answers have been sent').waitFor();
  await expectAccessible(page, 'confirmation page');

  assert.equal(await responsesFor(shared.server, 'therapies-children'), 1);
  // Nothing of the child's answers is left on the device once sent.
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tellus:')));
  assert.deepEqual(saved, []);
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(errors, [], 'page errors');
  await context.close();
});

test('answers in progress survive a reload, and Change from check-your-answers returns there', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.getByText('Really sad', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: /same therapist/ }).waitFor();

  await page.reload();
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await page.getByText('You have answered 1 question on this device.').waitFor();
  await page.goto(`${shared.server.url}/s/therapies-children/check`);
  await page.getByRole('link', { name: 'Change your answer to: How do you feel about your therapy sessions?' }).tap();
  assert.equal(await page.getByRole('radio', { name: 'Really sad' }).isChecked(), true);
  await page.getByText('OK', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  assert.match(await page.locator('.summary-list').innerText(), /therapy sessions\?\s+OK/);

  const before = await responsesFor(shared.server, 'therapies-children');
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  assert.equal(await responsesFor(shared.server, 'therapies-children'), before + 1);
  await context.close();
});

test('an unknown survey link says so plainly', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/no-such-survey`);
  await page.getByRole('heading', { level: 1, name: 'We cannot find this survey' }).waitFor();
  await expectAccessible(page, 'survey not found');
  await context.close();
});
