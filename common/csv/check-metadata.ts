// The organization data a file is checked against, as the headless checker reads it from
// META.json and as main's offline cache holds it, turned into the row rules' context.
import { z } from 'zod';
import { normaliseContact } from '../contact';
import type { ImportRowRulesContext } from './row-rules';

/** META.json of `npm run csv -- check FILE --metadata META.json`. */
export const checkMetadataSchema = z.object({
  permissionProfiles: z.array(z.string()).optional(),
  numbers: z.array(z.object({ number: z.string(), state: z.string() })).optional(),
  existingContacts: z.array(z.string()).optional(),
  maxLinesAllowed: z.number().int().min(1).optional(),
});
export type CheckMetadata = z.infer<typeof checkMetadataSchema>;

/** What the checks know; anything absent is simply not checked. */
export function rulesContextOf(metadata: CheckMetadata): ImportRowRulesContext {
  const context: ImportRowRulesContext = {};
  if (metadata.maxLinesAllowed !== undefined) context.maxLinesAllowed = metadata.maxLinesAllowed;
  if (metadata.permissionProfiles) context.permissionProfileNames = metadata.permissionProfiles;
  if (metadata.numbers) {
    context.poolNumbers = new Map(metadata.numbers.map((n) => [n.number.trim(), n.state]));
  }
  if (metadata.existingContacts) {
    const contacts = new Set<string>();
    for (const contact of metadata.existingContacts) {
      const normalised = normaliseContact(contact);
      if (normalised.ok) contacts.add(normalised.contact);
    }
    context.existingContacts = contacts;
  }
  return context;
}
