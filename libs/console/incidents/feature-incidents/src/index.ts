export * from './incidents-section';
export * from './respond.page';
export * from './cases.page';
export * from './case.page';
