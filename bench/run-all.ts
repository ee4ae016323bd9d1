import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRate, type Measured } from './bench-support';
import { runLoad, startFullStack, startPlainExpress } from './http.bench';
import { projectionRebuilds } from './rebuild.bench';
import { portAppends, portAppendWaves, RANDOM_V4_IDS, rawInserts, SERVICE_IDS } from './storage.bench';

/**
 * npm run bench [-- --quick] [-- --write]: every figure in one run, with the ratios the issue sets targets for.
 * Each compared pair is measured in alternating rounds and the medians are compared, so a slow moment of the
 * shared disk or CPU lands on one round, not on one side of a ratio.
 */
const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
const ROUNDS = quick ? 3 : 5;
const APPENDS = quick ? 20_000 : 100_000;
const GROUP = 100;
const APPENDERS = 2 * GROUP;
const HTTP_ROUNDS = quick ? 1 : 3;
const HTTP_SECONDS = quick ? 5 : 10;
/** Enough for every activation round at well over the rate this machine reaches. */
const SERIALS = HTTP_ROUNDS * HTTP_SECONDS * 6_000;
const REBUILD_EVENTS = quick ? 100_000 : 1_000_000;
const REBUILD_ROUNDS = 3;
const ID_ROUNDS = quick ? 1 : 3;

/** The round with the median rate (its latencies come along). */
const median = (runs: readonly Measured[]): Measured => {
  const sorted = [...runs].sort((x, y) => x.perSecond - y.perSecond);
  return sorted[Math.floor(sorted.length / 2)] as Measured;
};

const rates = (runs: readonly Measured[]) => runs.map((run) => Math.round(run.perSecond).toLocaleString('en-US')).join(', ');

const main = async () => {
  const lines: string[] = [];
  const log = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  log(`machine: ${machine}`);

  log(`storage: ${APPENDS.toLocaleString('en-US')} events per round, ${GROUP} per transaction, ${ROUNDS} alternating rounds, medians`);
  log(`  (a) synchronous=FULL; (b) ${APPENDERS} concurrent appenders, each acknowledged once its group's WAL fdatasync is done`);
  const a: Measured[] = [];
  const b: Measured[] = [];
  const waves: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await rawInserts(APPENDS, GROUP));
    b.push(await portAppends(APPENDS, GROUP, APPENDERS));
    waves.push(await portAppendWaves(APPENDS, GROUP));
  }
  for (const runs of [a, b, waves]) log(`  ${formatRate(median(runs))}  [rounds: ${rates(runs)}]`);
  log(`  b/a = ${(median(b).perSecond / median(a).perSecond).toFixed(2)} (target ≥ 0.5); b'/a = ${(median(waves).perSecond / median(a).perSecond).toFixed(2)}`);

  log(`ids (ADR 0026): (b) again, ${ID_ROUNDS} alternating rounds, with the service's UUID v7 ids and with random v4 ids`);
  const v7: Measured[] = [];
  const v4: Measured[] = [];
  for (let round = 0; round < ID_ROUNDS; round++) {
    v7.push(await portAppends(APPENDS, GROUP, APPENDERS, SERVICE_IDS, '(b) with UUID v7 ids (the service makes these)'));
    v4.push(await portAppends(APPENDS, GROUP, APPENDERS, RANDOM_V4_IDS, '(b) with random UUID v4 ids'));
  }
  for (const runs of [v7, v4]) log(`  ${formatRate(median(runs))}  [rounds: ${rates(runs)}]`);
  log(`  v7/v4 = ${(median(v7).perSecond / median(v4).perSecond).toFixed(2)}`);

  // Before the HTTP runs: their servers' seeding leaves this process a heap that slows the rebuild's collections.
  log(`rebuild: ${REBUILD_EVENTS.toLocaleString('en-US')} WarrantyActivated events, rebuilt ${REBUILD_ROUNDS} times, median`);
  const e = await projectionRebuilds(REBUILD_EVENTS, REBUILD_ROUNDS, log);
  log(`  ${formatRate(median(e))}  [rounds: ${rates(e)}] (target ≥ 100,000 /s)`);

  log(`http: ${HTTP_ROUNDS} alternating rounds of ${HTTP_SECONDS} s each, 50 connections, load generator in this process, servers in child processes`);
  const plain = await startPlainExpress();
  const full = await startFullStack(SERIALS);
  const c: Measured[] = [];
  const d: Measured[] = [];
  try {
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      c.push(await runLoad(plain, HTTP_SECONDS));
      d.push(await runLoad(full, HTTP_SECONDS));
    }
  } finally {
    await plain.stop();
    await full.stop();
  }
  for (const runs of [c, d]) log(`  ${formatRate(median(runs))}  [rounds: ${rates(runs)}]`);
  log(`  d/c = ${(median(d).perSecond / median(c).perSecond).toFixed(2)} (target ≥ 0.5)`);

  if (write) {
    const file = path.resolve(__dirname, '../../docs/benchmarks.md');
    const section = `\n## Run of ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`;
    fs.appendFileSync(file, section);
    console.log(`appended to ${file}`);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
