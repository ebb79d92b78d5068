import Fastify, { type FastifyInstance } from 'fastify';
import type { OrdoDatabase } from '../db/index.js';
import { attachmentRoutes } from './attachment-routes.js';
import { authRoutes } from './auth-routes.js';
import { definitionRoutes } from './definition-routes.js';
import { createDesignerService } from '../designer/index.js';
import { designerRoutes } from './designer-routes.js';
import { reportDesignerRoutes } from './report-designer-routes.js';
import { registerDocsRoutes, registerOpenApiCollector } from './docs-routes.js';
import { handleError, installErrorHandler } from './error-handler.js';
import { exportRoutes } from './export-routes.js';
import { functionRoutes } from './function-routes.js';
import { healthRoutes } from './health-routes.js';
import { installJsonBodyParser } from './json-body.js';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter, type LoginRateLimitOptions } from './login-rate-limiter.js';
import { planRunRoutes } from './plan-run-routes.js';
import { printRoutes } from './print-routes.js';
import { createChromiumPrinter, createPrintService, createPrintTemplateRegistry, type PdfPrinter, type PrintTemplateRegistry } from '../printing/index.js';
import { recordRoutes } from './record-routes.js';
import { scheduleRoutes } from './schedule-routes.js';
import { reportRoutes } from './report-routes.js';
import { decorateRequestActor, installAuthentication } from './request-actor.js';
import { installSchemaValidators } from './schema-validators.js';
import { installSecurityHeaders } from './security-headers.js';
import { taskRoutes } from './task-routes.js';
import type { Services } from '../services/index.js';
import { createNotFoundHandler, webRoutes } from './web-routes.js';
import { workflowRoutes } from './workflow-routes.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BuildServerOptions {
  services: Services;
  /** Checked by GET /api/health; without it the health answer says the database was not checked. */
  database?: OrdoDatabase;
  /** The built web app (runtime/web-dist); absent or unbuilt, / says so. */
  webRoot?: string;
  logger?: boolean | object;
  bodyLimit?: number;
  loginRateLimit?: LoginRateLimitOptions;
  /** The print templates of the loaded definitions; the print routes read records through the database, so they need `database`. */
  printTemplates?: PrintTemplateRegistry;
  /** Prints PDFs; by default one headless Chromium, started on the first PDF and closed with the server. */
  pdfPrinter?: PdfPrinter;
}

/** The whole HTTP server, ready to `listen` or to `inject` in tests. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Stray `__proto__` / `constructor.prototype` keys are refused, not stripped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: handleError,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const { services } = options;

  installJsonBodyParser(app);
  installSchemaValidators(app);
  installErrorHandler(app);
  installSecurityHeaders(app);
  decorateRequestActor(app);
  app.setNotFoundHandler(createNotFoundHandler(options.webRoot));

  await registerOpenApiCollector(app);
  await app.register(healthRoutes, { database: options.database });
  await app.register(async (api) => {
    installAuthentication(api, services);
    await api.register(authRoutes, { services, rateLimiter: new LoginRateLimiter(options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT) });
    await api.register(definitionRoutes, { services });
    await api.register(recordRoutes, { services });
    await api.register(attachmentRoutes, { services });
    await api.register(workflowRoutes, { services });
    await api.register(taskRoutes, { services });
    await api.register(functionRoutes, { services });
    await api.register(planRunRoutes, { services });
    await api.register(scheduleRoutes, { services });
    await api.register(reportRoutes, { services });
    await api.register(reportDesignerRoutes, { services });
    await api.register(exportRoutes, { services, now: () => new Date() });
    if (options.database !== undefined) {
      await api.register(designerRoutes, { designer: createDesignerService({ database: options.database, definitions: services.definitions, now: () => new Date() }) });
    }
    if (options.database !== undefined) {
      const printer = options.pdfPrinter ?? ownPrinter(app);
      const registry = options.printTemplates ?? createPrintTemplateRegistry([]);
      await api.register(printRoutes, { print: createPrintService({ services, database: options.database, registry, printer, now: () => new Date() }) });
    }
  });
  await registerDocsRoutes(app, services);
  await app.register(webRoutes, { webRoot: options.webRoot });
  await app.ready();
  return app;
}

/** A printer the server owns: its browser goes when the server closes. */
function ownPrinter(app: FastifyInstance): PdfPrinter {
  const printer = createChromiumPrinter();
  app.addHook('onClose', async () => printer.close());
  return printer;
}
