export * from './audit-record/audit-record';
export * from './formats/record-csv';
export * from './formats/ocsf-event';
export * from './canonical-json/canonical-json';
export * from './access-review/access-review.events';
export * from './access-review/access-review';
