import type { FastifyPluginAsync } from 'fastify';
import type { DesignerService, DraftKind } from '../designer/index.js';
import { definitionId } from './record-schemas.js';
import { actorOf } from './request-actor.js';

export interface DesignerRoutesOptions {
  designer: DesignerService;
}

interface DraftParams {
  kind: DraftKind;
  id: string;
}

const tags = ['designer'];

const KINDS: readonly DraftKind[] = ['form', 'workflow', 'report', 'dashboard'];

const draftParams = {
  type: 'object',
  required: ['kind', 'id'],
  additionalProperties: false,
  properties: { kind: { type: 'string', enum: KINDS }, id: definitionId },
} as const;

// The definition travels as a string so the text a designer saved comes back byte for byte.
const draftBody = {
  type: 'object',
  required: ['body'],
  additionalProperties: false,
  properties: {
    body: { type: 'string', minLength: 2 },
    expectedUpdatedAt: { type: ['string', 'null'], maxLength: 40, description: 'The draft\'s updatedAt when it was loaded (null: there was no draft); a draft saved since is refused with 409 ORDO_ERR_DRAFT_CONFLICT. Leave out to overwrite.' },
    layout: {
      type: ['object', 'null'],
      description: 'Workflows only: where the designer drew each node ({nodes: {name: {x, y, width, height}}, routes: {edgeId: {source, target, points, label?}}}), kept beside the body and trimmed to its states. Leave out to keep the saved one; null removes it.',
    },
  },
} as const;

/** Drafts of forms, workflows, reports and dashboards and their publication; every route is for roles that may design. */
export const designerRoutes: FastifyPluginAsync<DesignerRoutesOptions> = async (app, { designer }) => {
  for (const kind of KINDS) {
    app.get(`/api/designer/${kind}s`, { schema: { tags, summary: `Published ${kind}s and drafts, for the designer` } }, async (request) => ({
      items: await designer.listEntries(actorOf(request), kind),
    }));
  }

  app.get<{ Params: DraftParams }>(
    '/api/designer/drafts/:kind/:id',
    { schema: { tags, summary: 'The draft of a definition (or its published version when there is no draft)', params: draftParams } },
    async (request) => designer.getDraft(actorOf(request), request.params.kind, request.params.id),
  );

  app.put<{ Params: DraftParams; Body: { body: string; expectedUpdatedAt?: string | null; layout?: unknown } }>(
    '/api/designer/drafts/:kind/:id',
    { schema: { tags, summary: 'Save the draft of a definition', params: draftParams, body: draftBody } },
    async (request) => designer.saveDraft(actorOf(request), request.params.kind, request.params.id, request.body.body, request.body.expectedUpdatedAt, request.body.layout),
  );

  app.get<{ Params: DraftParams }>(
    '/api/designer/published/:kind/:id',
    { schema: { tags, summary: 'The latest published version of a definition, pretty-printed, to compare a draft with', params: draftParams } },
    async (request) => designer.getPublished(actorOf(request), request.params.kind, request.params.id),
  );

  app.post<{ Params: DraftParams }>(
    '/api/designer/drafts/:kind/:id/publish',
    { schema: { tags, summary: 'Validate the draft and publish it as the next version of the definition', params: draftParams } },
    async (request) => designer.publish(actorOf(request), request.params.kind, request.params.id),
  );
};
