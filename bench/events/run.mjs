// Live events under load: N simulated participants join one event, each holding the room's
// live stream open like a phone would, then each places dots. Measures, from the moment a
// vote's acceptance reaches the participant to the moment the room's screen (present mode)
// shows it, p50/p95/max; the server's CPU time and memory; and, as the baseline in the same
// run, the round trip of a bare GET /api/health under the same concurrency.
//
//   node bench/events/run.mjs                 # 300 participants, burst and spread-out votes
//   node bench/events/run.mjs --people 100
//
// Builds `tellus` in release mode and starts it on a temporary data folder.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const people = Number(args[args.indexOf('--people') + 1] || 0) || 300;
const root = new URL('../../', import.meta.url).pathname;

execFileSync('cargo', ['build', '--release', '-p', 'tellus'], { cwd: root, stdio: 'inherit' });
const data = mkdtempSync(join(tmpdir(), 'tellus-bench-events-'));
const server = spawn(join(root, 'target/release/tellus'), ['serve', '--data', data, '--addr', '127.0.0.1:0', '--dist', join(data, 'no-app')], {
  stdio: ['ignore', 'pipe', 'ignore'],
  env: { ...process.env, RUST_LOG: 'warn' },
});
const { url, password } = await new Promise((resolve, reject) => {
  let seen = '';
  server.stdout.on('data', (chunk) => {
    seen += chunk;
    const match = seen.match(/running at (http:\/\/[^\s/]+)\//);
    const secret = seen.match(/Password:\s+(\S+)/);
    if (match && secret && seen.includes('Press Ctrl-C')) resolve({ url: match[1], password: secret[1] });
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
});

function cpuSeconds() {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return ticks / 100;
}
function memoryMb(field) {
  const line = readFileSync(`/proc/${server.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field));
  return Number(line.split(/\s+/)[1]) / 1024;
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
};

// Sign in and make an event with one dot-vote.
const signIn = await fetch(`${url}/api/session`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@example.org', password }),
});
const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
const { csrf_token: csrf } = await signIn.json();
const staff = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
async function post(path, body, headers = staff) {
  const r = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** Reads a server-sent event stream, calling `onData` with each message's JSON. */
async function stream(path, headers, onData) {
  const controller = new AbortController();
  const r = await fetch(`${url}${path}`, { headers, signal: controller.signal });
  const reader = r.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((l) => l.startsWith('data: '));
          if (data) onData(JSON.parse(data.slice(6)), performance.now());
        }
      }
    } catch { /* closed */ }
  })();
  return () => controller.abort();
}

async function round(name, spreadMs) {
  const event = await post('/api/manage/consultations/therapies-review/events', {
    title: `Load ${name}`, audience: 'parents_and_carers',
  });
  const options = ['needs', 'principles', 'model', 'funding', 'involve'].map((id) => ({ id, label: id }));
  await post(`/api/manage/events/${event.id}/activities`, { title: 'Priorities', type: 'dot_vote', dots: 3, options });
  // The room's screen.
  const shown = []; // [time, taking_part]
  const closePresent = await stream(`/api/manage/events/${event.id}/present`, { cookie }, (p, at) => shown.push([at, p.taking_part]));
  // Everyone joins and keeps the room's stream open.
  const joined = await Promise.all(Array.from({ length: people }, async () => {
    const j = await post('/api/events/join', { code: event.code }, { 'content-type': 'application/json' });
    let phases = 0;
    const close = await stream(`/api/events/${event.code}/stream`, {}, () => { phases += 1; });
    return { id: j.participant, close, phases: () => phases };
  }));
  await post(`/api/manage/events/${event.id}/control`, { action: 'open', activity: 'priorities' });
  await new Promise((r) => setTimeout(r, 300));
  const reached = joined.filter((p) => p.phases() >= 2).length;

  const cpu0 = cpuSeconds();
  const start = performance.now();
  const acked = [];
  await Promise.all(joined.map(async (p, i) => {
    await new Promise((r) => setTimeout(r, spreadMs ? Math.random() * spreadMs : 0));
    const dots = { [options[i % 5].id]: 2, [options[(i + 1) % 5].id]: 1 };
    const sent = performance.now();
    await post(`/api/events/${event.code}/activities/priorities`,
      { participant: p.id, contribution: { type: 'dots', dots } }, { 'content-type': 'application/json' });
    acked.push([performance.now(), sent]);
  }));
  const votingSeconds = (performance.now() - start) / 1000;
  // Wait for the screen to show every vote.
  const deadline = performance.now() + 10000;
  while (!shown.some(([, n]) => n >= people) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const cpu = cpuSeconds() - cpu0;
  acked.sort((a, b) => a[0] - b[0]);
  // A vote counts as shown when the screen first shows at least as many votes as had been
  // accepted when its acceptance arrived (the screen can get there first: then 0 ms).
  const onScreen = acked.map((_, i) => shown.find(([, n]) => n >= i + 1)?.[0] ?? Infinity);
  const latency = acked.map(([at], i) => Math.max(0, onScreen[i] - at));
  // From pressing Save to the screen: the request, the durable write, and the stream.
  const endToEnd = acked.map(([, sent], i) => onScreen[i] - sent);

  // Baseline: the same number of bare requests at once.
  const health = await Promise.all(Array.from({ length: people }, async () => {
    const t = performance.now();
    await (await fetch(`${url}/api/health`)).json();
    return performance.now() - t;
  }));
  closePresent();
  joined.forEach((p) => p.close());
  return {
    name, latency: summary(latency), endToEnd: summary(endToEnd), health: summary(health), cpu, votingSeconds,
    screenUpdates: shown.length, reached,
  };
}

const results = [await round('burst', 0), await round('spread over 10 s', 10000)];
const rss = memoryMb('VmRSS');
const peak = memoryMb('VmHWM');
server.kill('SIGTERM');
rmSync(data, { recursive: true, force: true });

const ms = (v) => `${v.toFixed(1)} ms`;
console.log(`\n${people} participants, each with the room's live stream open; ${process.platform} ${(await import('node:os')).cpus().length} cores`);
console.log('| votes | accepted → on screen p50 / p95 / max | sent → on screen p50 / p95 / max | GET /api/health p50 / p95 (baseline) | sent → on screen p95 / baseline p95 | server CPU | screen updates | devices told the vote opened |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const three = (v) => `${ms(v.p50)} / ${ms(v.p95)} / ${ms(v.max)}`;
for (const r of results) {
  console.log(`| ${r.name} | ${three(r.latency)} | ${three(r.endToEnd)} | ${ms(r.health.p50)} / ${ms(r.health.p95)} | ${(r.endToEnd.p95 / r.health.p95).toFixed(2)}x | ${r.cpu.toFixed(2)} s over ${r.votingSeconds.toFixed(1)} s | ${r.screenUpdates} | ${r.reached} of ${people} |`);
}
console.log(`\nServer memory after both rounds: ${rss.toFixed(0)} MB resident, ${peak.toFixed(0)} MB peak.`);
