// jest globalSetup: say plainly which engine suites this run skips, before any test output.
const ENGINES = [
  ['EventStoreDB', 'EVENTSTORE_URL'],
  ['MongoDB', 'MONGODB_URL'],
];

module.exports = async () => {
  for (const [label, variable] of ENGINES) {
    const set = Boolean(process.env[variable] && process.env[variable].trim());
    process.stdout.write(
      set
        ? `\n${label} suites: running against ${variable}\n`
        : `\n${label} suites: skipped: no server (${variable} is not set)\n`,
    );
  }
};
