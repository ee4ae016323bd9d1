import { fold, type Decider } from '../../../src/domain/shared/decider';
import { isDomainError, type DomainErrorKind } from '../../../src/domain/shared/domain-error';

interface ExpectedError {
  readonly kind?: DomainErrorKind;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Given/when/then for deciders:
 *   given(decider, pastEvents).when(command).then(expectedEvents)
 *   given(decider, pastEvents).when(command).thenThrows('code', { kind, details })
 *   given(decider, pastEvents).thenState(expectedState)
 */
export const given = <Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[] = []) => {
  const state = () => fold(decider, events);
  return {
    when: (command: Command) => ({
      then: (expected: readonly Event[]): void => {
        expect(decider.decide(command, state())).toEqual(expected);
      },
      thenThrows: (code: string, expected: ExpectedError = {}): void => {
        let caught: unknown = undefined;
        try {
          decider.decide(command, state());
        } catch (error) {
          caught = error;
        }
        if (!isDomainError(caught)) {
          throw new Error(`Expected a DomainError with code ${code}, got ${String(caught)}`);
        }
        expect(caught.code).toBe(code);
        if (expected.kind !== undefined) expect(caught.kind).toBe(expected.kind);
        if (expected.details !== undefined) expect(caught.details).toEqual(expected.details);
      },
    }),
    thenState: (expected: State): void => {
      expect(state()).toEqual(expected);
    },
  };
};
