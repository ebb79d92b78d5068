import type { FastifyReply } from 'fastify';

/**
 * Sends a file download. The ASCII name is for old clients; filename* (RFC 6266 / 5987) carries the
 * real one, which may be Chinese.
 */
export function sendDownload(reply: FastifyReply, body: Buffer, contentType: string, fileName: string, inline = false): FastifyReply {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return reply.header('content-type', contentType).header('content-disposition', disposition).header('cache-control', 'no-store').send(body);
}

/** `2026-11-24` of a moment, for file names. */
export function dayStamp(now: Date): string {
  return now.toISOString().slice(0, 10);
}
