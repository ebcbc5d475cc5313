// Stands in for `import './x.css'` in the web tests (Vite bundles the CSS; jsdom has no use for it).
export default {};
