import { registeredSerialView } from '../../src/application/inventory/serial-stock.apply';

/**
 * An imported, available serial's read-model document, made by the projection's own function, for specs that
 * seed the read model directly (many rows, or field values the commands would never produce).
 */
export const availableSerialDocument = (serial: string, { modelId, batchId }: { modelId: string; batchId: string }) =>
  registeredSerialView({ serial, modelId, batchId, source: 'imported', registeredAt: '2026-01-01T00:00:00.000Z' });
