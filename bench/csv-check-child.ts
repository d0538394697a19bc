// Child process of the CSV bench, so each measurement has its own memory: `papaparse FILE` parses
// the file raw (the baseline); `engine FILE` loads it in the CSV worker thread as the app does,
// then pages through it. Prints one JSON line with the times and the peak resident memory.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { createCsvWorkerClient } from '../electron/main/services/csv/csv-worker-client';

const [mode, file] = process.argv.slice(2) as ['papaparse' | 'engine', string];
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

if (mode === 'papaparse') {
  const started = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
      chunk: (results: Papa.ParseResult<string[]>) => void (rows += results.data.length),
      complete: () => resolve(),
      error: reject,
    });
  });
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, rows, peakRssMb: peakRssMb() }));
} else {
  const worker = createCsvWorkerClient();
  // Start the thread first: its start-up is not the check.
  await worker.counts({ draftId: 'warm-up-draft' }).catch(() => undefined);
  const started = performance.now();
  const loaded = await worker.load({
    draftId: 'bench-draft',
    sourcePath: file,
    context: {},
    edits: [],
    deleted: [],
  });
  const ms = performance.now() - started;
  if (!loaded.ok) throw new Error('cancelled' in loaded ? 'cancelled' : loaded.error.message);
  const pages: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const offset = Math.floor(Math.random() * (loaded.counts.rows - 100));
    const at = performance.now();
    await worker.page({
      draftId: 'bench-draft',
      filter: i % 2 ? 'all' : 'problems',
      offset,
      limit: 100,
    });
    pages.push(performance.now() - at);
  }
  pages.sort((a, b) => a - b);
  await worker.terminate();
  console.log(
    JSON.stringify({
      ms,
      rows: loaded.counts.rows,
      peakRssMb: peakRssMb(),
      pageP50Ms: pages[Math.floor(pages.length / 2)],
      pageMaxMs: pages.at(-1),
    }),
  );
}
