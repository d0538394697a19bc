// An Add dialog whose required field is a name (a sub-organization, a permission profile): empty each
// time it opens, "Enter a name." before anything is sent, and a name the service refuses — taken, or
// not valid — said under the name rather than at the foot of the dialog.
import { ref, watch, type Ref } from 'vue';
import { toApiError } from '../../api/api-error';
import type { ErrorCode } from '../../../../common/errors';

/** `open` is the dialog's v-model; `reset` clears the dialog's other fields when it opens. */
export function useNamedAdd(
  open: Ref<boolean>,
  options: { nameTakenCode: ErrorCode; reset?: () => void },
) {
  const name = ref('');
  const nameError = ref<string | null>(null);
  /** A failure that is not about the name, shown by FormDialog. */
  const error = ref<string | null>(null);
  const busy = ref(false);

  watch(open, (isOpen) => {
    if (!isOpen) return;
    name.value = '';
    nameError.value = null;
    error.value = null;
    options.reset?.();
  });

  /** Adds through `add` with the trimmed name, then closes the dialog; `ready` false waits for other fields. */
  async function submit(add: (name: string) => Promise<void>, ready = true): Promise<void> {
    nameError.value = name.value.trim() ? null : 'Enter a name.';
    if (nameError.value || !ready || busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await add(name.value.trim());
      open.value = false;
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.fields.name) nameError.value = apiError.fields.name;
      else if (apiError.code === options.nameTakenCode) nameError.value = apiError.message;
      else error.value = apiError.message;
    } finally {
      busy.value = false;
    }
  }

  return { name, nameError, error, busy, submit };
}
