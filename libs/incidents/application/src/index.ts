export * from './incidents-application.module';
export * from './revocation-cases/revocation-cases.use-case';
export * from './revocation-cases/revocation-case.runner';
export * from './alerts/alerts.use-case';
export * from './alerts/alert-detection.reaction';
export * from './alerts/webhook/alert-webhook.reaction';
export * from './alerts/webhook/webhook-client';
export * from './alerts/webhook/webhook-delivery';
