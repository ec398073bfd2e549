// The survey adapts to how each person sees the page: zoomed to 400% (320 CSS pixels wide,
// WCAG 1.4.10: nothing scrolls sideways), with the operating system's own colours (forced
// colours: focus and choices stay visible) and with reduced motion (nothing moves).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, expectAccessible } from './support.js';

const shared = serverAndBrowser();

async function heading(page, pattern) {
  await page.getByRole('heading', { level: 1, name: pattern }).waitFor();
}

/** Fails, naming the culprits, if the page or anything on it reaches past the viewport's sides. */
async function fitsSideways(page, where) {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      // Hidden text, the skip link until focused, and tables inside their own scrolling box are allowed.
      if (el.closest('.visually-hidden, .skip-link, .table-scroll')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1 || box.left < -1) wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)} to ${Math.round(box.right)})`);
    }
    return { width, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
  });
  assert.ok(found.scroll <= found.width, `${where}: the page scrolls sideways (${found.scroll} > ${found.width}): ${found.wide.join(' | ')}`);
  assert.deepEqual(found.wide, [], `${where}: past the sides of a ${found.width}px screen`);
}

/** Answers whatever the question on screen asks with its first choice or a few words, then continues. */
async function answerAndContinue(page, continueWord) {
  const text = page.locator('textarea');
  const choice = page.locator('input[type=radio], input[type=checkbox]');
  if (await text.count()) await text.fill('Games with my therapist');
  else if (await choice.count()) await page.locator(`label[for="${await choice.first().getAttribute('id')}"]`).click();
  await page.getByRole('button', { name: continueWord }).click();
}

for (const [language, name, start, check, send] of [
  ['English', null, /Start now/, 'Check your answers', 'Send my answers'],
  ['Arabic, right to left', 'العربية', /ابدأ الآن/, 'راجع إجاباتك', 'أرسل إجاباتي'],
]) {
  test(`at 400% zoom the children's survey fits a 320-pixel screen, in ${language}`, async () => {
    const context = await shared.browser.newContext({ viewport: { width: 320, height: 256 } });
    const page = await context.newPage();
    await page.goto(`${shared.server.url}/s/therapies-children`);
    await heading(page, 'Tell us about your therapy');
    if (name) {
      await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name }).click();
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    }
    await fitsSideways(page, 'the start page');
    await page.getByRole('button', { name: start }).click();
    const continueWord = await page.locator('form button[type=submit]').last().innerText();
    let questions = 0;
    for (; questions < 10; questions += 1) {
      await page.locator('#page-heading').waitFor();
      if (await page.getByRole('heading', { level: 1, name: check }).count()) break;
      await fitsSideways(page, `question ${questions + 1}`);
      await answerAndContinue(page, continueWord);
      await page.waitForTimeout(50);
    }
    await heading(page, check);
    assert.ok(questions >= 5, `every question was checked on the way (${questions})`);
    await fitsSideways(page, 'check your answers');
    await expectAccessible(page, `check your answers at 320 pixels, ${language}`);
    await page.getByRole('button', { name: send }).click();
    await page.locator('.panel--confirmation, #page-heading').first().waitFor();
    await fitsSideways(page, 'the confirmation page');
    await page.goto(`${shared.server.url}/help`);
    await page.locator('#page-heading').waitFor();
    await fitsSideways(page, 'the help page');
    await page.goto(`${shared.server.url}/`);
    await page.locator('#page-heading').waitFor();
    await fitsSideways(page, 'the surveys list');
    await context.close();
  });
}

test('at 400% zoom the parents\' and professionals\' surveys fit a 320-pixel screen too', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 320, height: 256 } });
  const page = await context.newPage();
  for (const survey of ['therapies-parents', 'therapies-professionals']) {
    await page.goto(`${shared.server.url}/s/${survey}`);
    await page.locator('#page-heading').waitFor();
    await fitsSideways(page, `${survey}: the start page`);
    await page.getByRole('button', { name: /Start now/ }).click();
    let questions = 0;
    for (; questions < 12; questions += 1) {
      await page.locator('#page-heading').waitFor();
      if (await page.getByRole('heading', { level: 1, name: 'Check your answers' }).count()) break;
      await fitsSideways(page, `${survey}: question ${questions + 1}`);
      await answerAndContinue(page, 'Continue');
      await page.waitForTimeout(50);
    }
    await heading(page, 'Check your answers');
    assert.ok(questions >= 5, `${survey}: every question was checked on the way (${questions})`);
    await fitsSideways(page, `${survey}: check your answers`);
  }
  await context.close();
});

test('with the system\'s own colours and reduced motion, focus and choices stay visible and nothing moves', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 820, height: 1180 }, forcedColors: 'active', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${shared.server.url}/s/therapies-children`);
  await heading(page, 'Tell us about your therapy');
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);

  /** The focus indicator of the focused element (or, for hidden inputs, of what shows it). */
  const focusShown = () => page.evaluate(() => {
    const el = document.activeElement;
    const shown = el.matches('.face__input') ? el.nextElementSibling
      : el.matches('.radios__input, .checkboxes__input') ? el.nextElementSibling : el;
    const style = getComputedStyle(shown, el.matches('.radios__input, .checkboxes__input') ? '::before' : null);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !/rgba\(.*, 0\)|transparent/.test(style.outlineColor);
    const border = parseFloat(style.borderTopWidth) >= 4;
    return { what: shown.outerHTML.slice(0, 60), visible: outline || border };
  });

  await page.keyboard.press('Tab');
  for (let i = 0; i < 30; i += 1) {
    const label = await page.evaluate(() => document.activeElement.innerText || '');
    if (/Start now/.test(label)) break;
    await page.keyboard.press('Tab');
  }
  const start = await focusShown();
  assert.ok(start.visible, `the focused Start button shows focus in forced colours: ${start.what}`);
  await page.keyboard.press('Enter');

  // The faces: focus and the chosen face are outlined, in the system's colours.
  await heading(page, /How do you feel about your therapy sessions/);
  await page.getByRole('radio', { name: 'Happy', exact: true }).focus();
  const face = await focusShown();
  assert.ok(face.visible, `the focused face shows focus: ${face.what}`);
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Continue' }).focus();
  const chosen = await page.evaluate(() => {
    const label = (id) => getComputedStyle(document.querySelector(`label[for="${id}"]`));
    const checked = document.querySelector('.face__input:checked');
    const other = document.querySelector('.face__input:not(:checked)');
    return { checked: label(checked.id).outlineStyle, other: label(other.id).outlineStyle };
  });
  assert.deepEqual(chosen, { checked: 'solid', other: 'none' }, 'only the chosen face is outlined');
  const button = await focusShown();
  assert.ok(button.visible, `the focused Continue button shows focus: ${button.what}`);

  // Nothing animates or slides with reduced motion asked for.
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => {
      const s = getComputedStyle(el);
      return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
    })
    .map((el) => el.tagName));
  assert.deepEqual(moving, []);
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  await page.keyboard.press('Enter');

  // A yes-or-no question's radios: the focused one's circle is drawn thicker, in CanvasText.
  await heading(page, /same therapist/);
  await page.getByRole('radio', { name: 'Yes' }).focus();
  const radio = await focusShown();
  assert.ok(radio.visible, `the focused radio shows focus: ${radio.what}`);
  await expectAccessible(page, 'a question in forced colours');
  await context.close();
});
