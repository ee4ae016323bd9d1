import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRate, type Measured } from './bench-support';
import { fullStackActivations, plainExpress } from './http.bench';
import { projectionRebuild } from './rebuild.bench';
import { portAppends, rawInserts } from './storage.bench';

/** npm run bench [-- --quick] [-- --write]: every figure in one run, with the ratios the issue sets targets for. */
const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
const APPENDS = quick ? 20_000 : 100_000;
const GROUP = 100;
const HTTP_SECONDS = quick ? 5 : 15;
const REBUILD_EVENTS = quick ? 100_000 : 1_000_000;

const main = async () => {
  const lines: string[] = [];
  const log = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  log(`machine: ${machine}`);
  log(`storage: ${APPENDS.toLocaleString('en-US')} events, ${GROUP} per transaction; (a) synchronous=FULL, (b) durable before acknowledgement (WAL fdatasync)`);
  const a = await rawInserts(APPENDS, GROUP);
  log(`  ${formatRate(a)}`);
  const b = await portAppends(APPENDS, GROUP);
  log(`  ${formatRate(b)}`);
  log(`  b/a = ${(b.perSecond / a.perSecond).toFixed(2)} (target ≥ 0.5)`);
  log(`http: ${HTTP_SECONDS} s per run, 50 connections, load generator in this process, server in a child process`);
  const c = await plainExpress(HTTP_SECONDS);
  log(`  ${formatRate(c)}`);
  const d = await fullStackActivations(HTTP_SECONDS, 60_000);
  log(`  ${formatRate(d)}`);
  log(`  d/c = ${(d.perSecond / c.perSecond).toFixed(2)} (target ≥ 0.5)`);
  log(`rebuild: ${REBUILD_EVENTS.toLocaleString('en-US')} WarrantyActivated events`);
  const e: Measured = await projectionRebuild(REBUILD_EVENTS, log);
  log(`  ${formatRate(e)} (target ≥ 100,000 /s)`);

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
