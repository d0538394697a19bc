// Editing one Review cell in place: Enter, F2 or a double click opens it, Enter or leaving the cell
// saves it through main (csv:edit re-checks the row and its duplicates), Esc drops the change.
import { ref } from 'vue';
import type { CsvCounts, CsvEditResult, CsvRow } from '../../../../common/ipc/csv-contract';
import type { TemplateColumnKey } from '../../../../common/csv/template';
import { linedesk } from '../../bridge/linedesk';
import { errorMessage } from '../../api/api-error';

export interface CellEditEvents {
  /** The rows main re-checked: the edited one and those it was or is now a duplicate of. */
  rechecked: (rows: CsvRow[]) => void;
  counts: (counts: CsvCounts) => void;
  error: (message: string) => void;
}

/** The open cell editor of the draft `draftId()`, if any, and how it opens, saves and closes. */
export function useCellEdit(draftId: () => string, events: CellEditEvents) {
  const editing = ref<{ row: number; column: TemplateColumnKey; value: string } | null>(null);
  const saving = ref(false);

  function isEditing(row: CsvRow, column: TemplateColumnKey): boolean {
    return editing.value?.row === row.row && editing.value.column === column;
  }

  function start(row: CsvRow, column: TemplateColumnKey): void {
    editing.value = { row: row.row, column, value: row.values[column] };
  }

  function cancel(): void {
    editing.value = null;
  }

  async function commit(): Promise<void> {
    const edit = editing.value;
    // Enter saves and then the input's blur asks again: one save is enough.
    if (!edit || saving.value) return;
    saving.value = true;
    try {
      const result: CsvEditResult = await linedesk().csv.edit({ draftId: draftId(), ...edit });
      events.rechecked([...(result.row ? [result.row] : []), ...result.affected]);
      events.counts(result.counts);
      editing.value = null;
    } catch (error) {
      events.error(errorMessage(error));
    } finally {
      saving.value = false;
    }
  }

  /** A cell's keys: Enter or F2 opens its editor, as in a spreadsheet. */
  function onCellKey(event: KeyboardEvent, row: CsvRow, column: TemplateColumnKey): void {
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      start(row, column);
    }
  }

  return { editing, saving, isEditing, start, cancel, commit, onCellKey };
}
