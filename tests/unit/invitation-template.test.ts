// Invitation templates: the four placeholders, required ones, and rendering.
import { describe, expect, it } from 'vitest';
import {
  defaultInvitationTemplate,
  invitationTemplateSchema,
  renderInvitationText,
} from '../../common/api/invitation-template';

describe('invitation templates', () => {
  it('the default template is valid and renders every placeholder', () => {
    expect(invitationTemplateSchema.safeParse(defaultInvitationTemplate).success).toBe(true);
    const text = renderInvitationText(defaultInvitationTemplate.emailBody, {
      firstName: 'Ada',
      username: 'ada@example.com',
      password: 'ABCD1234EFGH',
      activationLink: 'https://activate.example/a?u=1',
    });
    expect(text).toContain('Hello Ada,');
    expect(text).toContain('ABCD1234EFGH');
    expect(text).toContain('https://activate.example/a?u=1');
    expect(text).not.toContain('{{');
  });

  it('tolerates spaces inside braces and leaves unknown placeholders as written', () => {
    const values = { firstName: 'Ada', username: 'u', password: 'p', activationLink: 'l' };
    expect(renderInvitationText('{{ firstName }}/{{nickname}}', values)).toBe('Ada/{{nickname}}');
    // A value that looks like a placeholder is not expanded again.
    expect(renderInvitationText('{{firstName}}', { ...values, firstName: '{{password}}' })).toBe(
      '{{password}}',
    );
  });

  it('refuses unknown placeholders and bodies without username or password', () => {
    const result = invitationTemplateSchema.safeParse({
      emailSubject: 'Hi {{lastName}}',
      emailBody: 'Hello {{firstName}} {{password}}',
      smsBody: '{{username}} {{password}}',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['emailBody', 'emailSubject']);
  });
});
