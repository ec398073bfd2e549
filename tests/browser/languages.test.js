// The children's survey in Welsh and in Arabic (right to left), chosen on the device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, signIn, tabletContext, expectAccessible } from './support.js';

const shared = serverAndBrowser();

async function heading(page, pattern) {
  await page.getByRole('heading', { level: 1, name: pattern }).waitFor();
}

async function pageLanguage(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** The newest response to the children's survey, question by question, as a facilitator reads it. */
async function newestChildrensResponse(server) {
  const { cookie } = await signIn(server.url, server.admin);
  const list = await (await fetch(`${server.url}/api/manage/consultations/therapies-review/responses`, { headers: { cookie } })).json();
  const row = list.rows.find((r) => r.survey_id === 'therapies-children');
  assert.ok(row, 'a children\'s response was stored');
  const detail = await (await fetch(`${server.url}/api/manage/responses/${row.id}`, { headers: { cookie } })).json();
  return { row, answers: Object.fromEntries(detail.answers.map((a) => [a.question, a.answer])) };
}

test('a child answers in Arabic: the page runs right to left, errors and checks in Arabic, answers stored as in English', async () => {
  const { context, foreign } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await heading(page, 'Tell us about your therapy');
  assert.deepEqual(await pageLanguage(page), { lang: 'en', dir: 'ltr' });
  const switcher = page.getByRole('navigation', { name: 'Language' });
  // Each language is named in itself and marked as that language for screen readers.
  assert.equal(await switcher.locator('[lang="cy"]').innerText(), 'Cymraeg');
  await switcher.getByRole('button', { name: 'العربية' }).tap();

  await heading(page, 'أخبرنا عن العلاج الذي تتلقاه');
  assert.deepEqual(await pageLanguage(page), { lang: 'ar', dir: 'rtl' });
  await page.getByText('مجلسك المحلي وهيئة الخدمات الصحية الوطنية').waitFor();
  await page.getByText('يُغلق الاستبيان في 31 مارس 2027.').waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'اللغة' }).locator('[aria-current="true"]').innerText(), 'العربية');
  // Right to left: the heading's text starts at the right edge of the page.
  const box = await page.locator('#page-heading').boundingBox();
  const main = await page.locator('main').boundingBox();
  assert.ok(box.x + box.width > main.x + main.width - 5, 'the heading sits at the right');
  await expectAccessible(page, 'Arabic start page');
  await page.getByRole('button', { name: 'ابدأ الآن' }).tap();

  await heading(page, /ما شعورك تجاه جلسات العلاج/);
  assert.match(await page.locator('.caption').first().innerText(), /السؤال 1 من 6/);
  await page.getByRole('button', { name: 'متابعة' }).tap();
  await page.locator('#error-summary').getByText('هناك مشكلة').waitFor();
  await page.locator('#error-summary').getByText('اختر الوجه الأنسب لك').waitFor();
  assert.match(await page.title(), /^خطأ: /);
  // The faces run right to left too: the happiest face is on the right.
  const happiest = await page.getByRole('radio', { name: 'سعيد جدًا' }).locator('..').boundingBox();
  const saddest = await page.getByRole('radio', { name: 'حزين جدًا' }).locator('..').boundingBox();
  assert.ok(happiest.x > saddest.x, 'the first face is on the right');
  await expectAccessible(page, 'Arabic faces question with an error');
  await page.getByText('سعيد', { exact: true }).tap();
  await page.getByRole('button', { name: 'متابعة' }).tap();

  await heading(page, /هل ترى المعالج نفسه/);
  await page.getByText('لا', { exact: true }).tap();
  await page.getByRole('button', { name: 'متابعة' }).tap();
  // The branch works the same in any language.
  await heading(page, /رؤية أشخاص مختلفين/);
  await page.getByText('لا بأس', { exact: true }).tap();
  await page.getByRole('button', { name: 'متابعة' }).tap();
  await heading(page, /تفويت الدروس/);
  await page.getByRole('button', { name: 'متابعة' }).tap();
  await heading(page, /ما أكثر شيء يساعدك/);
  const box2 = page.getByRole('textbox');
  assert.equal(await box2.getAttribute('dir'), 'auto');
  await box2.fill('المعالجة تستخدم الصور');
  await page.getByText(/عدد الأحرف المتبقية: 479/).waitFor();
  await page.getByRole('button', { name: 'متابعة' }).tap();
  await heading(page, /لو كان بإمكانك تغيير شيء واحد/);
  await page.getByRole('button', { name: 'متابعة' }).tap();
  await heading(page, /كيف أجبت عن هذه الأسئلة/);
  await page.getByText('بمفردي', { exact: true }).tap();
  await page.getByRole('button', { name: 'متابعة' }).tap();

  await heading(page, 'راجع إجاباتك');
  const answers = await page.locator('.summary-list').innerText();
  assert.match(answers, /ما شعورك تجاه جلسات العلاج\؟\s+سعيد/);
  assert.match(answers, /رؤية أشخاص مختلفين\؟\s+لا بأس/);
  assert.match(answers, /تفويت الدروس[^\n]*\s+لم تتم الإجابة/);
  await expectAccessible(page, 'Arabic check your answers');
  await page.getByRole('button', { name: 'أرسل إجاباتي' }).tap();
  await heading(page, 'شكرًا لك');
  await page.getByTestId('outbox-status').getByText('تم إرسال كل الإجابات').waitFor();
  await expectAccessible(page, 'Arabic confirmation');

  // The facilitator reads the same answers in English: ids, not words, were stored.
  const stored = await newestChildrensResponse(shared.server);
  assert.equal(stored.row.answered_how, 'On my own');
  assert.equal(stored.row.language, 'ar');
  assert.equal(stored.answers['How do you feel about your therapy sessions?'], 'Happy');
  assert.equal(stored.answers['How do you feel about seeing different people?'], 'OK');
  assert.equal(stored.answers['What helps you most in therapy?'], 'المعالجة تستخدم الصور');

  // Taking the answers back is in Arabic too, with the server's refusals worded in Arabic.
  const code = (await page.getByTestId('receipt').innerText()).trim();
  await page.getByRole('link', { name: 'استرجع إجاباتي' }).tap();
  await heading(page, 'استرجع إجاباتك');
  await page.getByRole('button', { name: 'استرجع إجاباتي' }).tap();
  await page.locator('#error-summary').getByText('أدخل رمز الإيصال الذي ظهر في نهاية الاستبيان').waitFor();
  await page.getByLabel('رمز الإيصال').fill('ABCD-1234');
  await page.getByRole('button', { name: 'استرجع إجاباتي' }).tap();
  await page.locator('#error-summary').getByText('لا توجد إجابات بهذا الرمز').waitFor();
  await expectAccessible(page, 'Arabic withdrawal with an error');
  await page.getByLabel('رمز الإيصال').fill(code);
  await page.getByRole('button', { name: 'استرجع إجاباتي' }).tap();
  await heading(page, 'تم استرجاع إجاباتك');

  // The choice stays on the device: a reload is still in Arabic, right to left.
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await heading(page, 'أخبرنا عن العلاج الذي تتلقاه');
  assert.deepEqual(await pageLanguage(page), { lang: 'ar', dir: 'rtl' });
  // The list of surveys names the consultation, the audiences and the survey in Arabic too.
  await page.goto(`${shared.server.url}/`);
  await heading(page, 'شارك برأيك');
  await page.getByRole('heading', { level: 2, name: 'مراجعة خدمات العلاج للأطفال' }).waitFor();
  await page.getByRole('link', { name: /الأطفال والشباب\s*أخبرنا عن العلاج الذي تتلقاه/ }).waitFor();
  await expectAccessible(page, 'Arabic surveys list');
  assert.deepEqual(foreign, []);
  await context.close();
});

test('Welsh can be chosen mid-survey, keeps the answers, and a survey without Welsh shows in English', async () => {
  const { context } = await tabletContext(shared.browser, shared.server.url);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await heading(page, 'Tell us about your therapy');
  await page.getByRole('button', { name: 'Start now' }).tap();
  await heading(page, /How do you feel about your therapy sessions/);
  await page.getByText('Really happy', { exact: true }).tap();
  await page.getByRole('button', { name: 'Continue' }).tap();
  await heading(page, /same therapist/);
  await page.getByText('No', { exact: true }).tap();

  // Switching language redraws the page but keeps what was chosen, not yet sent on.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).tap();
  await heading(page, /Ydych chi'n gweld yr un therapydd bob tro\? \(dewisol\)/);
  assert.deepEqual(await pageLanguage(page), { lang: 'cy', dir: 'ltr' });
  // Focus starts again at the heading of the page now in Welsh.
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  assert.match(await page.locator('.caption').first().innerText(), /Cwestiwn 2 o 6/);
  for (const option of ['Ie', 'Na', 'Ddim yn siŵr', 'Dw i ddim yn gwybod']) {
    await page.getByRole('radio', { name: option, exact: true }).waitFor();
  }
  assert.equal(await page.getByRole('radio', { name: 'Na', exact: true }).isChecked(), true);
  await page.getByRole('button', { name: 'Geiriau haws' }).tap();
  await heading(page, /Ydych chi'n gweld yr un helpwr bob tro\?/);
  await page.getByRole('button', { name: 'Geiriau haws' }).tap();
  await expectAccessible(page, 'Welsh yes/no question');
  await page.getByRole('link', { name: 'Yn ôl' }).tap();
  // The earlier answer, given in English, shows in Welsh.
  await heading(page, /Sut rydych chi'n teimlo am eich sesiynau therapi/);
  assert.equal(await page.getByRole('radio', { name: 'Hapus iawn' }).isChecked(), true);

  // The parents' survey has no Welsh: it shows in English, with no switcher to offer it.
  await page.goto(`${shared.server.url}/s/therapies-parents`);
  await heading(page, 'Your family\'s experience of children\'s therapies');
  assert.deepEqual(await pageLanguage(page), { lang: 'en', dir: 'ltr' });
  assert.equal(await page.getByRole('navigation', { name: 'Language' }).count(), 0);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  // Back to the children's survey: still Welsh, as chosen.
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await heading(page, 'Dywedwch wrthym am eich therapi');
  await page.getByRole('link', { name: 'Angen siarad?' }).tap();
  await heading(page, 'Angen siarad?');
  await page.getByText('Os ydych chi\'n poeni am blentyn').waitFor();
  await expectAccessible(page, 'Welsh help page');
  await context.close();
});

test('a facilitator translates a survey into Welsh beside the English, and professionals can answer it in Welsh', async () => {
  const { url, admin } = shared.server;
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/manage`);
  await heading(page, 'Sign in');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Consultations');
  await page.goto(`${url}/manage/c/therapies-review/s/therapies-professionals`);
  await heading(page, 'Therapies review: professionals and partners');

  const languages = page.getByRole('table', { name: 'Translations of this survey' });
  assert.match(await languages.getByRole('row', { name: /Welsh/ }).innerText(), /Not translated/);
  const translate = page.getByRole('button', { name: 'Translate into Welsh' });
  assert.equal(await translate.getAttribute('aria-expanded'), 'false');
  await translate.click();
  assert.equal(await translate.getAttribute('aria-expanded'), 'true');
  const editor = page.getByRole('region', { name: 'Welsh (Cymraeg)' });
  const progress = editor.getByRole('status');
  const total = Number((await progress.innerText()).match(/^0 of (\d+) texts translated$/)[1]);
  assert.ok(total > 20, `the survey, its start page and every question and option: ${total}`);

  // The English sits above each box, and each box is marked as Welsh.
  const title = editor.getByLabel('Survey title in Welsh');
  assert.equal(await title.getAttribute('lang'), 'cy');
  assert.match(await title.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).innerText), /English: Therapies review: professionals and partners/);
  await title.fill('Adolygiad therapïau: gweithwyr proffesiynol a phartneriaid');
  const first = editor.getByRole('group', { name: 'Question 1' });
  await first.getByLabel('Question in Welsh').fill('Beth yw eich rôl?');
  await first.getByLabel('Option in Welsh').nth(1).fill('Therapydd');
  await editor.getByLabel('Why we are asking in Welsh').fill('Rydym yn adolygu therapïau plant.');
  await editor.getByText(`4 of ${total} texts translated`).waitFor();
  // Typing never redraws the box being typed in: focus and words stay.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('lang')), 'cy');
  await expectAccessible(page, 'survey builder translating into Welsh');

  // Only what is still in English, for finishing off.
  await editor.getByLabel('Show only texts still in English').check();
  assert.equal(await editor.getByLabel('Survey title in Welsh').count(), 0);
  assert.equal(await editor.locator('textarea, input[type=text]').count(), total - 4);
  await editor.getByLabel('Show only texts still in English').uncheck();

  await page.getByRole('button', { name: 'Save survey' }).click();
  await page.getByText('Survey saved.', { exact: false }).waitFor();
  assert.match(await languages.getByRole('row', { name: /Welsh/ }).innerText(), new RegExp(`${total - 4} texts still in English`));
  await editor.getByRole('button', { name: 'Close the Welsh translation' }).click();
  assert.equal(await editor.count(), 0);
  // Focus goes back to the button that opened it.
  await page.waitForFunction(() => document.activeElement?.id === 'translate-cy');

  // A professional on a tablet now has Welsh to choose; untranslated words stay in English.
  const { context: tablet, foreign } = await tabletContext(shared.browser, url);
  const professional = await tablet.newPage();
  await professional.goto(`${url}/s/therapies-professionals`);
  await heading(professional, 'Therapies review: professionals and partners');
  await professional.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).tap();
  await heading(professional, 'Adolygiad therapïau: gweithwyr proffesiynol a phartneriaid');
  await professional.getByText('Rydym yn adolygu therapïau plant.').first().waitFor();
  await professional.getByRole('button', { name: /Dechrau nawr/ }).tap();
  await heading(professional, 'Beth yw eich rôl?');
  await professional.getByLabel('Therapydd').waitFor();
  await professional.getByLabel('SENCo or teacher').waitFor();
  await expectAccessible(professional, 'professionals\' question in Welsh');
  assert.deepEqual(foreign, []);
  await tablet.close();

  // Saved: after a reload the editor shows the Welsh, and emptying a box brings the English back.
  await page.reload();
  await heading(page, 'Therapies review: professionals and partners');
  await page.getByRole('button', { name: 'Translate into Welsh' }).click();
  assert.equal(await editor.getByLabel('Survey title in Welsh').inputValue(), 'Adolygiad therapïau: gweithwyr proffesiynol a phartneriaid');
  await editor.getByLabel('Survey title in Welsh').fill('');
  await editor.getByText(`3 of ${total} texts translated`).waitFor();
  await context.close();
});
