export * from './permissions';
export * from './optimistic-lock';
