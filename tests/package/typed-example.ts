// What a TypeScript user writes with the package: every line must
// type-check (tsc --noEmit, strict; see tsconfig.json). It is never run.
import { mount } from "open-data-catalogue";
import type {
  CatalogueHandle,
  Facet,
  FacetValues,
  MountOptions,
  OdcErrorKind,
  OpenDataCatalogue,
  OpenDataCatalogueEventMap,
} from "open-data-catalogue";

export async function example(target: HTMLElement): Promise<CatalogueHandle> {
  const options: MountOptions = {
    registry: ["https://a.se/registry.jsonld", "https://b.se/registry.jsonld"],
    lang: "en",
    facets: ["theme", "format"],
    pageSize: 10,
    sort: "modified",
    filters: { publisher: "http://id.kb.se/organisations/SE2021000837", accessRights: ["a", "b"], "access-rights": "c" },
    headingLevel: 3,
    timeout: 30,
    maxSize: 48,
    urlState: true,
  };
  const handle = await mount(target, options);
  handle.update({ lang: "sv" }); // merges: the other options stay
  handle.update({ facets: "theme format", urlState: "cat" });
  const groups: FacetValues[] = handle.facets();
  for (const { facet, values } of groups) {
    const total: number = values.reduce((sum, v) => sum + v.count, 0);
    console.log(facet satisfies "publisher" | "theme" | "format" | "license" | "access-rights" | "quality", total, values[0]?.label);
  }
  // mount() without options (the element's own attributes are not read).
  const bare = await mount(document.createElement("div"));
  bare.destroy();
  return handle;
}

// The element, typed through HTMLElementTagNameMap.
const element = document.querySelector("open-data-catalogue");
if (element) {
  const same: OpenDataCatalogue = element;
  const values: FacetValues[] = same.facets();
  console.log(values.length);
  element.setAttribute("registry", "/registry.jsonld");

  element.addEventListener("odc-load", (e) => {
    const n: number = e.detail.datasets + e.detail.skipped;
    console.log(n);
  });
  element.addEventListener("odc-error", (e) => {
    const kind: OdcErrorKind = e.detail.kind;
    const url: string | null = e.detail.url;
    if (kind === "http") console.log(e.detail.status ?? 0, url, e.detail.message);
  });
  element.addEventListener("odc-open", (e) => console.log(e.detail.id, e.detail.title));
  element.addEventListener("odc-search", (e) => console.log(e.detail.query.length, e.detail.total));
  element.addEventListener("odc-filter", (e) => console.log(e.detail.facet satisfies Facet, e.detail.value, e.detail.selected === true));
  element.addEventListener("odc-download", (e) => console.log(e.detail.url, e.detail.format ?? "?", e.detail.dataset, e.detail.title));
  element.addEventListener("odc-page", function (e) {
    const self: OpenDataCatalogue = this; // listeners' `this` is the element
    console.log(self.tagName, e.detail.page, e.detail.pages);
  });
  // Ordinary DOM events still work.
  element.addEventListener("click", (e) => console.log(e.clientX));
}

// The events bubble and are composed: the document and window hear them too,
// and any element (the events are in HTMLElementEventMap).
document.addEventListener("odc-error", (e) => console.warn(e.detail.kind, e.detail.url));
window.addEventListener("odc-load", (e) => console.log(e.detail.datasets));
document.body.addEventListener("odc-open", (e) => console.log(e.detail.id));

// A listener written against the event map.
const onSearch = (e: OpenDataCatalogueEventMap["odc-search"]) => console.log(e.detail.query);
document.addEventListener("odc-search", onSearch);

// createElement is typed too.
const created = document.createElement("open-data-catalogue");
created.setAttribute("lang", "en");
document.body.append(created);
created.facets();
