export * from './incidents-read-models.module';
export * from './revocation-cases/revocation-cases.projection';
export * from './revocation-cases/revocation-cases.queries';
