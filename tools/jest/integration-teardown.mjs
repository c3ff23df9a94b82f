export default async function teardown() {
  for (const stop of (globalThis.__efficacyStop ?? []).reverse()) await stop();
}
