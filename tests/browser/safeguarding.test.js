// Safeguarding and privacy in the browser: the privacy notice before a survey, a receipt
// code that takes answers back, and a disclosure that only the safeguarding lead sees,
// reads (audited) and clears, after which it counts again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, responsesFor, summaryOf, tabletContext, expectAccessible, addAccount } from './support.js';

const shared = serverAndBrowser();
const LEAD = { email: 'lead@example.org', password: 'keeping children safe matters' };
const VIEWER = { email: 'viewer@example.org', password: 'reading the summaries only' };

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A child answers the first question and the free-text one, and sends. */
async function answer(page, text) {
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.getByText('OK', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.goto(`${shared.server.url}/s/therapies-children/q/6`);
  await page.getByRole('textbox').fill(text);
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await heading(page, 'Thank you');
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
}

async function signIn(page, who) {
  await page.goto(`${shared.server.url}/manage`);
  await heading(page, 'Sign in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Consultations');
}

test('the start page says how answers are looked after, in children\'s words for children', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await heading(page, 'Tell us about your therapy');
  await page.getByText('How we look after your answers').tap();
  await page.getByText('We do not ask your name, and we do not know who you are.').waitFor();
  await expectAccessible(page, 'children\'s start page with the privacy notice open');
  await page.goto(`${shared.server.url}/s/therapies-parents`);
  await page.getByText('Privacy: how we look after your answers').tap();
  await page.getByRole('heading', { name: 'Who to contact' }).waitFor();
  await context.close();
});

test('a receipt code takes a child\'s answers back', async () => {
  const { context, foreign } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  const before = await responsesFor(shared.server, 'therapies-children');
  await answer(page, 'I like the games');
  assert.equal(await responsesFor(shared.server, 'therapies-children'), before + 1);
  const code = (await page.getByTestId('receipt').innerText()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(page, 'confirmation page with receipt code');
  await page.getByRole('link', { name: 'Take my answers back' }).tap();
  await heading(page, 'Take your answers back');
  await page.getByLabel('Receipt code').fill('nope');
  await page.getByRole('button', { name: 'Take my answers back' }).tap();
  await page.getByText('Enter the code exactly as it was shown').first().waitFor();
  await expectAccessible(page, 'withdrawal page with an error');
  await page.getByLabel('Receipt code').fill(code.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: 'Take my answers back' }).tap();
  await heading(page, 'Your answers have been taken back');
  assert.equal(await responsesFor(shared.server, 'therapies-children'), before);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('a disclosure reaches only the safeguarding lead, who reads and clears it', async () => {
  await addAccount(shared.server, LEAD.email, 'safeguarding_lead', LEAD.password);
  await addAccount(shared.server, VIEWER.email, 'viewer', VIEWER.password);
  const { context: tablet } = await tabletContext(shared.browser, shared.server.url);
  await answer(await tablet.newPage(), 'my uncle hurts me when mum is at work');
  await tablet.close();
  const held = (await summaryOf(shared.server)).held_for_safeguarding;
  assert.equal(held, 1);

  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // A viewer has no way in.
  await signIn(page, VIEWER);
  assert.equal(await page.getByRole('link', { name: 'Safeguarding' }).count(), 0);
  await page.goto(`${shared.server.url}/manage/safeguarding`);
  await page.getByText('Your role does not allow this').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');

  await signIn(page, LEAD);
  await page.getByRole('link', { name: 'Safeguarding' }).click();
  await heading(page, 'Safeguarding');
  await page.getByText('1 response is waiting.').waitFor();
  await expectAccessible(page, 'safeguarding queue');
  assert.ok((await page.locator('main').innerText()).includes('automatic check'));
  await page.getByRole('link', { name: /^Open/ }).click();
  await page.getByRole('heading', { level: 1, name: /Response received/ }).waitFor();
  await page.getByText('my uncle hurts me when mum is at work').waitFor();
  await expectAccessible(page, 'held response');
  await page.getByRole('button', { name: 'Clear and release' }).click();
  await page.getByText('Write a note saying what was done').first().waitFor();
  await page.getByLabel('What was done').fill('Passed to the school\'s safeguarding lead, who knows the family');
  await page.getByRole('button', { name: 'Clear and release' }).click();
  await page.getByText('Cleared and released').waitFor();
  await page.getByText(/Cleared .* by lead@example.org: Passed to the school/).waitFor();
  await expectAccessible(page, 'cleared response');
  const summary = await summaryOf(shared.server);
  assert.equal(summary.held_for_safeguarding, 0);

  await page.getByRole('link', { name: 'Back to the safeguarding queue' }).click();
  await page.getByText('Nothing is waiting.').waitFor();
  await page.getByRole('link', { name: 'Words and phrases that flag an answer' }).click();
  await heading(page, 'Words and phrases that flag an answer');
  await page.getByLabel('Harm', { exact: true }).fill(`${await page.getByLabel('Harm', { exact: true }).inputValue()}\nlocked in my room`);
  await page.getByRole('button', { name: 'Save phrases' }).click();
  await page.getByText(/Saved \d+ phrases/).waitFor();
  await expectAccessible(page, 'phrase list');
  await context.close();

  const { context: again } = await tabletContext(shared.browser, shared.server.url);
  await answer(await again.newPage(), 'sometimes I get locked in my room');
  await again.close();
  assert.equal((await summaryOf(shared.server)).held_for_safeguarding, 1, 'the new phrase holds the next answer');
});
