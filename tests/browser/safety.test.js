// Safe by default for children: the promise before free text, help one tap away on
// every page, and a disclosure held back from the counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, responsesFor, summaryOf, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();

test('help is one tap away on every page and the free-text promise is made', async () => {
  const { context, foreign } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  for (const path of ['/', '/s/therapies-children', '/s/therapies-children/q/1', '/s/therapies-parents/q/8']) {
    await page.goto(`${shared.server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.ok(await page.getByRole('link', { name: 'Need to talk?' }).isVisible(), `help link on ${path}`);
  }

  await page.goto(`${shared.server.url}/s/therapies-children/q/5`);
  await page.getByRole('heading', { level: 1, name: /What helps you most/ }).waitFor();
  await page.getByText('If you tell us someone is hurting you, we will tell a grown-up who can help keep you safe.').waitFor();
  // Adults' surveys do not get the children's wording.
  await page.goto(`${shared.server.url}/s/therapies-parents/q/8`);
  await page.getByRole('heading', { level: 1, name: /What works well/ }).waitFor();
  assert.equal(await page.locator('.safe-notice').count(), 0);

  await page.goto(`${shared.server.url}/s/therapies-children/q/5`);
  await page.getByRole('link', { name: 'Need to talk?' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Need to talk?' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /Childline/);
  assert.match(text, /0800 1111/);
  assert.match(text, /999/);
  assert.match(text, /talk to the person running this survey today/, 'the consultation\'s local contact');
  await expectAccessible(page, 'need to talk page');
  await page.getByRole('link', { name: 'Back' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Tell us about your therapy' }).waitFor();
  assert.deepEqual(foreign, [], 'no requests to other origins');
  await context.close();
});

test('a child\'s disclosure is accepted without fuss and held back from the counts', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.getByText('OK', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.goto(`${shared.server.url}/s/therapies-children/q/6`);
  await page.getByRole('textbox').fill('my brother hits me and I am scared to go home');
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  const summary = await summaryOf(shared.server);
  assert.equal(summary.held_for_safeguarding, 1);
  assert.equal(summary.surveys.find((s) => s.survey_id === 'therapies-children').responses, 0);
  await context.close();
});

test('in child mode, Listen reads the question and each option aloud with a local voice only', async () => {
  const { context, foreign } = await tabletContext(shared.browser, shared.server.url);
  // A device with one local (on-device) voice and one network voice; record what is spoken.
  await context.addInitScript(() => {
    const voice = (lang, localService) =>
      Object.create(SpeechSynthesisVoice.prototype, {
        lang: { value: lang }, localService: { value: localService }, name: { value: lang }, voiceURI: { value: lang }, default: { value: false },
      });
    window.__spoken = [];
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => [voice('en-US', false), voice('en-GB', true)],
        speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => {},
        addEventListener: () => {},
      },
    });
  });
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.getByRole('heading', { level: 1, name: /How do you feel about your therapy sessions/ }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__spoken), [], 'nothing is read until a tap');
  await page.getByRole('button', { name: 'Listen to the question' }).tap();
  await page.getByRole('button', { name: 'Listen: Really happy' }).tap();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.deepEqual(spoken.map((s) => s.text), ['How do you feel about your therapy sessions? Choose the face that is most like you.', 'Really happy']);
  assert.ok(spoken.every((s) => s.lang === 'en-GB'), 'the local voice reads');
  // With easier words on, Listen reads the easier words shown.
  await page.getByRole('button', { name: 'Easier words' }).tap();
  await page.getByRole('heading', { level: 1, name: /Do you like your therapy/ }).waitFor();
  await page.getByRole('button', { name: 'Listen to the question' }).tap();
  assert.equal((await page.evaluate(() => window.__spoken)).at(-1).text, 'Do you like your therapy? Choose the face that is most like you.');
  await page.getByRole('button', { name: 'Easier words' }).tap();
  await expectAccessible(page, 'faces question with Listen buttons');
  const small = await page.evaluate(() => [...document.querySelectorAll('.listen')].map((b) => b.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
  assert.equal(small, 0, 'Listen buttons are at least 44x44');
  // Adults' surveys have no Listen buttons.
  await page.goto(`${shared.server.url}/s/therapies-parents/q/1`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.listen').count(), 0);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('where the device has no local voice, there is no Listen button', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', {
      value: { getVoices: () => [], speak: () => {}, cancel: () => {}, addEventListener: () => {} },
    });
  });
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.getByRole('heading', { level: 1, name: /How do you feel/ }).waitFor();
  assert.equal(await page.locator('.listen').count(), 0);
  await context.close();
});

test('easier words, once chosen, stay on for the next questions', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.getByRole('heading', { level: 1, name: 'How do you feel about your therapy sessions?' }).waitFor();
  const toggle = page.getByRole('button', { name: 'Easier words' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.tap();
  await page.getByRole('heading', { level: 1, name: 'Do you like your therapy?' }).waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await expectAccessible(page, 'question in easier words');
  await page.getByText('OK', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Do you see the same helper each time? (optional)' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Do you see the same helper each time? (optional)' }).waitFor();
  await page.getByRole('button', { name: 'Easier words' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Do you see the same therapist each time? (optional)' }).waitFor();
  await context.close();
});
