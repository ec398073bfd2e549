// Every demo survey end to end, and the children's survey by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, responsesFor, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();

/** Presses Tab until the focused element's text or label matches, or fails after 40 presses. */
async function tabTo(page, pattern) {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      const labelled = el.labels && el.labels.length ? el.labels[0].innerText : '';
      return `${el.innerText || ''} ${labelled} ${el.getAttribute('aria-label') || ''}`.trim();
    });
    if (pattern.test(label)) return;
  }
  throw new Error(`could not reach ${pattern} by Tab`);
}

async function heading(page, pattern) {
  await page.getByRole('heading', { level: 1, name: pattern }).waitFor();
}

test('the children\'s survey can be completed by keyboard alone', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/`);
  await heading(page, 'Have your say');
  await tabTo(page, /Children and young people/);
  await page.keyboard.press('Enter');
  await heading(page, 'Tell us about your therapy');
  // A new page starts keyboard and screen-reader users at its heading, as a page load would.
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  await tabTo(page, /Start now/);
  await page.keyboard.press('Enter');

  await heading(page, /How do you feel about your therapy sessions/);
  await tabTo(page, /Really happy/);
  await page.keyboard.press('ArrowRight'); // moves to, and chooses, "Happy"
  assert.equal(await page.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused face shows where focus is');
  await tabTo(page, /Continue/);
  await page.keyboard.press('Enter');

  await heading(page, /same therapist/);
  await tabTo(page, /^Yes/);
  await page.keyboard.press('Space');
  await tabTo(page, /Continue/);
  await page.keyboard.press('Enter');
  await heading(page, /missing lessons/);
  await tabTo(page, /Continue/);
  await page.keyboard.press('Enter');

  await heading(page, /What helps you most/);
  await tabTo(page, /What helps you most/);
  await page.keyboard.type('My therapist uses pictures');
  await tabTo(page, /Continue/);
  await page.keyboard.press('Enter');
  await heading(page, /change one thing/);
  await tabTo(page, /Continue/);
  await page.keyboard.press('Enter');
  await heading(page, /How did you answer/);
  await tabTo(page, /Continue/);
  await page.keyboard.press('Enter');

  await heading(page, 'Check your answers');
  assert.match(await page.locator('.summary-list').innerText(), /My therapist uses pictures/);
  const before = await responsesFor(shared.server, 'therapies-children');
  await tabTo(page, /Send my answers/);
  await page.keyboard.press('Enter');
  await heading(page, 'Thank you');
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  assert.equal(await responsesFor(shared.server, 'therapies-children'), before + 1);
  await context.close();
});

test('a parent answers on a phone-sized tablet, corrects an error, and changes an answer', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-parents`);
  await heading(page, 'Your family\'s experience of children\'s therapies');
  await page.getByRole('button', { name: 'Start now' }).tap();

  await heading(page, /Which therapies does your child get now/);
  // Pictures beside four of the options, drawn for Tellus; the words stay the checkboxes' names.
  const pictures = page.locator('.option-symbol');
  assert.equal(await pictures.count(), 4);
  await page.waitForFunction(() => [...document.querySelectorAll('.option-symbol')].every((img) => img.complete && img.naturalWidth > 0));
  await page.getByRole('checkbox', { name: 'Physiotherapy' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.locator('#error-summary').getByText('Choose at least one answer').waitFor();
  await expectAccessible(page, 'parents: multiple choice with an error');
  await page.getByText('Speech and language therapy', { exact: true }).tap();
  await page.getByText('Occupational therapy', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();

  await heading(page, /education, health and care plan/);
  assert.match(await page.locator('.caption').innerText(), /Question 2 of 8/);
  await page.getByText('No, they get SEN support').tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  // A branch: asked only because the child has no EHCP.
  await heading(page, /refused therapy because they do not have an EHCP/);
  assert.match(await page.locator('.caption').innerText(), /Question 3 of 9/);
  await page.getByText('Yes', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await heading(page, /same therapist/);
  await page.getByText('Disagree', { exact: true }).tap();
  await expectAccessible(page, 'parents: agreement scale');
  await page.getByRole('button', { name: 'Continue' }).tap();
  for (let i = 0; i < 4; i += 1) {
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.waitForTimeout(50);
  }
  await heading(page, /What should change/);
  await page.getByRole('textbox').fill('One therapist we can get to know, and reports we understand.');
  await page.getByRole('button', { name: 'Continue' }).tap();

  await heading(page, 'Check your answers');
  const answers = page.locator('.summary-list');
  assert.match(await answers.innerText(), /Speech and language therapy, Occupational therapy/);
  assert.match(await answers.innerText(), /refused therapy because they do not have an EHCP\?\s+Yes/);
  // Changing the earlier answer closes the branch: its question and answer go.
  await page.getByRole('link', { name: /Change your answer to: Does your child have an education/ }).tap();
  await page.getByText('Yes', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await heading(page, 'Check your answers');
  assert.doesNotMatch(await answers.innerText(), /refused therapy/);
  await page.getByRole('link', { name: /Change your answer to: My child sees the same therapist/ }).tap();
  await page.getByText('Strongly disagree', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await heading(page, 'Check your answers');
  assert.match(await answers.innerText(), /tell our story again\.\s+Strongly disagree/);
  await expectAccessible(page, 'parents: check your answers');
  const before = await responsesFor(shared.server, 'therapies-parents');
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await heading(page, 'Thank you');
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  assert.equal(await responsesFor(shared.server, 'therapies-parents'), before + 1);
  await context.close();
});

test('a professional can choose at most two priorities', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-professionals/q/1`);
  await page.getByText('SENCo or teacher').tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.goto(`${shared.server.url}/s/therapies-professionals/q/4`);
  await heading(page, /Which of these should come first/);
  await page.getByText('Review the funding for therapies').tap();
  await page.getByText('Agree key service principles').tap();
  await page.getByText('Involve families and young people in commissioning').tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await page.locator('#error-summary').getByText('Choose up to 2 answers').waitFor();
  assert.match(await page.title(), /^Error: /);
  await expectAccessible(page, 'professionals: too many choices');
  // Answers are kept on error: untick one and carry on.
  assert.equal(await page.getByRole('checkbox', { name: 'Review the funding for therapies' }).isChecked(), true);
  await page.getByText('Agree key service principles').tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await heading(page, /biggest gaps/);
  await page.goto(`${shared.server.url}/s/therapies-professionals/check`);
  await heading(page, 'Check your answers');
  assert.match(
    await page.locator('.summary-list').innerText(),
    /Which of these should come first\?\s+Review the funding for therapies, Involve families and young people in commissioning/,
  );
  const before = await responsesFor(shared.server, 'therapies-professionals');
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await heading(page, 'Thank you');
  await page.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  assert.equal(await responsesFor(shared.server, 'therapies-professionals'), before + 1);
  await context.close();
});

test('a survey link costs no second trip for the survey: written into the page, or fetched alongside the app', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  const asked = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/surveys/therapies-children') asked.push(request.resourceType());
  });
  // The first question comes drawn with the survey written in: the app starts from that.
  await page.goto(`${shared.server.url}/s/therapies-children/q/1`);
  await page.waitForFunction(() => !document.getElementById('prerendered') && document.getElementById('page-heading'));
  await heading(page, /How do you feel about your therapy sessions/);
  await page.waitForTimeout(500);
  assert.equal(asked.length, 0, `asked for the survey ${asked.length} times: ${asked}`);
  // A page that depends on this device's answers is not drawn: the page preloads the survey, once.
  await page.goto(`${shared.server.url}/s/therapies-children/check`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('link[rel=preload][as=fetch][href="/api/surveys/therapies-children"]').count(), 1);
  assert.equal(asked.length, 1, `asked for the survey ${asked.length} times: ${asked}`);
  await context.close();
});
