import { randomUUID } from 'node:crypto';
import { MongoJobRepository } from '@agendajs/mongo-backend';
import { MongoClient } from 'mongodb';
import { describeOnEngine } from '../support/engines';
import { describeJobRepositoryContract } from './job-repository.contract';

// The reference adapter: the SQLite repository mirrors agenda's Mongo repository, and this keeps the contract honest.
describeOnEngine('mongodb', 'MongoJobRepository (agenda reference)', (url) => {
  describeJobRepositoryContract('mongodb', async () => {
    const client = await MongoClient.connect(url);
    const db = client.db(`opsledger_jobs_${randomUUID().replaceAll('-', '')}`);
    const repository = new MongoJobRepository({ mongo: db });
    await repository.connect();
    return {
      repository,
      cleanup: async () => {
        await db.dropDatabase();
        await client.close();
      },
    };
  });
});
