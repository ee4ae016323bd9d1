/**
 * The production engines a suite may run against. Each is reachable only when its URL is set; without it the
 * suite is registered as skipped (it shows in jest's skipped count) and tests/support/engine-notice.js prints
 * a plain "skipped: no server" line at the start of the run.
 */
export const ENGINES = {
  eventstoredb: { label: 'EventStoreDB', variable: 'EVENTSTORE_URL' },
  mongodb: { label: 'MongoDB', variable: 'MONGODB_URL' },
} as const;

export type Engine = keyof typeof ENGINES;

export const engineUrl = (engine: Engine): string | undefined => {
  const value = process.env[ENGINES[engine].variable]?.trim();
  return value ? value : undefined;
};

/** Registers `body` with the engine's URL when the engine is reachable, or a skipped suite that says why. */
export const describeOnEngine = (engine: Engine, title: string, body: (url: string) => void): void => {
  const url = engineUrl(engine);
  if (url) {
    describe(title, () => body(url));
    return;
  }
  const { label, variable } = ENGINES[engine];
  describe.skip(`${title} (skipped: no ${label} server, ${variable} is not set)`, () => {
    it('runs against a live server', () => undefined);
  });
};
