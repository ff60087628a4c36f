export * from './secret-reveal.harness';
export * from './page-state.harness';
export * from './form-field';
