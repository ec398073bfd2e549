// The facilitator workspace end to end: an administrator signs in and adds a facilitator;
// the facilitator builds a survey with a question of every kind, previews it in child
// mode, opens it; a participant answers on a tablet; the facilitator reads the response
// and the chart. axe-core checks every workspace page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();
const FACILITATOR = { email: 'sam.facilitator@example.org', password: 'listen to the children first' };
const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> I like the <b>games</b>';

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function signIn(page, who) {
  await page.goto(`${shared.server.url}/manage`);
  await heading(page, 'Sign in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Consultations');
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');
}

/** Adds a question of `kind` in the builder and gives it text (and options). */
async function addQuestion(page, kind, text, options) {
  await page.getByLabel('Kind of question').first().selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.locator('#edit-text').fill(text);
  if (options) await page.locator('#edit-options').fill(options.join('\n'));
}

test('an administrator adds a facilitator, who builds, opens and reads a survey', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const url = shared.server.url;

  // Wrong password: one message whichever was wrong, focus on the summary, nothing lost but the password.
  await page.goto(`${url}/manage`);
  await heading(page, 'Sign in');
  await expectAccessible(page, 'sign-in page');
  await page.getByLabel('Email address').fill(shared.server.admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('The email address or password is not right').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  assert.match(await page.title(), /^Error: /);
  await expectAccessible(page, 'sign-in page with an error');

  await signIn(page, shared.server.admin);
  await expectAccessible(page, 'consultations (administrator)');
  await page.getByRole('link', { name: 'Accounts' }).click();
  await heading(page, 'Accounts');
  await page.locator('#new-email').fill(FACILITATOR.email);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Facilitator' });
  await page.locator('#new-password').fill(FACILITATOR.password);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByText(`Added ${FACILITATOR.email} as Facilitator`).waitFor();
  await page.getByRole('cell', { name: FACILITATOR.email, exact: true }).waitFor();
  await expectAccessible(page, 'accounts');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await heading(page, 'Audit log');
  await page.getByRole('cell', { name: 'Account created', exact: true }).waitFor();
  await page.getByRole('cell', { name: 'Sign-in refused', exact: true }).first().waitFor();
  await expectAccessible(page, 'audit log');
  await signOut(page);

  // The facilitator sees no administrator pages, and starts a consultation.
  await signIn(page, FACILITATOR);
  assert.equal(await page.getByRole('link', { name: 'Accounts' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0);
  await page.getByLabel('Title').fill('Speech and language review');
  await page.getByRole('button', { name: 'Create consultation' }).click();
  await heading(page, 'Speech and language review');
  await expectAccessible(page, 'consultation page (draft)');
  await page.getByLabel('Who is it for?').selectOption({ label: 'Children and young people' });
  await page.getByLabel('Survey title').fill('Your speech therapy');
  await page.getByRole('button', { name: 'Add survey' }).click();
  await page.getByRole('heading', { level: 3, name: 'Your speech therapy' }).waitFor();
  await page.getByRole('link', { name: 'Edit questions of Your speech therapy' }).click();
  await heading(page, 'Your speech therapy');

  // One question of every kind; children's surveys start with free text and "how did you answer?".
  await addQuestion(page, 'Single choice', 'Which therapy do you get?', ['Speech and language', 'Occupational therapy']);
  await addQuestion(page, 'Multiple choice', 'What helps you most?', ['Games', 'Pictures', 'Music']);
  await addQuestion(page, 'Faces scale', 'How do you feel about therapy?');
  await page.getByLabel('Faces', { exact: true }).selectOption('3');
  await addQuestion(page, 'Agreement scale', 'My therapist listens to me');
  await addQuestion(page, 'Yes, no or not sure', 'Do you see the same therapist each time?');
  await addQuestion(page, 'Ranking (put options in order)', 'Put these in order, most important first', ['Shorter waits', 'Same therapist', 'Therapy in school']);
  await addQuestion(page, 'Number', 'How many sessions did you have this year?');
  await page.getByLabel('Unit (optional)').fill('sessions');
  const kinds = await page.locator('.question-list__kind').allInnerTexts();
  for (const kind of ['Free text', 'How did you answer?', 'Single choice', 'Multiple choice', 'Faces scale', 'Agreement scale', 'Yes, no or not sure', 'Ranking', 'Number']) {
    assert.ok(kinds.some((k) => k.startsWith(kind)), `a ${kind} question is in the list: ${kinds}`);
  }
  // A question asking for a name gets a warning, which goes when the question does.
  await addQuestion(page, 'Free text', 'What is your child\'s name?');
  await page.getByText('This seems to ask for a name').waitFor();
  await page.getByRole('button', { name: 'Delete question 10', exact: true }).click();
  assert.equal(await page.getByText('This seems to ask for a name').count(), 0);
  // Move the single-choice question to the top, by buttons alone.
  for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: 'Move up question', exact: false }).nth(2 - i).click();
  assert.equal(await page.locator('.question-list__text').first().innerText(), 'Which therapy do you get?');

  // The preview shows the selected question as a participant sees it, in child mode too.
  await page.getByRole('button', { name: 'Edit question 1', exact: true }).click();
  const preview = page.getByTestId('preview');
  await preview.getByText('Speech and language').waitFor();
  await page.getByRole('button', { name: 'Edit question 5', exact: true }).click();
  await preview.getByText('How do you feel about therapy?', { exact: false }).waitFor();
  assert.equal(await preview.locator('.face').count(), 3, 'three faces for young children');
  await page.getByLabel('Show as in child mode').check();
  assert.match(await preview.getAttribute('class'), /child-mode/);
  await expectAccessible(page, 'survey builder with child-mode preview');
  // A new survey is in English only; the builder says so, language by language.
  const languages = page.getByRole('table', { name: 'Translations of this survey' });
  assert.match(await languages.getByRole('row', { name: /Welsh/ }).innerText(), /Not translated/);
  assert.match(await languages.getByRole('row', { name: /Arabic/ }).innerText(), /Not translated/);

  // The session ends before saving: signing in again brings back every unsaved change.
  await context.clearCookies();
  await page.getByRole('button', { name: 'Save survey' }).click();
  await heading(page, 'Sign in');
  await page.getByLabel('Email address').fill(FACILITATOR.email);
  await page.getByLabel('Password').fill(FACILITATOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Your speech therapy');
  await page.getByText('We kept the changes you had not saved').waitFor();
  assert.equal(await page.locator('.question-list__item').count(), 9);
  await page.getByRole('button', { name: 'Save survey' }).click();
  await page.getByText('Survey saved.', { exact: false }).waitFor();

  // Publish: open the consultation, then share the link and QR code.
  await page.getByRole('link', { name: 'Back to Speech and language review' }).click();
  await heading(page, 'Speech and language review');
  await page.getByRole('button', { name: 'Open for answers' }).click();
  await page.getByText('Open', { exact: true }).waitFor();
  const link = (await page.locator('.link-text').first().innerText()).trim();
  assert.match(link, /\/s\/speech-and-language-review-children$/);
  await page.getByText('QR code to print').first().click();
  const qr = page.getByRole('img', { name: /QR code that opens/ });
  await qr.waitFor();
  await page.waitForFunction(() => document.querySelector('img.qr')?.naturalWidth > 0);
  await expectAccessible(page, 'consultation page (open, QR shown)');

  // A participant answers on a tablet: the first choice on each page, hostile free text.
  const { context: tablet, foreign } = await tabletContext(shared.browser, url);
  const child = await tablet.newPage();
  await child.goto(link);
  await heading(child, 'Your speech therapy');
  await child.getByRole('button', { name: /Start now/ }).tap();
  for (let i = 0; i < 12; i += 1) {
    await child.locator('h1').first().waitFor();
    if (await child.getByRole('button', { name: 'Send my answers' }).count()) break;
    const textbox = child.locator('textarea');
    const number = child.locator('input[inputmode=numeric]');
    const moveDown = child.getByRole('button', { name: /^Move down/ });
    const choice = child.locator('input[type=radio], input[type=checkbox]');
    if (await textbox.count()) await textbox.fill(HOSTILE);
    else if (await number.count()) {
      // A word first: the error says what to type, and nothing is lost.
      await number.fill('six');
      await child.getByRole('button', { name: 'Continue' }).tap();
      await child.getByText('Enter a whole number, like 3').first().waitFor();
      assert.equal(await number.inputValue(), 'six');
      await number.fill('6');
    } else if (await moveDown.count()) {
      // Ranking by keyboard alone: the first option moves down and keeps the focus.
      await moveDown.first().focus();
      await child.keyboard.press('Enter');
      await child.waitForFunction(() => document.activeElement?.id?.includes('-down-shorter_waits') || document.activeElement?.id?.includes('-up-shorter_waits'));
      assert.deepEqual(await child.locator('.ranking__label').allInnerTexts(), ['Same therapist', 'Shorter waits', 'Therapy in school']);
      await expectAccessible(child, 'ranking question');
    } else if (await choice.count()) await child.locator(`label[for="${await choice.first().getAttribute('id')}"]`).tap();
    await child.getByRole('button', { name: 'Continue' }).tap();
    await child.waitForTimeout(100);
  }
  await child.getByText('6 sessions').waitFor();
  await child.getByText('1. Same therapist, 2. Shorter waits, 3. Therapy in school').waitFor();
  await child.getByRole('button', { name: 'Send my answers' }).tap();
  await heading(child, 'Thank you');
  await child.getByTestId('outbox-status').getByText('All answers sent').waitFor();
  assert.deepEqual(foreign, []);
  await tablet.close();

  // The facilitator finds it in the list, reads it (the HTML stays text), and sees it charted.
  await page.getByRole('link', { name: 'Responses' }).click();
  await heading(page, 'Responses');
  await page.getByText('1 response', { exact: true }).waitFor();
  await expectAccessible(page, 'responses list');
  await page.getByLabel('How they answered').selectOption({ label: 'With help' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('0 responses', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.getByText('1 response', { exact: true }).waitFor();
  await page.getByRole('link', { name: /View/ }).click();
  await page.getByRole('heading', { level: 1, name: /Response received/ }).waitFor();
  await page.getByText('window.__xss=1', { exact: false }).first().waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script from an answer ran');
  assert.equal(await page.locator('.summary-list b, .summary-list img, .summary-list script').count(), 0);
  await expectAccessible(page, 'one response');
  await page.getByRole('link', { name: 'All responses' }).click();
  await heading(page, 'Responses');
  await page.getByRole('link', { name: 'Back to Speech and language review' }).click();
  await page.getByRole('link', { name: 'Charts of answers' }).click();
  await heading(page, 'Charts of answers');
  const figure = page.locator('figure', { hasText: 'Which therapy do you get?' });
  await figure.getByRole('img').waitFor();
  const row = figure.getByRole('row', { name: /Speech and language/ });
  assert.equal((await row.getByRole('cell').nth(1).innerText()).trim(), '1');
  await expectAccessible(page, 'charts');

  // Any facilitator can send an answer to the safeguarding lead; it then leaves their view.
  await page.getByRole('link', { name: 'Back to Speech and language review' }).click();
  await page.getByRole('link', { name: 'Responses' }).click();
  await page.getByRole('link', { name: /View/ }).click();
  await page.getByText('Report a concern about this answer').click();
  await page.getByLabel('What worries you').fill('The hostile markup looks like someone testing us; please check');
  await page.getByRole('button', { name: 'Send to the safeguarding lead' }).click();
  await page.getByText('Sent to the safeguarding lead').waitFor();
  await page.getByRole('link', { name: 'All responses' }).click();
  await page.getByText(/0 responses, and 1 held back for the safeguarding lead/).waitFor();
  await context.close();
});
