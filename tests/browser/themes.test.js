// Themes end to end: a facilitator finds themes in real answers, merges two, recodes an
// answer, approves, writes and publishes "What you told us", and exports CSV, XLSX and
// DOCX, which the test opens and reads. A held answer appears nowhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { serverAndBrowser, expectAccessible } from './support.js';

const shared = serverAndBrowser();
const DISCLOSURE = 'my dad hits me when therapy goes badly';

async function answer(survey, answers) {
  const response = await fetch(`${shared.server.url}/api/responses/${crypto.randomUUID()}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ survey_id: survey, answers }),
  });
  assert.equal(response.status, 201);
}

async function seed() {
  const children = ['I wait a long time for my therapy', 'the waiting is too long', 'I like the games', '=1+2 waiting list', DISCLOSURE];
  for (const text of children) {
    await answer('therapies-children', { feel_therapy: { type: 'scale', value: 3 }, what_helps: { type: 'text', value: text } });
  }
  const parents = [
    'We waited over a year on the waiting list',
    'My son Jamie never sees the same therapist twice',
    'a different therapist every time, no continuity',
    'the waiting list is far too long',
    'waiting times are the biggest problem',
  ];
  for (const text of parents) {
    await answer('therapies-parents', { therapies_used: { type: 'choices', value: ['salt'] }, should_change: { type: 'text', value: text } });
  }
}

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path());
}

test('a facilitator reviews themes, publishes what people said, and exports it', async () => {
  await seed();
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const url = shared.server.url;
  await page.goto(`${url}/manage`);
  await page.getByLabel('Email address').fill(shared.server.admin.email);
  await page.getByLabel('Password').fill(shared.server.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Consultations');
  await page.getByRole('link', { name: 'Children\'s therapies review' }).click();
  await page.getByRole('link', { name: 'Themes', exact: true }).click();
  await heading(page, 'Themes');
  await page.getByText('9 answers are ready to theme.').waitFor();
  await page.getByRole('button', { name: 'Find themes' }).click();
  await page.getByText(/Found \d+ themes/).waitFor();
  assert.equal(await page.getByText(DISCLOSURE).count(), 0, 'a held answer is never themed');
  await expectAccessible(page, 'theme review');

  // Merge "Same therapist and continuity" into "Waiting times".
  const continuity = page.locator('section.theme-card', { has: page.getByRole('heading', { name: 'Same therapist and continuity' }) });
  await continuity.getByText('Merge into another theme').click();
  await continuity.getByLabel('Merge into').selectOption({ label: 'Waiting times' });
  await continuity.getByRole('button', { name: 'Merge' }).click();
  await page.getByText('Merged Same therapist and continuity.').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Same therapist and continuity' }).count(), 0);
  const waiting = page.locator('section.theme-card', { has: page.getByRole('heading', { name: /^Waiting times/ }) });

  // Recode the games answer to Waiting times too, then approve the theme.
  const games = page.locator('li.answer', { hasText: 'I like the games' });
  await games.getByText('Change themes').click();
  await games.getByLabel('Waiting times').check();
  await games.getByRole('button', { name: /Save themes/ }).click();
  await page.getByText('Saved this answer\'s themes.').waitFor();
  await page.locator('li.answer', { hasText: 'I like the games' }).locator('.tag', { hasText: 'Waiting times' }).waitFor();
  await waiting.getByRole('button', { name: /^Approve/ }).click();
  await page.getByText('Approved Waiting times.').waitFor();
  await expectAccessible(page, 'theme review after decisions');

  // What you told us: write, save, publish.
  await page.getByRole('link', { name: 'What you told us' }).click();
  await heading(page, 'What you told us');
  await page.getByLabel('Introduction').fill('Thank you to the 10 children and parents who told us about therapy.');
  await page.getByLabel('What we will do about: Waiting times').fill('We will publish waiting times every month.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved. The preview below').waitFor();
  const row = page.getByRole('row', { name: /Waiting times/ });
  assert.match(await row.innerText(), /fewer than 5/, 'few children: suppressed');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published. Anyone with the link can read it.').waitFor();
  await expectAccessible(page, 'what you told us');

  // Exports, opened and read.
  const csv = (await download(page, 'CSV (responses, one row each)')).toString('utf8');
  assert.ok(csv.startsWith('\ufeff'), 'a BOM for Excel');
  assert.equal(csv.trim().split('\n').length, 10, 'a header and nine responses');
  assert.ok(csv.includes("'=1+2 waiting list"), 'formula defused');
  assert.ok(!csv.includes('hits me') && !csv.includes('Jamie'));
  assert.ok(csv.includes('Theme: Waiting times'));
  const xlsx = await JSZip.loadAsync(await download(page, 'Excel (responses, themes and summary)'));
  const book = await xlsx.file('xl/workbook.xml').async('string');
  for (const sheet of ['Responses', 'Themes', 'Summary']) assert.ok(book.includes(`name="${sheet}"`), sheet);
  const strings = await xlsx.file('xl/sharedStrings.xml').async('string');
  assert.ok(strings.includes('We will publish waiting times every month.') && !strings.includes('hits me'));
  const docx = await JSZip.loadAsync(await download(page, 'Word (the themed summary)'));
  const body = await docx.file('word/document.xml').async('string');
  assert.ok(body.includes('What you told us') && body.includes('Waiting times') && !body.includes('Jamie'));
  await page.getByText(/Downloaded .*\.docx/).waitFor();
  await context.close();

  // Anyone can read what was published, without signing in.
  const publicContext = await shared.browser.newContext();
  const reader = await publicContext.newPage();
  await reader.goto(`${url}/results/therapies-review`);
  await heading(reader, 'What you told us');
  await reader.getByText('We will publish waiting times every month.').waitFor();
  await reader.getByRole('heading', { level: 2, name: 'Waiting times' }).waitFor();
  assert.ok(!(await reader.locator('main').innerText()).includes('Jamie'));
  await expectAccessible(reader, 'published results');
  await publicContext.close();
});
