import { BatteryModelDecider, batteryModelStreamId } from '../../../domain/inventory/battery-model.decider';
import { loadAggregate } from '../../shared/load-aggregate';
import type { EventStore } from '../../shared/ports/event-store.port';

/** A battery model's name from its stream (current even when read models lag); null for an unknown model. */
export const modelNameOf = async (eventStore: EventStore, modelId: string): Promise<string | null> => {
  const { state } = await loadAggregate(eventStore, BatteryModelDecider, batteryModelStreamId(modelId));
  return state.status === 'none' ? null : state.name;
};
