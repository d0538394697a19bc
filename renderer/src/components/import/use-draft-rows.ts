// The Review grid's rows: the draft lives in main, so only the pages around the visible window are
// asked for (csv:rows, a page at a time) and kept, and a changed draft or filter starts afresh.
import { computed, onMounted, ref, watch } from 'vue';
import type { CsvCounts, CsvRow, CsvRowsFilter } from '../../../../common/ipc/csv-contract';
import { linedesk } from '../../bridge/linedesk';
import { errorMessage } from '../../api/api-error';

export const ROW_HEIGHT = 34;
export const VIEW_HEIGHT = 440;
const PAGE = 200;
/** Rows drawn beyond each edge of the window, so a scroll does not show blanks first. */
const OVERSCAN = 5;

export interface DraftRowsSource {
  draftId: string;
  filter: CsvRowsFilter;
}

export interface DraftRowsEvents {
  counts: (counts: CsvCounts) => void;
  error: (message: string) => void;
}

/** Pages the draft's rows for a scrolling window; `scrollTop` is the window's scroll position. */
export function useDraftRows(source: DraftRowsSource, events: DraftRowsEvents) {
  const pages = ref(new Map<number, CsvRow[]>());
  const loading = new Set<number>();
  const total = ref<number | null>(null);
  const scrollTop = ref(0);
  // Answers to a request made before the last reload belong to another draft or filter.
  let generation = 0;

  const range = computed(() => {
    const first = Math.max(0, Math.floor(scrollTop.value / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(
      total.value ?? PAGE,
      first + Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 2 * OVERSCAN,
    );
    return { first, last };
  });

  /** The rows on screen (null where their page is still loading). */
  const visible = computed(() => {
    const rows: { index: number; row: CsvRow | null }[] = [];
    for (let index = range.value.first; index < range.value.last; index++) {
      const page = pages.value.get(Math.floor(index / PAGE));
      rows.push({ index, row: page?.[index % PAGE] ?? null });
    }
    return rows;
  });

  async function loadPage(page: number): Promise<void> {
    if (pages.value.has(page) || loading.has(page)) return;
    loading.add(page);
    const mine = generation;
    try {
      const result = await linedesk().csv.rows({
        draftId: source.draftId,
        offset: page * PAGE,
        limit: PAGE,
        filter: source.filter,
      });
      if (mine !== generation) return;
      total.value = result.total;
      pages.value = new Map(pages.value).set(page, result.rows);
      events.counts(result.counts);
    } catch (error) {
      events.error(errorMessage(error));
    } finally {
      loading.delete(page);
    }
  }

  function ensureLoaded(): void {
    const { first, last } = range.value;
    const lastPage = Math.floor(Math.max(first, last - 1) / PAGE);
    for (let page = Math.floor(first / PAGE); page <= lastPage; page++) void loadPage(page);
  }

  /** Drops every page (after a deletion or a filter change) and loads what is on screen. */
  function reload(): void {
    generation++;
    loading.clear();
    pages.value = new Map();
    ensureLoaded();
  }

  /** Puts re-checked rows in place wherever they are kept. */
  function replaceRows(updated: CsvRow[]): void {
    const byRow = new Map(updated.map((row) => [row.row, row]));
    const next = new Map<number, CsvRow[]>();
    for (const [page, rows] of pages.value) {
      next.set(
        page,
        rows.map((row) => byRow.get(row.row) ?? row),
      );
    }
    pages.value = next;
  }

  watch(range, ensureLoaded);
  watch(
    () => [source.draftId, source.filter],
    () => {
      total.value = null;
      scrollTop.value = 0;
      reload();
    },
  );
  onMounted(ensureLoaded);

  return { total, scrollTop, visible, reload, replaceRows };
}
