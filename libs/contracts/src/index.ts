export * from './enums';
export * from './common';
export * from './auth';
export * from './users';
export * from './audit';
export * from './reference-data';
export * from './systems';
export * from './repair-jobs';
