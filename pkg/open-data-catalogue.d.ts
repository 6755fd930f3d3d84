// Type declarations for open-data-catalogue: the <open-data-catalogue>
// custom element, mount(), and the events the widget dispatches.
//
// Importing the package (`import "open-data-catalogue"` or
// `import { mount } from "open-data-catalogue"`) also declares the element
// in HTMLElementTagNameMap and its events in HTMLElementEventMap,
// DocumentEventMap and WindowEventMap. A page that loads the script with a
// <script> tag instead can get the same global types with
// `import type {} from "open-data-catalogue";` in any TypeScript file.

/** A filter group, as named in the `facets` and `filter-*` attributes. */
export type Facet = "publisher" | "theme" | "format" | "license" | "access-rights" | "quality";

/** The keys of `MountOptions.filters`: a facet, with `access-rights` also
 *  written `accessRights`. */
export type FilterKey = "publisher" | "theme" | "format" | "license" | "accessRights" | "access-rights" | "quality";

/**
 * Options of `mount()` and `CatalogueHandle.update()`. They take the same
 * values as the element's attributes (see `OpenDataCatalogue`).
 */
export interface MountOptions {
  /** URL of the registry, relative to the page; several are loaded in
   *  parallel and merged (duplicates by dataset IRI dropped). Required. */
  registry?: string | string[];
  /** `"file"`, `"entrystore"` or `"ckan"`; recognised from the URL when absent. */
  registryType?: "file" | "entrystore" | "ckan" | "piveau";
  /** UI language. Default: the element's or nearest ancestor's `lang`, else `"sv"`. */
  lang?: "sv" | "en";
  /** Which filter groups show, in order: a facet, a list of facets, or a
   *  space-separated list (`"theme format"`). Default: all five. */
  facets?: Facet | Facet[] | string;
  /** Results per page, 1–200. Default: 20. */
  pageSize?: number;
  /** Default: `"relevance"`. `"title"` is alphabetical in the UI language,
   *  `"modified"` newest first, `"quality"` best metadata quality first. */
  sort?: "relevance" | "title" | "modified" | "quality";
  /** Locked filters: applied, not shown as removable, their filter group
   *  hidden. Values are facet keys (publisher IRI, theme IRI, format label
   *  such as `"CSV"`, licence IRI, access-right IRI). */
  filters?: Partial<Record<FilterKey, string | string[]>>;
  /** Heading level of dataset titles (details use the next level). Default: 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Seconds to wait for a registry before offering "try again", 1–300. Default: 30. */
  timeout?: number;
  /** Megabytes a registry may have. Default: 48. */
  maxSize?: number;
  /** Mirror the search, filters, sort, page and opened dataset in the page
   *  URL. A string names the parameter prefix (default `"odc"`). Default: off. */
  urlState?: boolean | string;
}

/** One filter group's values and their counts for the current search. */
export interface FacetValues {
  facet: Facet;
  values: {
    /** The facet key: an IRI, or a format label such as `"CSV"`. */
    value: string;
    /** The shown label, in the UI language. */
    label: string;
    /** Datasets that match the current search and filters and have this value. */
    count: number;
  }[];
}

/** What `mount()` resolves to. */
export interface CatalogueHandle {
  /** Changes the options given; the others keep their previous values
   *  (merged with every earlier `mount()`/`update()` option). A new
   *  `registry` reloads. Does nothing after `destroy()`, nor after an
   *  internal error has replaced the widgets with the crash message. */
  update(options: MountOptions): void;
  /** Removes the widget and stops its timers and events. */
  destroy(): void;
  /** As the element's `facets()`. */
  facets(): FacetValues[];
}

/**
 * Renders a catalogue into `element`'s open shadow root without the custom
 * element (e.g. from a framework). Resolves once the WebAssembly has loaded;
 * rejects if it cannot be loaded, or once an internal error has stopped it.
 */
export function mount(element: HTMLElement, options?: MountOptions): Promise<CatalogueHandle>;

/** `odc-load`: a registry has loaded (again after every reload or "try again"). */
export interface OdcLoadDetail {
  /** Datasets shown. */
  datasets: number;
  /** Records that could not be read and were skipped. */
  skipped: number;
}

/** Why a registry could not be shown. `module`: the RDF reader could not be downloaded. */
export type OdcErrorKind =
  | "no-registry"
  | "network"
  | "cors"
  | "timeout"
  | "http"
  | "too-large"
  | "not-a-catalogue"
  | "broken"
  | "module";

/** `odc-error`: a registry could not be loaded or read. */
export interface OdcErrorDetail {
  kind: OdcErrorKind;
  /** An English sentence for logs. */
  message: string;
  /** The registry that failed, resolved against the page. */
  url: string | null;
  /** The HTTP status, when `kind` is `"http"`. */
  status?: number;
}

/** `odc-open`: a person opened a dataset. */
export interface OdcOpenDetail {
  /** The dataset's IRI. */
  id: string;
  /** Its shown title. */
  title: string;
}

/** `odc-search`: the search text changed. */
export interface OdcSearchDetail {
  query: string;
  /** Datasets that match. */
  total: number;
}

/** `odc-filter`: a person checked or unchecked a filter value. */
export interface OdcFilterDetail {
  facet: Facet;
  /** The facet key (an IRI, or a format label such as `"CSV"`). */
  value: string;
  selected: boolean;
}

/** `odc-download`: a person followed a distribution's download link. */
export interface OdcDownloadDetail {
  url: string;
  format: string | null;
  /** The dataset's IRI. */
  dataset: string;
  /** The dataset's shown title. */
  title: string;
}

/** `odc-page`: a person moved to another page of results. */
export interface OdcPageDetail {
  /** 1-based. */
  page: number;
  pages: number;
}

/** The events the widget dispatches on its element. They bubble and are
 *  composed, so listeners on the document or window hear them too. */
export interface OpenDataCatalogueEventMap {
  "odc-load": CustomEvent<OdcLoadDetail>;
  "odc-error": CustomEvent<OdcErrorDetail>;
  "odc-open": CustomEvent<OdcOpenDetail>;
  "odc-search": CustomEvent<OdcSearchDetail>;
  "odc-filter": CustomEvent<OdcFilterDetail>;
  "odc-download": CustomEvent<OdcDownloadDetail>;
  "odc-page": CustomEvent<OdcPageDetail>;
}

/**
 * The `<open-data-catalogue>` element, defined when the module is imported.
 * It renders into its open shadow root. Changing an attribute after load
 * updates the widget (a new `registry` reloads).
 *
 * Attributes:
 * - `registry`: URL of the registry (relative URLs resolve against the
 *   page); several URLs, space-separated, are loaded in parallel and merged.
 *   Required.
 * - `lang`: `sv` or `en`. Default: the element's or nearest ancestor's
 *   `lang`, else `sv`.
 * - `facets`: which filter groups show, in order, space-separated:
 *   `publisher theme format license access-rights`. Default: all five.
 * - `page-size`: results per page, 1–200. Default: `20`.
 * - `sort`: `relevance`, `title` or `modified`. Default: `relevance`.
 * - `heading-level`: heading level of dataset titles, `1`–`6`. Default: `2`.
 * - `timeout`: seconds to wait for a registry, 1–300. Default: `30`.
 * - `max-size`: megabytes a registry may have. Default: `48`.
 * - `url-state`: mirror the widget's state in the page URL; a value names
 *   the parameter prefix. Default: off.
 * - `loading`: `lazy` starts the widget (wasm, worker, registry) only when
 *   it comes within half a screen of the viewport, and not before the widgets
 *   that started at once show their first results (at most 3 s); anything
 *   else, or removing it, starts it at once. Default: at once.
 * - `filter-publisher`, `filter-theme`, `filter-format`, `filter-license`,
 *   `filter-access-rights`: locked filters; several values separated by `|`.
 *
 * Events: see `OpenDataCatalogueEventMap`.
 */
export class OpenDataCatalogue extends HTMLElement {
  static get observedAttributes(): string[];
  /** The filter groups' values and counts for the current results, in
   *  their usual order (`[]` before a registry has loaded). */
  facets(): FacetValues[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name?: string, oldValue?: string | null, newValue?: string | null): void;

  addEventListener<K extends keyof OpenDataCatalogueEventMap>(
    type: K,
    listener: (this: OpenDataCatalogue, ev: OpenDataCatalogueEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: OpenDataCatalogue, ev: HTMLElementEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof OpenDataCatalogueEventMap>(
    type: K,
    listener: (this: OpenDataCatalogue, ev: OpenDataCatalogueEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: OpenDataCatalogue, ev: HTMLElementEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "open-data-catalogue": OpenDataCatalogue;
  }
  interface HTMLElementEventMap {
    "odc-load": CustomEvent<OdcLoadDetail>;
    "odc-error": CustomEvent<OdcErrorDetail>;
    "odc-open": CustomEvent<OdcOpenDetail>;
    "odc-search": CustomEvent<OdcSearchDetail>;
    "odc-filter": CustomEvent<OdcFilterDetail>;
    "odc-download": CustomEvent<OdcDownloadDetail>;
    "odc-page": CustomEvent<OdcPageDetail>;
  }
  // The events bubble out of the shadow root to the document and window.
  interface DocumentEventMap extends OpenDataCatalogueEventMap {}
  interface WindowEventMap extends OpenDataCatalogueEventMap {}
}
