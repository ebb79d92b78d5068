import type { FastifyPluginAsync } from 'fastify';
import { actorOf } from './request-actor.js';
import { commandOptions, sendCommandResult, type CommandHeaders } from './workflow-commands.js';
import { commandHeaders, eventBody, instanceParams, recordWorkflowsParams, startBody, withdrawBody } from './workflow-schemas.js';
import type { Services } from '../services/index.js';

export interface WorkflowRoutesOptions {
  services: Services;
}

interface InstanceParams {
  instance: string;
}

const tags = ['workflows'];

export const workflowRoutes: FastifyPluginAsync<WorkflowRoutesOptions> = async (app, { services }) => {
  const { workflows } = services;

  app.post<{ Body: { workflow: string; recordId: string }; Headers: CommandHeaders }>(
    '/api/workflows',
    { schema: { tags, summary: 'Start a workflow on a record', headers: commandHeaders, body: startBody } },
    async (request, reply) => {
      const result = await workflows.start(actorOf(request), request.body.workflow, request.body.recordId, commandOptions(request));
      return sendCommandResult(reply, result, 201);
    },
  );

  app.get<{ Params: InstanceParams }>(
    '/api/workflows/:instance',
    { schema: { tags, summary: 'A workflow instance: state, open tasks, every task and the timeline', params: instanceParams } },
    async (request) => workflows.get(actorOf(request), request.params.instance),
  );

  app.post<{ Params: InstanceParams; Body: { type: string; comment?: string }; Headers: CommandHeaders }>(
    '/api/workflows/:instance/events',
    {
      schema: {
        tags,
        summary: 'Send a business event (one of the instance\'s acceptedEvents)',
        params: instanceParams,
        headers: commandHeaders,
        body: eventBody,
      },
    },
    async (request, reply) => {
      const result = await workflows.sendEvent(actorOf(request), request.params.instance, request.body, commandOptions(request));
      return sendCommandResult(reply, result);
    },
  );

  app.post<{ Params: InstanceParams; Body: { comment?: string }; Headers: CommandHeaders }>(
    '/api/workflows/:instance/withdraw',
    { schema: { tags, summary: 'The initiator withdraws the instance', params: instanceParams, headers: commandHeaders, body: withdrawBody } },
    async (request, reply) => {
      const result = await workflows.withdraw(actorOf(request), request.params.instance, request.body, commandOptions(request));
      return sendCommandResult(reply, result);
    },
  );

  app.get<{ Params: { form: string; id: string } }>(
    '/api/forms/:form/records/:id/workflows',
    { schema: { tags, summary: 'The workflow instances of a record', params: recordWorkflowsParams } },
    async (request) => ({ items: await workflows.listForRecord(actorOf(request), request.params.form, request.params.id) }),
  );
};
