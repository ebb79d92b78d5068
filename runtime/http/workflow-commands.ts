import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandOptions, CommandResult } from '../workflows/index.js';

export interface CommandHeaders {
  'idempotency-key'?: string;
}

/** The Idempotency-Key header as the workflow service takes it; `suffix` tells the commands of one batch apart. */
export function commandOptions(request: FastifyRequest<{ Headers: CommandHeaders }>, suffix?: string): CommandOptions {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return {};
  return { idempotencyKey: suffix === undefined ? key : `${key}:${suffix}` };
}

/** Sends a command's result; a replay says so in the header record create uses. */
export function sendCommandResult(reply: FastifyReply, result: CommandResult, status = 200): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(status).send(result);
}
