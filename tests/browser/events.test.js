// Co-production events end to end, in several browser contexts at once: a facilitator
// builds and runs an event with an idea wall and a dot-vote, the room's screen follows
// every change live, and three people take part on tablets (one by keyboard only, one
// who reloads and keeps their place). Then "you said, we did" is written, published and
// read in its easy-read version. axe-core checks each page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, expectAccessible, tabletContext, signIn } from './support.js';

const shared = serverAndBrowser();

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Presses Tab until the focused element has this accessible label or text, failing after 80 presses. */
async function tabTo(page, name) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? (el.getAttribute('aria-label') || el.textContent || '').trim() : '';
    });
    if (focused === name) return;
  }
  assert.fail(`could not reach "${name}" by Tab`);
}

async function signInAsAdmin(page) {
  await page.goto(`${shared.server.url}/manage`);
  await page.getByLabel('Email address').fill(shared.server.admin.email);
  await page.getByLabel('Password').fill(shared.server.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Consultations');
}

/** A facilitator's desktop browser, signed in as the administrator, on the demo consultation's events. */
async function staffOnEvents() {
  const staff = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await staff.newPage();
  await signInAsAdmin(page);
  await page.getByRole('link', { name: 'Children\'s therapies review' }).click();
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  return { staff, page };
}

/** Adds an idea wall with these questions, then a dot-vote on the review's emerging priorities ("Our priorities"). */
async function addWallAndVote(page, title, questions, mostOnOne) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Questions on the wall').fill(questions);
  await page.getByRole('button', { name: 'Add to the agenda' }).click();
  await page.getByRole('heading', { level: 3, name: title }).waitFor();
  await page.getByLabel('Kind of activity').selectOption('dot_vote');
  await page.getByRole('button', { name: 'Use the review\'s emerging priorities' }).click();
  await page.getByLabel('Most dots on one option (optional)').fill(String(mostOnOne));
  await page.getByRole('button', { name: 'Add to the agenda' }).click();
  await page.getByRole('heading', { level: 3, name: 'Our priorities' }).waitFor();
}

/** The count in a chart's table of numbers for one answer. */
function countIn(page, label) {
  return page.locator('table tr', { has: page.locator('td', { hasText: label }) }).locator('td.table__numeric');
}

test('a facilitator runs a live event while three people take part on tablets', async () => {
  const url = shared.server.url;
  const { staff, page } = await staffOnEvents();
  await heading(page, 'Events');
  await expectAccessible(page, 'the events list');
  // A mistake first: no title.
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await page.getByLabel('Name of the event').fill('Parents\' therapies workshop');
  await page.getByLabel('Place (optional)').fill('Guildhall, Kingston');
  await page.getByRole('button', { name: 'Add event' }).click();
  await heading(page, 'Parents\' therapies workshop');

  await addWallAndVote(page, 'What we think', 'What works well?\nWhat should change?', 2);
  await page.getByText('Change the event\'s details').click();
  await page.getByLabel('Name of the event').fill('');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.locator('#error-summary').getByText('Enter a title for the event').waitFor();
  await page.getByLabel('Name of the event').fill('Parents\' therapies workshop, Kingston');
  await page.getByRole('button', { name: 'Save details' }).click();
  await heading(page, 'Parents\' therapies workshop, Kingston');
  await expectAccessible(page, 'the event page');
  const code = (await page.locator('.join-box__code .code').textContent()).replace(/\s/g, '');
  assert.match(code, /^[0-9A-Z]{6}$/);
  const qr = await page.request.get(url + await page.locator('.join-box__qr').getAttribute('src'));
  assert.equal(qr.headers()['content-type'], 'image/svg+xml');

  const screen = await staff.newPage();
  await screen.goto(`${url}${new URL(page.url()).pathname}/present`);
  await screen.getByText('We will start soon.').waitFor();
  await expectAccessible(screen, 'the room screen before starting');

  // Three people join: from the QR code's link, and by typing the code with a space.
  const people = [];
  for (let i = 0; i < 3; i += 1) {
    const { context, foreign } = await tabletContext(shared.browser, url);
    const p = await context.newPage();
    if (i === 0) {
      await p.goto(`${url}/join`);
      await p.getByLabel('Event code').fill('nope');
      await p.getByRole('button', { name: 'Join' }).click();
      await p.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectAccessible(p, 'the join page with an error');
      await p.getByLabel('Event code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    } else {
      await p.goto(`${url}/join/${code}`);
    }
    await p.getByRole('button', { name: 'Join' }).click();
    await heading(p, 'Waiting for the next activity');
    people.push({ page: p, foreign });
  }
  await expectAccessible(people[0].page, 'waiting to start');
  await screen.getByText('3 joined').waitFor();

  // The idea wall.
  await page.getByRole('button', { name: 'Start: What we think' }).click();
  await screen.getByRole('heading', { level: 1, name: 'What we think' }).waitFor();
  const [one, two, three] = people.map((p) => p.page);
  for (const p of people) await heading(p.page, 'What we think');
  await one.getByLabel('What should change?').check();
  await one.getByLabel('Your idea').fill('Shorter waiting lists for speech therapy');
  await one.getByRole('button', { name: 'Post my note' }).click();
  await one.getByText('Your note is on the wall').waitFor();
  await expectAccessible(one, 'the idea wall on a tablet');
  await two.getByRole('checkbox', { name: 'Happy' }).tap();
  await two.getByRole('button', { name: 'Post my note' }).click();
  await two.getByText('Your note is on the wall').waitFor();
  await three.getByLabel('Your idea').fill('Rude words about the head teacher');
  await three.getByRole('button', { name: 'Post my note' }).click();
  await three.getByText('Your note is on the wall').waitFor();
  await screen.getByText('Shorter waiting lists for speech therapy').waitFor();
  await screen.getByRole('img', { name: 'Happy' }).waitFor();
  await screen.getByText('Rude words about the head teacher').waitFor();
  await expectAccessible(screen, 'the room screen showing the wall');
  await page.getByRole('button', { name: 'Hide note: Rude words about the head teacher' }).click();
  await screen.getByText('Rude words about the head teacher').waitFor({ state: 'detached' });

  // Dot-voting: the first person by keyboard only, the second by touch.
  await page.getByRole('button', { name: 'Start: Our priorities' }).click();
  await screen.getByRole('heading', { level: 1, name: 'Our priorities' }).waitFor();
  await heading(one, 'Our priorities');
  await one.locator('#page-heading').focus();
  await tabTo(one, 'Add a dot to Develop key service principles');
  await one.keyboard.press('Enter');
  await one.keyboard.press('Space');
  await one.keyboard.press('Enter');
  // A third dot on one option is refused with a spoken message, not a silent failure.
  await one.getByText('has the most dots one option can have').waitFor({ state: 'attached' });
  await tabTo(one, 'Add a dot to Review the funding allocation for therapies');
  await one.keyboard.press('Enter');
  await tabTo(one, 'Save my dots');
  await one.keyboard.press('Enter');
  await one.getByText('Your dots are saved').waitFor();
  await expectAccessible(one, 'dot-voting on a tablet');
  await screen.getByText('1 taking part').waitFor();
  assert.equal(await countIn(screen, 'Develop key service principles').textContent(), '2');

  for (let i = 0; i < 2; i += 1) await two.getByRole('button', { name: 'Add a dot to Develop key service principles' }).tap();
  await two.getByRole('button', { name: 'Add a dot to Make better use of needs analysis' }).tap();
  await two.getByRole('button', { name: 'Save my dots' }).tap();
  await two.getByText('Your dots are saved').waitFor();
  await three.getByRole('button', { name: 'Add a dot to Make better use of needs analysis' }).tap();
  await three.getByRole('button', { name: 'Save my dots' }).tap();
  await three.getByText('Your dots are saved').waitFor();
  await screen.getByText('3 taking part').waitFor();
  assert.equal(await countIn(screen, 'Develop key service principles').textContent(), '4');
  assert.equal(await countIn(screen, 'Make better use of needs analysis').textContent(), '2');
  await expectAccessible(screen, 'the room screen showing the votes');

  // The first person reloads: they keep their place and their dots, and saving again never counts twice.
  await one.reload();
  await heading(one, 'Our priorities');
  await one.getByText('0 dots left').waitFor();
  assert.equal(await one.locator('.dots__option', { hasText: 'Develop key service principles' }).locator('.dots__count').textContent(), '2 dots');
  await one.getByRole('button', { name: 'Save my dots' }).click();
  await one.getByText('Your dots are saved').waitFor();
  await screen.getByText('3 joined').waitFor();
  assert.equal(await countIn(screen, 'Develop key service principles').textContent(), '4');

  // Closing and showing the results on devices.
  await page.getByRole('button', { name: 'Close: Our priorities' }).click();
  await page.getByRole('button', { name: 'Show results on devices' }).last().click();
  await two.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal(await countIn(two, 'Develop key service principles').textContent(), '4');
  await expectAccessible(two, 'results on a tablet');
  for (const p of people) assert.deepEqual(p.foreign, [], 'no request leaves the site');
});

test('you said, we did: written by the facilitator, read by anyone in easy read', async () => {
  const url = shared.server.url;
  // Answers and an approved theme, set up through the API.
  for (const text of ['the waiting list is far too long', 'we waited a year on the waiting list', 'waiting times are too long']) {
    const r = await fetch(`${url}/api/responses/${crypto.randomUUID()}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ survey_id: 'therapies-parents', answers: { therapies_used: { type: 'choices', value: ['salt'] }, should_change: { type: 'text', value: text } } }),
    });
    assert.equal(r.status, 201);
  }
  const { cookie, csrf } = await signIn(url, shared.server.admin);
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
  const found = await (await fetch(`${url}/api/manage/consultations/therapies-review/themes/find`, { method: 'POST', headers })).json();
  const theme = found.board.themes.find((t) => /wait/i.test(t.label));
  assert.ok(theme, 'a waiting theme');
  const approved = await fetch(`${url}/api/manage/consultations/therapies-review/themes/edit`, {
    method: 'POST', headers, body: JSON.stringify({ op: 'approve', theme: theme.id, approved: true }),
  });
  assert.equal(approved.status, 200);

  const staff = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await staff.newPage();
  await signInAsAdmin(page);
  await page.getByRole('link', { name: 'Children\'s therapies review' }).click();
  await page.getByRole('link', { name: 'You said, we did' }).click();
  await heading(page, 'You said, we did');
  await page.getByLabel('What we decided').fill('We will publish waiting times every month');
  await page.getByLabel('Who is responsible').fill('Therapies commissioner');
  await page.getByLabel('Where it has got to').selectOption('in_progress');
  await page.getByLabel('By when (optional)').fill('2027-03-31');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
  await expectAccessible(page, 'the you said, we did editor');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Published.', { exact: true }).waitFor();

  const { context } = await tabletContext(shared.browser, url);
  const reader = await context.newPage();
  // A device set to Welsh: the page is written in English only, so it shows whole in English.
  await reader.addInitScript(() => localStorage.setItem('tellus:language', '"cy"'));
  await reader.goto(`${url}/s/therapies-parents`);
  await reader.getByRole('link', { name: /you said, we did/ }).click();
  await heading(reader, 'You said, we did');
  assert.equal(await reader.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await reader.getByRole('navigation', { name: 'Language' }).count(), 0);
  await reader.getByRole('cell', { name: 'We will publish waiting times every month' }).waitFor();
  await reader.getByText('31 March 2027').waitFor();
  await expectAccessible(reader, 'the public you said, we did page');
  await reader.getByRole('button', { name: 'Easy read' }).tap();
  await reader.getByText('We have started:').waitFor();
  const picture = reader.locator('.easy-list__picture').first();
  assert.equal(await picture.evaluate((img) => img.complete && img.naturalWidth > 0), true, 'the status picture loads');
  await expectAccessible(reader, 'the easy-read you said, we did page');
});

test('children take part in an event in Welsh and in Arabic, chosen on their tablets', async () => {
  const url = shared.server.url;
  const { staff, page } = await staffOnEvents();
  await page.getByLabel('Name of the event').fill('Ysgol Gymraeg workshop');
  await page.getByRole('button', { name: 'Add event' }).click();
  await heading(page, 'Ysgol Gymraeg workshop');
  // The facilitator writes the activities in the room's languages; Tellus words the rest.
  await addWallAndVote(page, 'Syniadau / أفكار', 'Beth sy\'n helpu? / ما الذي يساعد؟', 1);
  const code = (await page.locator('.join-box__code .code').textContent()).replace(/\s/g, '');

  // One child chooses Welsh on the join page, the other Arabic.
  const children = [];
  for (const [name, language, joinWord, waiting] of [
    ['Cymraeg', { lang: 'cy', dir: 'ltr' }, 'Ymuno', 'Yn aros am y gweithgaredd nesaf'],
    ['العربية', { lang: 'ar', dir: 'rtl' }, 'انضمام', 'بانتظار النشاط التالي'],
  ]) {
    const { context, foreign } = await tabletContext(shared.browser, url);
    const p = await context.newPage();
    await p.goto(`${url}/join/${code}`);
    await heading(p, 'Join an event');
    await p.getByRole('navigation', { name: 'Language' }).getByRole('button', { name }).tap();
    assert.deepEqual(await p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })), language);
    // The code typed (here: from the link) stays when the page changes language.
    assert.equal(await p.locator('#code').inputValue(), code);
    await p.getByRole('button', { name: joinWord }).tap();
    await heading(p, waiting);
    children.push({ page: p, foreign });
  }
  const [welsh, arabic] = children.map((c) => c.page);
  await welsh.getByText('Cadwch y dudalen hon ar agor.', { exact: false }).waitFor();
  await expectAccessible(arabic, 'waiting for an activity in Arabic');

  // The idea wall in Welsh: an error first, then a picture note.
  await page.getByRole('button', { name: 'Start: Syniadau / أفكار' }).click();
  await heading(welsh, 'Syniadau / أفكار');
  await welsh.getByRole('button', { name: 'Postio fy nodyn' }).tap();
  await welsh.getByRole('heading', { name: 'Mae yna broblem' }).waitFor();
  await welsh.locator('#error-summary').getByText('Ysgrifennwch eich syniad neu dewiswch lun').waitFor();
  assert.match(await welsh.title(), /^Gwall: /);
  await welsh.getByRole('checkbox', { name: 'Mae gen i syniad' }).tap();
  await welsh.getByRole('button', { name: 'Postio fy nodyn' }).tap();
  await welsh.getByText('Mae eich nodyn ar y wal.').waitFor();
  await welsh.getByRole('img', { name: 'Mae gen i syniad' }).waitFor();
  await expectAccessible(welsh, 'the idea wall in Welsh');
  await arabic.getByLabel('فكرتك').fill('ألعاب أكثر في جلسات النطق');
  await arabic.getByRole('button', { name: 'انشر ملاحظتي' }).tap();
  await arabic.getByText('ملاحظتك على الجدار.').waitFor();

  // Dot-voting in Arabic, right to left: counts agree with their numbers.
  await page.getByRole('button', { name: 'Start: Our priorities' }).click();
  await heading(arabic, 'Our priorities');
  await arabic.getByText('لديك', { exact: false }).first().waitFor();
  const add = arabic.getByRole('button', { name: 'أضف نقطة إلى Develop key service principles' });
  await add.tap();
  await add.tap();
  // One dot at most on an option here: the second is refused, and said so in Arabic.
  await arabic.getByText('وصل Develop key service principles إلى أكبر عدد من النقاط', { exact: false }).waitFor({ state: 'attached' });
  assert.equal(await arabic.locator('.dots__option', { hasText: 'Develop key service principles' }).locator('.dots__count').textContent(), 'نقطة واحدة');
  await arabic.getByRole('button', { name: 'احفظ نقاطي' }).tap();
  await arabic.getByText('حُفظت نقاطك.', { exact: false }).waitFor();
  await expectAccessible(arabic, 'dot-voting in Arabic');
  await heading(welsh, 'Our priorities');
  await welsh.getByRole('button', { name: 'Ychwanegu dot at Make better use of needs analysis' }).tap();
  await welsh.getByRole('button', { name: 'Cadw\'r dotiau' }).tap();
  await welsh.getByText('Mae eich dotiau wedi\'u cadw.', { exact: false }).waitFor();
  for (const c of children) assert.deepEqual(c.foreign, [], 'no request leaves the site');
  await staff.close();
});
