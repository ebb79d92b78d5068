import type { FastifyPluginAsync } from 'fastify';
import { logFailure } from './error-handler.js';
import { toProblem, type ProblemDocument } from './problem-details.js';
import { actorOf, requestLocale } from './request-actor.js';
import {
  addSignerBody,
  batchCompleteBody,
  completeBody,
  draftBody,
  handoverBody,
  inboxQuery,
  returnBody,
  taskParams,
  transferBody,
} from './task-schemas.js';
import { commandOptions, sendCommandResult, type CommandHeaders } from './workflow-commands.js';
import { commandHeaders } from './workflow-schemas.js';
import type { Services } from '../services/index.js';
import type { InboxBox, InstanceDto } from '../workflows/index.js';

export interface TaskRoutesOptions {
  services: Services;
}

interface TaskParams {
  id: string;
}
interface CompleteBody {
  outcome: 'approve' | 'reject';
  comment?: string;
  data?: Record<string, unknown>;
}
interface BatchCompleteBody {
  ids: string[];
  outcome: 'approve';
  comment?: string;
}
type BatchResult = { id: string; ok: true; instance: InstanceDto } | { id: string; ok: false; error: ProblemDocument };

const tags = ['tasks'];

export const taskRoutes: FastifyPluginAsync<TaskRoutesOptions> = async (app, { services }) => {
  const { workflows } = services;

  app.get<{ Querystring: { box: InboxBox; workflow?: string; limit: number; offset: number } }>(
    '/api/tasks',
    { schema: { tags, summary: 'The inbox: tasks to do, done, workflows started, copies received', querystring: inboxQuery } },
    async (request) => {
      const { box, workflow, limit, offset } = request.query;
      return workflows.listTasks(actorOf(request), workflow === undefined ? { box, limit, offset } : { box, workflow, limit, offset });
    },
  );

  app.post<{ Body: BatchCompleteBody; Headers: CommandHeaders }>(
    '/api/tasks/batch-complete',
    {
      schema: {
        tags,
        summary: 'Approve several tasks, each in its own command; failures are reported per task',
        description: 'With an Idempotency-Key, each task is keyed `<key>:<task id>`, so a retried batch replays the tasks done and retries the others.',
        headers: commandHeaders,
        body: batchCompleteBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { outcome, comment } = request.body;
      const input = comment === undefined ? { outcome } : { outcome, comment };
      const results: BatchResult[] = [];
      for (const id of request.body.ids) {
        try {
          const { instance } = await workflows.completeTask(actor, id, input, { ...commandOptions(request, id), batch: true });
          results.push({ id, ok: true, instance });
        } catch (raw) {
          const error = logFailure(request, raw);
          results.push({ id, ok: false, error: toProblem(error, `/api/tasks/${id}`, requestLocale(request)) });
        }
      }
      return { results };
    },
  );

  app.post<{ Body: { from: string; to: string } }>(
    '/api/tasks/handover',
    { schema: { tags, summary: 'An administrator hands all open and waiting tasks of one user to another; tasks that cannot move are listed', body: handoverBody } },
    async (request) => workflows.handover(actorOf(request), request.body),
  );

  app.get<{ Params: TaskParams }>(
    '/api/tasks/:id',
    { schema: { tags, summary: 'A task with what its assignee may do', params: taskParams } },
    async (request) => workflows.getTask(actorOf(request), request.params.id),
  );

  app.post<{ Params: TaskParams; Body: CompleteBody; Headers: CommandHeaders }>(
    '/api/tasks/:id/complete',
    { schema: { tags, summary: 'Approve or reject a task', params: taskParams, headers: commandHeaders, body: completeBody } },
    async (request, reply) => sendCommandResult(reply, await workflows.completeTask(actorOf(request), request.params.id, request.body, commandOptions(request))),
  );

  app.post<{ Params: TaskParams; Body: { to: string; comment?: string }; Headers: CommandHeaders }>(
    '/api/tasks/:id/return',
    { schema: { tags, summary: 'Send the work back to an earlier step', params: taskParams, headers: commandHeaders, body: returnBody } },
    async (request, reply) => sendCommandResult(reply, await workflows.returnTask(actorOf(request), request.params.id, request.body, commandOptions(request))),
  );

  app.post<{ Params: TaskParams; Body: { to: string; comment?: string }; Headers: CommandHeaders }>(
    '/api/tasks/:id/transfer',
    { schema: { tags, summary: 'Hand the task to another user', params: taskParams, headers: commandHeaders, body: transferBody } },
    async (request, reply) => sendCommandResult(reply, await workflows.transferTask(actorOf(request), request.params.id, request.body, commandOptions(request))),
  );

  app.post<{ Params: TaskParams; Body: { user: string; position: 'before' | 'after' | 'beside'; comment?: string }; Headers: CommandHeaders }>(
    '/api/tasks/:id/add-signer',
    { schema: { tags, summary: 'Ask another user to sign before, after or beside you', params: taskParams, headers: commandHeaders, body: addSignerBody } },
    async (request, reply) => sendCommandResult(reply, await workflows.addSigner(actorOf(request), request.params.id, request.body, commandOptions(request))),
  );

  app.put<{ Params: TaskParams; Body: { data: Record<string, unknown> } }>(
    '/api/tasks/:id/draft',
    { schema: { tags, summary: 'Keep unfinished task-form input without completing the task', params: taskParams, body: draftBody } },
    async (request) => workflows.saveDraft(actorOf(request), request.params.id, request.body.data),
  );
};
