// Stands in for an imported asset (image, font) in the web tests: Vite would give its URL.
export default 'test-file-stub';
