// The Add dialogs whose required field is a name (sub-organization, permission profile): nothing is
// sent without a name, a refused name is said under the name, anything else at the dialog's foot.
import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { ApiError } from '../../renderer/src/api/api-error';
import { useNamedAdd } from '../../renderer/src/components/common/use-named-add';

function dialog() {
  const open = ref(false);
  let resets = 0;
  const named = useNamedAdd(open, {
    nameTakenCode: 'PROFILE_NAME_EXISTS',
    reset: () => (resets += 1),
  });
  return { open, named, resets: () => resets };
}

describe('useNamedAdd', () => {
  it('starts empty each time it opens', async () => {
    const { open, named, resets } = dialog();
    named.name.value = 'Left over';
    named.error.value = 'Old failure';
    open.value = true;
    await nextTick();
    expect(named.name.value).toBe('');
    expect(named.error.value).toBeNull();
    expect(resets()).toBe(1);
  });

  it('asks for a name before sending, sends it trimmed and closes', async () => {
    const { open, named } = dialog();
    open.value = true;
    await nextTick();
    const sent: string[] = [];
    const add = (name: string) => {
      sent.push(name);
      return Promise.resolve();
    };
    named.name.value = '   ';
    await named.submit(add);
    expect(named.nameError.value).toBe('Enter a name.');
    named.name.value = '  Field staff ';
    await named.submit(add, false);
    expect(sent).toEqual([]);
    await named.submit(add);
    expect(sent).toEqual(['Field staff']);
    expect(open.value).toBe(false);
    expect(named.busy.value).toBe(false);
  });

  it('says a taken or invalid name under the name, any other failure at the foot', async () => {
    const { open, named } = dialog();
    open.value = true;
    await nextTick();
    named.name.value = 'Field staff';
    const refuse = (error: ApiError) => () => Promise.reject(error);

    await named.submit(refuse(new ApiError('PROFILE_NAME_EXISTS', 'That name is taken.')));
    expect(named.nameError.value).toBe('That name is taken.');
    expect(named.error.value).toBeNull();

    const invalid = new ApiError('VALIDATION_FAILED', 'Check the fields.', {
      fields: { name: 'Too long.' },
    });
    await named.submit(refuse(invalid));
    expect(named.nameError.value).toBe('Too long.');

    await named.submit(refuse(new ApiError('NETWORK', 'The service is not answering.')));
    expect(named.nameError.value).toBeNull();
    expect(named.error.value).toBe('The service is not answering.');
    expect(open.value).toBe(true);
  });
});
