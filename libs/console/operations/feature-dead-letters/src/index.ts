export * from './dead-letter-banner';
