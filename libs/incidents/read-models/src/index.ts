export * from './incidents-read-models.module';
export * from './revocation-cases/revocation-cases.projection';
export * from './revocation-cases/revocation-cases.queries';
export * from './alerts/alerts.projection';
export * from './alerts/alerts.queries';
