import type Database from 'better-sqlite3';
import type { IndexSpec } from '../../application/shared/ports/document-store.port';
import { invalid } from '../../domain/shared/domain-error';
import { assertCollectionName } from '../store-kit/document-naming';
import { fieldExpression } from './sqlite-document-query';

/** The statements that write one collection's table, as SQL (the document writer thread prepares them too). */
export interface CollectionWrites {
  /** An upsert, not INSERT OR REPLACE: REPLACE would silently delete another row that breaks a unique index. */
  readonly put: string;
  readonly delete: string;
}

/** One read-model collection: table `rm_<name>(id, doc)` and its statements, prepared once. */
export class SqliteCollection {
  readonly table: string;
  readonly writes: CollectionWrites;
  readonly get: Database.Statement<[string], { doc: string }>;
  readonly put: Database.Statement<[string, string]>;
  readonly delete: Database.Statement<[string]>;
  readonly clear: Database.Statement<[]>;

  constructor(
    private readonly connection: Database.Database,
    readonly name: string,
  ) {
    assertCollectionName(name);
    this.table = `"rm_${name}"`;
    connection.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    this.get = connection.prepare(`SELECT doc FROM ${this.table} WHERE id = ?`);
    this.writes = {
      put: `INSERT INTO ${this.table} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      delete: `DELETE FROM ${this.table} WHERE id = ?`,
    };
    this.put = connection.prepare(this.writes.put);
    this.delete = connection.prepare(this.writes.delete);
    this.clear = connection.prepare(`DELETE FROM ${this.table}`);
  }

  /** Expression indexes on json_extract(doc, '$.field'); the name encodes fields and uniqueness. */
  createIndex(index: IndexSpec): void {
    if (index.fields.length === 0) throw invalid('document_store.invalid_index', `An index of ${this.name} has no fields`);
    const expressions = index.fields.map(fieldExpression);
    const name = `"rm_${this.name}:${index.unique ? 'unique' : 'index'}:${index.fields.join(',')}"`;
    this.connection.exec(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${this.table} (${expressions.join(', ')})`,
    );
  }
}
