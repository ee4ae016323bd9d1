import { assertNever } from '../../domain/shared/decider';
import type { WarrantyEvent } from '../../domain/warranty/warranty.decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';
import { WARRANTIES, type WarrantyView } from './warranty.read-model';

type Changes = Partial<Omit<WarrantyView, 'id'>>;

const update = (view: ProjectionView, warrantyId: string, changes: (warranty: WarrantyView) => Changes | null) =>
  updateDocument<WarrantyView>(view, WARRANTIES, warrantyId, (warranty) => {
    const changed = changes(warranty);
    return changed && { ...warranty, ...changed };
  });

const applyWarrantyEvent = async (event: WarrantyEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'WarrantyActivated': {
      const { warrantyId, channel = 'consumer', ...data } = event.data;
      view.put(WARRANTIES, {
        id: warrantyId,
        ...data,
        // Activations stored before warranty numbers existed are known by their id.
        warrantyNumber: data.warrantyNumber ?? warrantyId,
        channel,
        previousSerials: [],
        status: 'active',
        remindedAt: null,
        expiredAt: null,
        voidedAt: null,
        voidReason: null,
      } satisfies WarrantyView);
      return;
    }
    case 'WarrantyVoided':
      return update(view, event.data.warrantyId, () => ({ status: 'void', voidedAt: event.data.voidedAt, voidReason: event.data.reason }));
    case 'WarrantyExpiryReminded':
      return update(view, event.data.warrantyId, () => ({ remindedAt: event.data.remindedAt }));
    case 'WarrantyExpired':
      return update(view, event.data.warrantyId, () => ({ status: 'expired', expiredAt: event.data.expiredAt }));
    case 'WarrantyTransferredOut':
      // The move's two halves may land in either order: leaving only counts while the warranty is still here.
      return update(view, event.data.warrantyId, (w) => (w.serial === event.data.serial ? { status: 'transferred' } : null));
    case 'WarrantyTransferredIn':
      return update(view, event.data.warrantyId, (w) => ({
        serial: event.data.serial,
        previousSerials: [...w.previousSerials, event.data.fromSerial],
        status: 'active',
      }));
    default:
      return assertNever(event);
  }
};

/** Every warranty ever issued, current and void, for lists, verification and reports. */
export const warrantyProjection: Projection = {
  name: 'warranties-v2',
  collections: [
    {
      name: WARRANTIES,
      indexes: [
        { fields: ['serial', 'activatedAt'] },
        { fields: ['warrantyNumber'] },
        { fields: ['status', 'endsOn'] },
        { fields: ['modelId'] },
        { fields: ['consumer.phone'] },
        { fields: ['consumer.email'] },
      ],
    },
  ],
  filter: { streamPrefixes: ['warranty-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) =>
    applyWarrantyEvent({ type: recorded.type, data: recorded.data } as WarrantyEvent, view),
};
