// An organization's Setup values edited in a form: read when the organization changes, compared with
// what is saved (Save and Undo only when they differ), saved, and refused fields shown where they are.
import { computed, ref, watch, type Ref } from 'vue';
import { errorMessage, toApiError } from '../../api/api-error';
import { useNotify } from '../../composables/use-notify';
import { organizationLabel } from '../../stores/organizations';
import type { Organization } from '../../../../common/api/organizations';

export interface SavedFormOptions<Value> {
  /** What the form holds before the first answer. */
  initial: Value;
  read: (organizationId: string) => Promise<Value>;
  write: (organizationId: string, value: Value) => Promise<Value>;
  /** A copy the form may change without changing the saved value (lists inside copied too). */
  copy: (value: Value) => Value;
  /** What to send, and the problems found in it by field (any problem: nothing is sent). */
  prepare: (form: Value) => { value: Value; problems: Record<string, string> };
  /** "<what> of <organization> saved…" */
  savedText: (organizationLabel: string) => string;
  /** Said before the service's reason when a save fails as a whole. */
  notSavedText: string;
}

/** The form of `organization()`'s saved value, kept apart from it until Save. */
export function useSavedForm<Value>(
  organization: () => Organization,
  options: SavedFormOptions<Value>,
) {
  const notify = useNotify();
  const saved = ref<Value | null>(null) as Ref<Value | null>;
  const form = ref(options.copy(options.initial)) as Ref<Value>;
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const errors = ref<Record<string, string>>({});
  const busy = ref(false);

  function take(value: Value): void {
    saved.value = value;
    form.value = options.copy(value);
  }

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      take(await options.read(organization().id));
      errors.value = {};
    } catch (error) {
      loadError.value = errorMessage(error);
    } finally {
      loading.value = false;
    }
  }
  watch(() => organization().id, load, { immediate: true });

  const changed = computed(() => JSON.stringify(form.value) !== JSON.stringify(saved.value));

  async function save(): Promise<void> {
    if (busy.value) return;
    const { value, problems } = options.prepare(form.value);
    errors.value = problems;
    if (Object.keys(problems).length) return;
    busy.value = true;
    try {
      take(await options.write(organization().id, value));
      notify.success(options.savedText(organizationLabel(organization())));
    } catch (error) {
      const apiError = toApiError(error);
      if (Object.keys(apiError.fields).length) errors.value = { ...apiError.fields };
      else notify.error(`${options.notSavedText}: ${apiError.message}`);
    } finally {
      busy.value = false;
    }
  }

  /** Back to the saved value (Undo changes). */
  function revert(): void {
    if (saved.value) form.value = options.copy(saved.value);
    errors.value = {};
  }

  return { saved, form, loading, loadError, errors, busy, changed, load, save, revert };
}
