import { assertNever } from '../../domain/shared/decider';
import type { WarrantyEvent } from '../../domain/warranty/warranty.decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { WARRANTIES, type WarrantyView } from './warranty.read-model';

const applyWarrantyEvent = async (event: WarrantyEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'WarrantyActivated': {
      const { warrantyId, ...data } = event.data;
      view.put(WARRANTIES, { id: warrantyId, ...data, status: 'active', voidedAt: null, voidReason: null } satisfies WarrantyView);
      return;
    }
    case 'WarrantyVoided': {
      const warranty = await view.get<WarrantyView>(WARRANTIES, event.data.warrantyId);
      if (warranty) view.put(WARRANTIES, { ...warranty, status: 'void', voidedAt: event.data.voidedAt, voidReason: event.data.reason });
      return;
    }
    default:
      return assertNever(event);
  }
};

/** Every warranty ever issued, current and void, for lists, verification and reports. */
export const warrantyProjection: Projection = {
  name: 'warranties-v1',
  collections: [
    {
      name: WARRANTIES,
      indexes: [
        { fields: ['serial', 'activatedAt'] },
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
