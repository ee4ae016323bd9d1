import type Database from 'better-sqlite3';

/** Prepared statements for generated SQL, least recently used evicted, so ad-hoc queries cannot grow it unbounded. */
export class SqliteStatementCache {
  private readonly statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(
    private readonly connection: Database.Database,
    private readonly capacity = 256,
  ) {}

  prepare<Row>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else statement = this.connection.prepare<unknown[], unknown>(sql);
    this.statements.set(sql, statement);
    const oldest = this.statements.keys().next().value;
    if (this.statements.size > this.capacity && oldest !== undefined) this.statements.delete(oldest);
    return statement as Database.Statement<unknown[], Row>;
  }
}
