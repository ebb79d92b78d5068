import type { FastifyPluginAsync } from 'fastify';
import type { DesignerService } from '../designer/index.js';
import { formParams } from './record-schemas.js';
import { actorOf } from './request-actor.js';

export interface DesignerRoutesOptions {
  designer: DesignerService;
}

interface FormParams {
  form: string;
}

const tags = ['designer'];

// The definition travels as a string so the text a designer saved comes back byte for byte.
const draftBody = {
  type: 'object',
  required: ['body'],
  additionalProperties: false,
  properties: { body: { type: 'string', minLength: 2 } },
} as const;

/** Drafts of form definitions and their publication; every route is for roles that may design. */
export const designerRoutes: FastifyPluginAsync<DesignerRoutesOptions> = async (app, { designer }) => {
  app.get('/api/designer/forms', { schema: { tags, summary: 'Published forms and drafts, for the form designer' } }, async (request) => ({
    items: await designer.listForms(actorOf(request)),
  }));

  app.get<{ Params: FormParams }>(
    '/api/designer/drafts/form/:form',
    { schema: { tags, summary: 'The draft of a form (or its published version when there is no draft)', params: formParams } },
    async (request) => designer.getFormDraft(actorOf(request), request.params.form),
  );

  app.put<{ Params: FormParams; Body: { body: string } }>(
    '/api/designer/drafts/form/:form',
    { schema: { tags, summary: 'Save the draft of a form', params: formParams, body: draftBody } },
    async (request) => designer.saveFormDraft(actorOf(request), request.params.form, request.body.body),
  );

  app.post<{ Params: FormParams }>(
    '/api/designer/drafts/form/:form/publish',
    { schema: { tags, summary: 'Validate the draft and publish it as the next version of the form', params: formParams } },
    async (request) => designer.publishForm(actorOf(request), request.params.form),
  );
};
