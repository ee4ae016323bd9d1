import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { notificationIdFor } from '../../../src/application/notifications/notification-dispatcher';
import { NOTIFICATION_REACTOR } from '../../../src/application/notifications/notification-reactor';
import { systemContext } from '../../../src/application/shared/command-context';
import type { CommandExecutor } from '../../../src/application/shared/command-executor';
import type { DocumentStore } from '../../../src/application/shared/ports/document-store.port';
import { NotificationDecider, notificationStreamId } from '../../../src/domain/notifications/notification.decider';
import { createAdmin } from '../../../src/main/cli/create-admin.command';
import { loadConfig } from '../../../src/main/config';
import { createLogger } from '../../../src/main/logger';
import { createOpsledger, type Opsledger } from '../../../src/main/opsledger';
import { TOKENS } from '../../../src/main/tokens';
import { TEST_PASSWORD } from '../../support/test-app';
import { uniqueConsumer } from '../warranty/warranty.helpers';
import { mailFiles, reactorOf, settled, smsLines } from './notifications.helpers';

/*
 * At most once across restarts: the service sends, stops, loses the reactor's checkpoint (as if it had crashed
 * after sending and before checkpointing) and starts again on the same data. The reactor replays every event from
 * the first and sends nothing twice; a notification claimed just before a "crash" is not sent at all.
 */

const documentsOf = (opsledger: Opsledger) => opsledger.container.get<DocumentStore>(TOKENS.documentStore);

describe('notification reactor across a restart', () => {
  let dataDir: string;
  const running: Opsledger[] = [];

  const start = async (runReactors: boolean, logLines: string[] = []) => {
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PASSWORD_HASH_COST: '10',
        JWT_SECRET: 'restart-secret'.padEnd(48, 'x'),
        RUN_JOBS: 'false',
        RUN_REACTORS: String(runReactors),
        INSTANCE_ID: 'restart-test',
      },
      () => 'unused',
    );
    const opsledger = await createOpsledger(config, createLogger(config, { write: (line: string) => logLines.push(line) }));
    running.push(opsledger);
    return opsledger;
  };
  const stop = async (opsledger: Opsledger) => {
    running.splice(running.indexOf(opsledger), 1);
    await opsledger.close();
  };
  const outbox = () => path.join(dataDir, 'outbox');

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsledger-restart-'));
  });
  afterAll(async () => {
    for (const opsledger of running) await opsledger.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends no notification twice after replaying every event, and never sends one claimed before a crash', async () => {
    // 1. Three activations, each mailed and texted, plus the admin's welcome mail.
    const first = await start(true);
    await createAdmin(first, { email: 'admin@restart.test', name: 'Restart Admin', password: TEST_PASSWORD }, systemContext('restart-setup'));
    const login = await request(first.app).post('/api/auth/login').send({ email: 'admin@restart.test', password: TEST_PASSWORD }).expect(200);
    const auth = { Authorization: `Bearer ${String(login.body.accessToken)}` };
    const model = await request(first.app)
      .post('/api/inventory/models')
      .set(auth)
      .send({ name: 'Restart 100Ah', sku: 'LV-RESTART', capacityAh: 100, voltage: 12.8, warrantyMonths: 24, lowStockThreshold: 1 })
      .expect(201);
    const batch = await request(first.app).post('/api/inventory/serials').set(auth).send({ modelId: model.body.id, count: 4 }).expect(201);
    const serials = batch.body.serials as string[];
    const consumers = serials.map(() => uniqueConsumer());
    for (const i of [0, 1, 2]) {
      await request(first.app).post('/api/warranty/activate').set(auth).send({ serial: serials[i], consumer: consumers[i] }).expect(201);
    }
    await settled(first);
    const mailsBefore = mailFiles(outbox());
    const smsBefore = smsLines(outbox());
    expect(mailsBefore).toHaveLength(4);
    expect(smsBefore).toHaveLength(3);
    await stop(first);

    // 2. With reactors off: a fourth activation whose email is claimed and then "crashes" before the send;
    //    and the reactor's checkpoint is lost.
    const maintenance = await start(false);
    await request(maintenance.app).post('/api/warranty/activate').set(auth).send({ serial: serials[3], consumer: consumers[3] }).expect(201);
    const [activation] = (await maintenance.eventStore.readStream(`warranty-${serials[3]}`)).filter((e) => e.type === 'WarrantyActivated');
    const claimedId = notificationIdFor(activation!.metadata.eventId, 'warranty-activated', 'email:consumer');
    await maintenance.container.get<CommandExecutor>(TOKENS.executor).execute({
      operation: 'QueueNotification',
      decider: NotificationDecider,
      streamId: notificationStreamId(claimedId),
      command: {
        type: 'QueueNotification',
        data: {
          notificationId: claimedId,
          sourceEventId: activation!.metadata.eventId,
          sourceEventType: activation!.type,
          sourceStreamId: activation!.streamId,
          rule: 'warranty-activated',
          channel: 'email',
          to: consumers[3]!.email!,
          template: 'warranty-activated',
          queuedAt: new Date().toISOString(),
        },
      },
      context: systemContext(activation!.metadata.correlationId, activation!.metadata.eventId),
    });
    expect(await documentsOf(maintenance).getCheckpoint(NOTIFICATION_REACTOR)).toBeGreaterThan(0);
    await documentsOf(maintenance).reset([], NOTIFICATION_REACTOR);
    expect(await documentsOf(maintenance).getCheckpoint(NOTIFICATION_REACTOR)).toBeNull();
    await stop(maintenance);

    // 3. Start again on the same data: the reactor replays from the first event.
    const logLines: string[] = [];
    const second = await start(true, logLines);
    const head = await settled(second);

    expect(reactorOf(second).position).toBeGreaterThanOrEqual(head);
    expect(mailFiles(outbox())).toEqual(mailsBefore);
    const smsAfter = smsLines(outbox());
    expect(smsAfter.slice(0, 3)).toEqual(smsBefore);
    expect(smsAfter.slice(3).map((sms) => sms.to)).toEqual([consumers[3]!.phone]);

    const log = await request(second.app).get('/api/notifications').query({ pageSize: 50 }).set(auth).expect(200);
    const entries = log.body.items as { id: string; status: string; to: string }[];
    expect(entries).toHaveLength(9);
    expect(new Set(entries.map((n) => n.id)).size).toBe(9);
    expect(entries.filter((n) => n.status !== 'sent')).toEqual([expect.objectContaining({ id: claimedId, status: 'queued', to: consumers[3]!.email })]);
    for (const entry of entries) {
      const stream = await second.eventStore.readStream(notificationStreamId(entry.id));
      expect(stream.filter((e) => e.type === 'NotificationQueued')).toHaveLength(1);
    }
    const warnings = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['notificationId'] === claimedId);
    expect(warnings).toEqual([expect.objectContaining({ msg: 'notification claimed earlier and not recorded as sent; not sending it again' })]);
  });
});
