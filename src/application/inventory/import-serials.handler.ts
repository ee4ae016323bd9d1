import { BatteryModelDecider, batteryModelStreamId, type BatteryModelState } from '../../domain/inventory/battery-model.decider';
import { normaliseSerial } from '../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId } from '../../domain/inventory/serial-number.decider';
import { isDomainError } from '../../domain/shared/domain-error';
import { mapConcurrently } from '../shared/bounded-concurrency';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import type { ImportTable } from '../shared/import-table';
import { loadAggregate } from '../shared/load-aggregate';
import { serialImportRows, type SerialImportRow } from './serial-import-rows';

/** Serials registered at once; enough to keep the store busy without one import crowding out other requests. */
const IMPORT_CONCURRENCY = 16;
const MAX_BATCH_LENGTH = 64;

export interface SerialImportRowReport {
  readonly row: number;
  readonly line: number;
  /** Normalised (upper case, no spaces or dashes) as it was registered or refused. */
  readonly serial: string;
  readonly status: 'accepted' | 'rejected';
  readonly code?: string;
  readonly message?: string;
}

export interface SerialImportReport extends Positioned {
  readonly total: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rows: readonly SerialImportRowReport[];
}

type Outcome = { readonly position: number } | { readonly code: string; readonly message: string };

const refused = (code: string, message: string): Outcome => ({ code, message });

/**
 * Registers serials made before opsledger from a file's rows. Each row stands alone: a bad row is reported and
 * the others go on. Uniqueness is the event store's decision (one stream per serial, "no stream" expected), so
 * importing the same file again accepts nothing new and reports every row as already registered.
 */
export class ImportSerialsHandler {
  constructor(private readonly services: CommandServices) {}

  async execute(table: ImportTable, context: CommandContext): Promise<SerialImportReport> {
    const rows = serialImportRows(table);
    const models = new Map<string, Promise<BatteryModelState>>();
    const modelOf = (reference: string) => {
      if (!models.has(reference)) models.set(reference, this.findModel(reference));
      return models.get(reference)!;
    };
    const firstRowOf = new Map<string, number>();
    const outcomes = await mapConcurrently(rows, IMPORT_CONCURRENCY, (row) => {
      const serial = normaliseSerial(row.serial);
      const earlier = firstRowOf.get(serial);
      if (serial.length > 0 && earlier === undefined) firstRowOf.set(serial, row.row);
      if (earlier !== undefined) {
        return Promise.resolve(refused('serial_import.duplicate_in_file', `Serial ${serial} is also on row ${earlier}`));
      }
      return this.importRow(row, serial, modelOf, context);
    });
    const reports = rows.map((row, index): SerialImportRowReport => {
      const outcome = outcomes[index]!;
      const serial = normaliseSerial(row.serial);
      return 'position' in outcome
        ? { row: row.row, line: row.line, serial, status: 'accepted' }
        : { row: row.row, line: row.line, serial, status: 'rejected', ...outcome };
    });
    const accepted = reports.filter((r) => r.status === 'accepted').length;
    return {
      total: rows.length,
      accepted,
      rejected: rows.length - accepted,
      rows: reports,
      position: Math.max(0, ...outcomes.map((o) => ('position' in o ? o.position : 0))),
    };
  }

  private async importRow(
    row: SerialImportRow,
    serial: string,
    modelOf: (reference: string) => Promise<BatteryModelState>,
    context: CommandContext,
  ): Promise<Outcome> {
    if (serial.length === 0) return refused('serial_import.missing_value', 'The row has no serial');
    if (row.model.length === 0) return refused('serial_import.missing_value', 'The row has no model');
    if (row.batch.length > MAX_BATCH_LENGTH) {
      return refused('serial_import.invalid_batch', `A batch is at most ${MAX_BATCH_LENGTH} characters`);
    }
    const model = await modelOf(row.model);
    if (model.status === 'none') return refused('battery_model.not_found', `No battery model has the id or SKU ${row.model}`);
    if (model.status === 'retired') return refused('battery_model.retired', `Battery model ${model.sku} is retired`);
    try {
      const result = await this.services.executor.execute({
        operation: 'import-serial',
        decider: SerialNumberDecider,
        streamId: serialNumberStreamId(serial),
        command: {
          type: 'RegisterSerialNumber',
          data: {
            serial,
            modelId: model.modelId,
            batchId: row.batch.length > 0 ? row.batch : null,
            source: 'imported',
            registeredAt: this.services.clock.now().toISOString(),
          },
        },
        context,
      });
      return { position: result.position };
    } catch (error) {
      // Rule breaks (malformed, already registered) belong to the row; anything else fails the import.
      if (isDomainError(error) && (error.kind === 'invalid' || error.kind === 'conflict')) return refused(error.code, error.message);
      throw error;
    }
  }

  /** A model by id, else by SKU; read from their streams, so a model registered a moment ago is found. */
  private async findModel(reference: string): Promise<BatteryModelState> {
    const load = (modelId: string) => loadAggregate(this.services.eventStore, BatteryModelDecider, batteryModelStreamId(modelId));
    const byId = (await load(reference)).state;
    if (byId.status !== 'none') return byId;
    const owner = await this.services.uniqueKeys.ownerOf('sku', reference.toUpperCase());
    return owner ? (await load(owner)).state : byId;
  }
}
