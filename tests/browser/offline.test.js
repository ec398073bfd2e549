// Offline: a tablet loses the wifi, three children answer, the page is reloaded with no
// network, and when the connection returns every answer reaches the server exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, responsesFor, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();


async function answerOnce(page, face) {
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  await page.getByRole('button', { name: /Start now|Carry on/ }).tap();
  await page.getByText(face, { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  // Optional questions: straight through to check your answers.
  for (let i = 0; i < 5; i += 1) {
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'How do you feel about your therapy sessions' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).tap();
  }
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
}

test('answers given offline survive a reload and arrive once when the connection returns', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Once the service worker controls the page, opening the survey caches its definition.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker controls the page');

  await context.setOffline(true);
  for (const face of ['Happy', 'OK', 'Sad']) {
    await answerOnce(page, face);
    await page.getByText('Your answers are saved and will be sent').waitFor();
    await page.getByRole('link', { name: 'Answer the survey again for someone else on this device' }).tap();
  }
  await page.getByTestId('outbox-status').getByText(/3 answers saved on this device/).waitFor();
  assert.equal(await responsesFor(shared.server, 'therapies-children'), 0, 'nothing reached the server while offline');

  // Reload with no network: the app, the survey and the waiting answers are all still there.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  await page.getByTestId('outbox-status').getByText(/3 answers/).waitFor();
  await expectAccessible(page, 'start page offline with answers waiting');

  await context.setOffline(false);
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor({ timeout: 45000 });
  assert.equal(await responsesFor(shared.server, 'therapies-children'), 3);
  // Give any stray retry time to happen: still exactly three.
  await page.waitForTimeout(4000);
  assert.equal(await responsesFor(shared.server, 'therapies-children'), 3);
  await context.close();
});

test('a facilitator can download what is waiting on a device', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/device`);
  await page.getByRole('heading', { level: 1, name: 'This device' }).waitFor();
  await expectAccessible(page, 'device page');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download waiting answers' }).tap();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'tellus-waiting-answers.json');
  const queue = JSON.parse(await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  assert.deepEqual(queue, { tellus_queue: 1, items: [] });
  await context.close();
});
