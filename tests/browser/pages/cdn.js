// Loads the entry module from the origin given as ?pkg= (a CDN stand-in).
const pkg = new URLSearchParams(location.search).get("pkg");
await import(`${pkg}/pkg/open-data-catalogue.js`);
