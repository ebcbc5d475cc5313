export * from './permissions';
export * from './optimistic-lock';
export * from './readiness';
export * from './barrel-wear';
export * from './repair-job-workflow';
export * from './component-request-workflow';
export * from './training';
export * from './partner-reports';
