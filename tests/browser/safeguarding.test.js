// Safeguarding and privacy in the browser: the privacy notice before a survey, a receipt
// code that takes answers back, a disclosure that only the safeguarding lead sees, reads
// (audited) and clears, after which it counts again; disclosures in Welsh and Arabic; the
// lead's count; re-checking stored answers after a phrase edit; and a held answer taken
// back by its participant staying with the lead until cleared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, responsesFor, summaryOf, tabletContext, expectAccessible, addAccount, signIn } from './support.js';

const shared = serverAndBrowser();
const LEAD = { email: 'lead@example.org', password: 'keeping children safe matters' };
const VIEWER = { email: 'viewer@example.org', password: 'reading the summaries only' };

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const WORDS = {
  en: { name: null, cont: 'Continue', send: 'Send my answers', sent: 'All answers sent' },
  cy: { name: 'Cymraeg', cont: 'Parhau', send: 'Anfon fy atebion', sent: 'Pob ateb wedi\'i anfon' },
  ar: { name: 'العربية', cont: 'متابعة', send: 'أرسل إجاباتي', sent: 'تم إرسال كل الإجابات' },
};

/** A child answers the first question and the free-text one, in `language`, and sends. */
async function answer(page, text, language = 'en') {
  const w = WORDS[language];
  if (w.name) {
    await page.goto(`${shared.server.url}/s/therapies-children`);
    await page.getByRole('navigation', { name: /Language|Iaith|اللغة/ }).getByRole('button', { name: w.name }).tap();
    await page.locator('html[lang="' + language + '"]').waitFor();
  }
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.locator('label.face__label').nth(2).tap();
  await page.getByRole('button', { name: w.cont }).tap();
  await page.goto(`${shared.server.url}/s/therapies-children/q/6`);
  await page.getByRole('textbox').fill(text);
  await page.getByRole('button', { name: w.cont }).tap();
  await page.getByRole('button', { name: w.cont }).tap();
  await page.getByRole('button', { name: w.send }).tap();
  await page.getByTestId('receipt').waitFor();
  await page.getByTestId('outbox-status').getByText(w.sent).waitFor();
}

/** What is waiting for the lead, as the server counts it. */
async function waitingFor(who) {
  const { cookie } = await signIn(shared.server.url, who);
  const response = await fetch(`${shared.server.url}/api/manage/safeguarding/waiting`, { headers: { cookie } });
  return response.json();
}

async function signInPage(page, who) {
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
  await signInPage(page, VIEWER);
  assert.equal(await page.getByRole('link', { name: 'Safeguarding' }).count(), 0);
  await page.goto(`${shared.server.url}/manage/safeguarding`);
  await page.getByText('Your role does not allow this').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');

  await signInPage(page, LEAD);
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
  // No count once nothing waits.
  await page.getByTestId('waiting-count').waitFor({ state: 'detached' });
  await context.close();
});

test('disclosures in Welsh and in Arabic are held, and the lead sees how many are waiting', async () => {
  const before = (await summaryOf(shared.server)).held_for_safeguarding;
  for (const [language, text] of [
    ['cy', 'Na, mae cariad Mam yn fy nharo i pan mae hi yn y gwaith'],
    ['ar', 'لا، زوج امي بيضربني وبيقفل علي الباب'],
  ]) {
    const { context: tablet } = await tabletContext(shared.browser, shared.server.url);
    await answer(await tablet.newPage(), text, language);
    await tablet.close();
  }
  assert.equal((await summaryOf(shared.server)).held_for_safeguarding, before + 2);
  const waiting = await waitingFor(LEAD);
  const count = waiting.responses + waiting.notes;

  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, LEAD);
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  await nav.getByTestId('waiting-count').getByText(String(count), { exact: true }).waitFor();
  await nav.getByRole('link', { name: `Safeguarding ${count} waiting for you` }).waitFor();
  await expectAccessible(page, 'workspace with the count of what is waiting');
  await nav.getByRole('link', { name: /^Safeguarding/ }).click();
  await heading(page, 'Safeguarding');
  const queue = await page.locator('main').innerText();
  // Where and why, never what: the phrase lists that found them, not the answers' words.
  assert.ok(queue.includes('taro [someone]'), queue);
  assert.ok(queue.includes('ضرب [someone]'), queue);
  assert.ok(!queue.includes('fy nharo') && !queue.includes('بيضربني'), queue);
  await context.close();
});

test('saving the phrase list checks the answers already stored and holds what it now flags', async () => {
  const { context: tablet } = await tabletContext(shared.browser, shared.server.url);
  await answer(await tablet.newPage(), 'Bob from the football club takes me swimming on Saturdays');
  await tablet.close();
  const before = (await summaryOf(shared.server)).held_for_safeguarding;

  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, LEAD);
  await page.goto(`${shared.server.url}/manage/safeguarding/phrases`);
  await heading(page, 'Words and phrases that flag an answer');
  // A name the lead has been told to watch for: only their own phrase would catch it.
  const unsafe = page.locator('#phrases-en-unsafe');
  await unsafe.fill(`${await unsafe.inputValue()}\nbob`);
  // A bad phrase is refused beside its box, and nothing is saved.
  const arabic = page.locator('#phrases-ar-harm');
  const arabicBefore = await arabic.inputValue();
  await arabic.fill(`${arabicBefore}\nو`);
  await page.getByRole('button', { name: 'Save phrases' }).click();
  await page.locator('#error-summary').getByText(/small words/).waitFor();
  await expectAccessible(page, 'phrase list with a problem');
  assert.equal((await summaryOf(shared.server)).held_for_safeguarding, before, 'nothing saved');
  await arabic.fill(arabicBefore);
  await page.getByRole('button', { name: 'Save phrases' }).click();
  await page.getByText(/Saved \d+ phrases\. Checked \d+ answers and notes again: 1 newly held for you in the queue\./).waitFor();
  await expectAccessible(page, 'phrase list saved');
  assert.equal((await summaryOf(shared.server)).held_for_safeguarding, before + 1);
  await page.goto(`${shared.server.url}/manage/safeguarding`);
  await page.getByText('Feeling unsafe (“bob”)').waitFor();
  await context.close();
});

test('a held answer taken back leaves the review but stays with the lead until cleared', async () => {
  const { context: tablet } = await tabletContext(shared.browser, shared.server.url);
  const child = await tablet.newPage();
  await answer(child, 'my babysitter takes photos of me in the bath and says it is our secret');
  const code = (await child.getByTestId('receipt').innerText()).trim();
  await child.getByRole('link', { name: 'Take my answers back' }).tap();
  await heading(child, 'Take your answers back');
  await child.getByText(/the safeguarding lead keeps their copy/).waitFor();
  await child.getByLabel('Receipt code').fill(code);
  await child.getByRole('button', { name: 'Take my answers back' }).tap();
  await heading(child, 'Your answers have been taken back');
  await tablet.close();

  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, LEAD);
  await page.goto(`${shared.server.url}/manage/safeguarding`);
  await heading(page, 'Safeguarding');
  const row = page.locator('tr', { hasText: 'Withdrawn by the participant' });
  await row.waitFor();
  await expectAccessible(page, 'queue with a withdrawn answer');
  await row.getByRole('link', { name: /^Open/ }).click();
  await page.getByText(/Its participant withdrew this response/).waitFor();
  await page.getByText(/takes photos of me in the bath/).waitFor();
  await expectAccessible(page, 'withdrawn answer kept for the lead');
  await page.getByLabel('What was done').fill('Referred to the local authority designated officer');
  await page.getByRole('button', { name: 'Clear and delete' }).click();
  await page.getByText('the copy kept for you has been deleted').waitFor();
  await page.goto(`${shared.server.url}/manage/safeguarding`);
  await heading(page, 'Safeguarding');
  assert.equal(await page.locator('tr', { hasText: 'Withdrawn by the participant' }).count(), 0);
  await context.close();
});
