// The feature switches of a permission profile, in the product's words, with what each one allows.
import type { PermissionSettings } from '../../../common/api/permission-profiles';

export interface PermissionSwitch {
  key: keyof PermissionSettings;
  label: string;
  help: string;
}

export const permissionSwitches: readonly PermissionSwitch[] = [
  { key: 'calling', label: 'Calling', help: 'Make and receive calls on the MultiLine number.' },
  { key: 'sms', label: 'SMS', help: 'Send and receive text messages on the MultiLine number.' },
  {
    key: 'internationalCalling',
    label: 'International calling',
    help: 'Call numbers outside the home country.',
  },
  {
    key: 'callRecording',
    label: 'Call recording',
    help: 'Record calls (where the law allows it).',
  },
  { key: 'voicemail', label: 'Voicemail', help: 'Callers can leave a voicemail.' },
];
