// Inputs the databases cannot store must be refused up front, not fail inside a query:
// PostgreSQL text cannot hold NUL characters, so "\u0000" in JSON or %00 in a URL is a 422/400;
// and only JSON bodies are parsed.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

const nulInJson = /\\u0000/i;

export function installInputGuards(app: FastifyInstance): void {
  // The API speaks JSON only; a text/plain body is 415, not a string handed to validation.
  app.removeContentTypeParser('text/plain');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nulInJson.test(text)) {
      done(
        new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters.', {
          fields: { body: 'Text may not contain NUL characters.' },
        }),
        undefined,
      );
      return;
    }
    // The default parser answers through `done`; its typed promise return carries nothing.
    void parseJson(request, text, done);
  });
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url)) {
      throw new AppError('BAD_REQUEST', 'The address may not contain NUL characters.');
    }
  });
}
