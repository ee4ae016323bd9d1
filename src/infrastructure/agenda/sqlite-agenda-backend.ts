import type { AgendaBackend } from 'agenda';
import type { SqliteDatabase } from '../sqlite/sqlite-database';
import { SqliteJobRepository } from './sqlite-job-repository';

/**
 * agenda 6 on the service's SQLite file: scheduled jobs survive restarts beside the events and read models.
 * No notification channel (agenda polls every processEvery) and no job logger. The database belongs to the
 * service, which closes it after agenda.stop(): agenda never calls disconnect() on a backend that does not own
 * its connection, and disconnect() here has nothing of its own to close.
 */
export class SqliteAgendaBackend implements AgendaBackend {
  readonly name = 'SQLite';
  readonly repository: SqliteJobRepository;
  readonly notificationChannel = undefined;
  readonly ownsConnection = false;

  constructor(database: SqliteDatabase) {
    this.repository = new SqliteJobRepository(database);
  }

  async connect(): Promise<void> {
    await this.repository.connect();
  }

  async disconnect(): Promise<void> {}
}
