// Time to the first question: Tellus against SurveyJS, the same children's survey, side by
// side in one run, in Chromium with 4x CPU throttling and a slow network set through the
// DevTools protocol. Also counts the bytes each downloads before the first question shows.
//
//   node bench/surveyjs/run.mjs            # 5 runs per tool and network
//   node bench/surveyjs/run.mjs --runs 9
//
// Needs `cargo xtask build` (run by this script) and `npm install` in bench/surveyjs (also run).
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 5;
const here = new URL('.', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(join(root, 'tests/package.json'));
const { chromium } = require('playwright-core');

execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
execFileSync('cargo', ['xtask', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync('cargo', ['build', '--release', '-p', 'tellus'], { cwd: root, stdio: 'inherit' });

// Tellus, serving the built app and the demo consultation.
const data = mkdtempSync(join(tmpdir(), 'tellus-bench-first-'));
const tellus = spawn(join(root, 'target/release/tellus'), ['serve', '--data', data, '--addr', '127.0.0.1:0', '--dist', join(root, 'dist')], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const tellusUrl = await new Promise((resolve, reject) => {
  let seen = '';
  tellus.stdout.on('data', (chunk) => {
    seen += chunk;
    const match = seen.match(/running at (http:\/\/[^\s/]+)\//);
    if (match && seen.includes('Press Ctrl-C')) resolve(match[1]);
  });
  tellus.on('exit', (code) => reject(new Error(`tellus exited with ${code}: ${seen}`)));
});
const page = await (await fetch(`${tellusUrl}/api/surveys/therapies-children`)).json();

/** The children's survey in SurveyJS's terms: one question per page, the same words and choices. */
function toSurveyJs(survey) {
  const faces = { 3: ['Happy', 'OK', 'Sad'], 5: ['Really happy', 'Happy', 'OK', 'Sad', 'Really sad'] };
  const element = (q) => {
    const base = { name: q.id, title: q.text, description: q.hint, isRequired: q.required };
    switch (q.type) {
      case 'faces':
        return { ...base, type: 'radiogroup', choices: faces[q.points].map((text, i) => ({ value: q.points - i, text })), showNoneItem: q.allow_dont_know, noneText: "I don't know" };
      case 'yes_no':
        return { ...base, type: 'radiogroup', choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }, { value: 'not_sure', text: 'Not sure' }] };
      case 'answered_how':
        return { ...base, type: 'radiogroup', choices: [{ value: 'own', text: 'On my own' }, { value: 'with_help', text: 'With help' }, { value: 'someone_else', text: 'Someone answered for me' }] };
      case 'free_text':
        return { ...base, type: 'comment', maxLength: q.max_graphemes };
      default:
        return { ...base, type: 'text' };
    }
  };
  return { title: survey.title, questionsOnPageMode: 'questionPerPage', elements: survey.questions.map(element) };
}
const first = page.survey.questions[0].text;

// SurveyJS's page and files.
const files = {
  '/': ['text/html', readFileSync(join(here, 'page.html'))],
  '/start.js': ['text/javascript', readFileSync(join(here, 'start.js'))],
  '/survey.core.min.js': ['text/javascript', readFileSync(join(here, 'node_modules/survey-core/survey.core.min.js'))],
  '/survey-js-ui.min.js': ['text/javascript', readFileSync(join(here, 'node_modules/survey-js-ui/survey-js-ui.min.js'))],
  '/survey-core.fontless.min.css': ['text/css', readFileSync(join(here, 'node_modules/survey-core/survey-core.fontless.min.css'))],
  '/survey.json': ['application/json', Buffer.from(JSON.stringify(toSurveyJs(page.survey)))],
};
// Compressed ahead of time as Tellus's build compresses its files: Brotli at level 11 for
// browsers that accept it, gzip at level 9 otherwise.
const compressed = Object.fromEntries(Object.entries(files).map(([path, [type, body]]) => [path, {
  type,
  br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 22 } }),
  gzip: gzipSync(body, { level: 9 }),
}]));
const surveyjs = createServer((req, res) => {
  const found = compressed[req.url];
  if (!found) { res.writeHead(404); res.end(); return; }
  const encoding = /\bbr\b/.test(req.headers['accept-encoding'] || '') ? 'br' : 'gzip';
  res.writeHead(200, { 'content-type': found.type, 'content-encoding': encoding, 'cache-control': 'no-store' });
  res.end(found[encoding]);
});
await new Promise((resolve) => surveyjs.listen(0, '127.0.0.1', resolve));
const surveyjsUrl = `http://127.0.0.1:${surveyjs.address().port}`;

// DevTools' presets (as Puppeteer defines them): throughput in bytes per second.
const networks = {
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (750 * 1000 / 8) * 0.9 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500 * 1000 / 8) * 0.8, uploadThroughput: (500 * 1000 / 8) * 0.8 },
  // WebPageTest's "3G Slow" (400 kbit/s down and up, 400 ms round trip): as slow a link, with a
  // round trip short enough that a page can show within 1.5 s.
  '3G Slow (WebPageTest)': { latency: 400, downloadThroughput: 400 * 1000 / 8, uploadThroughput: 400 * 1000 / 8 },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

/**
 * One cold load: milliseconds from navigation to the first question's words on screen, bytes
 * received by then, and milliseconds until the page works (the app has started; for SurveyJS,
 * which draws its question from its scripts, the same moment as the words).
 */
async function once(url, network) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...networks[network] });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Network events carry a monotonic clock in seconds; the document's request starts it
  // (the page's own clock starts at navigation, within a few milliseconds of that request).
  // Bytes are counted as they arrive (a page is drawn while its HTML is still arriving): a
  // response that had finished counts whole, headers included; one still arriving counts the
  // share of its body received by then (DevTools reports compressed sizes only at the end).
  let start;
  const received = [];
  const finished = new Map();
  cdp.on('Network.requestWillBeSent', (e) => { if (start === undefined) start = e.timestamp; });
  cdp.on('Network.dataReceived', (e) => received.push({ id: e.requestId, at: e.timestamp, length: e.dataLength }));
  cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, { at: e.timestamp, bytes: e.encodedDataLength }));
  // Records, from inside the page, the first frame drawn once the first question's words are
  // in it (a frame waits for style sheets that block rendering, so the words are styled then).
  await tab.addInitScript((words) => {
    const seen = () => {
      if (window.__words === undefined && document.body && document.body.innerText.includes(words)) {
        window.__words = performance.now();
        requestAnimationFrame(() => {
          window.__first = performance.now();
        });
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
    addEventListener('TrunkApplicationStarted', () => { window.__ready = performance.now(); });
  }, first);
  await tab.goto(url, { waitUntil: 'commit' });
  await tab.waitForFunction(() => window.__first !== undefined, null, { timeout: 120000, polling: 100 });
  const isTellus = url.startsWith(tellusUrl);
  if (isTellus) {
    await tab.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120000, polling: 100 });
  }
  const page = await tab.evaluate(() => ({ first: window.__first, ready: window.__ready ?? window.__first }));
  const before = (e) => (e.at - start) * 1000 <= page.first;
  // Every response that had begun arriving by then must finish, to know its compressed size.
  const begun = new Set(received.filter(before).map((r) => r.id));
  while ([...begun].some((id) => !finished.has(id))) await new Promise((resolve) => setTimeout(resolve, 100));
  await context.close();
  let bytes = 0;
  for (const id of begun) {
    const done = finished.get(id);
    if (before(done)) {
      bytes += done.bytes;
    } else {
      const all = received.filter((r) => r.id === id);
      const share = all.filter(before).reduce((sum, r) => sum + r.length, 0) / all.reduce((sum, r) => sum + r.length, 0);
      bytes += done.bytes * share;
    }
  }
  // Responses with no body (none here) finish without data.
  for (const [id, done] of finished) if (!begun.has(id) && before(done)) bytes += done.bytes;
  return { ms: page.first, bytes, readyMs: page.ready };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const network of Object.keys(networks)) {
  const results = { Tellus: [], SurveyJS: [] };
  for (let i = 0; i < runs; i += 1) {
    // Alternate, so neither tool always runs on a warmer machine.
    results.Tellus.push(await once(`${tellusUrl}/s/therapies-children/q/1`, network));
    results.SurveyJS.push(await once(`${surveyjsUrl}/`, network));
  }
  const summary = (r) => ({
    ms: median(r.map((x) => x.ms)),
    kb: median(r.map((x) => x.bytes)) / 1000,
    readyMs: median(r.map((x) => x.readyMs)),
  });
  rows.push({ network, tellus: summary(results.Tellus), surveyjs: summary(results.SurveyJS) });
}
await browser.close();
surveyjs.close();
tellus.kill('SIGTERM');
rmSync(data, { recursive: true, force: true });

console.log(`\nTime to the first question on screen (median of ${runs} cold loads, 4x CPU throttling), bytes received by then, and time until the page works`);
console.log('| network | Tellus | SurveyJS | SurveyJS / Tellus (time) | Tellus bytes | SurveyJS bytes | SurveyJS / Tellus (bytes) | Tellus working | SurveyJS working |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.network} | ${(r.tellus.ms / 1000).toFixed(2)} s | ${(r.surveyjs.ms / 1000).toFixed(2)} s | ${(r.surveyjs.ms / r.tellus.ms).toFixed(2)}x | ${r.tellus.kb.toFixed(0)} KB | ${r.surveyjs.kb.toFixed(0)} KB | ${(r.surveyjs.kb / r.tellus.kb).toFixed(2)}x | ${(r.tellus.readyMs / 1000).toFixed(2)} s | ${(r.surveyjs.readyMs / 1000).toFixed(2)} s |`);
}
