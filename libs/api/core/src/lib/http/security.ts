import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

/**
 * HTTP hardening that every response gets: helmet's default headers (a strict
 * Content-Security-Policy for the JSON API and the Swagger UI, no MIME sniffing, no framing,
 * HSTS, no referrer leak), no `X-Powered-By`, Express's `trust proxy` only as configured (so
 * `req.ip`, which rate limits and the audit log use, cannot be forged by a client header unless
 * a proxy is declared), and API responses marked uncacheable by shared caches.
 */
export function applySecurity(app: INestApplication, config: AppConfig): void {
  const express = app.getHttpAdapter().getInstance() as {
    disable(name: string): void;
    set(name: string, value: unknown): void;
  };
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  app.use(helmet());
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
