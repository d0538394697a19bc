// Child process for the crash test: saves a large draft record over and over until it is killed,
// saying "saving" on stdout before each save so the test can kill it in the middle of one.
import {
  createDraftStore,
  type DraftRecord,
} from '../../../../electron/main/services/csv/draft-store';

const [dataDir, draftId] = process.argv.slice(2) as [string, string];
const store = createDraftStore(dataDir);
const base = JSON.parse(process.argv[4]!) as DraftRecord;
const edits = Array.from({ length: 200_000 }, (_, i) => ({
  row: i + 2,
  column: 'firstName' as const,
  value: `Edited name number ${i}`,
}));

for (let round = 1; ; round += 1) {
  process.stdout.write(`saving ${round}\n`);
  await store.save({ ...base, draftId, edits, updatedAt: new Date().toISOString() });
}
